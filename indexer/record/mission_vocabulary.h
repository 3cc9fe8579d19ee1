// The mission table compiled for recognition: every name, alias, place and means as a word
// pattern, and the words that only say "a mission" (corpus/mission_words.tsv). Internal to
// the recognizer (mission_recognizer.h is the public side); exposed for its two source files.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "indexer/record/missions.h"

namespace kz::mission_vocab {

// A word of a text or pattern: as printed, and folded with a plural/possessive "s" removed.
struct Token {
  std::string text, norm;
  std::size_t begin = 0, end = 0;  // bytes
  bool digits = false;
};

// Words of `text` in order; a lone "s" ("F-16's", "MQ-9’s") is dropped, it only inflects.
std::vector<Token> tokenize(std::string_view text);

enum Kind { kAlias = 0, kPlace = 1, kMeans = 2, kGeneric = 3 };

struct Pattern {
  std::vector<std::string> norm, text;
  bool exact_case = false;   // a short acronym: in running text only with the table's capitals
  bool typed_only = false;   // a mission id: only what users type names it
  Kind kind = kAlias;
  std::vector<int> missions;  // indexes into the table, table order
};

struct Vocabulary {
  std::vector<Pattern> patterns;
  std::unordered_map<std::string, std::vector<int>> by_first;  // first norm word -> patterns
  std::vector<std::string> first_words;                         // keys of by_first, for fuzzy lookup
  std::unordered_set<std::string> filler;                       // words without identity
  // Words of names and aliases that identify missions (partial names in typed input).
  std::unordered_map<std::string, std::vector<int>> identity;
  std::vector<std::string> identity_words;
  // Identity words the table writes with a capital ("Resolve", "Sentry", "eVA"): proper names,
  // which may name a mission alone; lower-case ones ("brede", "boord") only with others.
  std::unordered_set<std::string> proper;
};

// Throws std::runtime_error when corpus/mission_words.tsv cannot be read.
Vocabulary compile(const MissionTable& table);

// Edit distance allowed for a typed word of this length (0: must be exact).
std::size_t typo_budget(const std::string& norm);
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap);

}  // namespace kz::mission_vocab
