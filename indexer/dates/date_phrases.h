// Shared internals of the period and cost-year readers: a word lexer with byte offsets over a
// sentence and the Dutch date-phrase parser working on its words.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kz::facts::detail {

struct Word {
  std::string w;            // ASCII-lowercased word, digit run, or one punctuation character
  std::size_t offset = 0, length = 0;
  bool digits = false;
};
std::vector<Word> lex(std::string_view text);

struct Ymd {
  int y = 0, m = 0, d = 0;
};
std::string iso(const Ymd& d);
int days_in_month(int y, int m);
int month_number(const std::string& w);  // "maart" -> 3, "okt" -> 10, 0 when none

struct ParsedDate {
  std::optional<Ymd> first, last;  // bounds of the span; a bound may be unknown ("begin 2026")
  bool open = false;               // "heden", "nu": the span has not ended
  bool year_missing = false;       // "21 februari": month/day without a year
  bool year_borrowed = false;      // the year was taken from another phrase (fill_missing_years)
  bool year_from_document = false; // ... or, with none in the sentence, from the document's date
  bool has_month = false;          // more precise than a year
  bool full_day = false;           // "9 januari 2025"
  std::size_t begin = 0, end = 0;  // word index range [begin, end)
};

// Parses a date phrase starting at words[i]; doc_year resolves "dit jaar", "jl." and friends.
std::optional<ParsedDate> parse_date(const std::vector<Word>& words, std::size_t i, int doc_year);

// Gives phrases without a year the year of the nearest dated phrase after them (else before,
// else doc_year), so "van 21 februari tot en met 28 februari, en 12 april ... 2025" reads 2025.
void fill_missing_years(std::vector<ParsedDate>& dates, int doc_year);

// Every date phrase in `words`, left to right, with missing years filled; phrases that still
// have no year are dropped.
std::vector<ParsedDate> dated_phrases(const std::vector<Word>& words, int doc_year);

int year_of(const std::string& iso_date);  // 0 when empty

}  // namespace kz::facts::detail
