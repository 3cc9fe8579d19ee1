// Fuzzes the readers of stored bytes, which a damaged or foreign index can hand to every query
// command: the document record (document_data) and the facts slot (fact_slot). They must refuse
// or read, never crash; pages read from the current format lie inside the bytes; a record or a
// facts value read and written again reads back the same.
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/record/document_data.h"
#include "indexer/record/document_json.h"
#include "indexer/record/fact_slot.h"
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

  // Facts read from any format and written again read back the same.
  kz::fact_slot::Record facts;
  if (kz::fact_slot::decode(stored, {}, facts)) {
    kz::Metadata meta;
    meta.id = facts.id;
    meta.date = facts.date;
    meta.title = facts.title;
    meta.doctype = facts.doctype;
    kz::fact_slot::Record again;
    KZ_FUZZ_CHECK(kz::fact_slot::decode(kz::fact_slot::encode(meta, {{}, facts.costs, facts.periods}), {}, again));
    KZ_FUZZ_CHECK(again.id == facts.id && again.date == facts.date && again.title == facts.title &&
                  again.doctype == facts.doctype);
    KZ_FUZZ_CHECK(again.costs.size() == facts.costs.size() && again.periods.size() == facts.periods.size());
    for (std::size_t i = 0; i < facts.costs.size(); ++i)
      KZ_FUZZ_CHECK(kz::cost_to_json(again.costs[i]) == kz::cost_to_json(facts.costs[i]));
    for (std::size_t i = 0; i < facts.periods.size(); ++i)
      KZ_FUZZ_CHECK(kz::period_to_json(again.periods[i]) == kz::period_to_json(facts.periods[i]));
  }
  return 0;
}
