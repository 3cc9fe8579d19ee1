// Furniture detection: fixed patterns that official papers print on every page, plus any
// line repeated in the top or bottom margin of several pages (with digits ignored).
#include "indexer/pdf/page_furniture.h"

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace kz {
namespace {

// The fixed patterns are matched by hand: a regex with `.*` backtracks by recursion in
// libstdc++, and a PDF line of a megabyte (it happens) overflowed the worker's stack.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// Digits from `i` to the end of `t` (at least one).
bool digits_to_end(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  for (; i < t.size(); ++i)
    if (!is_digit(t[i])) return false;
  return true;
}

// Skips one or more digits at `i`; false when there is none.
bool skip_digits(std::string_view t, std::size_t& i) {
  std::size_t b = i;
  while (i < t.size() && is_digit(t[i])) ++i;
  return i > b;
}

// "Pagina 3 van 12"
bool page_x_of_y(std::string_view t) {
  if (!t.starts_with("Pagina ")) return false;
  std::size_t i = 7;
  if (!skip_digits(t, i) || t.substr(i, 5) != " van ") return false;
  return digits_to_end(t, i + 5);
}

// "Tweede Kamer, vergaderjaar 2016–2017, 29 521, nr. 343" (or Eerste Kamer): the line ends in
// "nr." and a number (one word), maybe followed by a page number after a space.
bool kamer_running_head(std::string_view t) {
  constexpr std::string_view tail = " Kamer, vergaderjaar ";
  std::size_t start;
  if (t.starts_with("Tweede") || t.starts_with("Eerste"))
    start = 6;
  else
    return false;
  if (t.substr(start, tail.size()) != tail) return false;
  start += tail.size();
  if (t.find_first_of("\r\n", start) != std::string_view::npos) return false;
  // What may follow "nr.": one word, or one word, a space and digits. So only the last two
  // white spaces of the line matter.
  std::size_t n = t.size(), last = std::string_view::npos, before = std::string_view::npos;
  for (std::size_t i = n; i-- > start;)
    if (is_space(t[i])) {
      if (last == std::string_view::npos) {
        last = i;
      } else {
        before = i;
        break;
      }
    }
  bool number_at_end = last != std::string_view::npos && t[last] == ' ' && digits_to_end(t, last + 1);
  auto word_then_end = [&](std::size_t u) {  // \S+( \d+)?$ from u
    if (u >= n || is_space(t[u])) return false;
    if (last == std::string_view::npos || u > last) return true;
    if (before != std::string_view::npos && u <= before) return false;
    return number_at_end;
  };
  for (std::size_t p = t.find("nr.", start); p != std::string_view::npos; p = t.find("nr.", p + 1)) {
    std::size_t u = p + 3;
    if (u < n && t[u] == ' ') ++u;
    if (word_then_end(u)) return true;
  }
  return false;
}

bool all_of_from(std::string_view t, std::size_t i, bool (*ok)(char)) {
  if (i >= t.size()) return false;
  for (; i < t.size(); ++i)
    if (!ok(t[i])) return false;
  return true;
}

bool pattern_furniture(const std::string& text) {
  std::string_view t = text;
  if (page_x_of_y(t) || kamer_running_head(t)) return true;
  if (t.starts_with("kst-") && all_of_from(t, 4, [](char c) {
        return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
      }))
    return true;
  if (t.starts_with("ISSN ") && all_of_from(t, 5, [](char c) { return is_digit(c) || c == ' ' || c == '-'; })) return true;
  return t.starts_with("'s-Gravenhage ") && t.size() == 18 && digits_to_end(t, 14);
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
