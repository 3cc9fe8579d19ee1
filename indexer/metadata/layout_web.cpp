// Reads the header of a paper printed from a web page: a news item, a document page of
// tweedekamer.nl or rijksoverheid.nl, an Aanhangsel answer. Such pages carry one line of
// fields split by bars ("Nieuwsbericht | Rijksoverheid | 30 januari 2015", "Aanhangsel van de
// Handelingen | Tweede Kamer der Staten-Generaal | vergaderjaar 2018–2019 | nr. 2134 |
// ontvangen 2 april 2019", "Brief | 2024D09984 | Datum 2024-03-22") with the title around it.
#include "indexer/dates/dutch_date.h"
#include "indexer/record/kamerstuk_ref.h"
#include "indexer/dates/meta_text.h"
#include "indexer/metadata/metadata.h"
#include "indexer/metadata/metadata_layouts.h"

namespace kz::meta {
namespace {

using namespace kz::meta_text;

// How many lines from the top of page 1 the bar line may stand (title lines above it).
constexpr std::size_t kHeaderLines = 8;

std::vector<std::string> split_bars(std::string_view s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '|') continue;
    std::string part(trim(s.substr(b, i - b)));
    if (!part.empty()) out.push_back(part);
    b = i + 1;
  }
  return out;
}

// "Nieuwsbericht" / "Brief" / "Verslag" / "Aanhangsel van de Handelingen": a kind of page is a
// few words starting with a capital, no digits.
bool looks_like_kind(std::string_view s) {
  if (s.empty() || s.size() > 40 || !is_upper(s[0])) return false;
  for (char c : s)
    if (is_digit(c)) return false;
  return true;
}

// A date in any form such a field writes it: "30 januari 2015", "ontvangen 2 april 2019",
// "Datum 2024-03-22", "Aangeboden 17 mei 2023", "25 jun 2007".
std::string field_date(std::string_view f) {
  std::string d = parse_dutch_date(f);
  if (!d.empty()) return d;
  for (std::size_t i = 0; i + 10 <= f.size(); ++i) {
    if (i > 0 && is_wordish(f[i - 1])) continue;
    std::string iso = iso_date_in(f.substr(i, 10));
    if (!iso.empty() && (i + 10 == f.size() || !is_wordish(f[i + 10]))) return iso;
  }
  return {};
}

bool known_kind(std::string_view kind) {
  std::string k = to_lower(squeeze(kind));
  for (std::string_view w : {"nieuwsbericht", "nieuws", "persbericht", "brief", "kamerbrief", "verslag", "other",
                             "document", "publicatie", "motie", "kamervragen", "toespraak", "rapport", "besluit",
                             "jaarverslag", "begroting", "beslisnota"})
    if (k == w) return true;
  return k.starts_with("aanhangsel");
}

std::string doctype_from_kind(std::string_view kind) {
  std::string k = to_lower(squeeze(kind));
  if (k.starts_with("aanhangsel")) return "kamervragen";
  if (k == "kamerbrief") return "brief";
  if (k.starts_with("verslag")) return "verslag";
  return k;
}

// "vergaderjaar 2018–2019" + "nr. 2134" in an Aanhangsel: its published id "ah-tk-20182019-2134".
std::string aanhangsel_id(const std::vector<std::string>& fields, const std::string& house) {
  std::string years, nr;
  for (const auto& f : fields) {
    if (starts_with_ci(f, "vergaderjaar ")) {
      for (char c : f.substr(13))
        if (is_digit(c)) years += c;
    } else if (starts_with_ci(f, "nr. ") || starts_with_ci(f, "nr ")) {
      nr = std::string(trim(std::string_view(f).substr(f[2] == '.' ? 3 : 2)));
    }
  }
  if (years.size() != 8 || nr.empty() || nr.find(' ') != std::string::npos) return {};
  return std::string("ah-") + (house == "Eerste Kamer" ? "ek" : "tk") + "-" + years + "-" + nr;
}

// "2024D09984": year, D, digits.
bool is_document_number(std::string_view s) {
  if (s.size() < 9 || s.size() > 11 || s[4] != 'D') return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != 4 && !is_digit(s[i])) return false;
  return true;
}

}  // namespace

std::string iso_date_in(std::string_view s) {
  s = trim(s);
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return {};
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(s[i])) return {};
  int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(5, 2))),
      d = std::stoi(std::string(s.substr(8, 2)));
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > dutch_date::days_in_month(y, m)) return {};
  return std::string(s);
}

bool read_web_page(const Lines& lines, Metadata& m) {
  auto page = lines.page(1);
  std::size_t n = std::min(page.size(), kHeaderLines);
  for (std::size_t i = 0; i < n; ++i) {
    std::string t = text_of(*page[i]);
    if (t.find(" | ") == std::string::npos && !(t.size() > 2 && t.ends_with(" |"))) continue;
    // A long bar line wraps: "... | vergaderjaar 2018–2019 |" / "nr. 2134 | ontvangen 2 april 2019".
    std::size_t last = i;
    while (last + 1 < page.size() && (t.ends_with("|") || text_of(*page[last + 1]).starts_with("| ")) &&
           just_below(*page[last], *page[last + 1], 1.8)) {
      append_wrapped(t, text_of(*page[++last]));
    }
    auto fields = split_bars(t);
    if (fields.size() < 2 || !looks_like_kind(fields[0])) continue;
    std::string date;
    for (const auto& f : fields)
      if (date.empty()) date = field_date(f);
    // A letterhead may also use bars ("Ministerie van Defensie | Bestuursstaf"): without a date
    // in the line, only a known kind of page makes it this layout.
    if (date.empty() && !known_kind(fields[0])) continue;
    m.date = date;
    m.doctype = doctype_from_kind(fields[0]);
    for (const auto& f : fields)
      if (m.addressee.empty() && m.doctype == "kamervragen") m.addressee = house_in(f);
    std::string publisher = fields[1];
    // The title stands above the bar line; when what stands there is only the publisher's
    // name, the title is the first line below it.
    std::string title;
    for (std::size_t j = 0; j < i; ++j) append_wrapped(title, text_of(*page[j]));
    if (title.empty() || equals_ci(title, publisher)) {
      title.clear();
      if (last + 1 < page.size()) title = text_of(*page[last + 1]);
    }
    m.title = title;
    if (m.doctype == "kamervragen") {
      std::string id = aanhangsel_id(fields, house_in(t));
      if (!id.empty()) m.kenmerken.push_back(id);
    }
    for (const auto& f : fields)
      if (ref::looks_like_kenmerk(f) && f.find(' ') == std::string::npos) m.kenmerken.push_back(f);
    // tweedekamer.nl prints its document number ("2024D09984") at the top of the text.
    for (std::size_t j = last + 1; j < page.size() && j < last + 4; ++j)
      for (const auto& c : ref::find_citations(text_of(*page[j])))
        if (is_document_number(c.id)) m.kenmerken.push_back(c.id);
    return true;
  }
  return false;
}

}  // namespace kz::meta
