// Date ranges for the fact commands: --from/--to on `mandates` and `timeline` (YYYY, YYYY-MM or
// YYYY-MM-DD), the years they mean for `costs`, and the latest end date a mission's mandates
// name. Works on the JSON objects the fact queries return, adding fields, never renaming.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace kz::query {

struct DateRange {
  std::string lo, hi;  // YYYY-MM-DD, inclusive; empty = open
  bool open() const { return lo.empty() && hi.empty(); }
};

// Throws QueryError for a date that is not YYYY, YYYY-MM or YYYY-MM-DD, or when from > to.
DateRange date_range(const std::string& from, const std::string& to);

// The year of a --from/--to value for `costs` ("2017", "2017-01-01" -> 2017); nullopt when empty.
std::optional<int> year_of(const std::string& typed, const char* option);

// Mandate rows whose period meets the range: an open end reaches out, an open start begins at
// the date of the document stating it; rows without dates go by that date. Adds "from", "to"
// when the range is not open.
nlohmann::json mandates_within(nlohmann::json m, const DateRange& r);

// Timeline documents dated within the range; adds "undated_left_out" (how many documents had
// no date and so were left out) and "from", "to".
nlohmann::json timeline_within(nlohmann::json t, const DateRange& r);

// The latest end date among the mandate rows, with the id of the document naming it; adds
// "latest_end": {"date", "source"} or null.
nlohmann::json with_latest_end(nlohmann::json m);

}  // namespace kz::query
