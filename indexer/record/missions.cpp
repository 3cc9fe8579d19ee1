// The mission table: parses corpus/missions.tsv and resolves what a user types (an id, a name,
// an alias, or a mix of their words) to one mission, with suggestions for unknown spellings.
#include "indexer/record/missions.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "indexer/record/mission_keys.h"
#include "indexer/record/mission_recognizer.h"
#include "stemmer/analysis.h"

namespace kz {
namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t next = s.find(sep, pos);
    out.push_back(trim(s.substr(pos, next == std::string_view::npos ? next : next - pos)));
    if (next == std::string_view::npos) break;
    pos = next + sep.size();
  }
  return out;
}

bool valid_id(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// "1992-1995", "2013-" (ongoing) or "2004": the years of Dutch participation.
bool read_years(const std::string& s, int& first, int& last) {
  auto year = [](std::string_view y, int& out) {
    if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    out = std::stoi(std::string(y));
    return true;
  };
  std::size_t dash = s.find('-');
  if (dash == std::string::npos) return year(s, first) && year(s, last);
  if (!year(std::string_view(s).substr(0, dash), first)) return false;
  last = 0;
  std::string_view rest = std::string_view(s).substr(dash + 1);
  return rest.empty() || (year(rest, last) && last >= first);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

double similarity(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  double d = static_cast<double>(edit_distance(a, b));
  return 1.0 - d / static_cast<double>(std::max(a.size(), b.size()));
}

// Every spelling a mission answers to: id, name, aliases.
std::vector<std::string> spellings(const Mission& m) {
  std::vector<std::string> all{m.id, m.name};
  all.insert(all.end(), m.aliases.begin(), m.aliases.end());
  return all;
}

}  // namespace

MissionTable MissionTable::parse(std::string_view tsv) {
  MissionTable table;
  table.tsv_ = std::string(tsv);
  std::set<std::string> ids;
  std::istringstream in{std::string(tsv)};
  std::string line;
  int number = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++number;
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto cols = split(line, "\t");
    if (!header_seen && !cols.empty() && cols[0] == "id") {
      header_seen = true;
      continue;
    }
    auto where = "missions.tsv line " + std::to_string(number) + ": ";
    if (cols.size() < 2)
      throw std::runtime_error(where + "expected id<TAB>name<TAB>aliases, found " +
                               std::to_string(cols.size()) + " column(s)");
    Mission m;
    m.id = cols[0];
    m.name = cols[1];
    if (!valid_id(m.id))
      throw std::runtime_error(where + "id '" + m.id +
                               "' must be lowercase letters, digits and hyphens");
    if (m.name.empty()) throw std::runtime_error(where + "mission '" + m.id + "' has no name");
    if (!ids.insert(m.id).second)
      throw std::runtime_error(where + "mission id '" + m.id + "' appears twice");
    auto list = [&](std::size_t col, std::vector<std::string>& into) {
      if (cols.size() <= col || cols[col].empty()) return;
      for (auto& a : split(cols[col], "|"))
        if (!a.empty() && std::find(into.begin(), into.end(), a) == into.end()) into.push_back(a);
    };
    list(2, m.aliases);
    list(3, m.places);
    list(4, m.means);
    if (cols.size() >= 6 && !cols[5].empty() && !read_years(cols[5], m.first_year, m.last_year))
      throw std::runtime_error(where + "years '" + cols[5] + "' of '" + m.id +
                               "' must be YYYY, YYYY-YYYY or YYYY- (ongoing)");
    table.missions_.push_back(std::move(m));
  }
  return table;
}

MissionTable MissionTable::load_default() {
  std::string path = analysis::data_dir() + "/corpus/missions.tsv";
  std::ifstream f(path, std::ios::binary);
  if (!f)
    throw std::runtime_error("cannot read the mission table " + path +
                             " (set KAMERZOEK_DATA to the directory holding corpus/missions.tsv)");
  std::stringstream ss;
  ss << f.rdbuf();
  return parse(ss.str());
}

const Mission* MissionTable::by_id(std::string_view id) const {
  for (const auto& m : missions_)
    if (m.id == id) return &m;
  return nullptr;
}

const Mission* MissionTable::resolve(std::string_view typed) const {
  if (const Mission* m = resolve_exact(typed)) return m;
  // Else what the recognizer reads in it: word order, inflection, means and place, typos.
  auto found = resolve_typed_mission(*this, typed);
  return found ? found->mission : nullptr;
}

const Mission* MissionTable::resolve_exact(std::string_view typed) const {
  std::string key = mission_key(typed);
  if (key.empty()) return nullptr;
  // The whole spelling equals an id, name or alias; ids and names win over aliases.
  for (const auto& m : missions_)
    if (mission_key(m.id) == key || mission_key(m.name) == key) return &m;
  for (const auto& m : missions_)
    for (const auto& a : m.aliases)
      if (mission_key(a) == key) return &m;
  return nullptr;
}

std::vector<const Mission*> MissionTable::closest_missions(std::string_view typed,
                                                           std::size_t n) const {
  std::string key = mission_key(typed);
  auto typed_tokens = mission_key_tokens(typed);
  // What the recognizer reads comes first, then the spellings nearest as strings.
  std::vector<const Mission*> read;
  for (const auto& mention : recognize_missions(*this, typed)) {
    read.push_back(mention.mission);
    read.insert(read.end(), mention.alternatives.begin(), mention.alternatives.end());
  }
  std::vector<std::pair<double, const Mission*>> scored;
  for (const auto& m : missions_) {
    double best = 0;
    for (const auto& s : spellings(m)) {
      double whole = similarity(key, mission_key(s));
      auto toks = mission_key_tokens(s);
      double tok = 0;
      if (!typed_tokens.empty() && !toks.empty()) {
        for (const auto& t : typed_tokens) {
          double b = 0;
          for (const auto& v : toks) b = std::max(b, similarity(t, v));
          tok += b;
        }
        tok /= static_cast<double>(typed_tokens.size());
        // A spelling with many more words than typed is a weaker match.
        tok *= 0.85 + 0.15 * std::min(1.0, static_cast<double>(typed_tokens.size()) /
                                               static_cast<double>(toks.size()));
      }
      best = std::max({best, whole, tok * 0.95});
    }
    scored.push_back({best, &m});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const Mission*> out;
  for (const Mission* m : read)
    if (out.size() < n && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  for (const auto& [score, m] : scored) {
    if (out.size() >= n || score < 0.4) break;
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  return out;
}

std::vector<std::string> MissionTable::closest(std::string_view typed, std::size_t n) const {
  std::vector<std::string> out;
  for (const auto* m : closest_missions(typed, n)) out.push_back(m->name);
  return out;
}

}  // namespace kz
