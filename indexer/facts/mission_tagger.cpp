// Finds mission names and aliases in running text: whole words, longest match first, short
// acronyms only with the capitals of the table ("SOLE" but not "sole"), and a choice between
// missions that share a spelling ("eFP" in Litouwen or in Roemenië) by the words around it.
#include <algorithm>
#include <map>
#include <set>

#include "indexer/facts/fact_text.h"
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

// One spelling is "exact case" when it is a single acronym: "SOLE", "NMI", "eFP", "MQ-9".
bool acronym(const std::vector<WordSpan>& ws) {
  const WordSpan* only = nullptr;
  for (const auto& w : ws) {
    if (ascii_digit(static_cast<unsigned char>(w.text[0]))) continue;
    if (only) return false;
    only = &w;
  }
  if (!only) return false;
  int upper = 0;
  bool inner_upper = false;
  for (std::size_t i = 0; i < only->text.size(); ++i)
    if (ascii_upper(static_cast<unsigned char>(only->text[i]))) {
      ++upper;
      if (i > 0) inner_upper = true;
    }
  return upper >= 2 || inner_upper;
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

MissionTagger::MissionTagger(const MissionTable& table) {
  std::map<std::pair<bool, std::vector<std::string>>, std::size_t> seen;
  for (const auto& m : table.missions()) {
    order_.push_back(m.id);
    std::vector<std::string> spellings{m.name};
    spellings.insert(spellings.end(), m.aliases.begin(), m.aliases.end());
    std::set<std::string> words;
    for (const auto& sp : spellings) {
      auto ws = word_spans(sp);
      if (ws.empty()) continue;
      Spelling s;
      s.exact_case = acronym(ws);
      for (const auto& w : ws) {
        s.tokens.push_back(s.exact_case ? w.text : w.folded);
        if (w.folded.size() >= 3 && !filler().count(w.folded) && !ascii_digit(w.folded[0]))
          words.insert(w.folded);
      }
      auto key = std::make_pair(s.exact_case, s.tokens);
      auto it = seen.find(key);
      if (it != seen.end()) {
        auto& ms = spellings_[it->second].missions;
        if (std::find(ms.begin(), ms.end(), m.id) == ms.end()) ms.push_back(m.id);
        continue;
      }
      s.missions = {m.id};
      seen[key] = spellings_.size();
      spellings_.push_back(std::move(s));
    }
    words_.push_back({m.id, std::vector<std::string>(words.begin(), words.end())});
  }
  // Longest spellings first, so the first match at a position is the longest.
  std::stable_sort(spellings_.begin(), spellings_.end(),
                   [](const Spelling& a, const Spelling& b) { return a.tokens.size() > b.tokens.size(); });
  for (std::size_t i = 0; i < spellings_.size(); ++i)
    by_first_[analysis::fold(spellings_[i].tokens.front())].push_back(i);
}

std::vector<Mention> MissionTagger::find(std::string_view text) const {
  std::vector<Mention> out;
  auto ws = word_spans(text);
  // Words of one name stand next to each other: only spaces, hyphens, brackets, quotes between.
  auto adjacent = [&](std::size_t a, std::size_t b) {
    std::size_t from = ws[a].offset + ws[a].length, to = ws[b].offset;
    if (to - from > 5) return false;
    for (std::size_t k = from; k < to; ++k) {
      char c = text[k];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '/' || c == '\n') return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < ws.size();) {
    const Spelling* hit = nullptr;
    auto bucket = by_first_.find(ws[i].folded);
    if (bucket == by_first_.end()) {
      ++i;
      continue;
    }
    for (std::size_t si : bucket->second) {
      const Spelling& s = spellings_[si];
      if (i + s.tokens.size() > ws.size()) continue;
      bool ok = true;
      for (std::size_t k = 0; k < s.tokens.size() && ok; ++k) {
        const auto& w = ws[i + k];
        ok = s.exact_case ? w.text == s.tokens[k] : w.folded == s.tokens[k];
        if (ok && k > 0) ok = adjacent(i + k - 1, i + k);
      }
      if (ok) {
        hit = &s;
        break;
      }
    }
    if (!hit) {
      ++i;
      continue;
    }
    const auto& last = ws[i + hit->tokens.size() - 1];
    Mention m;
    m.offset = ws[i].offset;
    m.length = last.offset + last.length - m.offset;
    m.candidates = hit->missions;
    m.mission = hit->missions.front();
    out.push_back(std::move(m));
    i += hit->tokens.size();
  }
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
