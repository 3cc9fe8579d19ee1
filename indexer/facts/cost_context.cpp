// What surrounds an amount in its sentence: the year it is for ("in 2024", "(januari-december
// 2024)", "dit jaar"), whether it is a forecast ("geraamd"), and whether the sentence is about
// money at all (so a bare "1,2 miljard" counts as euros).
#include <algorithm>
#include <cstdlib>

#include "indexer/dates/date_phrases.h"
#include "indexer/facts/fact_text.h"
#include "indexer/facts/facts.h"

namespace kz::facts {
using namespace detail;
namespace {

// "(Kamerbrief 29 521, nr. 481 van 6 mei 2024)": dates of cited letters are no cost years.
bool in_reference(const std::vector<Word>& ws, std::size_t b) {
  for (std::size_t back = 1; back <= 8 && back <= b; ++back) {
    const auto& w = ws[b - back].w;
    if (w == "nr" || w == "kamerstuk" || w == "kamerstukken" || w == "kenmerk" || w == "brief" ||
        w == "kamerbrief" || w == "d" || w == "dd" || w == "motie" || w == "verslag")
      return true;
    if (w == "(" || w == ";" || w == "€") break;
  }
  return false;
}

}  // namespace

std::optional<CostYear> cost_year(std::string_view s, std::size_t offset, std::size_t length, int doc_year) {
  auto ws = lex(s);
  struct Cand {
    int year;
    std::size_t from, to;  // byte span of the phrase
    std::string period;
    bool preceding_prep;   // "in 2024", "voor 2025", "over 2024"
  };
  std::vector<Cand> cands;
  std::vector<ParsedDate> dates = dated_phrases(ws, doc_year);
  for (std::size_t k = 0; k < dates.size(); ++k) {
    const auto& d = dates[k];
    if (d.open || (!d.first && !d.last) || in_reference(ws, d.begin)) continue;
    int year = (d.last ? d.last : d.first)->y;
    std::size_t from = ws[d.begin].offset;
    std::size_t to = ws[d.end - 1].offset + ws[d.end - 1].length;
    std::string period;
    // A span "januari-december 2024", "1 januari tot en met 31 december 2024".
    if (k + 1 < dates.size()) {
      std::size_t e = d.end;
      std::size_t next = dates[k + 1].begin;
      bool joined = (next == e + 1 && (ws[e].w == "-" || ws[e].w == "t/m" || ws[e].w == "tot")) ||
                    (next == e + 3 && ws[e].w == "tot" && ws[e + 1].w == "en" && ws[e + 2].w == "met");
      if (joined && !dates[k + 1].open && (dates[k + 1].last || dates[k + 1].first)) {
        const auto& d2 = dates[k + 1];
        year = (d2.last ? d2.last : d2.first)->y;
        to = ws[d2.end - 1].offset + ws[d2.end - 1].length;
        period = std::string(s.substr(from, to - from));
        ++k;
      }
    }
    std::string prev = d.begin > 0 ? ws[d.begin - 1].w : "";
    bool prep = prev == "in" || prev == "voor" || prev == "over" || prev == "gedurende" ||
                prev == "tijdens" || prev == "(" || prev == "begrotingsjaar" || prev == "jaar";
    cands.push_back({year, from, to, period, prep});
  }
  if (cands.empty()) return std::nullopt;

  // Clause of the amount: between the nearest ';' (or ', ' before a new clause) around it.
  std::size_t clause_b = 0, clause_e = s.size();
  for (std::size_t i = offset; i-- > 0;)
    if (s[i] == ';' || s[i] == ':') {
      clause_b = i + 1;
      break;
    }
  for (std::size_t i = offset + length; i < s.size(); ++i)
    if (s[i] == ';') {
      clause_e = i;
      break;
    }
  // A year with another amount between it and this one belongs to that amount; in a total
  // ("€ 750.000, waarvan € 500.000 in 2018") the years after "waarvan" belong to the parts.
  auto amounts = find_amounts(s);
  auto other_amount_between = [&](std::size_t from, std::size_t to) {
    for (const auto& a : amounts)
      if (a.offset != offset && a.offset >= from && a.offset + a.length <= to) return true;
    return false;
  };
  std::string lower = lower_ascii(s);
  std::size_t parts_from = s.size();
  for (const char* cue : {"waarvan", "bestaande uit", "verdeeld over"}) {
    std::size_t at = lower.find(cue);
    if (at != std::string::npos && at > offset + length) parts_from = std::min(parts_from, at);
  }
  // "€ 500.000 in 2018 en € 250.000 in 2019": a year right after another amount is that one's.
  auto claimed = [&](const Cand& c) {
    for (const auto& a : amounts) {
      if (a.offset == offset || a.offset + a.length > c.from) continue;
      std::string gap = lower_ascii(s.substr(a.offset + a.length, c.from - (a.offset + a.length)));
      if (gap == " in " || gap == " voor " || gap == " over " || gap == " (" || gap == " in het jaar ")
        return true;
    }
    return false;
  };
  std::erase_if(cands, [&](const Cand& c) {
    if (c.from >= parts_from || claimed(c)) return true;
    return c.to <= offset ? other_amount_between(c.to, offset) : other_amount_between(offset + length, c.from);
  });
  if (cands.empty()) return std::nullopt;
  const Cand* best = nullptr;
  long best_score = 0;
  for (const auto& c : cands) {
    long dist = c.to <= offset ? static_cast<long>(offset - c.to)
                               : static_cast<long>(c.from) - static_cast<long>(offset + length);
    if (dist < 0) dist = 0;
    long score = dist;
    if (c.from < clause_b || c.to > clause_e) score += 10000;
    std::size_t lo = std::min(c.to, offset), hi = std::max(c.from, offset + length);
    if (hi > lo && s.substr(lo, hi - lo).find(',') != std::string_view::npos) score += 500;
    if (!c.preceding_prep && c.period.empty()) score += 40;
    if (!best || score < best_score) {
      best = &c;
      best_score = score;
    }
  }
  return CostYear{best->year, best->period};
}

bool is_estimate(std::string_view sentence) {
  std::string l = lower_ascii(sentence);
  for (const char* cue : {"geraamd", "raming", "raamt", "ramen ", "begroot", "begroting", "verwacht",
                          "geschat", "schatting", "gereserveerd", "voorlopig", "prognose"})
    if (l.find(cue) != std::string::npos) return true;
  return false;
}

bool speaks_of_money(std::string_view sentence) {
  std::string l = lower_ascii(sentence);
  for (const char* cue : {"euro", "\xE2\x82\xAC", "eur ", "kosten", "bedrag", "budget", "begroting",
                          "uitgaven", "uitgegeven", "financi", "geraamd", "raming", "bekostig",
                          "investering", "subsidie", "biv", "besteed", "begroot", "gefinancierd"})
    if (l.find(cue) != std::string::npos) return true;
  return false;
}

}  // namespace kz::facts
