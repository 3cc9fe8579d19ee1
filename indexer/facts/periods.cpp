// Reads mandate, extension and deployment periods from one Dutch sentence: ranges ("vanaf maart
// 2024 tot en met maart 2026"), starts ("sinds 2017"), ends ("loopt tot en met 31 december
// 2026"), and whole years ("In 2024 zet Nederland deze bijdrage voort").
#include <algorithm>

#include "indexer/dates/date_phrases.h"
#include "indexer/facts/fact_text.h"
#include "indexer/facts/facts.h"
#include "indexer/facts/period_cues.h"

namespace kz::facts {
using namespace detail;
namespace {

bool has_word_prefix(const std::vector<Word>& ws, const std::vector<std::string>& prefixes) {
  for (const auto& w : ws)
    for (const auto& p : prefixes)
      if (w.w.starts_with(p)) return true;
  return false;
}

bool has_word_prefix(const std::vector<Word>& ws, std::initializer_list<std::string_view> prefixes) {
  for (const auto& w : ws)
    for (auto p : prefixes)
      if (w.w.starts_with(p)) return true;
  return false;
}

bool has_word(const std::vector<Word>& ws, const std::vector<std::string>& words) {
  for (const auto& w : ws)
    for (const auto& p : words)
      if (w.w == p) return true;
  return false;
}

bool has_word(const std::vector<Word>& ws, std::initializer_list<std::string_view> words) {
  for (const auto& w : ws)
    for (auto p : words)
      if (w.w == p) return true;
  return false;
}

// Matches the words before index `at` against a phrase ("tot en met"); returns its first index.
std::optional<std::size_t> phrase_before(const std::vector<Word>& ws, std::size_t at, const PeriodCues::Phrase& phrase) {
  std::size_t n = phrase.size();
  if (n == 0 || at < n) return std::nullopt;
  std::size_t k = at - n;
  std::size_t j = k;
  for (const auto& p : phrase)
    if (ws[j++].w != p) return std::nullopt;
  return k;
}

std::optional<std::size_t> phrase_at(const std::vector<Word>& ws, std::size_t at, const PeriodCues::Phrase& phrase) {
  std::size_t j = at;
  for (const auto& p : phrase)
    if (j >= ws.size() || ws[j++].w != p) return std::nullopt;
  return j;
}

std::optional<std::size_t> first_before(const std::vector<Word>& ws, std::size_t b,
                                        const std::vector<PeriodCues::Phrase>& phrases) {
  for (const auto& phrase : phrases)
    if (auto k = phrase_before(ws, b, phrase)) return k;
  return std::nullopt;
}

// Where an end phrase starts when the date at `b` is preceded by "tot (en met)" and friends.
std::optional<std::size_t> end_cue(const std::vector<Word>& ws, std::size_t b) {
  return first_before(ws, b, period_cues().end);
}

std::optional<std::size_t> start_cue(const std::vector<Word>& ws, std::size_t b, const ParsedDate& d) {
  if (auto k = first_before(ws, b, period_cues().start)) return k;
  if (d.has_month || d.full_day) return first_before(ws, b, period_cues().start_month);
  return std::nullopt;
}

// Cue words that introduce a range "van X tot Y", "in de periode X t/m Y", "tussen X en Y".
std::optional<std::size_t> range_cue(const std::vector<Word>& ws, std::size_t b) {
  return first_before(ws, b, period_cues().range);
}

// Index of the first word after a range connector at `e`, or nullopt.
std::optional<std::size_t> range_connector(const std::vector<Word>& ws, std::size_t e, bool tussen) {
  for (const auto& phrase : period_cues().connector)
    if (auto j = phrase_at(ws, e, phrase)) return j;
  if (tussen)
    if (auto j = phrase_at(ws, e, {"en"})) return j;
  return std::nullopt;
}

// "voor (ten minste|een periode van) zes maanden", "voor de duur van een jaar": the stated
// length in months, 0 when a length is stated in other units, nullopt when none is.
std::optional<double> duration_stated(const std::vector<Word>& ws) {
  const PeriodCues& cues = period_cues();
  for (std::size_t i = 0; i + 1 < ws.size(); ++i) {
    auto unit = cues.unit.find(ws[i + 1].w);
    if (unit == cues.unit.end()) continue;
    auto number = cues.number.find(ws[i].w);
    if (!ws[i].digits && number == cues.number.end()) continue;
    double n = ws[i].digits ? (ws[i].w.size() <= 3 ? std::stod(ws[i].w) : 0) : number->second;
    bool at_least = false;  // "ten minste zes maanden": the length bounds no end
    for (std::size_t back = 1; back <= 5 && back <= i; ++back) {
      const auto& w = ws[i - back].w;
      at_least = at_least || w == "minste" || w == "tenminste" || w == "minimaal" || w == "minstens";
      if (w == "voor" || w == "gedurende") return at_least ? 0 : n * unit->second;
      if (!(w == "ten" || w == "minste" || w == "tenminste" || w == "minimaal" || w == "maximaal" ||
            w == "minstens" || w == "een" || w == "periode" || w == "van" || w == "de" || w == "duur"))
        break;
    }
  }
  return std::nullopt;
}

// The last day of a stated length from a start: 2022-04-01 + 6 months -> 2022-09-30.
std::string end_after(const std::string& start, double months) {
  if (start.size() != 10 || months < 1 || months != static_cast<int>(months)) return {};
  int y = std::stoi(start.substr(0, 4)), m = std::stoi(start.substr(5, 2)), d = std::stoi(start.substr(8, 2));
  m += static_cast<int>(months);
  y += (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  // The day before the same day `months` later.
  if (d == 1) {
    if (--m == 0) {
      m = 12;
      --y;
    }
    return iso(Ymd{y, m, days_in_month(y, m)});
  }
  return iso(Ymd{y, m, std::min(d, days_in_month(y, m)) - 1});
}

std::string span_text(std::string_view s, const std::vector<Word>& ws, std::size_t b, std::size_t e) {
  if (b >= e || e > ws.size()) return {};
  std::size_t from = ws[b].offset, to = ws[e - 1].offset + ws[e - 1].length;
  return std::string(s.substr(from, to - from));
}

}  // namespace

std::optional<DateSpan> read_date(std::string_view text, int doc_year) {
  auto ws = lex(text);
  if (ws.empty()) return std::nullopt;
  auto d = parse_date(ws, 0, doc_year);
  if (!d) return std::nullopt;
  DateSpan out;
  if (d->first) out.first = iso(*d->first);
  if (d->last) out.last = iso(*d->last);
  out.year_missing = d->year_missing;
  out.offset = ws[0].offset;
  std::size_t e = d->end - 1;
  out.length = ws[e].offset + ws[e].length - out.offset;
  return out;
}

bool speaks_of_deployment(std::string_view sentence) {
  auto ws = lex(sentence);
  const PeriodCues& cues = period_cues();
  return has_word_prefix(ws, cues.deployment) || has_word(ws, cues.deployment_word);
}

namespace {

bool ends_a_deployment(const std::vector<Word>& ws) {
  const PeriodCues& cues = period_cues();
  if (has_word_prefix(ws, cues.ending)) return true;
  for (const auto& pair : cues.ending_pair) {
    std::size_t found = 0;
    for (const auto& word : pair)
      found += std::any_of(ws.begin(), ws.end(), [&](const Word& w) { return w.w == word; });
    if (!pair.empty() && found == pair.size()) return true;
  }
  return false;
}

// A month without a year took the document's year; "tot juni" or "vertrekt in januari" in a
// letter of November speaks of the next year unless the sentence is in the past tense.
void move_to_next_year(std::vector<ParsedDate>& dates, const std::vector<Word>& ws, const std::string& doc_date) {
  if (doc_date.size() != 10 || has_word(ws, period_cues().past)) return;
  for (auto& d : dates) {
    if (!d.year_from_document || !d.last || iso(*d.last) >= doc_date) continue;
    for (auto* x : {&d.first, &d.last})
      if (*x) {
        ++(*x)->y;
        (*x)->d = std::min((*x)->d, days_in_month((*x)->y, (*x)->m));
      }
  }
}

}  // namespace

std::vector<PeriodPhrase> find_periods(std::string_view s, const std::string& doc_date) {
  int doc_year = year_of(doc_date);
  auto ws = lex(s);
  std::vector<ParsedDate> dates = dated_phrases(ws, doc_year);
  move_to_next_year(dates, ws, doc_date);
  auto duration = duration_stated(ws);
  bool ends_deployment = ends_a_deployment(ws);
  const PeriodCues& cues = period_cues();

  struct Piece {
    std::optional<std::string> start, end;  // engaged when the phrase bounds that side
    std::size_t b = 0, e = 0;
  };
  std::vector<Piece> pieces;
  auto first_iso = [](const ParsedDate& d) { return d.first ? iso(*d.first) : std::string(); };
  auto last_iso = [](const ParsedDate& d) { return d.last && !d.open ? iso(*d.last) : std::string(); };

  for (std::size_t i = 0; i < dates.size(); ++i) {
    const ParsedDate& d = dates[i];
    if (d.open) continue;
    // "hebben op 17 december 2007 overleg gevoerd": the day of a meeting bounds no deployment.
    // "Sinds medio dit jaar is intensief overleg gevoerd": likewise within a few words.
    bool meeting = false;
    for (std::size_t k = d.end; k < ws.size() && k < d.end + 4 && !meeting; ++k)
      meeting = std::find(cues.meeting.begin(), cues.meeting.end(), ws[k].w) != cues.meeting.end();
    if (meeting) continue;
    std::size_t b = d.begin;
    auto rc = range_cue(ws, b);
    // "tussen 2011 en 2013", "in de maanden maart en april 2011": "en" joins the range.
    bool tussen = first_before(ws, b, cues.range_and).has_value();
    // Range: "[van|vanaf|sinds|periode] X tot en met Y"
    if (i + 1 < dates.size()) {
      auto after = range_connector(ws, d.end, tussen);
      if (after && *after == dates[i + 1].begin) {
        const ParsedDate& d2 = dates[i + 1];
        auto sc = start_cue(ws, b, d);
        std::size_t from = sc ? *sc : rc ? *rc : b;
        Piece p{first_iso(d), last_iso(d2), from, d2.end};
        // "van december tot en met maart 2025": the first date is in the year before
        if (!p.start->empty() && !p.end->empty() && *p.start > *p.end && d.year_borrowed)
          p.start = std::to_string(std::stoi(p.start->substr(0, 4)) - 1) + p.start->substr(4);
        pieces.push_back(p);
        ++i;
        continue;
      }
    }
    if (auto sc = start_cue(ws, b, d)) {
      // "per 1 mei 2019 beëindigd", "het aflopen van het mandaat per 1 juli": the date ends it.
      if (ends_deployment && ws[*sc].w != "sinds" && ws[*sc].w != "vanaf")
        pieces.push_back({std::nullopt, last_iso(d), *sc, d.end});
      else
        pieces.push_back({first_iso(d), std::nullopt, *sc, d.end});
      continue;
    }
    if (b > 0 && ws[b - 1].w == "op" && d.full_day && ends_deployment) {
      pieces.push_back({std::nullopt, last_iso(d), b - 1, d.end});
      continue;
    }
    if (auto ec = end_cue(ws, b)) {
      pieces.push_back({std::nullopt, last_iso(d), *ec, d.end});
      continue;
    }
    if (b > 0 && ws[b - 1].w == "op" && d.full_day && has_word_prefix(ws, cues.started)) {
      pieces.push_back({first_iso(d), std::nullopt, b - 1, d.end});
      continue;
    }
    // "vertrekt in januari", "wordt in maart verlengd"
    // ... but "besloot het kabinet in december ... te verlengen" dates the decision.
    if (b > 0 && ws[b - 1].w == "in" && d.has_month && has_word_prefix(ws, cues.departs) &&
        !has_word_prefix(ws, cues.decided)) {
      pieces.push_back({first_iso(d), std::nullopt, b - 1, d.end});
      continue;
    }
  }

  std::vector<PeriodPhrase> out;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    Piece p = pieces[k];
    // A start followed by a separate end ("Op 9 januari ... tot begin 2026") is one period.
    if (p.start && !p.end && k + 1 < pieces.size() && !pieces[k + 1].start && pieces[k + 1].end) {
      p.end = pieces[k + 1].end;
      p.e = pieces[k + 1].e;
      ++k;
    }
    PeriodPhrase pp;
    pp.start = p.start.value_or("");
    pp.end = p.end.value_or("");
    if (pp.start.empty() && pp.end.empty()) continue;
    if (!pp.start.empty() && !pp.end.empty() && pp.end < pp.start) continue;  // not a period
    pp.text = span_text(s, ws, p.b, p.e);
    pp.offset = ws[p.b].offset;
    pp.duration = duration.has_value();
    // "vanaf medio april ... voor een periode van maximaal 6 maanden": the sentence gives both.
    if (pp.end.empty() && !pp.start.empty() && duration) pp.end = end_after(pp.start, *duration);
    out.push_back(pp);
  }

  // Whole periods: "In 2024 zet Nederland deze bijdrage voort", "Nederland levert dit jaar ...".
  // Only for the Dutch contribution: "Luxemburg levert in 2017 ..." is someone else's.
  bool dutch_subject = has_word(ws, {"nederland", "nederlandse", "kabinet", "defensie", "wij", "we"});
  if (out.empty() && dutch_subject &&
      (has_word_prefix(ws, {"lever", "deelname", "ingezet", "stationeer", "gestationeerd", "voortgezet",
                            "voortzet"}) ||
       has_word(ws, {"deel", "draagt", "dragen", "voort"}))) {
    for (const auto& d : dates) {
      if (d.open || !d.first || !d.last) continue;
      std::size_t b = d.begin;
      bool relative = ws[b].w == "dit" || ws[b].w == "het" || ws[b].w == "volgend" ||
                      ws[b].w == "komend" || ws[b].w == "komende" || ws[b].w == "volgende";
      bool after_in = b > 0 && (ws[b - 1].w == "in" || ws[b - 1].w == "gedurende");
      if (!relative && !after_in) continue;
      PeriodPhrase pp;
      pp.start = iso(*d.first);
      pp.end = iso(*d.last);
      std::size_t from = after_in ? b - 1 : b;
      pp.text = span_text(s, ws, from, d.end);
      pp.offset = ws[from].offset;
      pp.whole_year = !d.has_month;
      pp.duration = duration.has_value();
      out.push_back(pp);
      break;
    }
  }
  return out;
}

std::string period_kind(std::string_view sentence, const PeriodPhrase& p, const std::string& doc_date) {
  std::string l = lower_ascii(sentence);
  auto ws = lex(sentence);
  auto has = [&](std::string_view w) { return l.find(w) != std::string::npos; };
  bool possible_extension = has("mogelijkheid tot") || has("optie tot") || has("eventuele verlenging") ||
                            has("kan worden verlengd") || has("kunnen worden verlengd");
  bool extension = (has_word_prefix(ws, {"verleng"}) && !possible_extension) ||
                   has_word(ws, {"voort", "voortgezet", "voortzetting", "voortzetten", "gecontinueerd",
                                 "continueren", "continuering", "continueert"});
  if (extension) return "extension";
  if (has_word_prefix(ws, {"mandaat", "mandaten"}) || has("artikel 100")) return "mandate";
  bool intent = has_word_prefix(ws, {"kondig", "voornem", "aangekondigd"}) || has("is van plan");
  // "Het kabinet heeft besloten ... vanaf 1 juli in te zetten": a decision about the future.
  bool decided = has_word_prefix(ws, {"besloten", "besluit"});
  bool future = !p.start.empty() && !doc_date.empty() && p.start > doc_date;
  if (p.duration || intent || (decided && future)) return "announcement";
  return "deployment";
}

}  // namespace kz::facts
