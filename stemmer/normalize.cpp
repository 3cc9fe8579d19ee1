// Text normalization and folding: the character-level half of the analysis chain.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <stdexcept>

#include "stemmer/analysis.h"

namespace kz::analysis {
namespace {

const icu::Normalizer2& nfkc() {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(st);
  if (U_FAILURE(st)) throw std::runtime_error("ICU NFKC normalizer unavailable: " + std::string(u_errorName(st)));
  return *n;
}

const icu::Normalizer2& nfd() {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(st);
  if (U_FAILURE(st)) throw std::runtime_error("ICU NFD normalizer unavailable: " + std::string(u_errorName(st)));
  return *n;
}

// Typographic punctuation PDFs are full of, mapped so that "NAVO’s" and "NAVO's" agree.
// Returns 0 to drop the character, or the replacement.
UChar32 plain_form(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return 0;  // soft hyphen and zero-width characters are invisible in the source
    default:
      break;
  }
  if (c == 0x0009 || c == 0x000A || c == 0x000D) return c;
  if (u_isUWhiteSpace(c) || u_charType(c) == U_SPACE_SEPARATOR) return ' ';
  return c;
}

bool is_ascii(std::string_view s) {
  for (unsigned char ch : s)
    if (ch >= 0x80) return false;
  return true;
}

icu::UnicodeString normalized_unicode(std::string_view utf8) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString n = nfkc().normalize(in, st);
  if (U_FAILURE(st)) throw std::runtime_error("cannot normalize text: " + std::string(u_errorName(st)));
  icu::UnicodeString out;
  out.getBuffer(n.length());
  out.releaseBuffer(0);
  for (int32_t i = 0; i < n.length();) {
    UChar32 c = n.char32At(i);
    i += U16_LENGTH(c);
    UChar32 p = plain_form(c);
    if (p != 0) out.append(p);
  }
  return out;
}

}  // namespace

std::string normalize(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  std::string out;
  normalized_unicode(utf8).toUTF8String(out);
  return out;
}

std::string fold(std::string_view utf8) {
  if (is_ascii(utf8)) {
    std::string out(utf8);
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
  }
  icu::UnicodeString u = normalized_unicode(utf8);
  u.foldCase();
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString d = nfd().normalize(u, st);
  if (U_FAILURE(st)) throw std::runtime_error("cannot decompose text: " + std::string(u_errorName(st)));
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) out.append(c);
  }
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::string data_dir() {
  if (const char* env = std::getenv("KAMERZOEK_DATA"); env != nullptr && *env != '\0') return env;
#ifdef KZ_DATA_DIR
  return KZ_DATA_DIR;
#else
  return ".";
#endif
}

}  // namespace kz::analysis
