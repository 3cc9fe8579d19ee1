// Dutch dates as printed in parliamentary papers ("25 oktober 2023", "mei 2024",
// "van mei 2024 tot en met april 2025"), found inside running text.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kz::dutch_date {

struct Found {
  std::string iso;            // "YYYY-MM-DD"
  std::size_t offset = 0, length = 0;
};

// Month number for a Dutch month name or its usual abbreviation ("okt", "sept."), else 0.
int month_number(std::string_view word);

// First full date "D MONTH YYYY" at or after `from`.
std::optional<Found> find_date(std::string_view text, std::size_t from = 0);

// A full date starting exactly at `pos` (after optional spaces).
std::optional<Found> date_at(std::string_view text, std::size_t pos);

// A period "MONTH YYYY tot en met MONTH YYYY" (also with days, "t/m", "tot", a dash, or the
// first year left out: "mei tot en met december 2024"). Month-only starts are the first of the
// month, month-only ends the last day.
struct Period {
  std::string start, end;
  std::size_t offset = 0, length = 0;
};
std::optional<Period> find_period(std::string_view text, std::size_t from = 0);

int days_in_month(int year, int month);
std::string iso(int year, int month, int day);

}  // namespace kz::dutch_date

namespace kz {
// Dutch dates as printed: "25 oktober 2023", "21 mei 2025", "1 maart 2026" -> "YYYY-MM-DD".
// Empty when the text is not a full date.
std::string parse_dutch_date(std::string_view text);
}  // namespace kz
