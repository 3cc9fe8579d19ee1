// Dutch conflation keys (see dutch_stemmer.h). The key of a word is the first-person verb stem
// for verb forms and -ing nouns made from verbs, else the singular/base form as the lexicon
// lists it; compounds keep their modifier and take the key of their head.
#include "stemmer/dutch_stemmer.h"

#include <xapian.h>

#include <array>

#include "stemmer/text_util.h"

namespace kz::analysis {
namespace {

constexpr int kMaxDepth = 6;

constexpr std::array<std::string_view, 40> kParticles = {
    "aan",   "achter", "af",     "bij",    "binnen", "door",  "in",    "los",   "mee",   "na",
    "neer",  "om",     "onder",  "op",     "over",   "samen", "tegen", "terug", "toe",   "uit",
    "vast",  "voor",   "voorbij", "vooruit", "weg",  "bekend", "plaats", "deel", "tot",  "vrij",
    "rond",  "thuis",  "teweeg", "tewerk", "stil",   "open",  "dicht", "goed",  "kwijt", "mis"};

char devoice(char c) { return c == 'v' ? 'f' : c == 'z' ? 's' : c; }

std::string devoice_end(std::string s) {
  if (!s.empty()) s.back() = devoice(s.back());
  return s;
}

bool consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }

// The flags of the OpenTaal affix file that make inflections (not compound or name forms).
bool inflection_flag(std::uint16_t flag) {
  char a = static_cast<char>(flag >> 8), b = static_cast<char>(flag & 0xff);
  return a == 'Z' || a == 'Y' || a == 'V' || (a == 'A' && b != '0') || a == 'P';
}

}  // namespace

bool is_particle(std::string_view s) {
  for (std::string_view p : kParticles)
    if (p == s) return true;
  return false;
}

std::string DutchStemmer::key(std::string_view folded) const { return key_at_depth(folded, 0); }

std::string DutchStemmer::key_at_depth(std::string_view w, int depth) const {
  if (depth > kMaxDepth || w.empty()) return std::string(w);
  if (auto it = rules_.exceptions.find(std::string(w)); it != rules_.exceptions.end())
    return it->second == w ? it->second : key_at_depth(it->second, depth + 1);
  if (auto it = rules_.irregular.find(std::string(w)); it != rules_.irregular.end())
    return stem_from_infinitive(it->second);
  if (ends_with(w, "'s")) return key_at_depth(w.substr(0, w.size() - 2), depth + 1);
  if (ends_with(w, "'")) return key_at_depth(w.substr(0, w.size() - 1), depth + 1);
  if (std::size_t h = w.rfind('-'); h != std::string_view::npos && h + 1 < w.size())
    return std::string(w.substr(0, h + 1)) + key_at_depth(w.substr(h + 1), depth + 1);
  if (w.size() < 4 || !all_letters(w)) return std::string(w);
  if (lex_ == nullptr) return fallback(w);

  for (std::string_view p : kParticles) {
    if (w.size() <= p.size() + 2 || !starts_with(w, p)) continue;
    if (auto it = rules_.irregular.find(std::string(w.substr(p.size()))); it != rules_.irregular.end())
      return std::string(p) + stem_from_infinitive(it->second);
  }
  std::string out;
  if (lemma_key(w, &out, depth)) return out;
  if (splitter_ != nullptr)
    if (auto split = splitter_->split(w); split && split->head_start > 0 && split->head_start < w.size())
      return std::string(w.substr(0, split->head_start)) + key_at_depth(w.substr(split->head_start), depth + 1);
  return fallback(w);
}

bool DutchStemmer::lemma_key(std::string_view w, std::string* out, int depth) const {
  std::vector<Derivation> ds = lex_->derive(w);
  // Longer suffixes are the more specific analyses: "internationale" is internationaal+e,
  // not the noun "international"+e.
  const Derivation* identity = nullptr;
  const Derivation* best = nullptr;
  std::size_t best_len = 0;
  for (const Derivation& d : ds) {
    if (d.flag == 0) {
      identity = &d;
      continue;
    }
    if (!inflection_flag(d.flag)) continue;
    std::size_t len = d.prefix.empty() ? d.suffix_len + 1 : 0;
    if (!best || len > best_len) {
      best = &d;
      best_len = len;
    }
  }
  if (best) {
    if (!best->prefix.empty()) {
      *out = best->prefix + key_at_depth(w.substr(best->prefix.size()), depth + 1);
      return true;
    }
    char a = static_cast<char>(best->flag >> 8), b = static_cast<char>(best->flag & 0xff);
    if (a == 'V' && b == 'i') {
      *out = stem_from_infinitive(best->base);
    } else if (a == 'V' && b == 'e') {
      if (!stem_from_participle(best->base, out, depth)) *out = best->base;
    } else if (a == 'V') {
      *out = best->base;
    } else {
      *out = key_of_listed(best->base, best->base_classes, depth);
    }
    return true;
  }
  if (identity) {
    *out = key_of_listed(identity->base, identity->base_classes, depth);
    return true;
  }
  // Participles of verbs the lexicon lists only by stem: "gemandateerd", "vastgesteld".
  return stem_from_participle(w, out, depth);
}

std::string DutchStemmer::key_of_listed(const std::string& base, std::uint32_t classes, int depth) const {
  if (auto it = rules_.exceptions.find(base); it != rules_.exceptions.end())
    return it->second == base ? base : key_at_depth(it->second, depth + 1);
  std::string out;
  if ((classes & kInfinitive) && ends_with(base, "n")) return stem_from_infinitive(base);
  if ((classes & kParticiple) && stem_from_participle(base, &out, depth)) return out;
  if (noun_to_verb(base, &out)) return out;
  return base;
}

bool DutchStemmer::is_verb_stem(std::string_view s) const {
  if (s.size() < 2) return false;
  if (lex_->classes(s) & kVerbStem) return true;
  for (std::string_view p : kParticles)
    if (s.size() >= p.size() + 2 && starts_with(s, p) && (lex_->classes(s.substr(p.size())) & kVerbStem)) return true;
  return false;
}

bool DutchStemmer::is_infinitive(std::string_view s) const {
  if (s.size() < 3) return false;
  if (lex_->classes(s) & kInfinitive) return true;
  for (std::string_view p : kParticles)
    if (s.size() >= p.size() + 3 && starts_with(s, p) && (lex_->classes(s.substr(p.size())) & kInfinitive)) return true;
  return false;
}

std::string DutchStemmer::stem_from_infinitive(std::string_view inf) const {
  std::string s(inf);
  if (ends_with(s, "en") && s.size() >= 5) {
    std::string b = s.substr(0, s.size() - 2);
    std::size_t n = b.size();
    std::vector<std::string> cands;
    bool geminate = n >= 2 && consonant(b[n - 1]) && b[n - 1] == b[n - 2];
    if (geminate) cands.push_back(b.substr(0, n - 1));
    // An open syllable spells a long vowel single: regeren -> regeer, geven -> geef.
    bool open_long = n >= 3 && consonant(b[n - 1]) && (b[n - 2] == 'a' || b[n - 2] == 'e' || b[n - 2] == 'o' || b[n - 2] == 'u') &&
                     !is_vowel(b[n - 3]);
    std::string doubled = open_long ? b.substr(0, n - 1) + b[n - 2] + devoice(b[n - 1]) : std::string();
    if (open_long) cands.push_back(doubled);
    cands.push_back(devoice_end(b));
    cands.push_back(b);
    if (lex_)
      for (const std::string& c : cands)
        if (is_verb_stem(c)) return c;
    if (geminate) return b.substr(0, n - 1);
    // Without lexicon evidence: -el/-er/-en/-em endings are mostly unstressed (wandelen).
    bool schwa = n >= 3 && b[n - 2] == 'e' && (b[n - 1] == 'l' || b[n - 1] == 'r' || b[n - 1] == 'n' || b[n - 1] == 'm');
    if (open_long && !schwa) return doubled;
    return devoice_end(b);
  }
  if (ends_with(s, "n") && s.size() >= 3 && is_vowel(s[s.size() - 2])) {
    s.pop_back();
    if (ends_with(s, "aa")) s.pop_back();
    return s;
  }
  return s;
}

bool DutchStemmer::stem_from_participle(std::string_view p, std::string* out, int depth) const {
  if (p.size() < 5) return false;
  auto variants = [&](std::string_view s, auto&& accept) -> bool {
    if (accept(std::string(s), std::string())) return true;
    if (starts_with(s, "ge") && s.size() > 4 && accept(std::string(s.substr(2)), std::string())) return true;
    for (std::string_view part : kParticles) {
      if (s.size() > part.size() + 4 && starts_with(s, part) && s.compare(part.size(), 2, "ge") == 0 &&
          accept(std::string(s.substr(part.size() + 2)), std::string(part)))
        return true;
    }
    return false;
  };
  if (ends_with(p, "d") || ends_with(p, "t")) {
    for (std::string_view s : {p.substr(0, p.size() - 1), p}) {
      bool ok = variants(s, [&](const std::string& stem, const std::string& particle) {
        if (!is_verb_stem(particle + stem) && !is_verb_stem(stem)) return false;
        *out = particle + stem;
        return true;
      });
      if (ok) return true;
    }
  }
  if (ends_with(p, "en")) {
    return variants(p, [&](const std::string& inf, const std::string& particle) {
      if (!starts_with(p, "ge") && particle.empty()) return false;  // only ge- forms are strong participles
      if (rules_.irregular.count(inf) == 0 && !is_infinitive(particle + inf)) return false;
      *out = particle + key_at_depth(inf, depth + 1);
      return true;
    });
  }
  return false;
}

bool DutchStemmer::noun_to_verb(std::string_view noun, std::string* out) const {
  if (noun.size() < 6 || !ends_with(noun, "ing") || lex_ == nullptr) return false;
  std::string inf = std::string(noun.substr(0, noun.size() - 3)) + "en";
  if (!is_infinitive(inf)) return false;
  std::string stem = stem_from_infinitive(inf);
  // "regeling" stays apart from "regel", "stelling" from "stel": the verb stem is a noun too.
  if (lex_->classes(stem) & kNoun) return false;
  *out = stem;
  return true;
}

std::string DutchStemmer::fallback(std::string_view w) const {
  thread_local Xapian::Stem snowball("dutch");
  return snowball(std::string(w));
}

}  // namespace kz::analysis
