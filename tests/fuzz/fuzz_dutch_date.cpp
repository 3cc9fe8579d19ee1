// Fuzzes the Dutch date readers: parse_dutch_date ("21 mei 2025") and the date-phrase parser
// behind mandates and periods ("van 1 januari tot en met 31 maart 2026", "begin 2026").
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/dates/date_phrases.h"
#include "indexer/dates/dutch_date.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

bool valid_iso(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= kz::facts::detail::days_in_month(y, m);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string parsed = kz::parse_dutch_date(text);
  KZ_FUZZ_CHECK(parsed.empty() || valid_iso(parsed));

  using namespace kz::facts::detail;
  auto words = lex(text);
  for (const auto& w : words) KZ_FUZZ_CHECK(w.offset + w.length <= text.size());
  std::vector<ParsedDate> dates;
  for (std::size_t i = 0; i < words.size() && dates.size() < 64; ++i) {
    if (auto d = parse_date(words, i, 2025)) {
      KZ_FUZZ_CHECK(d->begin <= d->end && d->end <= words.size());
      dates.push_back(*d);
    }
  }
  fill_missing_years(dates, 2025);
  for (const auto& d : dates) {
    if (d.first) (void)iso(*d.first);
    if (d.last) (void)iso(*d.last);
  }
  return 0;
}
