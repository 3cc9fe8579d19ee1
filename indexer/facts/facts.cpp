// Fact extraction entry point: cuts a document's paragraphs and footnotes into sentences, finds
// the missions each sentence names, and reads amounts and periods with the mission they belong
// to (the sentence itself, the list item label, a total's breakdown, or the section heading).
#include "indexer/facts/facts.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "indexer/dates/date_phrases.h"
#include "indexer/facts/fact_text.h"

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

// "Dit bedrag omvat € 40 miljoen voor ...", "Hiervan is € 5 miljoen ...": parts of the amount before.
bool breakdown_sentence(const std::string& s) {
  std::string l = s.substr(0, 40);
  for (auto& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const char* cue : {"dit bedrag", "dit totaal", "dit totaalbedrag", "hiervan", "daarvan", "van dit bedrag",
                          "dit omvat", "het bedrag bestaat", "deze kosten bestaan", "deze kosten omvatten"})
    if (l.starts_with(cue)) return true;
  return false;
}

// A cost sentence that points back at a deployment described before it ("de kosten van de
// Nederlandse bijdrage", "deze inzet").
bool refers_to_deployment(const std::string& s) {
  std::string l = s;
  for (auto& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const char* cue : {"bijdrage", "inzet", "missie", "operatie", "deze ", "uitzending", "detachement"})
    if (l.find(cue) != std::string::npos) return true;
  return false;
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

// The mission a period without a named mission belongs to when neither the paragraph before it
// nor a heading names one: the one mission the rest of the paragraph names ("... patrouilleert
// sinds 15 december 2006 het fregat. Het voert de patrouilles uit als bijdrage aan UNIFIL."),
// else the one mission the section has named so far (a news item about one operation).
std::vector<std::string> paragraph_mission(const std::vector<Said>& said, const std::vector<std::string>& named_so_far) {
  std::vector<std::string> ids;
  for (const auto& sd : said)
    for (const auto& id : distinct_missions(sd.mentions))
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  if (ids.size() == 1) return ids;
  if (ids.empty() && named_so_far.size() == 1) return named_so_far;
  return {};
}

// Force sizes of one sentence, each with the mission named nearest to it (as for amounts), else
// the one mission of the paragraph or section; a force no mission can be given is left out.
void read_forces(const std::string& st, const std::vector<Mention>& mentions, const std::vector<std::string>& near,
                 const std::vector<std::string>& section, int page, int doc_year, std::vector<ForceFact>& out) {
  auto phrases = find_forces(st);
  if (phrases.empty()) return;
  std::vector<Amount> spans;
  for (const auto& f : phrases) spans.push_back({0, f.offset, f.text.size(), false});
  std::string date;
  std::optional<int> year = doc_year ? std::optional<int>(doc_year) : std::nullopt;
  for (const auto& d : detail::dated_phrases(detail::lex(st), doc_year))
    if (d.first && !d.open) {
      date = detail::iso(*d.first);
      year = d.first->y;
      break;
    }
  for (std::size_t k = 0; k < phrases.size(); ++k) {
    std::string mission = mission_for_amount(st, mentions, spans, k);
    if (mission.empty() && mentions.empty()) {
      if (near.size() == 1) mission = near.front();
      else if (near.empty() && section.size() == 1) mission = section.front();
    }
    if (mission.empty()) continue;
    const ForcePhrase& p = phrases[k];
    ForceFact f;
    f.mission = mission;
    f.count = p.count;
    f.what = p.what;
    f.kind = p.kind;
    f.max = p.max;
    f.about = p.about;
    f.extra = p.extra;
    f.dutch = p.dutch;
    f.date = date;
    f.year = year;
    f.text = p.text;
    f.page = page;
    f.sentence = st;
    out.push_back(std::move(f));
  }
}

}  // namespace

Facts extract_facts(const CleanText& text, const Metadata& meta, const MissionTable& missions) {
  Facts out;
  if (missions.missions().empty()) return out;
  const MissionTagger& tagger = tagger_for(missions);
  auto units = build_units(text);
  MissionTagger::WordCounts doc_words;
  std::vector<MissionTagger::WordCounts> unit_words;
  for (const auto& u : units) {
    unit_words.push_back(count_words(u.text));
    for (const auto& [w, n] : unit_words.back()) doc_words[w] += n;
  }
  const int doc_year = detail::year_of(meta.date);
  const int fallback_year = default_cost_year(meta);

  std::vector<std::string> section;                   // missions named by the current heading
  std::vector<std::vector<std::string>> unit_last;    // per unit: missions of its last naming sentence
  std::size_t section_start = 0;
  std::vector<std::string> named_so_far;             // missions named since the section began
  std::optional<std::size_t> list_total;          // a total whose breakdown is the list below
  std::map<std::size_t, std::set<std::string>> parts;  // total cost index -> missions of its parts

  for (std::size_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = units[ui];
    if (u.footnote && ui > 0 && !units[ui - 1].footnote) {
      section.clear();
      section_start = ui;
      named_so_far.clear();
    }
    if (!u.item) list_total.reset();
    std::vector<Said> said;
    for (auto& s : split_sentences(u.text)) {
      Said sd{s, tagger.find(s.text, doc_year)};
      if (!sd.mentions.empty()) {
        auto sw = count_words(s.text);
        for (auto& m : sd.mentions) m.mission = tagger.choose(m.candidates, sw, unit_words[ui], doc_words);
      }
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
      named_so_far = section;
      unit_last.push_back(section);
      continue;
    }

    std::vector<std::string> earlier;  // missions of the last naming sentence in this unit
    std::optional<std::size_t> last_cost;  // last amount of the previous sentence in this unit
    std::optional<std::size_t> open_start;  // a start without an end in the previous sentence
    bool previous_deployment = false;       // the previous sentence spoke of a deployment
    for (const auto& sd : said) {
      const std::string& st = sd.s.text;
      auto here = distinct_missions(sd.mentions);

      // ---- money ----
      bool money = speaks_of_money(st);
      std::vector<Amount> amounts;
      for (const auto& a : find_amounts(st))
        if (a.currency || money) amounts.push_back(a);
      auto parent = totals_in_sentence(st, amounts);
      bool refers_back = last_cost && breakdown_sentence(st);
      std::vector<std::size_t> index;
      for (std::size_t k = 0; k < amounts.size(); ++k) {
        const Amount& a = amounts[k];
        CostFact c;
        c.amount_eur = a.euros;
        c.text = st.substr(a.offset, a.length);
        c.page = u.page;
        c.sentence = st;
        c.estimate = is_estimate(st);
        c.mission = mission_for_amount(st, sd.mentions, amounts, k);
        std::optional<std::size_t> total;
        if (parent[k] >= 0) total = index[parent[k]];
        else if (refers_back) total = last_cost;
        else if (u.item && list_total) total = list_total;
        if (total) {
          c.part_of_total_eur = out.costs[*total].amount_eur;
          c.estimate = c.estimate || out.costs[*total].estimate;  // parts of a forecast are forecasts
          if (c.mission.empty() && here.empty()) c.mission = out.costs[*total].mission;
        } else if (here.empty()) {
          // Not named in the sentence: the paragraph, the heading, or the paragraphs just before.
          if (earlier.size() == 1) c.mission = earlier.front();
          else if (earlier.empty() && section.size() == 1) c.mission = section.front();
          else if (earlier.empty() && section.empty() && !u.footnote && refers_to_deployment(st)) {
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
        } else if (total && out.costs[*total].year) {
          c.year = out.costs[*total].year;
        } else if (fallback_year) {
          c.year = fallback_year;
        }
        if (total) parts[*total].insert(c.mission);
        index.push_back(out.costs.size());
        out.costs.push_back(std::move(c));
      }
      if (!index.empty()) last_cost = index.back();

      // ---- periods ----
      // A period in a money sentence ("(januari-december 2024)") dates the amount, not a deployment.
      bool priced = std::any_of(amounts.begin(), amounts.end(), [](const Amount& a) { return a.currency; });
      // A sentence right after one about a deployment continues it ("... een bijdrage aan Sophia te
      // leveren. Nederland zal in de periode van medio oktober tot medio december ...").
      const bool deployment = speaks_of_deployment(st);
      const bool continues = previous_deployment && here.empty();
      previous_deployment = deployment;
      if (!priced && !report_period_sentence(st) && (u.item || deployment || continues)) {
        auto phrases = find_periods(st, meta.date);
        auto own = missions_for_periods(st, sd.mentions, phrases);
        std::vector<std::string> context = !earlier.empty() ? earlier
                                           : u.footnote     ? std::vector<std::string>{}
                                           : section.size() == 1 ? section
                                           // a sentence about reports dates the reports, not a deployment
                                           : lower_ascii(st).find("rapportage") != std::string::npos
                                               ? std::vector<std::string>{}
                                               : paragraph_mission(said, named_so_far);
        if (context.empty() && !u.footnote && earlier.empty()) context = section;
        for (std::size_t k = 0; k < phrases.size(); ++k) {
          const auto& p = phrases[k];
          const auto& ids = here.empty() ? context : own[k];
          // "Zr.Ms. De Ruyter vertrekt in januari ... Het schip neemt daar tot juni deel": the end
          // in the next sentence closes the start of the one before.
          // An extension or a mandate in the next sentence is a fact of its own.
          if (here.empty() && p.start.empty() && ids.size() == 1 && open_start &&
              out.periods[*open_start].mission == ids.front() && out.periods[*open_start].start <= p.end &&
              period_kind(st, p, meta.date) == out.periods[*open_start].kind) {
            PeriodFact& pf = out.periods[*open_start];
            pf.end = p.end;
            pf.text += " … " + p.text;
            pf.sentence += " " + st;
            open_start.reset();
            continue;
          }
          for (const auto& id : ids) {
            PeriodFact pf;
            pf.mission = id;
            pf.kind = period_kind(st, p, meta.date);
            pf.start = p.start;
            pf.end = p.end;
            pf.text = p.text;
            pf.page = u.page;
            pf.sentence = st;
            out.periods.push_back(std::move(pf));
          }
        }
        open_start.reset();
        if (phrases.size() == 1 && phrases[0].end.empty() && out.periods.size() &&
            out.periods.back().sentence == st && (here.empty() ? context : own[0]).size() == 1)
          open_start = out.periods.size() - 1;
      } else {
        open_start.reset();
      }
      read_forces(st, sd.mentions, here.empty() ? earlier : here, section, u.page, doc_year, out.forces);
      if (!here.empty()) earlier = here;
      for (const auto& id : here)
        if (std::find(named_so_far.begin(), named_so_far.end(), id) == named_so_far.end()) named_so_far.push_back(id);
    }
    unit_last.push_back(earlier);

    // "... € 51,0 miljoen bekostigd. Dit bedrag omvat:" opens a breakdown in the list below.
    if (!u.item && last_cost && ends_with_any(u.text, ":")) list_total = last_cost;
  }
  // A total split over several missions belongs to none of them.
  for (const auto& [t, ms] : parts) {
    std::set<std::string> named(ms);
    named.erase("");
    if (named.size() >= 2) out.costs[t].mission = "";
  }
  return out;
}

}  // namespace kz
