// Splits Dutch running text into sentences as printed, strips list bullets and footnote
// reference numbers, so a fact can quote exactly the sentence it came from.
#include <algorithm>
#include <cctype>
#include <set>

#include "indexer/facts/fact_text.h"

namespace kz::facts {
namespace {

bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Words that end in a period without ending the sentence (lowercase, without the final period).
const std::set<std::string>& abbreviations() {
  static const std::set<std::string> words = {
      "nr",   "nrs",  "jl",   "a.s",  "o.a",  "ca",   "bijv", "bv",   "e.d",  "enz",  "etc",
      "incl", "excl", "resp", "mln",  "mld",  "mrd",  "art",  "artt", "blz",  "p",    "pag",
      "vgl",  "zgn",  "i.p.v", "m.b.t", "t.b.v", "d.w.z", "o.b.v", "z.s.m", "dhr", "mevr",
      "mr",   "dr",   "ir",   "drs",  "prof", "st",   "zr",   "ms",   "hr",   "zr.ms", "jr",
      "sr",   "min",  "max",  "ong",  "e.a",  "c.q",  "n.a.v", "m.n",  "t.a.v", "w.o",  "gen",
      "lt",   "kol",  "maj",  "kap",  "adm",  "tel",  "no",   "vs",   "i.c.m", "v.w.b", "m.i.v",
      "t.o.v", "i.h.k.v", "o.l.v", "e.e.a", "red", "ed",  "dd",   "d.d",  "mw",   "gepl", "ltz",
      "kapt", "cdr", "brig", "genm", "lgen", "vadm", "schout-bij-nacht"};
  return words;
}

// Byte length of a UTF-8 closing quote or bracket at text[i], 0 when none.
std::size_t closer_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return 0;
  unsigned char c = t[i];
  if (c == '"' || c == '\'' || c == ')') return 1;
  if (t.compare(i, 3, "\xE2\x80\x9D") == 0 || t.compare(i, 3, "\xE2\x80\x99") == 0) return 3;
  return 0;
}

// Whether the character starting at text[i] may begin a new sentence.
bool sentence_opener(std::string_view t, std::size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = t[i];
  if (ascii_upper(c) || ascii_digit(c) || c == '(' || c == '"' || c == '\'') return true;
  if (t.compare(i, 3, "\xE2\x80\x9C") == 0 || t.compare(i, 3, "\xE2\x80\x98") == 0) return true;
  if (t.compare(i, 3, "\xE2\x82\xAC") == 0) return true;  // €
  // Capitals with diacritics (Ë, É, Ö ...) are two bytes starting 0xC3 0x80..0x9E.
  if (c == 0xC3 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) < 0x9F) return true;
  // Lowercase openers of Dutch sentences: "eFP Roemenië", "'s-Gravenhage"
  if (c == 'e' && i + 1 < t.size() && ascii_upper(static_cast<unsigned char>(t[i + 1]))) return true;
  return false;
}

bool abbreviation_before(std::string_view t, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && !space(static_cast<unsigned char>(t[b - 1])) && t[b - 1] != '(') --b;
  std::string word(t.substr(b, dot - b));
  if (word.empty()) return false;
  std::string lower;
  for (unsigned char c : word) lower += static_cast<char>(std::tolower(c));
  if (abbreviations().count(lower)) return true;
  // Initials: "J.A. Hennis", "K.H. Ollongren"; internal periods: "Zr.Ms", "t.b.v".
  if (word.size() == 1 && ascii_upper(static_cast<unsigned char>(word[0]))) return true;
  bool internal_dot = word.find('.') != std::string::npos;
  bool has_digit = std::any_of(word.begin(), word.end(), [](unsigned char c) { return ascii_digit(c); });
  if (internal_dot && !has_digit) return true;
  return false;
}

// Abbreviations that often close a sentence: "bedragen € 3,2 mln. Voor Atalanta ...".
bool may_end_sentence(std::string_view t, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && !space(static_cast<unsigned char>(t[b - 1]))) --b;
  std::string word(t.substr(b, dot - b));
  for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word == "mln" || word == "mld" || word == "mrd" || word == "jl" || word == "a.s" || word == "etc" ||
         word == "enz" || word == "e.d" || word == "e.a";
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view t) {
  std::vector<Sentence> out;
  auto emit = [&](std::size_t b, std::size_t e) {
    while (b < e && space(static_cast<unsigned char>(t[b]))) ++b;
    while (e > b && space(static_cast<unsigned char>(t[e - 1]))) --e;
    if (e <= b) return;
    std::string s(t.substr(b, e - b));
    for (auto& c : s)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out.push_back({s, b});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c != '.' && c != '!' && c != '?') continue;
    // "19.000", "2.3": a period between digits is part of a number.
    if (c == '.' && i > 0 && i + 1 < t.size() && ascii_digit(t[i - 1]) && ascii_digit(t[i + 1]))
      continue;
    std::size_t j = i + 1;
    while (j < t.size() && (t[j] == '.' || t[j] == '!' || t[j] == '?')) ++j;
    while (std::size_t n = closer_at(t, j)) j += n;
    if (j < t.size() && !space(static_cast<unsigned char>(t[j]))) continue;
    std::size_t k = j;
    while (k < t.size() && space(static_cast<unsigned char>(t[k]))) ++k;
    if (k >= t.size()) break;
    if (!sentence_opener(t, k)) continue;
    if (c == '.' && abbreviation_before(t, i) &&
        !(may_end_sentence(t, i) && ascii_upper(static_cast<unsigned char>(t[k]))))
      continue;
    emit(start, j);
    start = k;
    i = k - 1;
  }
  emit(start, t.size());
  return out;
}

std::size_t bullet_length(std::string_view t, bool numbered_too) {
  std::size_t i = 0;
  while (i < t.size() && space(static_cast<unsigned char>(t[i]))) ++i;
  static const char* const marks[] = {"\xE2\x80\xA2", "\xE2\x96\xAA", "\xE2\x97\xA6", "\xE2\x80\xA3",
                                      "\xE2\x97\x8F", "\xE2\x97\x8B", "\xE2\x96\xA0", "\xE2\x96\xA1",
                                      "\xE2\x80\x93", "\xE2\x80\x94", "\xEF\x82\xB7", "-", "*", "\xC2\xB7"};
  std::size_t len = 0;
  for (const char* m : marks) {
    std::string_view mv(m);
    if (t.substr(i).starts_with(mv)) {
      len = mv.size();
      break;
    }
  }
  if (len == 0 && numbered_too) {
    // "a.", "b)", "1.", "12)", "iv."
    std::size_t j = i;
    while (j < t.size() && j - i < 3 && (ascii_digit(t[j]) || ascii_lower(t[j]))) ++j;
    bool roman_or_short = j - i == 1 || std::all_of(t.begin() + i, t.begin() + j, [](char ch) {
                            return ascii_digit(ch) || ch == 'i' || ch == 'v' || ch == 'x';
                          });
    if (j > i && roman_or_short && j < t.size() && (t[j] == '.' || t[j] == ')')) len = j + 1 - i;
  }
  if (len == 0) return 0;
  std::size_t e = i + len;
  if (e < t.size() && !space(static_cast<unsigned char>(t[e]))) return 0;  // "-5%" is no bullet
  while (e < t.size() && space(static_cast<unsigned char>(t[e]))) ++e;
  return e;
}

std::string strip_footnote_markers(std::string_view t, std::vector<std::string>& markers) {
  std::string out(t);
  for (auto it = markers.begin(); it != markers.end();) {
    const std::string& m = *it;
    bool removed = false;
    if (m.empty() || m.size() > 3) {
      ++it;
      continue;
    }
    for (std::size_t pos = out.find(m); pos != std::string::npos && !removed;
         pos = out.find(m, pos + 1)) {
      std::size_t end = pos + m.size();
      if (pos == 0 || (end < out.size() && ascii_digit(out[end]))) continue;
      unsigned char before = out[pos - 1];
      if (ascii_digit(before)) continue;
      // What follows a marker: space, end, closing punctuation.
      if (end < out.size()) {
        unsigned char after = out[end];
        if (!(space(after) || after == ')' || after == ',' || after == '.' || after == ';' ||
              after == ':'))
          continue;
      }
      bool ok = false;
      bool latin_letter = before >= 0x80 && before <= 0xBF && pos >= 2 &&
                          static_cast<unsigned char>(out[pos - 2]) == 0xC3;  // ë, ï, é ...
      if (ascii_lower(before) || latin_letter) {
        // "bekostigd2": a lowercase word; "SNMG1", "Q2", "F-16" keep their digits.
        std::size_t b = pos;
        while (b > 0 && (ascii_lower(out[b - 1]) || (static_cast<unsigned char>(out[b - 1]) >= 0x80 &&
                                                      static_cast<unsigned char>(out[b - 1]) != 0xAC)))
          --b;
        bool capital_word = b > 0 && ascii_upper(out[b - 1]);
        bool joined = b > 0 && (ascii_digit(out[b - 1]) || out[b - 1] == '-');
        ok = !joined && (!capital_word || pos - b >= 2) && pos - b >= 2;
      } else if (before == '.' || before == ')' || before == ',' || before == ';' ||
                 static_cast<unsigned char>(before) == 0x9D || static_cast<unsigned char>(before) == 0x99) {
        // "2025.1 De", "(NMI).2", "jl.3": a marker after punctuation. Not in numbers: "5,1",
        // "42.1 miljoen".
        unsigned char before2 = pos >= 2 ? out[pos - 2] : ' ';
        if (ascii_digit(before2)) {
          bool sentence_follows = end >= out.size() ||
                                  (space(out[end]) && end + 1 < out.size() && ascii_upper(out[end + 1]));
          ok = before == '.' && sentence_follows;
        } else {
          ok = true;
        }
      }
      if (!ok) continue;
      out.erase(pos, m.size());
      removed = true;
    }
    if (removed)
      it = markers.erase(it);
    else
      ++it;
  }
  return out;
}

}  // namespace kz::facts
