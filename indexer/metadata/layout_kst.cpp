// Reads the header of a published Kamerstuk: house and session, dossier and number (from the
// running footer "Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 445" or the header block),
// the document title beside "Nr. 445", the addressee and "Den Haag, <date>".
#include <cmath>
#include <map>

#include "indexer/record/kamerstuk_ref.h"
#include "indexer/record/kamerstuk_scan.h"
#include "indexer/dates/meta_text.h"
#include "indexer/metadata/metadata_layouts.h"

namespace kz::meta {
namespace {

using namespace kz::meta_text;

// The number in the running footer; the most frequent reading wins over a stray line.
std::optional<KamerstukNumber> number_from_footer(const Lines& lines) {
  std::map<std::pair<std::string, std::string>, int> votes;
  for (const Line* l : lines.all()) {
    std::string t = text_of(*l);
    if (starts_with_ci(t, "kst-") && t.find(' ') == std::string::npos) {
      if (auto r = ref::scan::kst_id_at(t, 0)) votes[{r->dossiers[0], r->nrs[0]}] += 1;
      continue;
    }
    if (!(starts_with_ci(t, "Tweede Kamer, vergaderjaar") || starts_with_ci(t, "Eerste Kamer, vergaderjaar")))
      continue;
    // Skip "vergaderjaar 2023–2024," to the dossier.
    std::size_t i = t.find(',', 26);
    if (i == std::string::npos) continue;
    i = skip_spaces(t, i + 1);
    if (auto r = ref::scan::ref_at(t, i, true)) votes[{r->dossiers[0], r->nrs[0]}] += 2;
  }
  std::optional<KamerstukNumber> best;
  int most = 0;
  for (const auto& [k, v] : votes)
    if (v > most) most = v, best = KamerstukNumber{k.first, k.second};
  return best;
}

// "Nr. 445" or, in the Eerste Kamer, the letters "AI" heading the title.
bool is_nr_line(std::string_view t, const std::optional<KamerstukNumber>& k) {
  if (starts_with_ci(t, "Nr. ") || starts_with_ci(t, "Nr ")) return true;
  if (k && !k->nr.empty() && !is_digit(k->nr[0])) {
    return t == k->nr || (starts_with_ci(t, k->nr + " ") && t.size() > k->nr.size() + 3);
  }
  return false;
}

// The header block on page 1: the dossier line ("28 676 NAVO") and the "Nr." line.
std::optional<KamerstukNumber> number_from_header(const Lines& lines) {
  std::string dossier;
  for (const Line* l : lines.page(1)) {
    std::string t = text_of(*l);
    if (dossier.empty()) {
      if (auto d = ref::scan::dossier_at(t, 0)) dossier = d->dossier;
      continue;
    }
    if (starts_with_ci(t, "Nr.") || starts_with_ci(t, "Nr ")) {
      std::size_t i = skip_spaces(t, t[2] == '.' ? 3 : 2);
      std::size_t e = i;
      while (e < t.size() && is_digit(t[e])) ++e;
      if (e > i) return KamerstukNumber{dossier, t.substr(i, e - i)};
    }
  }
  return std::nullopt;
}

// The title set in capitals right of (or after) the "Nr." line, possibly wrapped.
std::string read_title(const Lines& lines, const std::optional<KamerstukNumber>& k) {
  auto page = lines.page(1);
  for (std::size_t i = 0; i < page.size(); ++i) {
    std::string t = text_of(*page[i]);
    if (!is_nr_line(t, k)) continue;
    std::string title;
    const Line* first = nullptr;
    // Text after the number on the same line.
    std::size_t p = 0;
    if (starts_with_ci(t, "Nr")) p = (t.size() > 2 && t[2] == '.') ? 3 : 2;
    p = skip_spaces(t, p);
    while (p < t.size() && !is_space(t[p])) ++p;
    std::string rest(trim(std::string_view(t).substr(p)));
    if (!rest.empty()) {
      title = rest;
      first = page[i];
    } else if (i + 1 < page.size() && same_row(*page[i], *page[i + 1])) {
      first = page[i + 1];
      title = text_of(*first);
    }
    if (!first) return {};
    const Line* last = first;
    double x = first == page[i] ? -1 : first->x;
    for (std::size_t j = i + 1; j < page.size(); ++j) {
      const Line* l = page[j];
      if (l == first || same_row(*l, *page[i])) continue;
      if (!just_below(*last, *l, 1.8)) break;
      std::string lt = text_of(*l);
      if (!is_caps(lt) || (x >= 0 && l->x < x - 3)) break;
      append_wrapped(title, lt);
      last = l;
    }
    return title;
  }
  return {};
}

// The dossier's own title beside its number at the top of page 1: "29 521 Nederlandse
// deelname aan vredesmissies", possibly wrapped below itself.
std::string read_dossier_title(const Lines& lines) {
  auto page = lines.page(1);
  for (std::size_t i = 0; i < page.size(); ++i) {
    std::string t = text_of(*page[i]);
    auto d = ref::scan::dossier_at(t, 0);
    if (!d) continue;
    std::string title(trim(std::string_view(t).substr(d->end)));
    const Line* first = page[i];
    if (title.empty() && i + 1 < page.size() && same_row(*page[i], *page[i + 1])) {
      first = page[i + 1];
      title = text_of(*first);
    }
    if (title.empty() || is_nr_line(title, std::nullopt) || is_digit(title[0])) return {};
    const Line* last = first;
    for (std::size_t j = i + 1; j < page.size(); ++j) {
      const Line* l = page[j];
      if (l == first || same_row(*l, *page[i])) continue;
      if (!just_below(*last, *l, 1.6) || std::abs(l->x - first->x) > 3 || (first != page[i] && l->x < first->x - 3))
        break;
      std::string lt = text_of(*l);
      if (is_nr_line(lt, std::nullopt) || is_caps(lt)) break;
      append_wrapped(title, lt);
      last = l;
    }
    return title;
  }
  return {};
}

// A heading that only says who wrote ("BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN
// DEFENSIE ...") tells nothing about the subject.
bool says_only_who_wrote(std::string_view heading) {
  return starts_with_ci(heading, "BRIEF VAN ") || equals_ci(heading, "BRIEF");
}

// A heading that names only the kind of paper ("VERSLAG VAN EEN ALGEMEEN OVERLEG", "LIJST VAN
// VRAGEN EN ANTWOORDEN") gets the dossier's title after it, in sentence case.
bool names_only_the_kind(std::string_view heading) {
  for (std::string_view k : {"VERSLAG VAN EEN ", "LIJST VAN VRAGEN", "VERSLAG HOUDENDE", "NOTA NAAR AANLEIDING", "VOORLOPIG VERSLAG",
                             "EINDVERSLAG", "MEMORIE VAN ", "NADER VERSLAG"})
    if (starts_with_ci(heading, k)) return is_caps(heading);
  return false;
}

std::string sentence_case(std::string_view caps) {
  std::string out(caps);
  for (std::size_t i = 1; i < out.size(); ++i) out[i] = lower(out[i]);
  return out;
}

}  // namespace

void read_kst(const Lines& lines, Metadata& m) {
  auto k = number_from_footer(lines);
  if (!k) k = number_from_header(lines);
  if (k) m.kamerstuk = k;
  m.title = read_title(lines, k);
  if (m.title.empty()) {
    // No "Nr." line: the first long line in capitals on page 1 is the title.
    for (const Line* l : lines.page(1)) {
      std::string t = text_of(*l);
      if (is_caps(t) && t.size() > 8 && house_in(t).empty()) {
        m.title = t;
        break;
      }
    }
  }
  m.doctype = doctype_from_kst_title(m.title);
  if (says_only_who_wrote(m.title)) {
    if (std::string dossier_title = read_dossier_title(lines); !dossier_title.empty()) m.title = dossier_title;
  } else if (names_only_the_kind(m.title)) {
    if (std::string dossier_title = read_dossier_title(lines); !dossier_title.empty())
      m.title = sentence_case(m.title) + " \xE2\x80\x93 " + dossier_title;
  }
  m.date = place_date(lines, 2);
  for (const Line* l : lines.page(1)) {
    std::string t = text_of(*l);
    if (starts_with_ci(t, "Aan de ") || starts_with_ci(t, "Aan ")) {
      m.addressee = house_in(t);
      if (!m.addressee.empty()) break;
    }
  }
  if (m.addressee.empty()) {
    for (const Line* l : lines.page(1)) {
      std::string t = text_of(*l);
      if (starts_with_ci(t, "Tweede Kamer der") || starts_with_ci(t, "Eerste Kamer der")) {
        m.addressee = house_in(t);
        break;
      }
    }
  }
  m.kenmerken = read_kenmerken(lines);
}

}  // namespace kz::meta
