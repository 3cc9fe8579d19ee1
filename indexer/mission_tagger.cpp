// Finds missions in running text through the mission recognizer (mission_recognizer.h), and
// chooses between missions that share a spelling ("eFP" in Litouwen or in Roemenië) by the
// words around it; also the word spans fact extraction matches on.
#include <algorithm>
#include <map>
#include <set>

#include "indexer/fact_text.h"
#include "indexer/mission_recognizer.h"
#include "stemmer/analysis.h"

namespace kz::facts {
namespace {

bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// Multi-byte characters that separate words: general punctuation (U+2000-U+206F: dashes,
// quotes, special spaces), the euro sign, no-break space, guillemets, middle dot.
std::size_t separator_utf8(std::string_view t, std::size_t i) {
  unsigned char c = t[i];
  if (c == 0xE2 && i + 1 < t.size()) {
    unsigned char c1 = t[i + 1];
    if (c1 == 0x80 || c1 == 0x81 || c1 == 0x82 || c1 == 0x96 || c1 == 0x97) return 3;
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    unsigned char c1 = t[i + 1];
    if (c1 == 0xA0 || c1 == 0xAB || c1 == 0xBB || c1 == 0xB7 || c1 == 0xAD) return 2;
  }
  if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x82) return 3;  // PUA bullets
  return 0;
}

bool letter_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || ascii_upper(c) || c >= 0x80; }

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

std::vector<WordSpan> word_spans(std::string_view t) {
  std::vector<WordSpan> out;
  std::size_t i = 0;
  while (i < t.size()) {
    unsigned char c = t[i];
    if (std::size_t n = separator_utf8(t, i)) {
      i += n;
      continue;
    }
    int kind = ascii_digit(c) ? 2 : letter_byte(c) ? 1 : 0;
    if (!kind) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size()) {
      unsigned char d = t[j];
      if (separator_utf8(t, j)) break;
      int k = ascii_digit(d) ? 2 : letter_byte(d) ? 1 : 0;
      if (k != kind) break;
      ++j;
    }
    WordSpan w;
    w.text = std::string(t.substr(i, j - i));
    w.folded = kind == 2 ? w.text : analysis::fold(w.text);
    w.offset = i;
    w.length = j - i;
    out.push_back(std::move(w));
    i = j;
  }
  return out;
}

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
