// Splits Dutch compounds ("luchtruimschendingen" -> luchtruim + schendingen) with the lexicon:
// the head is the longest known word at the end, the modifier before it (minus a linking
// -s-/-e-/hyphen) must be a word or a compound itself.
#pragma once
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
  std::vector<std::string> parts;  // modifier, head, then the modifier's own parts (if any)
};

class CompoundSplitter {
 public:
  CompoundSplitter(const HunspellLexicon& lex, const CompoundRules& rules) : lex_(lex), rules_(rules) {}
  std::optional<CompoundSplit> split(std::string_view word) const;
  // A listed word or a regular inflection of one (plural, diminutive, verb or adjective form).
  bool known_form(std::string_view w) const;

 private:
  std::optional<CompoundSplit> split_at_depth(std::string_view word, int depth) const;
  bool modifier_ok(std::string_view m, bool strict, int depth, std::string* core,
                   std::vector<std::string>* subparts) const;
  const HunspellLexicon& lex_;
  const CompoundRules& rules_;
};

}  // namespace kz::analysis
