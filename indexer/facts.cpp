// Fact extraction entry point: cuts a document's paragraphs and footnotes into sentences, finds
// the missions each sentence names, and reads amounts and periods with the mission they belong
// to (the sentence itself, the list item label, a total's breakdown, or the section heading).
#include "indexer/facts.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "indexer/date_phrases.h"
#include "indexer/fact_text.h"

namespace kz {
namespace {
using namespace facts;

// A paragraph, list item or footnote: the unit of context for sentences.
struct Unit {
  int page = 0;
  std::string text;
  bool heading = false, item = false, footnote = false;
};

bool ends_with_any(const std::string& s, std::string_view chars) {
  std::size_t e = s.find_last_not_of(" \n\t");
  return e != std::string::npos && chars.find(s[e]) != std::string_view::npos;
}

// Short line without closing punctuation: a section title even when layout did not say so.
bool looks_like_heading(const std::string& t) {
  if (t.size() > 100 || t.empty()) return false;
  if (ends_with_any(t, ".:;,?!") || t.find(':') != std::string::npos) return false;
  if (!find_amounts(t).empty()) return false;
  unsigned char c = t[0];
  if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)) return false;
  return std::count(t.begin(), t.end(), ' ') < 12;
}

// "Dit bedrag omvat: - MNBG Litouwen: € 42,4 miljoen - Inzet ...": list items that layout
// left inside one paragraph. Returns (text, is_item) pieces.
std::vector<std::pair<std::string, bool>> split_inline_list(const std::string& t) {
  std::vector<std::size_t> cuts;
  for (std::string_view b : {"\xE2\x80\xA2", "\xE2\x96\xAA", "\xEF\x82\xB7"})
    for (std::size_t p = t.find(b); p != std::string::npos; p = t.find(b, p + 1))
      if (p == 0 || t[p - 1] == ' ' || t[p - 1] == '\n') cuts.push_back(p);
  std::size_t colon = t.find(": - ");
  if (colon != std::string::npos)
    for (std::size_t p = t.find(" - ", colon); p != std::string::npos; p = t.find(" - ", p + 3))
      cuts.push_back(p + 1);
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::pair<std::string, bool>> out;
  std::size_t prev = 0;
  bool item = false;
  for (std::size_t c : cuts) {
    if (c > prev) out.push_back({t.substr(prev, c - prev), item});
    prev = c;
    item = true;
  }
  out.push_back({t.substr(prev), item});
  return out;
}

std::vector<Unit> build_units(const CleanText& text) {
  std::vector<std::string> markers;
  for (const auto& f : text.footnotes)
    if (!f.marker.empty()) markers.push_back(f.marker);
  std::vector<Unit> units;
  for (const auto& p : text.body) {
    std::string t = markers.empty() ? p.text : strip_footnote_markers(p.text, markers);
    for (auto& [piece, inline_item] : split_inline_list(t)) {
      Unit u;
      u.page = p.page;
      u.item = p.list_item || inline_item;
      std::size_t bl = bullet_length(piece, u.item || p.heading);
      if (bl) u.item = u.item || !p.heading;
      u.text = piece.substr(bl);
      // "1) Geopolitieke context": a numbered title, not a list item.
      bool numbered_title = u.item && bl && !bullet_length(piece, false) && looks_like_heading(u.text);
      if (numbered_title) u.item = false;
      u.heading = !u.item && (p.heading || looks_like_heading(u.text)) && find_amounts(u.text).empty();
      if (u.text.find_first_not_of(" \n\t") == std::string::npos) continue;
      units.push_back(std::move(u));
    }
  }
  for (const auto& f : text.footnotes) {
    Unit u;
    u.page = f.page;
    u.text = f.text;
    u.footnote = true;
    units.push_back(std::move(u));
  }
  return units;
}

struct Said {
  Sentence s;
  std::vector<Mention> mentions;  // with the chosen mission filled in
};

std::vector<std::string> distinct_missions(const std::vector<Mention>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms)
    if (std::find(out.begin(), out.end(), m.mission) == out.end()) out.push_back(m.mission);
  return out;
}

// The mission an amount in a sentence belongs to, judged from the sentence alone.
std::string mission_near(const Said& said, const Amount& a) {
  auto ids = distinct_missions(said.mentions);
  if (ids.size() <= 1) return ids.empty() ? "" : ids.front();
  // "Label: € x" — the label names the mission.
  std::size_t colon = said.s.text.rfind(':', a.offset);
  if (colon != std::string::npos) {
    std::vector<Mention> label;
    for (const auto& m : said.mentions)
      if (m.offset < colon) label.push_back(m);
    auto lid = distinct_missions(label);
    if (lid.size() == 1) return lid.front();
  }
  std::map<std::string, std::size_t> dist;
  for (const auto& m : said.mentions) {
    std::size_t d = m.offset + m.length <= a.offset ? a.offset - (m.offset + m.length)
                                                    : m.offset - std::min(m.offset, a.offset + a.length);
    auto it = dist.find(m.mission);
    if (it == dist.end() || d < it->second) dist[m.mission] = d;
  }
  std::vector<std::pair<std::size_t, std::string>> order;
  for (auto& [id, d] : dist) order.push_back({d, id});
  std::sort(order.begin(), order.end());
  if (order[0].first * 2 + 10 <= order[1].first) return order[0].second;
  return "";  // "de kosten voor SNMG1 en SNMCMG1": no single mission
}

const MissionTagger& tagger_for(const MissionTable& table) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<MissionTagger>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = cache[table.source_tsv()];
  if (!slot) slot = std::make_unique<MissionTagger>(table);
  return *slot;
}

int default_cost_year(const Metadata& meta) {
  int ry0 = detail::year_of(meta.report_start), ry1 = detail::year_of(meta.report_end);
  if (ry0 && ry0 == ry1) return ry0;
  return detail::year_of(meta.date);
}

bool report_period_sentence(const std::string& s) {
  std::string l = s;
  for (auto& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return l.find("rapportageperiode") != std::string::npos ||
         l.find("verslagperiode") != std::string::npos ||
         (l.find("rapportage") != std::string::npos && l.find("periode") != std::string::npos);
}

}  // namespace

Facts extract_facts(const CleanText& text, const Metadata& meta, const MissionTable& missions) {
  Facts out;
  if (missions.missions().empty()) return out;
  const MissionTagger& tagger = tagger_for(missions);
  auto units = build_units(text);
  std::vector<std::string> doc_words;
  std::vector<std::vector<std::string>> unit_words;
  for (const auto& u : units) {
    unit_words.push_back(folded_words(u.text));
    doc_words.insert(doc_words.end(), unit_words.back().begin(), unit_words.back().end());
  }
  const int doc_year = detail::year_of(meta.date);
  const int fallback_year = default_cost_year(meta);

  std::vector<std::string> section;                   // missions named by the current heading
  std::vector<std::vector<std::string>> unit_last;    // per unit: missions of its last naming sentence
  std::size_t section_start = 0;
  struct OpenTotal {
    std::size_t cost;
    std::optional<int> year;
    bool named;               // the total's own sentence names a mission
    std::set<std::string> parts;
  };
  std::optional<OpenTotal> total;
  auto close_total = [&] {
    if (total && !total->named && total->parts.size() >= 2) out.costs[total->cost].mission = "";
    total.reset();
  };

  for (std::size_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = units[ui];
    if (u.footnote && ui > 0 && !units[ui - 1].footnote) {
      close_total();
      section.clear();
      section_start = ui;
    }
    if (!u.item) close_total();
    std::vector<Said> said;
    for (auto& s : split_sentences(u.text)) {
      Said sd{s, tagger.find(s.text)};
      auto sw = folded_words(s.text);
      for (auto& m : sd.mentions) m.mission = tagger.choose(m.candidates, sw, unit_words[ui], doc_words);
      for (const auto& id : distinct_missions(sd.mentions))
        if (std::find(out.missions.begin(), out.missions.end(), id) == out.missions.end())
          out.missions.push_back(id);
      said.push_back(std::move(sd));
    }
    if (u.heading) {
      section.clear();
      for (const auto& sd : said)
        for (const auto& id : distinct_missions(sd.mentions)) section.push_back(id);
      section_start = ui;
      unit_last.push_back(section);
      continue;
    }

    std::vector<std::string> earlier;  // missions of the last naming sentence in this unit
    std::size_t costs_before = out.costs.size();
    for (const auto& sd : said) {
      const std::string& st = sd.s.text;
      auto here = distinct_missions(sd.mentions);

      // ---- money ----
      bool money = speaks_of_money(st);
      auto amounts = find_amounts(st);
      for (const auto& a : amounts) {
        if (!a.currency && !money) continue;
        CostFact c;
        c.amount_eur = a.euros;
        c.text = st.substr(a.offset, a.length);
        c.page = u.page;
        c.sentence = st;
        c.estimate = is_estimate(st);
        c.mission = mission_near(sd, a);
        bool named = !here.empty();
        bool part = u.item && total;
        if (part) {
          c.part_of_total_eur = out.costs[total->cost].amount_eur;
          if (c.mission.empty() && !named) c.mission = out.costs[total->cost].mission;
        } else if (!named) {
          // Not named in the sentence: the paragraph, the heading, or the paragraphs just before.
          if (earlier.size() == 1) c.mission = earlier.front();
          else if (earlier.empty() && section.size() == 1) c.mission = section.front();
          else if (earlier.empty() && section.empty() && !u.footnote) {
            for (std::size_t back = 1; back <= 3 && ui >= back && ui - back >= section_start; ++back) {
              const auto& prev = unit_last[ui - back];
              if (prev.empty()) continue;
              if (prev.size() == 1) c.mission = prev.front();
              break;
            }
          }
        }
        if (auto y = cost_year(st, a.offset, a.length, doc_year)) {
          c.year = y->year;
          c.period = y->period;
        } else if (part && out.costs[total->cost].year) {
          c.year = out.costs[total->cost].year;
        } else if (fallback_year) {
          c.year = fallback_year;
        }
        if (part) total->parts.insert(c.mission);
        out.costs.push_back(std::move(c));
      }

      // ---- periods ----
      // A period in a money sentence ("(januari-december 2024)") dates the amount, not a deployment.
      bool priced = std::any_of(amounts.begin(), amounts.end(), [](const Amount& a) { return a.currency; });
      if (!priced && !report_period_sentence(st) && speaks_of_deployment(st)) {
        auto phrases = find_periods(st, meta.date);
        std::vector<std::string> who = !here.empty() ? here : !earlier.empty() ? earlier
                                       : u.footnote ? std::vector<std::string>{} : section;
        for (const auto& p : phrases)
          for (const auto& id : who) {
            PeriodFact pf;
            pf.mission = id;
            pf.kind = period_kind(st, p);
            pf.start = p.start;
            pf.end = p.end;
            pf.text = p.text;
            pf.page = u.page;
            pf.sentence = st;
            out.periods.push_back(std::move(pf));
          }
      }
      if (!here.empty()) earlier = here;
    }
    unit_last.push_back(earlier);

    // "... € 51,0 miljoen bekostigd. Dit bedrag omvat:" opens a breakdown in the list below.
    if (!u.item && out.costs.size() > costs_before && ends_with_any(u.text, ":")) {
      bool named = !distinct_missions(said.empty() ? std::vector<Mention>{} : said.front().mentions).empty();
      for (const auto& sd : said)
        if (sd.s.text.find(out.costs.back().text) != std::string::npos)
          named = !sd.mentions.empty();
      total = OpenTotal{out.costs.size() - 1, out.costs.back().year, named, {}};
    }
  }
  close_total();
  return out;
}

}  // namespace kz
