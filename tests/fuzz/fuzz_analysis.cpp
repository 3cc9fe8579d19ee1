// Fuzzes the Dutch analysis chain both index and query run on untrusted text: normalize,
// fold, tokenize, and per word stem/compound parts/synonyms. Token spans must stay inside
// the input.
#include <cstdint>
#include <string_view>

#include "stemmer/analysis.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kz::analysis::Analyzer& analyzer = kz::analysis::Analyzer::instance();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kz::analysis::normalize(text);
  (void)kz::analysis::fold(text);
  int analysed = 0;
  for (const auto& t : kz::analysis::tokenize(text)) {
    KZ_FUZZ_CHECK(t.offset + t.length <= text.size());
    if (analysed++ < 64) {
      auto w = analyzer.analyze(t.norm);
      (void)w;
    }
  }
  return 0;
}
