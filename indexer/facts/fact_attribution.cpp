// Decides which mission an amount or a period in a sentence belongs to when the sentence names
// several, and which amounts are parts of a total stated in the same sentence.
#include <algorithm>

#include "indexer/facts/fact_text.h"

namespace kz::facts {
namespace {

std::vector<std::string> distinct(const std::vector<Mention>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms)
    if (std::find(out.begin(), out.end(), m.mission) == out.end()) out.push_back(m.mission);
  return out;
}

bool amount_between(const std::vector<Amount>& amounts, std::size_t from, std::size_t to) {
  for (const auto& a : amounts)
    if (a.offset >= from && a.offset + a.length <= to) return true;
  return false;
}

// "SNMG1 en SNMCMG1", "KFOR, EUFOR Althea": two names joined as one list.
bool joined(std::string_view s, const Mention& a, const Mention& b) {
  std::size_t from = a.offset + a.length;
  if (b.offset < from || b.offset - from > 12) return false;
  // The words between, brackets and the articles "de" and "het" left out, run together.
  std::string t;
  std::string_view gap = s.substr(from, b.offset - from);
  while (!gap.empty()) {
    const std::size_t end = std::min(gap.find_first_of(" ()"), gap.size());
    std::string_view word = gap.substr(0, end);
    if (word != "de" && word != "het") t += word;
    gap.remove_prefix(std::min(end + 1, gap.size()));
  }
  return t == "en" || t == "," || t == "of" || t == "/" || t == "&" || t == "enook";
}

// Only a preposition between an amount and a name: "€ 18,0 miljoen voor OIR".
bool linked_after(std::string_view s, std::size_t from, std::size_t to) {
  if (to < from || to - from > 24) return false;
  std::string gap(s.substr(from, to - from));
  for (auto& c : gap)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (std::string_view w : {" voor de ", " voor het ", " voor ", " aan de ", " aan het ", " aan ",
                             " ten behoeve van de ", " ten behoeve van ", " t.b.v. ", " bij de ", " bij "})
    if (gap == w) return true;
  return false;
}

// A name directly after another amount belongs to that amount.
bool claimed_by_other(std::string_view s, const std::vector<Amount>& amounts, std::size_t self, const Mention& m) {
  for (std::size_t k = 0; k < amounts.size(); ++k)
    if (k != self && amounts[k].offset + amounts[k].length <= m.offset &&
        linked_after(s, amounts[k].offset + amounts[k].length, m.offset))
      return true;
  return false;
}

}  // namespace

std::string mission_for_amount(std::string_view s, const std::vector<Mention>& mentions,
                               const std::vector<Amount>& amounts, std::size_t index) {
  auto ids = distinct(mentions);
  if (ids.size() <= 1) return ids.empty() ? "" : ids.front();
  const Amount& a = amounts[index];
  std::size_t colon = s.rfind(':', a.offset);
  if (colon != std::string_view::npos) {
    std::vector<Mention> label;
    for (const auto& m : mentions)
      if (m.offset < colon && !amount_between(amounts, m.offset, colon)) label.push_back(m);
    auto lid = distinct(label);
    if (lid.size() == 1) return lid.front();
  }
  // "€ 3,9 miljoen voor NMI": a name right after the amount is its own.
  for (const auto& m : mentions)
    if (m.offset >= a.offset + a.length && linked_after(s, a.offset + a.length, m.offset)) return m.mission;
  const Mention* before = nullptr;
  const Mention* before2 = nullptr;
  for (const auto& m : mentions)
    if (m.offset + m.length <= a.offset && !amount_between(amounts, m.offset + m.length, a.offset) &&
        !claimed_by_other(s, amounts, index, m)) {
      before2 = before;
      before = &m;
    }
  if (before) {
    if (before2 && before2->mission != before->mission && joined(s, *before2, *before)) return "";
    return before->mission;
  }
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const auto& m = mentions[k];
    if (m.offset < a.offset + a.length || amount_between(amounts, a.offset + a.length, m.offset)) continue;
    if (k + 1 < mentions.size() && mentions[k + 1].mission != m.mission && joined(s, m, mentions[k + 1]))
      return "";
    return m.mission;
  }
  return "";
}

std::vector<std::vector<std::string>> missions_for_periods(std::string_view s,
                                                           const std::vector<Mention>& mentions,
                                                           const std::vector<PeriodPhrase>& phrases) {
  auto ids = distinct(mentions);
  std::vector<std::vector<std::string>> out(phrases.size(), ids);
  if (ids.size() < 2) return out;
  if (phrases.size() == 1) {
    // "Naast het beëindigen van de bijdrage aan EUTM Somalië besloot het kabinet de bijdrage aan
    // EUCAP te verlengen tot 31 december 2018": the mission inside the phrase is its own.
    std::size_t pb = phrases[0].offset, pe = pb + phrases[0].text.size();
    std::vector<Mention> inside;
    for (const auto& m : mentions)
      if (m.offset >= pb && m.offset + m.length <= pe) inside.push_back(m);
    if (distinct(inside).size() == 1) {
      out[0] = distinct(inside);
      return out;
    }
    // Else, as for amounts, the mission named nearest before it, unless it closes a list
    // ("UNIFIL en UNDOF worden verlengd tot 2026" is about both).
    const Mention* before = nullptr;
    const Mention* before2 = nullptr;
    for (const auto& m : mentions)
      if (m.offset + m.length <= pb) {
        before2 = before;
        before = &m;
      }
    if (before && !(before2 && before2->mission != before->mission && joined(s, *before2, *before)))
      out[0] = {before->mission};
    return out;
  }
  for (std::size_t p = 0; p < phrases.size(); ++p) {
    std::size_t pb = phrases[p].offset, pe = pb + phrases[p].text.size();
    std::size_t next = p + 1 < phrases.size() ? phrases[p + 1].offset : s.size();
    const Mention* pick = nullptr;
    for (const auto& m : mentions) {
      if (m.offset < pe || m.offset >= next) continue;
      // "... en UNDOF": a name after "en" or a comma opens the next clause.
      std::string before(s.substr(pe, m.offset - pe));
      while (!before.empty() && before.back() == ' ') before.pop_back();
      if (before.ends_with(" en") || before == "en" || before.ends_with(",") || before.ends_with(";")) break;
      pick = &m;
      break;
    }
    if (!pick)
      for (const auto& m : mentions)
        if (m.offset + m.length <= pb) pick = &m;  // the last one before the phrase
    if (!pick)
      for (const auto& m : mentions)
        if (m.offset >= pe) {
          pick = &m;
          break;
        }
    if (pick) out[p] = {pick->mission};
  }
  return out;
}

std::vector<int> totals_in_sentence(std::string_view s, const std::vector<Amount>& amounts) {
  std::vector<int> out(amounts.size(), -1);
  std::string l(s);
  for (auto& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (std::string_view cue : {"waarvan", "bestaande uit", "verdeeld over", "te weten", "namelijk"}) {
    std::size_t at = l.find(cue);
    if (at == std::string::npos) continue;
    int total = -1;
    for (std::size_t k = 0; k < amounts.size(); ++k)
      if (amounts[k].offset + amounts[k].length <= at) total = static_cast<int>(k);
    if (total < 0) continue;
    for (std::size_t k = 0; k < amounts.size(); ++k)
      if (amounts[k].offset > at) out[k] = total;
    break;
  }
  return out;
}

}  // namespace kz::facts
