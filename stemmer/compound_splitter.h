// Splits Dutch compounds ("luchtruimschendingen" -> luchtruim + schendingen) with the lexicon.
// The head is the longest known word at the end; the modifier before it (minus a linking
// -s-, -e- or hyphen) must be a word or a compound itself. Words the lexicon lists, or
// inflections of them, are split only as nouns made of two solid nouns ("kamer|stukken");
// verb forms, adjectives and names are never split.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "stemmer/hunspell_lexicon.h"

namespace kz::analysis {

struct CompoundRules {
  std::unordered_set<std::string> blocked_parts;  // never a part: derivational endings like "heid"
  std::unordered_map<std::string, std::vector<std::string>> fixed;  // word -> parts (empty: never split)
};

struct CompoundSplit {
  std::size_t head_start = 0;      // byte offset of the head in the word
  std::vector<std::string> parts;  // modifier, head, then the parts of a compound modifier or head
};

class CompoundSplitter {
 public:
  CompoundSplitter(const HunspellLexicon& lex, const CompoundRules& rules) : lex_(lex), rules_(rules) {}
  // Tells verb forms the lexicon does not list ("stationeren", "geëscorteerd") from compounds.
  void set_verb_form_test(std::function<bool(std::string_view)> test) { is_verb_form_ = std::move(test); }

  std::optional<CompoundSplit> split(std::string_view word) const;
  // A listed word or a regular inflection of one (plural, diminutive, verb or adjective form).
  bool known_form(std::string_view w) const;

 private:
  enum class Kind { Unknown, Noun, NotNoun };
  Kind classify(std::string_view word, std::string* lemma) const;
  std::optional<CompoundSplit> split_unknown(std::string_view word, int depth) const;
  std::optional<CompoundSplit> split_listed_noun(std::string_view lemma) const;
  bool modifier_ok(std::string_view m, int depth, std::string* core, std::vector<std::string>* subparts) const;
  bool part_ok(std::string_view p) const;
  bool noun_like(std::string_view w) const;
  bool plural_of(std::string_view form, std::string_view base) const;
  std::pair<std::string_view, std::string_view> modifier_candidates(std::string_view m) const;

  const HunspellLexicon& lex_;
  const CompoundRules& rules_;
  std::function<bool(std::string_view)> is_verb_form_;
};

}  // namespace kz::analysis
