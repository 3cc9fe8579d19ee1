// Dutch date phrases as written in government letters: "31 december 2026", "maart 2024",
// "eind 2026", "de zomer 2022", "het eerste kwartaal van 2024", "Q2 2026", "dit jaar", "heden".
#include "indexer/dates/date_phrases.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace kz::facts::detail {
namespace {

bool letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Multi-byte punctuation that must not glue to words: dashes, quotes, the euro sign.
std::size_t punct_utf8(std::string_view t, std::size_t i, std::string& as) {
  static const std::pair<const char*, const char*> table[] = {
      {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"}, {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"},
      {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x82\xAC", "\xE2\x82\xAC"},
      {"\xC2\xA0", " "}};
  for (auto& [from, to] : table) {
    std::string_view f(from);
    if (t.substr(i, f.size()) == f) {
      as = to;
      return f.size();
    }
  }
  return 0;
}

bool is_year(const Word& w) {
  if (!w.digits || w.w.size() != 4) return false;
  int y = std::stoi(w.w);
  return y >= 1945 && y <= 2099;
}

Ymd first_of(int y, int m) { return {y, m, 1}; }
Ymd last_of(int y, int m) { return {y, m, days_in_month(y, m)}; }

int ordinal(const std::string& w) {
  static const std::map<std::string, int> words = {{"eerste", 1}, {"tweede", 2}, {"derde", 3},
                                                   {"vierde", 4}, {"laatste", 4}};
  auto it = words.find(w);
  return it == words.end() ? 0 : it->second;
}

// Phrases that name a year relative to the letter.
int relative_year(const std::vector<Word>& ws, std::size_t i, int doc_year, std::size_t& next) {
  auto at = [&](std::size_t k) -> std::string { return k < ws.size() ? ws[k].w : ""; };
  std::size_t k = i;
  if (at(k) == "het") ++k;
  std::string a = at(k), b = at(k + 1);
  int shift = 99;
  if (a == "dit" && (b == "jaar" || b == "kalenderjaar" || b == "begrotingsjaar")) shift = 0;
  if ((a == "volgend" || a == "komend" || a == "komende" || a == "volgende") && b == "jaar") shift = 1;
  if ((a == "vorig" || a == "afgelopen" || a == "vorige") && b == "jaar") shift = -1;
  if (shift == 99 || doc_year == 0) return 0;
  next = k + 2;
  return doc_year + shift;
}

}  // namespace

std::vector<Word> lex(std::string_view t) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < t.size()) {
    unsigned char c = t[i];
    std::string as;
    if (std::size_t n = punct_utf8(t, i, as)) {
      if (as != " ") out.push_back({as, i, n, false});
      i += n;
      continue;
    }
    if (digit(c)) {
      std::size_t j = i;
      while (j < t.size() && digit(t[j])) ++j;
      out.push_back({std::string(t.substr(i, j - i)), i, j - i, true});
      i = j;
      continue;
    }
    if (letter(c) || c >= 0x80) {
      std::size_t j = i;
      std::string w;
      while (j < t.size()) {
        unsigned char d = t[j];
        std::string dummy;
        if (d >= 0x80 && punct_utf8(t, j, dummy)) break;
        if (!(letter(d) || d >= 0x80)) break;
        w += (d >= 'A' && d <= 'Z') ? static_cast<char>(d - 'A' + 'a') : static_cast<char>(d);
        ++j;
      }
      out.push_back({w, i, j - i, false});
      i = j;
      continue;
    }
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out.push_back({std::string(1, c), i, 1, false});
    ++i;
  }
  // "t/m" is one word.
  std::vector<Word> merged;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k + 2 < out.size() && out[k].w == "t" && out[k + 1].w == "/" && out[k + 2].w == "m" &&
        out[k + 2].offset == out[k].offset + 2) {
      merged.push_back({"t/m", out[k].offset, 3, false});
      k += 2;
      continue;
    }
    merged.push_back(out[k]);
  }
  return merged;
}

std::string iso(const Ymd& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
  return buf;
}

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return (m >= 1 && m <= 12) ? days[m - 1] : 30;
}

int month_number(const std::string& w) {
  static const std::map<std::string, int> months = {
      {"januari", 1}, {"februari", 2}, {"maart", 3},    {"april", 4},    {"mei", 5},
      {"juni", 6},    {"juli", 7},     {"augustus", 8}, {"september", 9}, {"oktober", 10},
      {"november", 11}, {"december", 12}, {"jan", 1},   {"feb", 2},      {"mrt", 3},
      {"apr", 4},     {"jun", 6},      {"jul", 7},      {"aug", 8},      {"sep", 9},
      {"sept", 9},    {"okt", 10},     {"nov", 11},     {"dec", 12}};
  auto it = months.find(w);
  return it == months.end() ? 0 : it->second;
}

int year_of(const std::string& d) {
  if (d.size() < 4 || !std::all_of(d.begin(), d.begin() + 4, [](char c) { return digit(c); })) return 0;
  return std::stoi(d.substr(0, 4));
}

std::optional<ParsedDate> parse_date(const std::vector<Word>& ws, std::size_t i, int doc_year) {
  auto at = [&](std::size_t k) -> const std::string& {
    static const std::string none;
    return k < ws.size() ? ws[k].w : none;
  };
  ParsedDate p;
  p.begin = i;
  std::size_t k = i;

  if (at(k) == "heden" || at(k) == "nu" || at(k) == "vandaag" || at(k) == "dato") {
    p.open = true;
    p.end = k + 1;
    return p;
  }
  std::size_t after_rel = 0;
  if (int y = relative_year(ws, k, doc_year, after_rel)) {
    p.first = Ymd{y, 1, 1};
    p.last = Ymd{y, 12, 31};
    p.end = after_rel;
    return p;
  }

  bool article = at(k) == "de" || at(k) == "het";
  std::size_t q = article ? k + 1 : k;
  const std::string& head = at(q);

  // A year (possibly missing) after an optional "van": used by qualifiers and seasons.
  auto year_after = [&](std::size_t j, int& year, std::size_t& next) {
    if (at(j) == "van") ++j;
    if (j < ws.size() && is_year(ws[j])) {
      year = std::stoi(ws[j].w);
      next = j + 1;
      return true;
    }
    return false;
  };

  // Quarters and halves: "het eerste kwartaal van 2024", "Q2 2026", "1e kwartaal", "H1 2025".
  {
    int n = ordinal(head);
    std::size_t j = q + 1;
    if (!n && q < ws.size() && ws[q].digits && ws[q].w.size() == 1 && at(q + 1) == "e") {
      n = ws[q].w[0] - '0';
      j = q + 2;
    }
    int quarter = 0, half = 0;
    if (n >= 1 && n <= 4 && at(j) == "kwartaal") quarter = n, ++j;
    else if (n >= 1 && n <= 2 && at(j) == "helft") half = n, ++j;
    if (!quarter && !half && (head == "q" || head == "h") && q + 1 < ws.size() && ws[q + 1].digits &&
        ws[q + 1].w.size() == 1 && ws[q + 1].offset == ws[q].offset + 1) {
      int v = ws[q + 1].w[0] - '0';
      if (head == "q" && v >= 1 && v <= 4) quarter = v;
      if (head == "h" && v >= 1 && v <= 2) half = v;
      j = q + 2;
    }
    if (quarter || half) {
      int y = 0;
      std::size_t next = j;
      if (!year_after(j, y, next)) {
        if (!doc_year) return std::nullopt;
        y = doc_year;
        p.year_missing = true;
      }
      int m0 = quarter ? (quarter - 1) * 3 + 1 : (half - 1) * 6 + 1;
      int m1 = quarter ? m0 + 2 : m0 + 5;
      p.first = first_of(y, m0);
      p.last = last_of(y, m1);
      p.has_month = true;
      p.end = next;
      return p;
    }
  }

  // Seasons: "de zomer 2022", "het voorjaar van 2025", "najaar".
  {
    static const std::map<std::string, std::pair<int, int>> seasons = {
        {"voorjaar", {3, 5}}, {"lente", {3, 5}}, {"zomer", {6, 8}},
        {"najaar", {9, 11}},  {"herfst", {9, 11}}, {"winter", {12, 14}}};
    auto it = seasons.find(head);
    if (it != seasons.end()) {
      int y = 0;
      std::size_t next = q + 1;
      if (!year_after(q + 1, y, next)) {
        y = doc_year;
        p.year_missing = true;
        if (!y) return std::nullopt;
      }
      auto [m0, m1] = it->second;
      p.first = first_of(y, m0);
      p.last = m1 > 12 ? last_of(y + 1, m1 - 12) : last_of(y, m1);
      p.has_month = true;
      p.end = next;
      return p;
    }
  }

  // Qualified: "eind 2026", "begin januari", "medio 2024", "half maart".
  std::string qual;
  if (head == "begin" || head == "eind" || head == "einde" || head == "ultimo" || head == "medio" ||
      head == "half" || head == "midden" || head == "halverwege" || head == "aanvang" ||
      head == "start") {
    qual = head;
    k = q + 1;
    if (at(k) == "van") ++k;
    // "tot het einde van het jaar", "eind dit jaar"
    if ((at(k) == "het" || at(k) == "dit") && at(k + 1) == "jaar" && doc_year) {
      p.end = k + 2;
      if (qual == "begin" || qual == "aanvang" || qual == "start") {
        p.first = Ymd{doc_year, 1, 1};
      } else if (qual == "eind" || qual == "einde" || qual == "ultimo") {
        p.first = p.last = Ymd{doc_year, 12, 31};
      } else {
        p.first = Ymd{doc_year, 7, 1};
        p.last = Ymd{doc_year, 6, 30};
      }
      return p;
    }
  } else if (article) {
    return std::nullopt;
  }

  // Core: [day] month [year] | year
  int day = 0, month = 0, year = 0;
  std::size_t j = k;
  if (j < ws.size() && ws[j].digits && ws[j].w.size() <= 2 && month_number(at(j + 1))) {
    day = std::stoi(ws[j].w);
    if (day < 1 || day > 31) return std::nullopt;
    ++j;
  }
  if ((month = month_number(at(j)))) {
    ++j;
    if (at(j) == ".") ++j;  // "okt."
    if (j < ws.size() && is_year(ws[j])) {
      year = std::stoi(ws[j].w);
      ++j;
    } else if (at(j) == "jl" || (at(j) == "a" && at(j + 1) == "." && at(j + 2) == "s")) {
      year = doc_year;
      j += at(j) == "jl" ? 1 : 3;
      if (at(j) == ".") ++j;
    }
    // A bare short month word ("mei" alone is fine, "jan" as a name is not) needs a day or year.
    if (!day && !year && ws[j - 1].w.size() <= 4 && ws[j - 1].w != "mei" && ws[j - 1].w != "juni" &&
        ws[j - 1].w != "juli" && at(j - 1) != ".")
      return std::nullopt;
  } else if (j < ws.size() && is_year(ws[j]) && !day) {
    year = std::stoi(ws[j].w);
    ++j;
    // "2500 ES", "1.000", "2024,5" are no years.
    if (j < ws.size() && (ws[j].w == "." || ws[j].w == ",") && j + 1 < ws.size() && ws[j + 1].digits &&
        ws[j + 1].offset == ws[j].offset + 1)
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  p.end = j;
  if (!year) {
    p.year_missing = true;
    year = doc_year ? doc_year : 2000;
  }
  p.has_month = month != 0;
  p.full_day = day != 0;
  Ymd lo, hi;
  if (day) {
    if (day > days_in_month(year, month)) return std::nullopt;
    lo = hi = Ymd{year, month, day};
  } else if (month) {
    lo = first_of(year, month);
    hi = last_of(year, month);
  } else {
    lo = {year, 1, 1};
    hi = {year, 12, 31};
  }
  if (qual.empty() || (month && !day)) {
    // "eind september", "medio februari", "begin juni": a month is read at the month's level.
    p.first = lo;
    p.last = hi;
  } else if (qual == "begin" || qual == "aanvang" || qual == "start") {
    p.first = lo;  // a vague beginning bounds nothing as an end
  } else if (qual == "eind" || qual == "einde" || qual == "ultimo") {
    p.first = hi;
    p.last = hi;
  } else {  // medio, half, midden, halverwege
    if (month) {
      p.first = Ymd{year, month, 15};
      p.last = Ymd{year, month, 15};
    } else {
      p.first = Ymd{year, 7, 1};
      p.last = Ymd{year, 6, 30};
    }
  }
  return p;
}

void fill_missing_years(std::vector<ParsedDate>& dates, int doc_year) {
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (!dates[i].year_missing || dates[i].open) continue;
    int year = 0;
    for (std::size_t j = i + 1; j < dates.size() && !year; ++j)
      if (!dates[j].year_missing && !dates[j].open && (dates[j].first || dates[j].last))
        year = (dates[j].first ? dates[j].first : dates[j].last)->y;
    for (std::size_t j = i; j-- > 0 && !year;)
      if (!dates[j].year_missing && !dates[j].open && (dates[j].first || dates[j].last))
        year = (dates[j].first ? dates[j].first : dates[j].last)->y;
    const bool from_document = !year;
    if (!year) year = doc_year;
    if (!year) continue;
    dates[i].year_from_document = from_document;
    int base = dates[i].first ? dates[i].first->y : dates[i].last->y;
    int shift = year - base;
    for (auto* d : {&dates[i].first, &dates[i].last}) {
      if (!*d) continue;
      (*d)->y += shift;  // spans crossing new year (winter) keep their distance
      if ((*d)->m == 2 && !dates[i].full_day && (*d)->d >= 28) (*d)->d = days_in_month((*d)->y, 2);
      if ((*d)->m == 2) (*d)->d = std::min((*d)->d, days_in_month((*d)->y, 2));
    }
    dates[i].year_missing = false;
    dates[i].year_borrowed = true;
  }
}

std::vector<ParsedDate> dated_phrases(const std::vector<Word>& words, int doc_year) {
  std::vector<ParsedDate> dates;
  for (std::size_t i = 0; i < words.size();) {
    if (auto d = parse_date(words, i, doc_year)) {
      dates.push_back(*d);
      i = d->end;
    } else {
      ++i;
    }
  }
  fill_missing_years(dates, doc_year);
  std::erase_if(dates, [](const ParsedDate& d) { return d.year_missing; });  // no year to be had
  return dates;
}

}  // namespace kz::facts::detail
