// Furniture detection: fixed patterns that official papers print on every page, plus any
// line repeated in the top or bottom margin of several pages (with digits ignored).
#include "indexer/pdf/page_furniture.h"

#include <map>
#include <regex>
#include <set>
#include <string>

namespace kz {
namespace {

bool pattern_furniture(const std::string& t) {
  static const std::regex patterns[] = {
      std::regex(R"(^Pagina \d+ van \d+$)"),
      std::regex(R"(^(Tweede|Eerste) Kamer, vergaderjaar .*nr\. ?\S+( \d+)?$)"),
      std::regex(R"(^kst-[0-9A-Za-z-]+$)"),
      std::regex(R"(^ISSN [0-9 -]+$)"),
      std::regex(R"(^'s-Gravenhage \d{4}$)"),
  };
  for (const auto& re : patterns)
    if (std::regex_match(t, re)) return true;
  return false;
}

std::string shape(const std::string& t) {
  std::string s;
  for (char c : t) s.push_back(c >= '0' && c <= '9' ? '#' : c);
  return s;
}

bool in_margin(const Line& l) {
  return l.y < l.page_height * 0.11 || l.y > l.page_height * 0.90;
}

bool only_digits(const std::string& t) {
  if (t.empty() || t.size() > 4) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

void mark_furniture(std::vector<Line>& lines, int pages) {
  std::map<std::string, std::set<int>> seen;
  for (const auto& l : lines)
    if (in_margin(l)) seen[shape(l.text)].insert(l.page);

  for (auto& l : lines) {
    if (pattern_furniture(l.text)) {
      l.role = Line::Role::Furniture;
    } else if (in_margin(l) && (only_digits(l.text) || (pages > 1 && seen[shape(l.text)].size() >= 2))) {
      l.role = Line::Role::Furniture;
    } else if (l.x >= l.page_width * 0.66) {
      // Ministerial letters print sender, date and reference in a right-hand column.
      l.role = Line::Role::Side;
    }
  }
}

}  // namespace kz
