// Reading a question or free text as a person types it: what kind of answer it asks for, the
// missions, years and Kamerstukken it names, and the words left that say what it is about.
// The word lists behind it are stemmer/data/question_words.tsv; the missions come from the
// mission recognizer. Used by the relaxed `search` and by `ask`.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/record/missions.h"

namespace kz::query {

enum class QuestionKind { cost, mandate, timeline, lookup, count, search };
const char* kind_name(QuestionKind k);  // "cost", "mandate", ...

struct QuestionMission {
  const Mission* mission = nullptr;
  std::vector<std::string> words;  // the words it was named with ("F-16's", "ISIS")
  double score = 0;                // the recognizer's confidence, 0..1
};

struct Question {
  std::string text;  // as typed, normalized
  QuestionKind kind = QuestionKind::search;
  bool kind_cued = false;  // a cue phrase said the kind (else it was guessed)
  bool asks_start = false; // "sinds wanneer", "wanneer begon": the start of a period, not its end
  std::vector<QuestionMission> missions;
  std::optional<int> from_year, to_year;
  std::vector<std::string> refs;     // ids of named Kamerstukken and kenmerken ("kst-29521-248")
  std::vector<std::string> content;  // words that say what it is about, as typed
  bool filler_seen = false;          // a question word or filler was dropped: a question, not keywords
};

struct ReadOptions {
  int this_year = 0;  // for "vorig jaar"; 0: the system clock's year
  // Documents per mission in the index, to rank ambiguous names; may be empty.
  std::function<double(const Mission&)> documents;
};

// Reads free text. Never throws for odd input; an empty text gives an empty Question.
Question read_question(const MissionTable& table, std::string_view text, const ReadOptions& options = {});

// True when `text` uses none of the query language (quotes, parentheses, AND/OR/NOT, -word,
// field prefixes): then it is read as a question and may be relaxed.
bool is_plain_text(std::string_view text);

}  // namespace kz::query
