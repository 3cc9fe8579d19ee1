// Fuzzes metadata and fact extraction on whole letters: the input is taken as the printed
// lines of a document (50 lines a page, as a plain A4 letter), laid out, then read for id,
// date, title, signatories, citations, missions, amounts and periods.
#include <cstdint>
#include <string_view>

#include "indexer/facts/facts.h"
#include "indexer/metadata/metadata.h"
#include "indexer/record/missions.h"
#include "indexer/pdf/pdf_text.h"
#include "indexer/pdf/print_form.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kz::MissionTable missions = kz::MissionTable::load_default();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<kz::Line> lines;
  int row = 0;
  std::size_t start = 0;
  while (start < input.size()) {
    std::size_t nl = input.find('\n', start);
    if (nl == std::string_view::npos) nl = input.size();
    std::string_view raw = input.substr(start, nl - start);
    start = nl + 1;
    // Leading spaces stand for indentation, as in pdftotext -layout output.
    std::size_t indent = raw.find_first_not_of(' ');
    kz::Line l;
    l.page = 1 + row / 50;
    l.y = 60 + 14.0 * (row % 50);
    l.x = 72 + 5.5 * (indent == std::string_view::npos ? 0 : static_cast<double>(indent));
    l.font_size = 11;
    l.height = 11;
    l.text = kz::print_form(raw);
    ++row;
    if (l.text.find_first_not_of(' ') == std::string::npos) continue;
    l.width = 5.5 * static_cast<double>(l.text.size());
    lines.push_back(std::move(l));
  }
  int pages = 1 + (row > 0 ? (row - 1) / 50 : 0);
  kz::CleanText clean = kz::rebuild_text(std::move(lines), pages);
  kz::Metadata meta = kz::extract_metadata(clean, std::string(64, '0'));
  KZ_FUZZ_CHECK(!meta.id.empty());
  KZ_FUZZ_CHECK(meta.date.empty() || meta.date.size() == 10);
  kz::Facts facts = kz::extract_facts(clean, meta, missions);
  for (const auto& c : facts.costs) KZ_FUZZ_CHECK(c.amount_eur >= 0);
  return 0;
}
