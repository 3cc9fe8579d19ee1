// Finds the command a user meant from a misspelling; see command_suggest.h.
#include "cli/command_suggest.h"

#include <algorithm>
#include <cctype>

namespace kz::cli {
namespace {

// Damerau-style distance: insertions, deletions, substitutions and swapped neighbours.
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::string nearest_command(const std::string& typed, const std::vector<std::string>& known) {
  std::string t = typed;
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string best;
  std::size_t best_d = std::string::npos;
  for (const auto& k : known) {
    std::size_t d = distance(t, k);
    // A prefix of a command ("mand") is as good as a small typo.
    if (k.rfind(t, 0) == 0 && t.size() >= 3) d = std::min<std::size_t>(d, 1);
    if (d < best_d) best_d = d, best = k;
  }
  // Allow about one typo per three letters, at most three.
  std::size_t allowed = std::min<std::size_t>(3, std::max<std::size_t>(1, t.size() / 3));
  return best_d <= allowed ? best : std::string();
}

}  // namespace kz::cli
