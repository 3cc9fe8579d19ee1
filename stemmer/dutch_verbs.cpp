// Dutch verb morphology for the conflation keys: infinitive -> stem (regeren -> regeer),
// participles (geïnformeerd, vastgesteld, gegeven), finite forms, and -ing nouns made from
// verbs (verlenging -> verleng). Spelling rules decide the candidates, the lexicon picks one.
#include <array>

#include "stemmer/dutch_stemmer.h"
#include "stemmer/text_util.h"

namespace kz::analysis {
namespace {

constexpr std::array<std::string_view, 40> kParticles = {
    "aan",   "achter", "af",      "bij",     "binnen", "door",   "in",     "los",  "mee",   "na",
    "neer",  "om",     "onder",   "op",      "over",   "samen",  "tegen",  "terug", "toe",  "uit",
    "vast",  "voor",   "voorbij", "vooruit", "weg",    "bekend", "plaats", "deel", "tot",   "vrij",
    "rond",  "thuis",  "teweeg",  "tewerk",  "stil",   "open",   "dicht",  "goed", "kwijt", "mis"};

constexpr std::array<std::string_view, 15> kInseparable = {"be",   "ver",  "ont",   "her",  "er",
                                                           "vol",  "mis",  "onder", "over", "door",
                                                           "om",   "voor", "achter", "weer", "ge"};

char devoice(char c) { return c == 'v' ? 'f' : c == 'z' ? 's' : c; }
char voice(char c) { return c == 'f' ? 'v' : c == 's' ? 'z' : c; }
bool consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }

std::string devoice_end(std::string s) {
  if (!s.empty()) s.back() = devoice(s.back());
  return s;
}

// True when vowel v at the end of a syllable, after c, is a single long vowel: the "e" of
// "reger" or "evaluer", not the second letter of "ie", "oe", "ee".
bool single_vowel_after(char c, char v) {
  if (!is_vowel(c)) return true;
  if (v == 'e') return c != 'e' && c != 'i' && c != 'o';
  if (v == 'u') return c != 'u' && c != 'e' && c != 'o' && c != 'a';
  return c != v;
}

}  // namespace

bool is_particle(std::string_view s) {
  for (std::string_view p : kParticles)
    if (p == s) return true;
  return false;
}

bool is_inseparable_prefix(std::string_view s) {
  for (std::string_view p : kInseparable)
    if (p == s && p != "ge") return true;
  return false;
}

bool DutchStemmer::is_verb_stem(std::string_view s) const {
  if (s.size() < 2 || lex_ == nullptr) return false;
  if (lex_->classes(s) & kVerbStem) return true;
  for (std::string_view p : kParticles)
    if (s.size() >= p.size() + 2 && starts_with(s, p) && (lex_->classes(s.substr(p.size())) & kVerbStem)) return true;
  return false;
}

bool DutchStemmer::is_infinitive(std::string_view s) const {
  if (s.size() < 3 || lex_ == nullptr) return false;
  if (lex_->classes(s) & kInfinitive) return true;
  for (std::string_view p : kParticles)
    if (s.size() >= p.size() + 3 && starts_with(s, p) && (lex_->classes(s.substr(p.size())) & kInfinitive)) return true;
  return false;
}

// Whether some spelling of stem + -en is a listed infinitive: informeer -> informeren,
// leef -> leven, zet -> zetten.
bool DutchStemmer::has_listed_infinitive(std::string_view stem, bool exact) const {
  std::size_t n = stem.size();
  if (n < 2) return false;
  std::string s(stem);
  std::vector<std::string> cands = {s + "en"};
  std::string voiced = s.substr(0, n - 1) + voice(s[n - 1]);
  cands.push_back(voiced + "en");
  if (n >= 3 && is_vowel(s[n - 2]) && s[n - 2] == s[n - 3] && consonant(s[n - 1])) {
    std::string single = s.substr(0, n - 2) + s.substr(n - 1);
    cands.push_back(single + "en");
    cands.push_back(single.substr(0, single.size() - 1) + voice(single.back()) + "en");
  }
  if (consonant(s[n - 1])) cands.push_back(s + s[n - 1] + "en");
  for (const std::string& c : cands)
    if (exact ? is_listed_infinitive(c) : is_infinitive(c)) return true;
  return false;
}

// Listed as an infinitive, or a particle the lexicon allows on it ("uit" + "breiden").
bool DutchStemmer::is_listed_infinitive(std::string_view s) const {
  if (lex_ == nullptr || s.size() < 3) return false;
  if (lex_->classes(s) & kInfinitive) return true;
  for (const Derivation& d : lex_->derive(s))
    if (!d.prefix.empty() && d.flag != 0 && (d.base_classes & kInfinitive) && d.prefix.size() + d.base.size() == s.size()) return true;
  return false;
}

std::string DutchStemmer::stem_from_infinitive(std::string_view inf) const {
  std::string s(inf);
  const std::unordered_set<std::string>* forms = nullptr;
  if (auto it = rules_.irregular_forms.find(s); it != rules_.irregular_forms.end()) forms = &it->second;
  // gaan, staan, doen, zien, voldoen: the stem is the infinitive without -n.
  bool short_vowel_end = s.size() >= 4 && !is_vowel(s[s.size() - 4]);
  if (ends_with(s, "aan") || (short_vowel_end && (ends_with(s, "oen") || ends_with(s, "ien")))) {
    s.pop_back();
    if (ends_with(s, "aa")) s.pop_back();
    return s;
  }
  if (!ends_with(s, "en") || s.size() < 4) return s;
  std::string b = s.substr(0, s.size() - 2);
  std::size_t n = b.size();
  std::vector<std::string> cands;
  bool geminate = n >= 2 && consonant(b[n - 1]) && b[n - 1] == b[n - 2];
  if (geminate) cands.push_back(b.substr(0, n - 1));
  // An open syllable spells a long vowel single: regeren -> regeer, geven -> geef.
  bool open_long = n >= 3 && consonant(b[n - 1]) &&
                   (b[n - 2] == 'a' || b[n - 2] == 'e' || b[n - 2] == 'o' || b[n - 2] == 'u') &&
                   single_vowel_after(b[n - 3], b[n - 2]);
  std::string doubled = open_long ? b.substr(0, n - 1) + b[n - 2] + devoice(b[n - 1]) : std::string();
  if (open_long) cands.push_back(doubled);
  cands.push_back(devoice_end(b));
  if (cands.back() != b) cands.push_back(b);
  if (forms)
    for (const std::string& c : cands)
      if (forms->count(c) || forms->count(c + "t")) return c;
  for (const std::string& c : cands)
    if (is_verb_stem(c)) return c;
  if (geminate) return b.substr(0, n - 1);
  // Without lexicon evidence: -el/-er/-en/-em endings are mostly unstressed (wandelen).
  bool schwa = n >= 3 && b[n - 2] == 'e' && (b[n - 1] == 'l' || b[n - 1] == 'r' || b[n - 1] == 'n' || b[n - 1] == 'm');
  if (open_long && !schwa) return doubled;
  return devoice_end(b);
}

bool DutchStemmer::stem_from_participle(std::string_view p, std::string* out, int depth) const {
  if (p.size() < 5 || lex_ == nullptr) return false;
  // Calls accept(stem, particle) for p as is, without ge-, and as particle + ge + stem.
  auto variants = [&](std::string_view s, auto&& accept) -> bool {
    if (accept(std::string(s), std::string())) return true;
    if (starts_with(s, "ge") && s.size() > 4 && accept(std::string(s.substr(2)), std::string())) return true;
    for (std::string_view part : kParticles)
      if (s.size() > part.size() + 4 && starts_with(s, part) && s.compare(part.size(), 2, "ge") == 0 &&
          accept(std::string(s.substr(part.size() + 2)), std::string(part)))
        return true;
    return false;
  };
  if (ends_with(p, "d") || ends_with(p, "t")) {
    // First a listed verb stem whose infinitive is listed as such (gemeld -> meld, not mel(en);
    // uitgebreid -> uitbreid(en), not uit + brei(en)), then weaker evidence.
    for (int pass = 0; pass < 4; ++pass)
      for (std::string_view s : {p.substr(0, p.size() - 1), p}) {
        bool ok = variants(s, [&](const std::string& stem, const std::string& particle) {
          if (stem.size() < 2) return false;
          std::string full = particle + stem;
          bool good = pass == 0   ? has_listed_infinitive(full, true) && is_verb_stem(full)
                      : pass == 1 ? has_listed_infinitive(full, true)
                      : pass == 2 ? has_listed_infinitive(full, false)
                                  : is_verb_stem(full);
          if (good) *out = particle + stem;
          return good;
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

// "bestaat" -> bestaan, "versterkt" -> versterken, "regeert" -> regeren.
bool DutchStemmer::stem_from_finite(std::string_view w, std::string* out) const {
  if (!ends_with(w, "t") || w.size() < 4) return false;
  std::string base(w.substr(0, w.size() - 1));
  if (is_infinitive(base + "n")) {
    *out = stem_from_infinitive(base + "n");
    return true;
  }
  if (has_listed_infinitive(base, false)) {
    *out = base;
    return true;
  }
  return false;
}

bool DutchStemmer::noun_to_verb(std::string_view noun, std::string* out) const {
  if (noun.size() < 6 || !ends_with(noun, "ing") || lex_ == nullptr) return false;
  std::string inf = std::string(noun.substr(0, noun.size() - 3)) + "en";
  if (!is_infinitive(inf)) return false;
  *out = stem_from_infinitive(inf);
  return true;
}

bool DutchStemmer::is_verb_form(std::string_view w) const {
  if (lex_ == nullptr || w.size() < 5) return false;
  std::string tmp;
  if (stem_from_participle(w, &tmp, 4)) return true;
  if (ends_with(w, "en") && is_verb_stem(stem_from_infinitive(w))) return true;
  if (ends_with(w, "t") && is_verb_stem(w.substr(0, w.size() - 1))) return true;
  for (std::string_view end : {"ende", "end"})  // present participle: ondersteunende
    if (ends_with(w, end) && is_infinitive(std::string(w.substr(0, w.size() - end.size())) + "en")) return true;
  for (std::string_view end : {"den", "ten", "de", "te"})  // past tense: monitorden, escorteerden
    if (ends_with(w, end) && w.size() >= end.size() + 3 && is_verb_stem(w.substr(0, w.size() - end.size()))) return true;
  return false;
}

}  // namespace kz::analysis
