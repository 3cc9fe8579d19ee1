// Fuzzes the layout stage and everything after it on synthetic positioned lines (any
// coordinates, sizes, page numbers and text): rebuild_text, then metadata and fact extraction.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>

#include "indexer/facts/facts.h"
#include "indexer/metadata/metadata.h"
#include "indexer/record/missions.h"
#include "indexer/pdf/pdf_text.h"
#include "indexer/pdf/print_form.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kz::MissionTable missions = kz::MissionTable::load_default();
  FuzzedDataProvider in(data, size);
  int pages = in.ConsumeIntegralInRange<int>(1, 6);
  std::vector<kz::Line> lines;
  while (in.remaining_bytes() > 0 && lines.size() < 400) {
    kz::Line l;
    l.page = in.ConsumeIntegralInRange<int>(1, pages);
    l.page_width = in.ConsumeBool() ? 595 : in.ConsumeFloatingPointInRange<double>(1, 5000);
    l.page_height = in.ConsumeBool() ? 842 : in.ConsumeFloatingPointInRange<double>(1, 5000);
    l.x = in.ConsumeFloatingPointInRange<double>(-100, l.page_width + 100);
    l.y = in.ConsumeFloatingPointInRange<double>(-100, l.page_height + 100);
    l.width = in.ConsumeFloatingPointInRange<double>(0, l.page_width);
    l.font_size = in.ConsumeFloatingPointInRange<double>(0, 40);
    l.height = l.font_size * in.ConsumeFloatingPointInRange<double>(0, 2);
    l.text = kz::print_form(in.ConsumeRandomLengthString(200));
    if (l.text.empty()) continue;
    lines.push_back(std::move(l));
  }
  kz::CleanText clean = kz::rebuild_text(std::move(lines), pages);
  for (const auto& p : clean.body) KZ_FUZZ_CHECK(p.page >= 0 && p.page <= pages);
  kz::Metadata meta = kz::extract_metadata(clean, std::string(64, 'a'));
  KZ_FUZZ_CHECK(!meta.id.empty());
  kz::extract_facts(clean, meta, missions);
  return 0;
}
