// Fuzzes the readers of stored bytes, which a damaged or foreign index can hand to every query
// command: the document record (document_data) and the facts slot (fact_slot). They must refuse
// or read, never crash; pages read from the current format lie inside the bytes; a record read
// and written again reads back the same.
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/document_data.h"
#include "indexer/fact_slot.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view stored(reinterpret_cast<const char*>(data), size);

  kz::document_data::Parts parts = kz::document_data::split(stored);
  if (!stored.empty() && stored.front() == '\x02')
    for (auto page : parts.pages)
      KZ_FUZZ_CHECK(page.data() >= stored.data() && page.data() + page.size() <= stored.data() + stored.size());

  nlohmann::json record = kz::document_data::decode(stored);
  KZ_FUZZ_CHECK(record.is_discarded() == parts.head.is_discarded());
  if (record.is_object()) {
    KZ_FUZZ_CHECK(record["pages"].size() == parts.pages.size());
    // Writing replaces control bytes in pages, so compare from the first rewrite on.
    std::string once = kz::document_data::encode(record);
    nlohmann::json again = kz::document_data::decode(once);
    KZ_FUZZ_CHECK(again.is_object());
    KZ_FUZZ_CHECK(kz::document_data::encode(again) == once);
  }

  std::string lines = kz::fact_slot::decode(stored);
  KZ_FUZZ_CHECK(lines.size() <= (64u << 20));
  return 0;
}
