// Dutch conflation keys: maps inflected and derived forms to one key per lemma
// ("verlenging", "verlengd", "verlengen", "verlengt" -> "verleng"), using the Hunspell lexicon
// to decide what a suffix really is, data-file exceptions for irregular forms and guards, and
// Snowball "dutch" only for words the lexicon cannot explain.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "stemmer/compound_splitter.h"
#include "stemmer/hunspell_lexicon.h"

namespace kz::analysis {

struct StemRules {
  // word -> target word whose key it shares; a word mapped to itself is never stemmed.
  std::unordered_map<std::string, std::string> exceptions;
  // irregular verb form ("gaf", "besloten") -> infinitive, and infinitive -> its listed forms
  std::unordered_map<std::string, std::string> irregular;
  std::unordered_map<std::string, std::unordered_set<std::string>> irregular_forms;
};

class DutchStemmer {
 public:
  // lex and splitter may be null (lexicon not installed): then only exceptions and Snowball apply.
  DutchStemmer(const HunspellLexicon* lex, const CompoundSplitter* splitter, const StemRules& rules)
      : lex_(lex), splitter_(splitter), rules_(rules) {}
  std::string key(std::string_view folded) const;
  // Whether the lexicon's verbs explain the word as a verb form it does not list
  // ("stationeren", "geëscorteerd", "monitorden", "ondersteunende").
  bool is_verb_form(std::string_view w) const;

 private:
  std::string key_at_depth(std::string_view w, int depth) const;
  bool irregular_key(std::string_view w, std::string* out) const;
  bool lemma_key(std::string_view w, const std::vector<Derivation>& ds, std::string* out, int depth) const;
  std::string key_of_listed(const std::string& base, std::uint32_t classes, int depth) const;
  std::string key_of_derivation(std::string_view w, const Derivation& d, int depth) const;
  std::string compound_key(std::string_view w, int depth) const;
  bool unlisted_noun_key(std::string_view w, std::string* out, int depth) const;
  std::string fallback(std::string_view w) const;

  // Verb morphology (dutch_verbs.cpp).
  std::string stem_from_infinitive(std::string_view inf) const;
  bool stem_from_participle(std::string_view p, std::string* out, int depth) const;
  bool stem_from_finite(std::string_view w, std::string* out) const;
  bool noun_to_verb(std::string_view noun, std::string* out) const;
  bool is_verb_stem(std::string_view s) const;
  bool is_infinitive(std::string_view s) const;
  bool has_listed_infinitive(std::string_view stem, bool exact) const;
  bool is_listed_infinitive(std::string_view s) const;

  const HunspellLexicon* lex_;
  const CompoundSplitter* splitter_;
  const StemRules& rules_;
};

// Separable verb particles ("aan" in aangeven, aangekondigd).
bool is_particle(std::string_view s);
// Prefixes of inseparable verbs, which take no ge- in the participle ("besproken", "voldaan").
bool is_inseparable_prefix(std::string_view s);

}  // namespace kz::analysis
