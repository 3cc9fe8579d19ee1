// Reads a document's metadata from its clean text: picks the layout, lets its reader take the
// header fields, then reads what every layout shares: signatories, citations of other papers,
// the reporting period, and the id.
#include "indexer/metadata/metadata.h"

#include "indexer/dates/dutch_date.h"
#include "indexer/record/kamerstuk_ref.h"
#include "indexer/dates/meta_text.h"
#include "indexer/metadata/metadata_layouts.h"
#include "indexer/metadata/signatories.h"

namespace kz {
namespace {

using namespace kz::meta_text;

// Words after which a full stop does not end a sentence.
bool abbreviation_before(std::string_view s, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && (is_alpha(s[b - 1]) || s[b - 1] == '.')) --b;
  std::string w = to_lower(s.substr(b, dot - b));
  if (w.empty()) return false;
  if (w.size() == 1) return true;  // initials "K.H." and list letters "a."
  static constexpr std::string_view kAbbr[] = {
      "nr", "nrs", "o.a", "ca", "bijv", "jl", "a.s", "m.b.t", "t.b.v", "e.d", "d.d", "resp", "art",
      "vs", "mr", "dr", "drs", "ir", "prof", "zgn", "incl", "excl", "t.a.v", "i.c.m", "m.n", "e.a",
      "zr.ms", "hr.ms", "blz", "p", "pag", "mln", "mld", "mrd", "etc", "evt", "vgl", "z.s.m"};
  for (auto a : kAbbr)
    if (w == a) return true;
  return false;
}

bool sentence_end_at(std::string_view s, std::size_t i) {
  char c = s[i];
  if (c != '.' && c != '!' && c != '?') return false;
  if (c == '.' && abbreviation_before(s, i)) return false;
  std::size_t j = i + 1;
  while (j < s.size() && (s[j] == ')' || s[j] == '"' || s[j] == '\'')) ++j;
  if (j >= s.size()) return true;
  if (!is_space(s[j])) return false;
  j = skip_spaces(s, j);
  return j >= s.size() || !is_lower(s[j]);
}

// The sentence of `text` that holds the span starting at `pos`.
std::string sentence_around(std::string_view text, std::size_t pos) {
  std::size_t b = pos;
  while (b > 0 && !sentence_end_at(text, b - 1)) --b;
  std::size_t e = pos;
  while (e < text.size() && !sentence_end_at(text, e)) ++e;
  if (e < text.size()) ++e;
  return squeeze(text.substr(b, e - b));
}

void add_citations(std::string_view text, int page, const Metadata& m, std::vector<Citation>& out) {
  for (auto& c : ref::find_citations(text)) {
    if (c.id.empty()) continue;
    bool self = c.id == m.id;
    for (const auto& k : m.kenmerken) self = self || c.id == k;
    if (self) continue;
    std::erase(c.also, m.id);
    bool seen = false;
    for (const auto& o : out) seen = seen || o.id == c.id;
    if (seen) continue;
    std::size_t at = text.find(c.printed);
    c.page = page;
    c.sentence = sentence_around(text, at == std::string_view::npos ? 0 : at);
    out.push_back(std::move(c));
  }
}

// A footnote line that starts with a number ("136 van 20 januari 2023).") can be taken for a
// new footnote; a marker out of sequence on the same page is the previous note continuing.
std::vector<Footnote> joined_footnotes(const std::vector<Footnote>& notes) {
  std::vector<Footnote> out;
  for (const auto& f : notes) {
    if (!out.empty() && out.back().page == f.page) {
      const std::string& prev = out.back().marker;
      bool numeric = !prev.empty() && !f.marker.empty() && prev.size() <= 3 && f.marker.size() <= 6 &&
                     prev.find_first_not_of("0123456789") == std::string::npos &&
                     f.marker.find_first_not_of("0123456789") == std::string::npos;
      if (f.marker.empty() || (numeric && std::stoi(f.marker) != std::stoi(prev) + 1)) {
        out.back().text += " " + (f.marker.empty() ? f.text : f.marker + " " + f.text);
        continue;
      }
    }
    out.push_back(f);
  }
  return out;
}

// A reporting period is stated in a sentence about the report ("over de periode mei 2024 tot
// en met april 2025", "De rapportageperiode ... is van mei 2025 tot en met april 2026").
void read_report_period(const CleanText& text, Metadata& m) {
  for (const auto& p : text.body) {
    std::string_view t = p.text;
    std::size_t from = 0;
    while (auto period = dutch_date::find_period(t, from)) {
      std::string s = to_lower(sentence_around(t, period->offset));
      bool about_report = s.find("rapportage") != std::string::npos ||
                          s.find("verslagperiode") != std::string::npos ||
                          s.find("verslag") != std::string::npos ||
                          s.find("over de periode") != std::string::npos;
      if (about_report) {
        m.report_start = period->start;
        m.report_end = period->end;
        return;
      }
      from = period->offset + period->length;
    }
  }
}

// A letter published as "BRIEF VAN DE MINISTER ..." whose opening sentence sends the
// annotated agenda is that kind of paper: "Hierbij stuur ik u de geannoteerde agenda voor ...".
std::string doctype_from_opening(const CleanText& text) {
  int seen = 0;
  for (const auto& p : text.body) {
    if (p.heading || p.text.size() < 40) continue;
    if (++seen > 3) break;
    if (!(starts_with_ci(p.text, "Hierbij") || starts_with_ci(p.text, "Bijgaand") ||
          starts_with_ci(p.text, "Met deze brief")))
      continue;
    std::string s = to_lower(sentence_around(p.text, 0));
    // Only a sentence that sends something ("stuur ik u", "ontvangt u") says what the paper is.
    bool sends = false;
    for (std::string_view v : {" stuur ", " zend ", " bied ", "ontvangt u", "treft u", "doe ik u"})
      sends = sends || s.find(v) != std::string::npos;
    if (sends && s.find("de geannoteerde agenda") != std::string::npos) return "geannoteerde agenda";
  }
  return {};
}

}  // namespace

Metadata extract_metadata(const CleanText& text, const std::string& sha256_hex) {
  Metadata m;
  meta::Lines lines(text);
  m.layout = meta::detect_layout(lines);
  if (meta::read_web_page(lines, m)) {
    m.layout = "web";
    // A page whose bar line holds no date may print it apart: "Datum 2024-03-22".
    if (m.date.empty()) m.date = meta::place_date(lines, 1);
  }
  else if (m.layout == "kst") meta::read_kst(lines, m);
  else if (m.layout == "nota") meta::read_nota(lines, m);
  else if (m.layout == "brief") meta::read_letter(lines, m);
  else {
    m.kenmerken = meta::read_kenmerken(lines);
    m.date = meta::place_date(lines, 2);
  }
  if (m.doctype == "brief") {
    if (std::string d = doctype_from_opening(text); !d.empty()) m.doctype = d;
  }
  m.signatories = meta::find_signatories(lines);

  if (m.kamerstuk) m.id = ref::kamerstuk_id(*m.kamerstuk);
  else if (!m.kenmerken.empty()) m.id = m.kenmerken.front();
  else m.id = "file-" + to_lower(sha256_hex.substr(0, 12));

  for (const auto& p : text.body) add_citations(p.text, p.page, m, m.cites);
  for (const auto& f : joined_footnotes(text.footnotes)) add_citations(f.text, f.page, m, m.cites);
  read_report_period(text, m);
  return m;
}

}  // namespace kz
