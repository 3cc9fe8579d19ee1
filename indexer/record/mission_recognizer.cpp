// Recognizes missions in text (see mission_recognizer.h). Readings, strongest first: a name or
// alias; a means and a place of the same mission in one sentence ("F-35's boven Polen"); a
// word that only says "mission" next to a place ("de missie in Mali"); and, in typed input
// only, a place or means alone and the identifying words of a name in any order.
#include "indexer/record/mission_recognizer.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "indexer/record/mission_vocabulary.h"

namespace kz {
namespace {

using mission_vocab::Kind;
using mission_vocab::Pattern;
using mission_vocab::Token;
using mission_vocab::Vocabulary;

const Vocabulary& vocabulary_for(const MissionTable& table) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Vocabulary>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = cache[table.source_tsv()];
  if (!slot) slot = std::make_unique<Vocabulary>(mission_vocab::compile(table));
  return *slot;
}

struct Hit {
  int pattern;
  std::size_t first, last;  // token range [first, last)
  bool fuzzy;
};

constexpr std::size_t kPairWindow = 12;     // tokens between a means and its place
constexpr std::size_t kGenericWindow = 6;   // tokens between "missie" and its place

class Reader {
 public:
  Reader(const MissionTable& table, const Vocabulary& v, std::string_view text, const RecognizeOptions& o)
      : table_(table), v_(v), text_(text), o_(o), toks_(mission_vocab::tokenize(text)) {
    sentence_.resize(toks_.size());
    for (std::size_t i = 1; i < toks_.size(); ++i) {
      sentence_[i] = sentence_[i - 1];
      // A full stop after a short word is an abbreviation's ("Zr.Ms. Tromp", "nr. 4").
      bool stop_ends = toks_[i - 1].digits || toks_[i - 1].text.size() >= 3;
      for (std::size_t k = toks_[i - 1].end; k < toks_[i].begin; ++k)
        if ((text_[k] == '.' && stop_ends) || text_[k] == '?' || text_[k] == '!' || text_[k] == ';') {
          ++sentence_[i];
          break;
        }
    }
  }

  std::vector<MissionMention> run();

 private:
  // Words of one name stand next to each other: only spaces, hyphens, brackets, quotes between.
  bool adjacent(std::size_t a) const {
    std::size_t from = toks_[a].end, to = toks_[a + 1].begin;
    if (!o_.typed && to - from > 5) return false;
    for (std::size_t k = from; k < to; ++k) {
      char c = text_[k];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '/' || c == '\n' || c == '?') return false;
    }
    return true;
  }

  // 0: no match, 1: exact, 2: within the typo budget.
  int word_match(const Token& t, const Pattern& p, std::size_t k) const {
    // Acronyms keep their capitals in documents; typed input may be lower case, except for
    // two-letter ones and everyday words ("is" is not "IS").
    if (p.exact_case && (!o_.typed || p.norm[k].size() < 3 || v_.filler.count(t.norm))) {
      const std::string& want = p.text[k];
      return t.text == want || t.text == want + "s" ? 1 : 0;
    }
    if (t.norm == p.norm[k]) return 1;
    // Means are everyday nouns ("politie", "trainers"): a near miss is another word, not a typo.
    if (!o_.typed || p.kind == mission_vocab::kMeans || p.kind == mission_vocab::kGeneric) return 0;
    std::size_t budget = std::min(mission_vocab::typo_budget(t.norm), mission_vocab::typo_budget(p.norm[k]));
    return budget && mission_vocab::edit_distance(t.norm, p.norm[k], budget) <= budget ? 2 : 0;
  }

  void collect_hits();
  std::vector<int> rank(std::vector<int> candidates) const;
  void add(std::vector<int> candidates, std::size_t first, std::size_t last, double score, std::string how,
           bool fuzzy);
  void words_reading(std::vector<bool>& covered);

  const MissionTable& table_;
  const Vocabulary& v_;
  std::string_view text_;
  const RecognizeOptions& o_;
  std::vector<Token> toks_;
  std::vector<std::size_t> sentence_;
  std::vector<Hit> hits_;
  std::set<int> places_named_;  // missions with a place in the text
  std::vector<MissionMention> out_;
};

void Reader::collect_hits() {
  for (std::size_t i = 0; i < toks_.size(); ++i) {
    std::vector<const std::vector<int>*> buckets;
    if (auto b = v_.by_first.find(toks_[i].norm); b != v_.by_first.end()) buckets.push_back(&b->second);
    // A first word typed with a typo, or an acronym in lower case: look wider in typed input.
    if (o_.typed && mission_vocab::typo_budget(toks_[i].norm))
      for (const auto& w : v_.first_words) {
        if (w == toks_[i].norm) continue;
        std::size_t budget = std::min(mission_vocab::typo_budget(w), mission_vocab::typo_budget(toks_[i].norm));
        if (budget && mission_vocab::edit_distance(w, toks_[i].norm, budget) <= budget)
          buckets.push_back(&v_.by_first.at(w));
      }
    for (const auto* bucket : buckets)
      for (int pi : *bucket) {
        const Pattern& p = v_.patterns[pi];
        if (p.typed_only && !o_.typed) continue;
        if (i + p.norm.size() > toks_.size()) continue;
        bool ok = true, fuzzy = false;
        for (std::size_t k = 0; k < p.norm.size() && ok; ++k) {
          int m = word_match(toks_[i + k], p, k);
          ok = m > 0 && (k == 0 || adjacent(i + k - 1));
          fuzzy = fuzzy || m == 2;
        }
        if (ok) hits_.push_back({pi, i, i + p.norm.size(), fuzzy});
      }
  }
  // Longest first, then exact before fuzzy, then text order: the greedy choice below keeps those.
  std::stable_sort(hits_.begin(), hits_.end(), [](const Hit& a, const Hit& b) {
    if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first;
    if (a.fuzzy != b.fuzzy) return !a.fuzzy;
    return a.first < b.first;
  });
  std::vector<bool> taken(toks_.size(), false);
  std::vector<Hit> kept;
  // Aliases claim their words before places and means, so "battlegroup in Litouwen" is one name.
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& h : hits_) {
      bool alias = v_.patterns[h.pattern].kind == mission_vocab::kAlias;
      if (alias != (pass == 0)) continue;
      bool free = true;
      for (std::size_t k = h.first; k < h.last; ++k) free = free && !taken[k];
      if (!free) continue;
      for (std::size_t k = h.first; k < h.last; ++k) taken[k] = true;
      kept.push_back(h);
    }
  // Places inside names count as context too ("eFP Roemenië" tells the Roemenië battlegroup).
  for (const auto& h : hits_)
    if (v_.patterns[h.pattern].kind == mission_vocab::kPlace)
      for (int m : v_.patterns[h.pattern].missions) places_named_.insert(m);
  std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) { return a.first < b.first; });
  hits_ = std::move(kept);
}

// Best first: a place of the mission named in the text, active in the year asked, most
// documents, table order.
std::vector<int> Reader::rank(std::vector<int> c) const {
  auto active = [&](int m) {
    const Mission& x = table_.missions()[m];
    if (!o_.year || !x.first_year) return 1;
    return x.first_year <= o_.year && (!x.last_year || o_.year <= x.last_year) ? 2 : 0;
  };
  std::vector<double> docs(table_.missions().size(), 0);
  if (o_.documents)
    for (int m : c) docs[m] = o_.documents(table_.missions()[m]);
  std::stable_sort(c.begin(), c.end(), [&](int a, int b) {
    bool pa = places_named_.count(a), pb = places_named_.count(b);
    if (pa != pb) return pa;
    if (active(a) != active(b)) return active(a) > active(b);
    if (docs[a] != docs[b]) return docs[a] > docs[b];
    return a < b;
  });
  return c;
}

void Reader::add(std::vector<int> candidates, std::size_t first, std::size_t last, double score, std::string how,
                 bool fuzzy) {
  if (candidates.empty()) return;
  candidates = rank(std::move(candidates));
  MissionMention m;
  m.mission = &table_.missions()[candidates.front()];
  for (std::size_t k = 1; k < candidates.size(); ++k) m.alternatives.push_back(&table_.missions()[candidates[k]]);
  m.begin = toks_[first].begin;
  m.end = toks_[last - 1].end;
  m.score = fuzzy ? score * 0.85 : score;
  m.how = fuzzy ? how + "+typo" : how;
  out_.push_back(std::move(m));
}

std::vector<int> intersect(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out;
  for (int x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) out.push_back(x);
  return out;
}

std::size_t gap(const Hit& a, const Hit& b) {
  return a.first < b.first ? (b.first >= a.last ? b.first - a.last : 0) : (a.first >= b.last ? a.first - b.last : 0);
}

// Typed input: words that identify a name ("Inherent Resolve", "Sentry"), in any order, the
// filler between them ignored; a run of them names the missions all its words belong to.
void Reader::words_reading(std::vector<bool>& covered) {
  std::size_t i = 0;
  while (i < toks_.size()) {
    std::vector<int> missions;
    std::size_t first = i, last = i, words = 0;
    bool fuzzy = false, any = false;
    for (std::size_t k = i; k < toks_.size() && !covered[k]; ++k) {
      const Token& t = toks_[k];
      if (v_.filler.count(t.norm)) continue;
      const std::vector<int>* of = nullptr;
      if (auto it = v_.identity.find(t.norm); it != v_.identity.end()) of = &it->second;
      bool typo = false;
      if (!of && mission_vocab::typo_budget(t.norm))
        for (const auto& w : v_.identity_words) {
          std::size_t b = std::min(mission_vocab::typo_budget(w), mission_vocab::typo_budget(t.norm));
          if (b && mission_vocab::edit_distance(w, t.norm, b) <= b) {
            of = &v_.identity.at(w);
            typo = true;
            break;
          }
        }
      if (!of) break;
      auto next = any ? intersect(missions, *of) : *of;
      if (next.empty()) break;
      missions = std::move(next);
      any = true;
      fuzzy = fuzzy || typo;
      last = k + 1;
      ++words;
    }
    if (!any) {
      i = std::max(i + 1, last);
      continue;
    }
    while (first < last && v_.filler.count(toks_[first].norm)) ++first;
    bool distinctive = words >= 2 ? missions.size() <= 3
                                  : missions.size() == 1 && v_.proper.count(toks_[first].norm) > 0;
    if (distinctive) {
      add(missions, first, last, 0.6, "words", fuzzy);
      for (std::size_t k = first; k < last; ++k) covered[k] = true;
    }
    i = last;
  }
}

std::vector<MissionMention> Reader::run() {
  collect_hits();
  std::vector<bool> used(hits_.size(), false), covered(toks_.size(), false);
  auto kind = [&](std::size_t h) { return v_.patterns[hits_[h].pattern].kind; };
  auto missions = [&](std::size_t h) -> const std::vector<int>& { return v_.patterns[hits_[h].pattern].missions; };
  auto cover = [&](std::size_t h) {
    used[h] = true;
    for (std::size_t k = hits_[h].first; k < hits_[h].last; ++k) covered[k] = true;
  };
  for (std::size_t h = 0; h < hits_.size(); ++h)
    if (kind(h) == mission_vocab::kAlias) {
      add(missions(h), hits_[h].first, hits_[h].last, 1.0, "alias", hits_[h].fuzzy);
      cover(h);
    }
  // A means with the nearest place of the same mission in its sentence.
  for (std::size_t h = 0; h < hits_.size(); ++h) {
    if (kind(h) != mission_vocab::kMeans || used[h]) continue;
    std::size_t best = hits_.size();
    std::vector<int> common;
    for (std::size_t p = 0; p < hits_.size(); ++p) {
      if (kind(p) != mission_vocab::kPlace || sentence_[hits_[p].first] != sentence_[hits_[h].first]) continue;
      if (gap(hits_[h], hits_[p]) > kPairWindow) continue;
      auto both = intersect(missions(h), missions(p));
      if (both.empty()) continue;
      if (best == hits_.size() || gap(hits_[h], hits_[p]) < gap(hits_[h], hits_[best])) {
        best = p;
        common = std::move(both);
      }
    }
    if (best == hits_.size()) continue;
    // In a document, a mission that had not started or had long ended is not the one meant.
    if (!o_.typed && o_.year) {
      std::vector<int> then;
      for (int m : common) {
        const Mission& x = table_.missions()[m];
        if (!x.first_year || (x.first_year - 1 <= o_.year && (!x.last_year || o_.year <= x.last_year + 1)))
          then.push_back(m);
      }
      if (then.empty()) continue;
      common = std::move(then);
    }
    add(common, std::min(hits_[h].first, hits_[best].first), std::max(hits_[h].last, hits_[best].last), 0.9,
        "means+place", hits_[h].fuzzy || hits_[best].fuzzy);
    cover(h);
    cover(best);
  }
  // A word that says "mission" next to a place: in running text only when one mission fits.
  for (std::size_t g = 0; g < hits_.size(); ++g) {
    if (kind(g) != mission_vocab::kGeneric) continue;
    for (std::size_t p = 0; p < hits_.size(); ++p) {
      if (kind(p) != mission_vocab::kPlace || used[p] || sentence_[hits_[p].first] != sentence_[hits_[g].first])
        continue;
      if (gap(hits_[g], hits_[p]) > kGenericWindow) continue;
      std::vector<int> fit = missions(p);
      if (!o_.typed) {
        auto ranked = rank(fit);
        if (o_.year) {
          std::vector<int> now;
          for (int m : ranked) {
            const Mission& x = table_.missions()[m];
            if (x.first_year && x.first_year <= o_.year && (!x.last_year || o_.year <= x.last_year)) now.push_back(m);
          }
          fit = now;
        }
        if (fit.size() != 1) continue;
      }
      add(fit, std::min(hits_[g].first, hits_[p].first), std::max(hits_[g].last, hits_[p].last), 0.7, "place",
          hits_[p].fuzzy);
      cover(p);  // one generic word may lead a list: "de missies in Libanon, Bosnië en Irak"
    }
  }
  if (o_.typed) {
    for (std::size_t h = 0; h < hits_.size(); ++h)
      if (!used[h] && (kind(h) == mission_vocab::kPlace || kind(h) == mission_vocab::kMeans)) {
        add(missions(h), hits_[h].first, hits_[h].last, 0.5, kind(h) == mission_vocab::kPlace ? "place" : "means",
            hits_[h].fuzzy);
        cover(h);
      }
    words_reading(covered);
  }
  std::stable_sort(out_.begin(), out_.end(), [](const MissionMention& a, const MissionMention& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.begin < b.begin;
  });
  if (o_.typed) {  // one mention per mission: the best
    std::vector<MissionMention> once;
    for (auto& m : out_)
      if (std::none_of(once.begin(), once.end(), [&](const MissionMention& x) { return x.mission == m.mission; }))
        once.push_back(std::move(m));
    out_ = std::move(once);
  }
  return std::move(out_);
}

}  // namespace

std::vector<MissionMention> recognize_missions(const MissionTable& table, std::string_view text,
                                               const RecognizeOptions& options) {
  if (table.missions().empty() || text.empty()) return {};
  return Reader(table, vocabulary_for(table), text, options).run();
}

std::optional<MissionMention> resolve_typed_mission(const MissionTable& table, std::string_view typed,
                                                    const RecognizeOptions& options) {
  RecognizeOptions o = options;
  o.typed = true;
  auto found = recognize_missions(table, typed, o);
  if (found.empty()) return std::nullopt;
  return found.front();
}

}  // namespace kz
