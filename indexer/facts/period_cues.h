// The cue words of period reading (corpus/period_cues.tsv): which words before a date make it
// a start or an end, open or join a range, and which words make a sentence speak of a
// deployment. Read once per process; language data, kept out of the code.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace kz::facts::detail {

struct PeriodCues {
  using Phrase = std::vector<std::string>;  // words as lex() gives them
  std::vector<Phrase> end, start, start_month, range, range_and, connector, ending_pair;  // longest first
  std::vector<std::string> deployment, deployment_word, ending, started, departs, past, meeting, decided;
  std::map<std::string, double> number;  // "zes" -> 6, "anderhalf" -> 1.5
  std::map<std::string, int> unit;       // "maanden" -> 1, "jaar" -> 12 (0: not in months)
};

// The table from $KAMERZOEK_DATA/corpus/period_cues.tsv; throws std::runtime_error naming the
// file when it cannot be read.
const PeriodCues& period_cues();

}  // namespace kz::facts::detail
