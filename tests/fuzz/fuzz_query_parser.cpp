// Fuzzes the search query language (words, "phrases", AND/OR/NOT, groups, field prefixes):
// any text is either a query or a QueryError/UnknownError with a message, never a crash.
#include <cstdint>
#include <string_view>

#include "indexer/record/missions.h"
#include "query/query.h"
#include "query/query_parser.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kz::MissionTable missions = kz::MissionTable::load_default();
  static const kz::query::QueryParser parser(missions);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    auto parsed = parser.parse(text);
    (void)parsed.query.get_description();
  } catch (const kz::query::QueryError& e) {
    KZ_FUZZ_CHECK(*e.what() != '\0');
  } catch (const kz::query::UnknownError& e) {
    KZ_FUZZ_CHECK(*e.what() != '\0');
  }
  // The same bytes as one field filter: "name:value" split at the first colon.
  if (auto colon = text.find(':'); colon != std::string_view::npos) {
    std::string_view name = text.substr(0, colon), value = text.substr(colon + 1);
    if (kz::query::QueryParser::is_field(name)) {
      try {
        (void)parser.field(name, value).get_description();
      } catch (const kz::query::QueryError& e) {
        KZ_FUZZ_CHECK(*e.what() != '\0');
      } catch (const kz::query::UnknownError& e) {
        KZ_FUZZ_CHECK(*e.what() != '\0');
      }
    }
  }
  return 0;
}
