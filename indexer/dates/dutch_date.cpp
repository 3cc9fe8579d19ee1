// Reads Dutch dates and periods from running text; see dutch_date.h.
#include "indexer/dates/dutch_date.h"

#include <array>
#include <cstdio>

#include "indexer/dates/meta_text.h"

namespace kz::dutch_date {
namespace {

using namespace kz::meta_text;

struct MonthName {
  std::string_view name;
  int month;
};
// Full names first so that "maart" is not read as the abbreviation "mar".
constexpr std::array<MonthName, 26> kMonths{{
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"april", 4}, {"mei", 5}, {"juni", 6},
    {"juli", 7}, {"augustus", 8}, {"september", 9}, {"oktober", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"febr", 2}, {"mrt", 3}, {"apr", 4}, {"jun", 6},
    {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"okt", 10}, {"nov", 11}, {"dec", 12},
    {"mar", 3},
}};

// Reads a month word at pos; returns its month and moves pos past it (and an abbreviation dot).
int read_month(std::string_view s, std::size_t& pos) {
  std::size_t end = pos;
  while (end < s.size() && is_alpha(s[end])) ++end;
  if (end == pos) return 0;
  int m = month_number(s.substr(pos, end - pos));
  if (m == 0) return 0;
  if (end < s.size() && s[end] == '.' && end - pos < 5) ++end;
  pos = end;
  return m;
}

// Reads 1-2 digit day or 4-digit year; returns -1 when the digits do not fit `count`.
int read_number(std::string_view s, std::size_t& pos, std::size_t min_digits, std::size_t max_digits) {
  std::size_t end = pos;
  while (end < s.size() && is_digit(s[end])) ++end;
  std::size_t n = end - pos;
  if (n < min_digits || n > max_digits) return -1;
  if (end < s.size() && is_alpha(s[end])) return -1;  // "12e" or "2024a"
  int v = 0;
  for (std::size_t i = pos; i < end; ++i) v = v * 10 + (s[i] - '0');
  pos = end;
  return v;
}

// "D MONTH YYYY" or "MONTH YYYY" at pos. day is 0 when absent; year 0 when absent.
struct Partial {
  int day = 0, month = 0, year = 0;
  std::size_t end = 0;
};

std::optional<Partial> partial_at(std::string_view s, std::size_t pos, bool need_year) {
  Partial p;
  std::size_t i = pos;
  if (i < s.size() && is_digit(s[i])) {
    if (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == ',' || s[i - 1] == '.')) return std::nullopt;
    p.day = read_number(s, i, 1, 2);
    if (p.day < 1 || p.day > 31) return std::nullopt;
    std::size_t j = skip_spaces(s, i);
    if (j == i) return std::nullopt;
    i = j;
  } else if (i > 0 && is_wordish(s[i - 1])) {
    return std::nullopt;
  }
  p.month = read_month(s, i);
  if (p.month == 0) return std::nullopt;
  std::size_t after_month = i;
  std::size_t j = skip_spaces(s, i);
  if (j > i && j < s.size() && is_digit(s[j])) {
    std::size_t k = j;
    int y = read_number(s, k, 4, 4);
    if (y >= 1800 && y <= 2200) {
      p.year = y;
      i = k;
    }
  }
  if (p.year == 0) {
    if (need_year) return std::nullopt;
    i = after_month;
  }
  if (p.day > days_in_month(p.year == 0 ? 2000 : p.year, p.month)) return std::nullopt;
  p.end = i;
  return p;
}

}  // namespace

int month_number(std::string_view word) {
  for (const auto& m : kMonths)
    if (equals_ci(word, m.name)) return m.month;
  return 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string iso(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Found> date_at(std::string_view text, std::size_t pos) {
  pos = skip_spaces(text, pos);
  auto p = partial_at(text, pos, true);
  if (!p || p->day == 0) return std::nullopt;
  return Found{iso(p->year, p->month, p->day), pos, p->end - pos};
}

std::optional<Found> find_date(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
    if (auto f = date_at(text, i)) return f;
  }
  return std::nullopt;
}

namespace {

// Skips a period connector ("tot en met", "t/m", "tot", "-", "–", "until"); npos when none.
std::size_t skip_connector(std::string_view s, std::size_t pos) {
  std::size_t i = skip_spaces(s, pos);
  for (std::string_view c : {"tot en met", "t/m", "tot", "-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    if (match_ci(s, i, c)) {
      std::size_t end = i + c.size();
      if (is_alpha(c.back()) && end < s.size() && is_wordish(s[end])) continue;
      return skip_spaces(s, end);
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<Period> find_period(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (!is_wordish(text[i]) || (i > 0 && is_wordish(text[i - 1]))) continue;
    auto a = partial_at(text, i, false);
    if (!a) continue;
    std::size_t j = skip_connector(text, a->end);
    if (j == std::string_view::npos) continue;
    auto b = partial_at(text, j, true);
    if (!b) continue;
    int ay = a->year ? a->year : b->year;
    if (ay > b->year || (a->year == 0 && a->month > b->month)) continue;
    Period p;
    p.start = iso(ay, a->month, a->day ? a->day : 1);
    p.end = iso(b->year, b->month, b->day ? b->day : days_in_month(b->year, b->month));
    if (p.start > p.end) continue;
    p.offset = i;
    p.length = b->end - i;
    return p;
  }
  return std::nullopt;
}

}  // namespace kz::dutch_date

namespace kz {

std::string parse_dutch_date(std::string_view text) {
  if (auto f = dutch_date::find_date(text)) return f->iso;
  // Numeric "25-10-2023" / "25.10.2023" only when that is all the text says.
  std::string_view t = meta_text::trim(text);
  int d = 0, m = 0, y = 0;
  char s1 = 0, s2 = 0, extra = 0;
  std::string buf(t);
  if (std::sscanf(buf.c_str(), "%2d%c%2d%c%4d%c", &d, &s1, &m, &s2, &y, &extra) == 5 &&
      s1 == s2 && (s1 == '-' || s1 == '.' || s1 == '/') && y >= 1800 && m >= 1 && m <= 12 &&
      d >= 1 && d <= dutch_date::days_in_month(y, m))
    return dutch_date::iso(y, m, d);
  return {};
}

}  // namespace kz
