// Building blocks of fact extraction, exposed for tests: sentence splitting, Dutch date and
// period phrases, cost years, and finding mission names in running text.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/facts/facts.h"
#include "indexer/record/mission_keys.h"
#include "indexer/record/missions.h"

namespace kz::facts {

// ASCII lower case for matching Dutch keywords; letters with diacritics are left as they are.
inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// ---- sentences (sentences.cpp) ----

struct Sentence {
  std::string text;         // as printed, surrounding whitespace trimmed
  std::size_t offset = 0;   // byte offset in the input
};

// Splits running text into sentences at . ! ? followed by a capital, digit or quote, but not
// after abbreviations ("nr.", "ca.", "Zr.Ms.", "o.a.") or initials.
std::vector<Sentence> split_sentences(std::string_view text);

// "• Een bijdrage ..." -> "Een bijdrage ..."; "- MNBG Litouwen: ..." -> "MNBG Litouwen: ...".
// Returns the number of bytes of bullet (and following space) at the start, 0 when none.
std::size_t bullet_length(std::string_view text, bool numbered_too);

// Removes footnote reference numbers glued to words ("bekostigd2 vanuit", "2025.1 De",
// "periode3)"). Each marker is removed at most once per call site (pass the set of markers not
// yet seen; found ones are erased from it).
std::string strip_footnote_markers(std::string_view text, std::vector<std::string>& markers);

// ---- dates and periods (periods.cpp) ----

// A point or span in time as written: "maart 2024" is 2024-03-01..2024-03-31.
struct DateSpan {
  std::string first, last;     // ISO dates; empty when the phrase gives no such bound
  bool year_missing = false;   // "21 februari": year to be taken from context
  std::size_t offset = 0, length = 0;
};

// Reads a date phrase at the start of `text` (after optional spaces): "31 december 2026",
// "maart 2024", "2017", "eind 2026", "begin 2026", "de zomer 2022", "het eerste kwartaal van
// 2024", "Q2 2026", "dit jaar", "heden". Empty optional when there is none.
std::optional<DateSpan> read_date(std::string_view text, int doc_year);

struct PeriodPhrase {
  std::string start, end;  // ISO or empty
  std::string text;        // the phrase as printed
  std::size_t offset = 0;
  bool duration = false;   // "voor ten minste 6 maanden": a planned length was stated
  bool whole_year = false; // only "in 2024" / "dit jaar": the calendar year
};

// Every period a sentence states: ranges ("vanaf maart 2024 tot en met maart 2026"), starts
// ("sinds 2017", "Op 9 januari 2025 ... overgenomen"), ends ("loopt tot en met 31 december
// 2026") and whole years ("In 2024 zet Nederland ... voort"). doc_date is YYYY-MM-DD or empty.
std::vector<PeriodPhrase> find_periods(std::string_view sentence, const std::string& doc_date);

// What a period statement is: "mandate", "extension", "deployment" or "announcement" (a
// planned length, an intention, or a decision about a start after doc_date).
std::string period_kind(std::string_view sentence, const PeriodPhrase& p, const std::string& doc_date = "");

// True when the sentence speaks of a deployment, contribution or mandate at all.
bool speaks_of_deployment(std::string_view sentence);

// ---- force sizes (forces.cpp) ----

struct ForcePhrase {
  long long count = 0;
  std::string what, kind;   // noun or ship as printed; personnel, ship, aircraft or unit
  bool max = false, about = false, extra = false;
  bool dutch = false;       // the sentence speaks of the Dutch side ("Nederland", "kabinet")
  std::string text;         // the phrase as printed, qualifier included
  std::size_t offset = 0;
};

// Every force size a sentence states: "maximaal 150 extra militairen", "drie
// transporthelikopters", "Zr.Ms. De Ruyter". None in a sentence about casualties ("twee
// militairen gewond"). Words from corpus/force_words.tsv.
std::vector<ForcePhrase> find_forces(std::string_view sentence);

// ---- cost context (cost_context.cpp) ----

struct CostYear {
  int year = 0;
  std::string period;  // printed period phrase when it is a span ("januari-december 2024")
};
// The year an amount at [offset, offset+length) of the sentence refers to: the closest year
// phrase in its clause ("in 2024", "(januari-december 2024)", "voor 2025", "dit jaar").
std::optional<CostYear> cost_year(std::string_view sentence, std::size_t offset,
                                  std::size_t length, int doc_year);

// "geraamd", "raming", "naar verwachting", "begroot": the amount is a forecast.
bool is_estimate(std::string_view sentence);

// The sentence talks about money, so a bare "1,2 miljard" is an amount of euros.
bool speaks_of_money(std::string_view sentence);

// ---- missions in text (mission_tagger.cpp) ----

struct Mention {
  std::size_t offset = 0, length = 0;   // in the text searched
  std::vector<std::string> candidates;  // mission ids sharing the spelling, table order
  std::string mission;                  // chosen id (first candidate until disambiguated)
};

class MissionTagger {
 public:
  explicit MissionTagger(const MissionTable& table);
  // Missions named in running text, in text order, through the mission recognizer with typo
  // matching off: names and aliases as whole words in any inflection (short acronyms such as
  // "SOLE", "eFP" only with the same capitals), a means with a place of the same mission
  // ("F-35's boven Polen"). `year` (the document's, 0 if unknown) ranks shared readings.
  std::vector<Mention> find(std::string_view text, int year = 0) const;
  // Picks among candidates of a shared spelling ("eFP": Litouwen or Roemenië) by the words
  // that set each candidate apart, counted in the sentence, then the paragraph, then the
  // document (each as folded word counts, see count_words).
  using WordCounts = std::unordered_map<std::string, int>;
  std::string choose(const std::vector<std::string>& candidates, const WordCounts& sentence,
                     const WordCounts& paragraph, const WordCounts& document) const;

 private:
  MissionTable table_;
  std::vector<std::pair<std::string, std::vector<std::string>>> words_;  // id -> its words
};

// ---- which mission a fact belongs to (fact_attribution.cpp) ----

// The mission of amounts[index] judged from its sentence alone: the label before a colon
// ("MNBG Litouwen: € 42,4 miljoen"), else the nearest mission named before it with no other
// amount in between ("voor SNMG1 € 3 miljoen en voor SNMCMG1 € 2 miljoen"), else the first one
// after it ("€ 1,4 miljoen aan NSATU"). Empty when missions are listed together ("SNMG1 en
// SNMCMG1 kosten € 5 miljoen") or none is named.
std::string mission_for_amount(std::string_view sentence, const std::vector<Mention>& mentions,
                               const std::vector<Amount>& amounts, std::size_t index);

// For each period phrase, the missions it belongs to: with one phrase, every mission named;
// with several phrases and missions, the mission named right after the phrase in its clause
// ("sinds 2019 aan UNIFIL en sinds 2021 aan UNDOF"), else the nearest before it ("UNIFIL loopt
// tot 2026 en UNDOF tot 2027").
std::vector<std::vector<std::string>> missions_for_periods(std::string_view sentence,
                                                           const std::vector<Mention>& mentions,
                                                           const std::vector<PeriodPhrase>& phrases);

// Amounts that are parts of another amount in the same sentence ("€ 30 miljoen, waarvan € 10
// miljoen in 2024"): for each amount, the index of its total or -1.
std::vector<int> totals_in_sentence(std::string_view sentence, const std::vector<Amount>& amounts);

// Tokens for mention matching: letter runs and digit runs with byte spans.
using kz::WordSpan;
using kz::word_spans;
std::vector<std::string> folded_words(std::string_view text);
std::unordered_map<std::string, int> count_words(std::string_view text);

}  // namespace kz::facts
