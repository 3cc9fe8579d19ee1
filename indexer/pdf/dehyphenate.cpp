// Line joining with Dutch line-end hyphenation undone. A hyphen stays when Dutch spelling
// needs it: after an acronym or digit (NAVO-, F-35-), before a capital (NAVO-Oekraïne), and
// between vowels that would otherwise merge (defensie-industrie, zee-eenheid).
#include "indexer/pdf/dehyphenate.h"

#include <cctype>

namespace kz {
namespace {

bool is_lower_ascii(unsigned char c) { return c >= 'a' && c <= 'z'; }

// The last code point of s starts a lowercase letter (ASCII or a Latin-1 range accented
// lowercase letter encoded as 0xC3 0xA0..0xBF).
bool ends_lowercase(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s.back();
  if (is_lower_ascii(c)) return true;
  if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC3 && c >= 0xA0 && c <= 0xBF) return true;
  return false;
}

bool starts_lowercase(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s.front();
  if (is_lower_ascii(c)) return true;
  if (s.size() >= 2 && c == 0xC3 && static_cast<unsigned char>(s[1]) >= 0xA0) return true;
  return false;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Vowel pairs that Dutch writes with a hyphen across a compound boundary (klinkerbotsing).
bool vowel_clash(char a, char b) {
  if (!is_vowel(a) || !is_vowel(b)) return false;
  static const char* pairs[] = {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"};
  for (const char* p : pairs)
    if (p[0] == a && p[1] == b) return true;
  return false;
}

}  // namespace

bool is_linebreak_hyphen(std::string_view before, std::string_view after) {
  if (before.size() < 2 || before.back() != '-') return false;
  std::string_view stem = before.substr(0, before.size() - 1);
  // "ontmijning-, IT- en ..." style enumerations end the line with "-," or "- ": not here.
  if (!ends_lowercase(stem) || !starts_lowercase(after)) return false;
  // Find the start of the last word to see whether the hyphen is inside a word at all.
  std::size_t ws = stem.find_last_of(" \t(\"'/");
  std::string_view last = ws == std::string_view::npos ? stem : stem.substr(ws + 1);
  if (last.empty()) return false;
  if (vowel_clash(stem.back(), after.front())) return false;
  return true;
}

bool take_soft_hyphen(std::string& text) {
  if (!text.ends_with("\xC2\xAD")) return false;
  text.resize(text.size() - 2);
  return true;
}

void append_line(std::string& text, std::string_view next) {
  while (!next.empty() && next.front() == ' ') next.remove_prefix(1);
  if (next.empty()) return;
  if (text.empty()) {
    text.assign(next);
    return;
  }
  if (take_soft_hyphen(text)) {
    text.append(next);
    return;
  }
  if (text.back() == '-') {
    if (is_linebreak_hyphen(text, next)) {
      text.pop_back();
      text.append(next);
      return;
    }
    // "IT- en tank-coalities": an elided compound part is followed by a conjunction.
    bool conjunction = next.starts_with("en ") || next.starts_with("of ") || next.starts_with("tot ") ||
                       next.front() == ',';
    // A real hyphen at the line end: the compound continues without a space.
    std::size_t ws = text.find_last_of(' ');
    std::string_view last = ws == std::string::npos ? std::string_view(text) : std::string_view(text).substr(ws + 1);
    if (last.size() > 1 && !conjunction) {
      text.append(next);
      return;
    }
  }
  text.push_back(' ');
  text.append(next);
}

}  // namespace kz
