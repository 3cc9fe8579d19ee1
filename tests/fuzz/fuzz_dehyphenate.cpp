// Fuzzes line joining (undoing line-end hyphenation): the input is split into printed lines
// and joined one by one, as the layout stage does; every letter of the input must survive.
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/pdf/dehyphenate.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string text;
  std::string_view previous;
  std::size_t letters = 0;
  std::size_t start = 0;
  while (start <= input.size()) {
    std::size_t nl = input.find('\n', start);
    if (nl == std::string_view::npos) nl = input.size();
    std::string_view line = input.substr(start, nl - start);
    kz::is_linebreak_hyphen(previous, line);
    kz::append_line(text, line);
    for (char c : line) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    previous = line;
    start = nl + 1;
  }
  std::size_t kept = 0;
  for (char c : text) kept += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  KZ_FUZZ_CHECK(kept == letters);
  return 0;
}
