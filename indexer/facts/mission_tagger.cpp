// Finds missions in running text through the mission recognizer (mission_recognizer.h), and
// chooses between missions that share a spelling ("eFP" in Litouwen or in Roemenië) by the
// words around it; also the word spans fact extraction matches on.
#include <algorithm>
#include <map>
#include <set>

#include "indexer/facts/fact_text.h"
#include "indexer/record/mission_recognizer.h"
#include "stemmer/analysis.h"

namespace kz::facts {
namespace {

bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }


// Words that say nothing about which mission is meant.
const std::set<std::string>& filler() {
  static const std::set<std::string> words = {
      "de", "het", "een", "in", "van", "vanuit", "uit", "naar", "op", "aan", "the", "for", "to",
      "and", "of", "en", "missie", "inzet", "operatie", "operation", "mission", "bijdrage", "navo",
      "nato", "eu", "vn", "un", "enhanced", "onder", "leiding", "group", "force", "forces",
      "multinational", "multinationale", "battlegroup", "standing", "maritime", "s"};
  return words;
}

}  // namespace

std::unordered_map<std::string, int> count_words(std::string_view text) {
  std::unordered_map<std::string, int> out;
  for (auto& w : word_spans(text)) ++out[w.folded];
  return out;
}

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : word_spans(text)) out.push_back(std::move(w.folded));
  return out;
}

MissionTagger::MissionTagger(const MissionTable& table) : table_(table) {
  for (const auto& m : table.missions()) {
    std::vector<std::string> spellings{m.name};
    spellings.insert(spellings.end(), m.aliases.begin(), m.aliases.end());
    spellings.insert(spellings.end(), m.places.begin(), m.places.end());
    std::set<std::string> words;
    for (const auto& sp : spellings)
      for (const auto& w : word_spans(sp))
        if (w.folded.size() >= 3 && !filler().count(w.folded) && !ascii_digit(w.folded[0])) words.insert(w.folded);
    words_.push_back({m.id, std::vector<std::string>(words.begin(), words.end())});
  }
}

std::vector<Mention> MissionTagger::find(std::string_view text, int year) const {
  std::vector<Mention> out;
  for (const auto& r : recognize_missions(table_, text, RecognizeOptions::running_text(year))) {
    Mention m;
    m.offset = r.begin;
    m.length = r.end - r.begin;
    m.mission = r.mission->id;
    m.candidates.push_back(r.mission->id);
    // Only missions sharing a name are chosen between by the words around them; a means and a
    // place were already ranked by the places and the year of their own sentence.
    if (r.how == "alias")
      for (const auto* alt : r.alternatives) m.candidates.push_back(alt->id);
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.offset < b.offset; });
  return out;
}

std::string MissionTagger::choose(const std::vector<std::string>& candidates, const WordCounts& sentence,
                                  const WordCounts& paragraph, const WordCounts& document) const {
  if (candidates.size() <= 1) return candidates.empty() ? std::string() : candidates.front();
  auto words_of = [&](const std::string& id) -> const std::vector<std::string>& {
    static const std::vector<std::string> none;
    for (const auto& [mid, ws] : words_)
      if (mid == id) return ws;
    return none;
  };
  // Distinctive words: a candidate's words that no other candidate has.
  std::vector<std::set<std::string>> own(candidates.size());
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    for (const auto& w : words_of(candidates[c])) {
      bool shared = false;
      for (std::size_t o = 0; o < candidates.size() && !shared; ++o) {
        if (o == c) continue;
        const auto& other = words_of(candidates[o]);
        shared = std::find(other.begin(), other.end(), w) != other.end();
      }
      if (!shared) own[c].insert(w);
    }
  }
  for (const auto* level : {&sentence, &paragraph, &document}) {
    std::vector<int> score(candidates.size(), 0);
    for (std::size_t c = 0; c < candidates.size(); ++c)
      for (const auto& w : own[c]) {
        auto it = level->find(w);
        if (it != level->end()) score[c] += it->second;
      }
    auto best = std::max_element(score.begin(), score.end());
    if (*best == 0) continue;
    if (std::count(score.begin(), score.end(), *best) > 1) continue;
    return candidates[best - score.begin()];
  }
  return candidates.front();
}

}  // namespace kz::facts
