// Tells the three header layouts apart and reads what they share: kenmerken, the house a
// paper is addressed to, the place-and-date line, and the doctype from a title.
#include "indexer/dates/dutch_date.h"
#include "indexer/record/kamerstuk_ref.h"
#include "indexer/dates/meta_text.h"
#include "indexer/metadata/metadata.h"
#include "indexer/metadata/metadata_layouts.h"

namespace kz::meta {
namespace {

using namespace kz::meta_text;

bool is_house_header(std::string_view t) {
  return starts_with_ci(t, "Tweede Kamer der Staten-Generaal") ||
         starts_with_ci(t, "Eerste Kamer der Staten-Generaal");
}

}  // namespace

std::string house_in(std::string_view text) {
  std::string t = squeeze(text);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (match_word_ci(t, i, "Tweede Kamer")) return "Tweede Kamer";
    if (match_word_ci(t, i, "Eerste Kamer")) return "Eerste Kamer";
  }
  return {};
}

std::string detect_layout(const Lines& lines) {
  int kst = 0, nota = 0, brief = 0;
  bool aan = false, van = false;
  for (const Line* l : lines.all()) {
    std::string t = text_of(*l);
    bool first = l->page == 1;
    if (is_house_header(t) && first) kst += 2;
    if (starts_with_ci(t, "Vergaderjaar ") && first) kst += 1;
    if ((starts_with_ci(t, "Tweede Kamer, vergaderjaar") || starts_with_ci(t, "Eerste Kamer, vergaderjaar")))
      kst += 2;
    if (starts_with_ci(t, "kst-") && t.find(' ') == std::string::npos) kst += 2;
    if (first && (t == "Aan" || t == "Aan:")) aan = true;
    if (first && (t == "Van" || t == "Van:")) van = true;
    if (first && starts_with_ci(t, "TER ") && is_caps(t) && t.size() < 30) nota += 2;
    if (first && (equals_ci(t, "Nota") || equals_ci(t, "Beslisnota") || equals_ci(t, "Informatienota")))
      nota += 1;
    if (starts_with_ci(t, "> Retouradres") || starts_with_ci(t, "Retouradres")) brief += 2;
    if (first && (t == "Betreft" || starts_with_ci(t, "Betreft "))) brief += 2;
    if (starts_with_ci(t, "Geachte ")) brief += 1;
  }
  if (aan && van) nota += 2;
  if (kst >= 3 && kst >= nota && kst >= brief) return "kst";
  if (nota >= 3 && nota >= brief) return "nota";
  if (brief >= 2) return "brief";
  if (kst >= 2) return "kst";
  return "unknown";
}

std::vector<std::string> read_kenmerken(const Lines& lines) {
  std::vector<std::string> out;
  auto values = values_of(lines, {"Onze referentie", "Ons kenmerk", "Onze kenmerk", "Kenmerk",
                                  "Referentie", "Ons nummer", "Ons nr.", "Onze ref."},
                          true);
  for (const auto& v : values) {
    std::string token(trim(v.text));
    if (!token.empty() && token.back() == '.') token.pop_back();
    if (!ref::looks_like_kenmerk(token)) continue;
    bool seen = false;
    for (const auto& o : out) seen = seen || o == token;
    if (!seen) out.push_back(token);
  }
  return out;
}

std::string place_date(const Lines& lines, int max_page) {
  for (const Line* l : lines.all()) {
    if (l->page > max_page) break;
    std::string t = text_of(*l);
    for (std::string_view p : {"Den Haag,", "'s-Gravenhage,", "\xE2\x80\x99s-Gravenhage,",
                               "Vastgesteld", "Voorgesteld", "Ontvangen", "Aangeboden", "Datum:", "Datum "}) {
      if (!starts_with_ci(t, p)) continue;
      if (auto d = dutch_date::date_at(t, p.size())) return d->iso;
      // tweedekamer.nl document pages print "Datum 2024-03-22".
      std::string_view rest = trim(std::string_view(t).substr(p.size()));
      if (std::string iso = iso_date_in(rest.substr(0, std::min<std::size_t>(rest.size(), 10)));
          !iso.empty() && (rest.size() == 10 || is_space(rest[10])))
        return iso;
    }
  }
  return {};
}

std::string doctype_from_kst_title(std::string_view title) {
  std::string t = to_lower(squeeze(title));
  // Longest, most specific openings first.
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"nota naar aanleiding van het", "nota naar aanleiding van het verslag"},
      {"nota van wijziging", "nota van wijziging"},
      {"gewijzigde nota van wijziging", "nota van wijziging"},
      {"memorie van toelichting", "memorie van toelichting"},
      {"memorie van antwoord", "memorie van antwoord"},
      {"lijst van vragen en antwoorden", "lijst van vragen en antwoorden"},
      {"lijst van vragen", "lijst van vragen"},
      {"voorstel van wet", "wetsvoorstel"},
      {"gewijzigd voorstel van wet", "wetsvoorstel"},
      {"koninklijke boodschap", "koninklijke boodschap"},
      {"advies afdeling advisering raad van state", "advies raad van state"},
      {"advies raad van state", "advies raad van state"},
      {"gewijzigde motie", "motie"},
      {"motie", "motie"},
      {"gewijzigd amendement", "amendement"},
      {"nader gewijzigd amendement", "amendement"},
      {"amendement", "amendement"},
      {"verslag", "verslag"},
      {"eindverslag", "verslag"},
      {"voorlopig verslag", "verslag"},
      {"brief", "brief"},
      {"geannoteerde agenda", "geannoteerde agenda"},
      {"jaarverslag", "jaarverslag"},
      {"nota", "nota"},
  };
  for (const auto& [open, type] : kTypes)
    if (match_word_ci(t, 0, open)) return std::string(type);
  // Unknown kind of paper: its first word says what it is ("RAPPORT", "BESLUIT").
  std::size_t e = 0;
  while (e < t.size() && !is_space(t[e])) ++e;
  return t.substr(0, e);
}

std::string doctype_from_subject(std::string_view subject) {
  std::string t = squeeze(subject);
  if (starts_with_ci(t, "Geannoteerde agenda")) return "geannoteerde agenda";
  if (starts_with_ci(t, "Verslag ")) return "verslag";
  for (std::string_view a : {"Beantwoording Kamervragen", "Antwoorden Kamervragen",
                             "Beantwoording vragen", "Antwoorden op Kamervragen",
                             "Antwoord op vragen"})
    if (starts_with_ci(t, a)) return "antwoord kamervragen";
  return "brief";
}

}  // namespace kz::meta
