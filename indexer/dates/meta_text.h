// Small byte-level string helpers shared by the metadata and Kamerstuk-reference readers.
// Dutch reference grammar is ASCII where it matters (digits, "nr.", month names), so these
// work on UTF-8 bytes and leave other characters untouched.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace kz::meta_text {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
// Any byte of a multi-byte UTF-8 sequence counts as a letter: "ë" must not end a word.
inline bool is_wordish(char c) {
  return is_alpha(c) || is_digit(c) || (static_cast<unsigned char>(c) & 0x80);
}
inline char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline char upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

inline std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Case-insensitive (ASCII) comparison of s at pos against word.
inline bool match_ci(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos > s.size() || s.size() - pos < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(s[pos + i]) != lower(word[i])) return false;
  return true;
}

inline bool starts_with_ci(std::string_view s, std::string_view word) { return match_ci(s, 0, word); }

inline bool equals_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && match_ci(a, 0, b);
}

// match_ci plus: the match is a whole word (no letter/digit directly before or after).
inline bool match_word_ci(std::string_view s, std::size_t pos, std::string_view word) {
  if (!match_ci(s, pos, word)) return false;
  if (pos > 0 && is_wordish(s[pos - 1])) return false;
  std::size_t end = pos + word.size();
  return end >= s.size() || !is_wordish(s[end]);
}

inline std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  while (pos < s.size() && is_space(s[pos])) ++pos;
  return pos;
}

// Collapses runs of white space into one space and trims.
inline std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace kz::meta_text
