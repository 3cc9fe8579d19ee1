// Fuzzes the money-amount reader ("€ 42,4 miljoen", "1,2 miljard", "EUR 500 miljoen"):
// no crash or integer overflow on any bytes, spans inside the input, amounts not negative.
#include <cstdint>
#include <string_view>

#include "indexer/facts/facts.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t previous_end = 0;
  for (const auto& a : kz::find_amounts(text)) {
    KZ_FUZZ_CHECK(a.length > 0 && a.offset + a.length <= text.size());
    KZ_FUZZ_CHECK(a.offset >= previous_end);  // spans in reading order, not overlapping
    KZ_FUZZ_CHECK(a.euros >= 0);
    previous_end = a.offset + a.length;
  }
  return 0;
}
