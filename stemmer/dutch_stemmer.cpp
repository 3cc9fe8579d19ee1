// Dutch conflation keys (see dutch_stemmer.h). The key of a word is the first-person verb stem
// for verb forms and for -ing nouns made from verbs, else the singular/base form as the lexicon
// lists it; compounds keep their modifier and take the key of their head.
#include "stemmer/dutch_stemmer.h"

#include <xapian.h>

#include <array>

#include "stemmer/text_util.h"

namespace kz::analysis {
namespace {

constexpr int kMaxDepth = 6;
constexpr std::size_t kMaxWordBytes = 64;

char flag_group(std::uint16_t flag) { return static_cast<char>(flag >> 8); }
char flag_member(std::uint16_t flag) { return static_cast<char>(flag & 0xff); }

// Affix flags of the OpenTaal file that inflect (not compound, name or derivation forms).
bool inflection_flag(std::uint16_t flag) {
  char a = flag_group(flag), b = flag_member(flag);
  if (a == 'Z') return b != 'm';  // Zm adds -heid: a new word, not an inflection
  return a == 'Y' || a == 'V' || (a == 'A' && b != '0') || a == 'P';
}

int class_rank(std::uint16_t flag) {
  char a = flag_group(flag);
  return a == 'Z' || a == 'Y' ? 3 : a == 'A' ? 2 : 1;
}

}  // namespace

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
  // Longer "words" are junk (tables, URLs run together); analysing them only costs time.
  if (w.size() < 4 || w.size() > kMaxWordBytes || !all_letters(w)) return std::string(w);
  if (lex_ == nullptr) return fallback(w);

  std::vector<Derivation> ds = lex_->derive(w);
  bool nounish = false;
  for (const Derivation& d : ds)
    if ((d.flag == 0 && (d.base_classes & kNoun)) || (d.prefix.empty() && (flag_group(d.flag) == 'Z' || flag_group(d.flag) == 'Y')))
      nounish = true;
  std::string out;
  // "aangaf", "besproken", "ontstond": a prefix on an irregular form; but "uitgaven" is a noun.
  if (!nounish && irregular_key(w, &out)) return out;
  if (lemma_key(w, ds, &out, depth)) return out;
  return compound_key(w, depth);
}

std::string DutchStemmer::compound_key(std::string_view w, int depth) const {
  if (splitter_ != nullptr)
    if (auto split = splitter_->split(w); split && split->head_start > 0 && split->head_start < w.size())
      return std::string(w.substr(0, split->head_start)) + key_at_depth(w.substr(split->head_start), depth + 1);
  return fallback(w);
}

bool DutchStemmer::irregular_key(std::string_view w, std::string* out) const {
  for (std::size_t n = 2; n + 2 <= w.size() && n <= 7; ++n) {
    std::string_view prefix = w.substr(0, n), rest = w.substr(n);
    bool separable = is_particle(prefix), inseparable = is_inseparable_prefix(prefix);
    if (!separable && !inseparable) continue;
    auto it = rules_.irregular.find(std::string(rest));
    if (it == rules_.irregular.end() && inseparable) it = rules_.irregular.find("ge" + std::string(rest));
    if (it != rules_.irregular.end()) {
      *out = std::string(prefix) + stem_from_infinitive(it->second);
      return true;
    }
  }
  return false;
}

bool DutchStemmer::lemma_key(std::string_view w, const std::vector<Derivation>& ds, std::string* out, int depth) const {
  const Derivation* identity = nullptr;
  const Derivation* best = nullptr;
  const Derivation* prefixed = nullptr;
  for (const Derivation& d : ds) {
    if (d.flag == 0) {
      identity = &d;
    } else if (!inflection_flag(d.flag)) {
      continue;
    } else if (!d.prefix.empty()) {
      if (!prefixed) prefixed = &d;
    } else if (!best || d.base.size() > best->base.size() ||
               (d.base.size() == best->base.size() &&
                (class_rank(d.flag) > class_rank(best->flag) ||
                 (class_rank(d.flag) == class_rank(best->flag) && d.suffix_len > best->suffix_len)))) {
      // The longest base is the most specific reading: "kaartje" is kaart+je, not kaar+tje;
      // "maanden" is maand+en, not the past tense of manen.
      best = &d;
    }
  }
  // "studenten" is the plural of student, not of studente; "soldaten" of soldaat.
  if (best && flag_group(best->flag) == 'Z' && (flag_member(best->flag) == 'i' || flag_member(best->flag) == 'j'))
    for (const Derivation& d : ds)
      if (d.prefix.empty() && flag_group(d.flag) == 'Z' && flag_member(d.flag) != 'i' && flag_member(d.flag) != 'j' &&
          flag_member(d.flag) != 'm')
        best = &d;
  if (best && flag_group(best->flag) == 'Z' && flag_member(best->flag) == 'i' && ends_with(w, "en") &&
      (lex_->classes(w.substr(0, w.size() - 2)) & kNoun)) {
    *out = key_of_listed(std::string(w.substr(0, w.size() - 2)), lex_->classes(w.substr(0, w.size() - 2)), depth);
    return true;
  }
  // A listed noun in -er is not a comparative: "rechter" (judge) is not recht+er.
  if (best && identity && (identity->base_classes & kNoun) && flag_group(best->flag) == 'A' && ends_with(w, "er"))
    best = nullptr;
  // A noun plural beats a rare verb of the same spelling ("dagen", "bedragen"); an
  // infinitive beats a past tense of the same spelling ("uitbreiden" is not uitbrei+den).
  bool noun_reading = best && class_rank(best->flag) == 3;
  if (!noun_reading && identity && (identity->base_classes & kInfinitive) && ends_with(w, "n")) {
    *out = stem_from_infinitive(w);
    return true;
  }
  if (best) {
    *out = key_of_derivation(w, *best, depth);
    return true;
  }
  if (prefixed) {
    std::string_view rest = w.substr(prefixed->prefix.size());
    if (starts_with(rest, "ge") && stem_from_participle(w, out, depth)) return true;
    if ((prefixed->base_classes & kInfinitive) && prefixed->base == rest) *out = stem_from_infinitive(w);
    else *out = prefixed->prefix + key_at_depth(rest, depth + 1);
    return true;
  }
  if (identity) {
    *out = key_of_listed(identity->base, identity->base_classes, depth);
    if (*out != w || (identity->base_classes & (kNoun | kVerbStem | kInfinitive | kParticiple))) return true;
    // Forms listed without inflection flags are often finite verbs ("bestaat"), plurals
    // ("compagnieen") or compounds with an inflected head ("kamerleden").
    if ((identity->base_classes & (kParticleVerb | kPlain)) && (stem_from_finite(w, out) || stem_from_participle(w, out, depth)))
      return true;
    std::string_view base = w.substr(0, w.size() - 2);
    if (ends_with(w, "en") && base.size() >= 4 && (lex_->classes(base) & (kNoun | kCompoundable))) {
      *out = key_of_listed(std::string(base), lex_->classes(base), depth);
      return true;
    }
    if (!(identity->base_classes & kAdjective)) *out = compound_key(w, depth);
    if (*out != w && *out == fallback(w)) *out = w;  // no compound: keep the listed word
    return true;
  }
  // Participles of verbs the lexicon lists only by stem: "gemandateerd", "vastgesteld".
  if (stem_from_participle(w, out, depth)) return true;
  return unlisted_noun_key(w, out, depth);
}

// Diminutives and plurals of listed nouns that lack the affix flag ("amendementje").
bool DutchStemmer::unlisted_noun_key(std::string_view w, std::string* out, int depth) const {
  struct Ending {
    std::string_view suffix, restore;
  };
  static constexpr Ending kEndings[] = {{"etjes", ""}, {"etje", ""}, {"tjes", ""}, {"tje", ""}, {"pjes", ""}, {"pje", ""},
                                        {"kjes", "g"}, {"kje", "g"}, {"jes", ""}, {"je", ""},   {"en", ""},   {"s", ""}};
  for (const Ending& e : kEndings) {
    if (!ends_with(w, e.suffix) || w.size() < e.suffix.size() + 4) continue;
    std::string base = std::string(w.substr(0, w.size() - e.suffix.size())) + std::string(e.restore);
    if (e.suffix.front() == 'e' && e.suffix != "en" && base.size() >= 2 && base.back() == base[base.size() - 2])
      base.pop_back();  // plannetje -> plan
    std::uint32_t c = lex_->classes(base);
    if (c & kNoun) {
      *out = key_of_listed(base, c, depth);
      return true;
    }
  }
  return false;
}

std::string DutchStemmer::key_of_derivation(std::string_view, const Derivation& d, int depth) const {
  char a = flag_group(d.flag), b = flag_member(d.flag);
  if (a == 'V' && b == 'i') return stem_from_infinitive(d.base);
  std::string out;
  if (a == 'V' && b == 'e') return stem_from_participle(d.base, &out, depth) ? out : d.base;
  if (a == 'V') return d.base;
  return key_of_listed(d.base, d.base_classes, depth);
}

std::string DutchStemmer::key_of_listed(const std::string& base, std::uint32_t classes, int depth) const {
  if (auto it = rules_.exceptions.find(base); it != rules_.exceptions.end())
    return it->second == base ? base : key_at_depth(it->second, depth + 1);
  std::string out;
  if ((classes & kInfinitive) && ends_with(base, "n")) return stem_from_infinitive(base);
  bool particle_participle = false;
  for (std::size_t n = 2; n <= 7 && n + 4 < base.size(); ++n)
    if (is_particle(std::string_view(base).substr(0, n)) && base.compare(n, 2, "ge") == 0) particle_participle = true;
  if ((classes & kParticiple) || particle_participle)
    if (stem_from_participle(base, &out, depth)) return out;
  if (noun_to_verb(base, &out)) return out;
  // Nouns that are the verb stem plus -e: "bijdrage" (bijdragen), "aanvrage" (aanvragen).
  if (base.size() >= 6 && ends_with(base, "e") && is_listed_infinitive(base + "n"))
    return stem_from_infinitive(base + "n");
  return base;
}

std::string DutchStemmer::fallback(std::string_view w) const {
  thread_local Xapian::Stem snowball("dutch");
  std::string s = snowball(std::string(w));
  // Snowball undoubles vowels and drops endings blindly; never let an unknown word take the
  // key of a different word the lexicon knows ("daat" is not "dat").
  if (lex_ != nullptr && s != w && lex_->contains(s)) return std::string(w);
  return s;
}

}  // namespace kz::analysis
