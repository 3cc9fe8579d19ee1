// ICU NFKC plus removal of zero-width characters and of soft hyphens inside words.
#include "indexer/pdf/print_form.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace kz {

std::string print_form(std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8)
    if (c >= 0x80) ascii = false;
  if (ascii) return std::string(utf8);
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
  if (U_FAILURE(st)) throw std::runtime_error("ICU NFKC normalizer unavailable");
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString n = nfkc->normalize(in, st);
  if (U_FAILURE(st)) return std::string(utf8);
  icu::UnicodeString out;
  for (int32_t i = 0; i < n.length();) {
    UChar32 c = n.char32At(i);
    i += U16_LENGTH(c);
    // A word-final soft hyphen is where the typesetter broke the word at a line end: kept
    // for the line joiner (dehyphenate.h), dropped anywhere else.
    if (c == 0x00AD && i >= n.length()) {
      out.append(c);
      continue;
    }
    if (c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF) continue;
    if (c != ' ' && (u_charType(c) == U_SPACE_SEPARATOR)) c = ' ';
    out.append(c);
  }
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace kz
