// Matching keys for mission names (see mission_keys.h).
#include "indexer/record/mission_keys.h"

#include "stemmer/analysis.h"

namespace kz {
namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
// After folding, bytes >= 0x80 are letters of scripts fold left alone.
bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

}  // namespace

std::string mission_key(std::string_view s) {
  std::string out;
  for (unsigned char c : analysis::fold(s))
    if (is_digit(c) || is_letter(c)) out += static_cast<char>(c);
  return out;
}

std::vector<std::string> mission_key_tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  int kind = 0;  // 1 letters, 2 digits
  for (unsigned char c : analysis::fold(s)) {
    int k = is_digit(c) ? 2 : is_letter(c) ? 1 : 0;
    if (k != kind && !cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
    kind = k;
    if (k) cur += static_cast<char>(c);
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace kz
