// One recognizer of missions for running text and for what users type: names and aliases in any
// inflection ("F-16's", "missies"), a platform or unit plus a place or opponent ("Patriots in
// Turkije", "F-16-inzet tegen ISIS"), and, for typed input only, any word order, partial names,
// a place alone ("de missie in Mali") and small typos. The vocabulary is the mission table's
// (corpus/missions.tsv: aliases, places, means, years); nothing about a mission lives here.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/record/missions.h"

namespace kz {

struct RecognizeOptions {
  // Typed input (questions, command arguments): words within a small edit distance count, the
  // words of a name may come in any order or in part, and a place or means alone names every
  // mission it belongs to (ranked). Off for running text, where precision comes first.
  bool typed = true;
  // The year the text speaks of (a document's date, a year in a question), 0 when unknown:
  // missions active in that year rank before others.
  int year = 0;
  // How many indexed documents a mission has; ambiguous candidates rank by it (a country name
  // resolves to the mission with hundreds of documents, not an empty one). Empty: not known.
  std::function<double(const Mission&)> documents;

  static RecognizeOptions running_text(int year = 0) {
    RecognizeOptions o;
    o.typed = false;
    o.year = year;
    return o;
  }
};

struct MissionMention {
  const Mission* mission = nullptr;
  std::size_t begin = 0, end = 0;  // byte span in the text searched
  double score = 0;                // 0..1: 1 an exact name or alias, lower for looser readings
  // Other missions the same words may mean, best first; empty when the reading is unambiguous.
  std::vector<const Mission*> alternatives;
  std::string how;  // "alias", "means+place", "words", "place", "means"; "+typo" when fuzzy
};

// All missions named in a text or question, best first (ties: in text order). Overlapping
// readings keep the better one. A mention whose words fit several missions names the best
// ranked one and lists the rest in `alternatives`. Pointers are into `table`. The table's
// vocabulary is compiled on first use and kept (keyed by its text); thread-safe.
std::vector<MissionMention> recognize_missions(const MissionTable& table, std::string_view text,
                                               const RecognizeOptions& options = {});

// The mission a user's spelling names (a command's MISSION argument): the best mention, empty
// when nothing is recognised. Its `alternatives` rank the other candidates, so a caller can
// say which it picked ("Irak": the one with most documents) and what else it may mean.
std::optional<MissionMention> resolve_typed_mission(const MissionTable& table, std::string_view typed,
                                                    const RecognizeOptions& options = {});

}  // namespace kz
