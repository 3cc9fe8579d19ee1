// Reads corpus/period_cues.tsv once; see period_cues.h.
#include "indexer/facts/period_cues.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "indexer/dates/date_phrases.h"
#include "stemmer/analysis.h"

namespace kz::facts::detail {
namespace {

PeriodCues::Phrase phrase_words(const std::string& text) {
  PeriodCues::Phrase out;
  for (const auto& w : lex(text)) out.push_back(w.w);
  return out;
}

PeriodCues load(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path + " (set KAMERZOEK_DATA to the directory holding corpus/)");
  PeriodCues c;
  std::map<std::string, std::vector<PeriodCues::Phrase>*> phrases = {
      {"end", &c.end},         {"start", &c.start},         {"start_month", &c.start_month},
      {"range", &c.range},     {"range_and", &c.range_and}, {"connector", &c.connector}, {"ending_pair", &c.ending_pair}};
  std::map<std::string, std::vector<std::string>*> words = {
      {"deployment", &c.deployment}, {"deployment_word", &c.deployment_word}, {"ending", &c.ending},
      {"started", &c.started},       {"departs", &c.departs},                 {"past", &c.past},
      {"meeting", &c.meeting}, {"decided", &c.decided}};
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    for (std::size_t b = 0;;) {
      std::size_t t = line.find('\t', b);
      f.push_back(line.substr(b, t == std::string::npos ? std::string::npos : t - b));
      if (t == std::string::npos) break;
      b = t + 1;
    }
    if (f.size() < 2 || f[1].empty()) continue;
    if (auto p = phrases.find(f[0]); p != phrases.end()) p->second->push_back(phrase_words(f[1]));
    else if (auto w = words.find(f[0]); w != words.end()) w->second->push_back(f[1]);
    else if (f[0] == "number" && f.size() >= 3) c.number[f[1]] = std::atof(f[2].c_str());
    else if (f[0] == "unit" && f.size() >= 3) c.unit[f[1]] = std::atoi(f[2].c_str());
  }
  auto longest_first = [](const PeriodCues::Phrase& a, const PeriodCues::Phrase& b) { return a.size() > b.size(); };
  for (auto& [name, list] : phrases) std::stable_sort(list->begin(), list->end(), longest_first);
  return c;
}

}  // namespace

const PeriodCues& period_cues() {
  static PeriodCues cues;
  static std::once_flag once;
  std::call_once(once, [] { cues = load(analysis::data_dir() + "/corpus/period_cues.tsv"); });
  return cues;
}

}  // namespace kz::facts::detail
