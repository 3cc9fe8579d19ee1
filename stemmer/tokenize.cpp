// Word tokenization with ICU word boundaries, plus the hyphenated-compound rule
// ("NAVO-verdragsgebied" -> navo, verdragsgebied, navo-verdragsgebied).
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

#include "stemmer/analysis.h"

namespace kz::analysis {
namespace {

icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale("nl"), st));
    if (U_FAILURE(st) || !b) throw std::runtime_error("ICU word break iterator unavailable: " + std::string(u_errorName(st)));
    return b;
  }();
  return *it;
}

bool is_hyphen(char16_t c) { return c == u'-' || c == 0x2010 || c == 0x2011; }

struct Span {
  int32_t begin, end;  // UTF-16 indices
};

}  // namespace

std::vector<Token> tokenize(std::string_view utf8) {
  // Decode by hand so every UTF-16 index maps back to a byte offset of the input. The units go
  // into a plain buffer that the UnicodeString only aliases: appending to a UnicodeString one
  // character at a time cost more than the word breaking itself.
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  std::vector<char16_t> units(utf8.size());  // never more UTF-16 units than UTF-8 bytes
  std::vector<std::size_t> byte_at(utf8.size() + 1);
  int32_t len = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) c = 0xFFFD;
    const int32_t first = len;
    U16_APPEND_UNSAFE(units.data(), len, c);
    for (int32_t k = first; k < len; ++k) byte_at[static_cast<std::size_t>(k)] = static_cast<std::size_t>(start);
  }
  byte_at[static_cast<std::size_t>(len)] = utf8.size();
  const icu::UnicodeString text(false, units.data(), len);

  icu::BreakIterator& bi = word_breaker();
  bi.setText(text);
  std::vector<Span> words;
  for (int32_t b = bi.first(), e = bi.next(); e != icu::BreakIterator::DONE; b = e, e = bi.next()) {
    int32_t status = bi.getRuleStatus();
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) continue;
    words.push_back({b, e});
  }

  std::vector<Token> out;
  out.reserve(words.size() + 4);
  auto make = [&](int32_t b, int32_t e, bool joined) {
    Token& t = out.emplace_back();  // built in place: moving short strings is a copy
    t.offset = byte_at[static_cast<std::size_t>(b)];
    t.length = byte_at[static_cast<std::size_t>(e)] - t.offset;
    t.text.assign(utf8.substr(t.offset, t.length));
    t.norm = fold(t.text);
    t.joined_hyphen = joined;
  };
  for (std::size_t i = 0; i < words.size();) {
    std::size_t j = i;
    while (j + 1 < words.size() && words[j + 1].begin == words[j].end + 1 && is_hyphen(text.charAt(words[j].end)))
      ++j;
    for (std::size_t k = i; k <= j; ++k) make(words[k].begin, words[k].end, false);
    if (j > i) make(words[i].begin, words[j].end, true);
    i = j + 1;
  }
  return out;
}

}  // namespace kz::analysis
