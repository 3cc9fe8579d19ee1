// Matching keys for mission names (see mission_keys.h).
#include "indexer/record/mission_keys.h"

#include "stemmer/analysis.h"

namespace kz {
namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
// After folding, bytes >= 0x80 are letters of scripts fold left alone.
bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

}  // namespace

std::string mission_key(std::string_view s) {
  std::string out;
  for (unsigned char c : analysis::fold(s))
    if (is_digit(c) || is_letter(c)) out += static_cast<char>(c);
  return out;
}

std::vector<std::string> mission_key_tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  int kind = 0;  // 1 letters, 2 digits
  for (unsigned char c : analysis::fold(s)) {
    int k = is_digit(c) ? 2 : is_letter(c) ? 1 : 0;
    if (k != kind && !cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
    kind = k;
    if (k) cur += static_cast<char>(c);
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

namespace {

bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// Multi-byte characters that separate words: general punctuation (U+2000-U+206F: dashes,
// quotes, special spaces), the euro sign, no-break space, guillemets, middle dot.
std::size_t separator_utf8(std::string_view t, std::size_t i) {
  unsigned char c = t[i];
  if (c == 0xE2 && i + 1 < t.size()) {
    unsigned char c1 = t[i + 1];
    if (c1 == 0x80 || c1 == 0x81 || c1 == 0x82 || c1 == 0x96 || c1 == 0x97) return 3;
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    unsigned char c1 = t[i + 1];
    if (c1 == 0xA0 || c1 == 0xAB || c1 == 0xBB || c1 == 0xB7 || c1 == 0xAD) return 2;
  }
  if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x82) return 3;  // PUA bullets
  return 0;
}

bool letter_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || ascii_upper(c) || c >= 0x80; }

}  // namespace

std::vector<WordSpan> word_spans(std::string_view t) {
  std::vector<WordSpan> out;
  std::size_t i = 0;
  while (i < t.size()) {
    unsigned char c = t[i];
    if (std::size_t n = separator_utf8(t, i)) {
      i += n;
      continue;
    }
    int kind = ascii_digit(c) ? 2 : letter_byte(c) ? 1 : 0;
    if (!kind) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size()) {
      unsigned char d = t[j];
      if (separator_utf8(t, j)) break;
      int k = ascii_digit(d) ? 2 : letter_byte(d) ? 1 : 0;
      if (k != kind) break;
      ++j;
    }
    WordSpan w;
    w.text = std::string(t.substr(i, j - i));
    w.folded = kind == 2 ? w.text : analysis::fold(w.text);
    w.offset = i;
    w.length = j - i;
    out.push_back(std::move(w));
    i = j;
  }
  return out;
}

}  // namespace kz
