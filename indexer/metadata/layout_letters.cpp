// Reads the header of a ministerial letter (addressee block, "Datum", "Betreft", reference
// column) and of a beslisnota ("Aan", "Van", "Datum", "Onze referentie", "Nota" + title).
#include "indexer/dates/dutch_date.h"
#include "indexer/metadata/metadata.h"
#include "indexer/dates/meta_text.h"
#include "indexer/metadata/metadata_layouts.h"

namespace kz::meta {
namespace {

using namespace kz::meta_text;

std::string date_value(const Lines& lines) {
  for (const auto& v : values_of(lines, {"Datum"}, true)) {
    std::string d = parse_dutch_date(v.text);
    if (!d.empty()) return d;
  }
  return place_date(lines, 2);
}

// The addressee block of a letter: the lines after "> Retouradres" down to "Datum"/"Betreft".
std::string letter_addressee(const Lines& lines) {
  std::string block;
  bool in_block = false;
  double left = -1;
  for (const Line* l : lines.page(1)) {
    std::string t = text_of(*l);
    if (starts_with_ci(t, "> Retouradres") || starts_with_ci(t, "Retouradres")) {
      in_block = true;
      left = l->x;
      continue;
    }
    if (t == "Datum" || t == "Betreft" || starts_with_ci(t, "Geachte")) break;
    if (l->role == Line::Role::Side) continue;
    if (in_block && (left < 0 || l->x < left + 20)) append_wrapped(block, t);
  }
  if (block.empty()) {
    // No return-address line: any "Voorzitter van de ... Kamer" on page 1 before the body.
    for (const Line* l : lines.page(1)) {
      std::string t = text_of(*l);
      if (starts_with_ci(t, "Geachte")) break;
      if (!house_in(t).empty() && l->role != Line::Role::Side) return house_in(t);
    }
    return {};
  }
  if (std::string h = house_in(block); !h.empty()) return h;
  // Someone else: the first line of the block without its article ("de Minister van Financiën").
  std::string first = block;
  for (std::string_view a : {"Aan de ", "Aan ", "de ", "De "})
    if (starts_with_ci(first, a)) {
      first = first.substr(a.size());
      break;
    }
  std::size_t cut = first.find_first_of("0123456789");
  if (cut != std::string::npos) first = std::string(trim(std::string_view(first).substr(0, cut)));
  return first.size() > 80 ? first.substr(0, 80) : first;
}

}  // namespace

void read_letter(const Lines& lines, Metadata& m) {
  m.date = date_value(lines);
  if (auto v = value_of(lines, {"Betreft", "Onderwerp"}, 2, true, true)) m.title = v->text;
  m.doctype = doctype_from_subject(m.title);
  m.addressee = letter_addressee(lines);
  m.kenmerken = read_kenmerken(lines);
}

void read_nota(const Lines& lines, Metadata& m) {
  m.date = date_value(lines);
  m.doctype = "nota";
  if (auto v = value_of(lines, {"Aan"}, 1, false, false)) m.addressee = v->text;
  m.kenmerken = read_kenmerken(lines);
  if (auto v = value_of(lines, {"Betreft", "Onderwerp"}, 1, true, true)) {
    m.title = v->text;
    return;
  }
  // "Nota" on a line of its own, the title below it.
  auto page = lines.page(1);
  for (std::size_t i = 0; i < page.size(); ++i) {
    std::string t = text_of(*page[i]);
    bool word = equals_ci(t, "Nota") || equals_ci(t, "Beslisnota") || equals_ci(t, "Informatienota");
    if (!word) {
      for (std::string_view w : {"Nota ", "Beslisnota ", "Informatienota "})
        if (starts_with_ci(t, w) && t.size() > w.size() + 3 && !starts_with_ci(t, "Nota van")) {
          m.title = t.substr(w.size());
          return;
        }
      continue;
    }
    const Line* last = page[i];
    for (std::size_t j = i + 1; j < page.size(); ++j) {
      const Line* l = page[j];
      if (l->role == Line::Role::Side || same_row(*l, *page[i])) continue;
      if (!just_below(*last, *l, m.title.empty() ? 2.5 : 1.7)) break;
      if (std::abs(l->x - page[i]->x) > 3) break;
      append_wrapped(m.title, text_of(*l));
      last = l;
    }
    return;
  }
}

}  // namespace kz::meta
