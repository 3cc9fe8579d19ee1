// Compiles the mission table and corpus/mission_words.tsv into word patterns (see
// mission_vocabulary.h).
#include "indexer/record/mission_vocabulary.h"
#include "indexer/record/mission_keys.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "stemmer/analysis.h"

namespace kz::mission_vocab {
namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }

// "missies" -> "missie", "Patriots" -> "patriot": a plural s is no part of a name's identity.
std::string strip_plural(std::string w) {
  if (w.size() >= 4 && w.back() == 's' && w[w.size() - 2] != 's' && w[0] > '9') w.pop_back();
  return w;
}

// One spelling is "exact case" when it is a single acronym: "SOLE", "NMI", "eFP", "MQ-9".
bool acronym(const std::vector<Token>& ws) {
  const Token* only = nullptr;
  for (const auto& w : ws) {
    if (w.digits) continue;
    if (only) return false;
    only = &w;
  }
  if (!only) return false;
  int caps = 0;
  bool inner = false;
  for (std::size_t i = 0; i < only->text.size(); ++i)
    if (upper(only->text[i])) {
      ++caps;
      if (i > 0) inner = true;
    }
  return caps >= 2 || inner;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
  std::size_t b = s.find_first_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b);
}

// corpus/mission_words.tsv: kind<TAB>word | word ...
std::map<std::string, std::vector<std::string>> read_words() {
  std::string path = analysis::data_dir() + "/corpus/mission_words.tsv";
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + path + " (set KAMERZOEK_DATA to the directory holding corpus/)");
  std::map<std::string, std::vector<std::string>> out;
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string kind = trim(line.substr(0, tab)), rest = line.substr(tab + 1);
    std::stringstream ss(rest);
    std::string w;
    while (std::getline(ss, w, '|'))
      if (!(w = trim(w)).empty()) out[kind].push_back(w);
  }
  return out;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  for (auto& w : word_spans(text)) {
    if (w.folded == "s") continue;
    Token t;
    t.digits = w.text[0] >= '0' && w.text[0] <= '9';
    t.norm = t.digits ? w.folded : strip_plural(w.folded);
    t.text = std::move(w.text);
    t.begin = w.offset;
    t.end = w.offset + w.length;
    out.push_back(std::move(t));
  }
  return out;
}

std::size_t typo_budget(const std::string& norm) {
  if (norm.empty() || (norm[0] >= '0' && norm[0] <= '9')) return 0;
  if (norm.size() >= 9) return 2;
  if (norm.size() >= 5) return 1;
  return 0;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > cap) return cap + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0], best = row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[j]);
    }
    if (best > cap) return cap + 1;
  }
  return row[b.size()];
}

Vocabulary compile(const MissionTable& table) {
  Vocabulary v;
  auto words = read_words();
  for (const auto& w : words["filler"])
    for (const auto& t : tokenize(w)) v.filler.insert(t.norm);
  std::set<std::string> generic;
  for (const auto& w : words["generic"])
    for (const auto& t : tokenize(w)) generic.insert(t.norm);

  std::map<std::tuple<int, bool, std::vector<std::string>>, std::size_t> seen;
  auto add = [&](std::string_view spelling, Kind kind, int mission, bool typed_only) {
    auto ts = tokenize(spelling);
    if (ts.empty()) return;
    Pattern p;
    p.kind = kind;
    p.typed_only = typed_only;
    p.exact_case = acronym(ts);
    for (const auto& t : ts) {
      p.norm.push_back(t.norm);
      p.text.push_back(t.text);
    }
    auto key = std::make_tuple(static_cast<int>(kind), p.exact_case && !typed_only, p.norm);
    auto it = seen.find(key);
    if (it != seen.end()) {
      Pattern& old = v.patterns[it->second];
      if (mission >= 0 && std::find(old.missions.begin(), old.missions.end(), mission) == old.missions.end())
        old.missions.push_back(mission);
      old.typed_only = old.typed_only && typed_only;
      return;
    }
    if (mission >= 0) p.missions = {mission};
    seen[key] = v.patterns.size();
    v.patterns.push_back(std::move(p));
  };
  const auto& ms = table.missions();
  std::set<std::string> place_or_means;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    for (const auto& s : ms[i].places) {
      add(s, kPlace, i, false);
      for (const auto& t : tokenize(s)) place_or_means.insert(t.norm);
    }
    for (const auto& s : ms[i].means) {
      add(s, kMeans, i, false);
      for (const auto& t : tokenize(s)) place_or_means.insert(t.norm);
    }
  }
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    add(ms[i].id, kAlias, i, true);
    add(ms[i].name, kAlias, i, false);
    for (const auto& a : ms[i].aliases) add(a, kAlias, i, false);
  }
  for (const auto& g : words["generic"]) add(g, kGeneric, -1, false);

  // Identity words: what a name holds besides filler, "missie"-words, places and means.
  std::map<std::string, std::set<int>> identity;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    std::vector<std::string> spellings{ms[i].name};
    spellings.insert(spellings.end(), ms[i].aliases.begin(), ms[i].aliases.end());
    for (const auto& s : spellings)
      for (const auto& t : tokenize(s))
        if (!t.digits && t.norm.size() >= 3 && !v.filler.count(t.norm) && !generic.count(t.norm) &&
            !place_or_means.count(t.norm)) {
          identity[t.norm].insert(i);
          if (std::any_of(t.text.begin(), t.text.end(), upper)) v.proper.insert(t.norm);
        }
  }
  for (auto& [w, set] : identity) {
    v.identity[w] = std::vector<int>(set.begin(), set.end());
    v.identity_words.push_back(w);
  }

  for (std::size_t i = 0; i < v.patterns.size(); ++i) v.by_first[v.patterns[i].norm.front()].push_back(static_cast<int>(i));
  for (auto& [w, list] : v.by_first) {
    // Longest patterns first, so the first match at a position is the longest.
    std::stable_sort(list.begin(), list.end(),
                     [&](int a, int b) { return v.patterns[a].norm.size() > v.patterns[b].norm.size(); });
    v.first_words.push_back(w);
  }
  return v;
}

}  // namespace kz::mission_vocab
