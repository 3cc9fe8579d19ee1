// Finds citations of other Kamerstukken and kenmerken in running text (kz::ref::find_citations).
#include "indexer/dates/dutch_date.h"
#include "indexer/record/kamerstuk_ref.h"
#include "indexer/record/kamerstuk_scan.h"
#include "indexer/dates/meta_text.h"

namespace kz::ref {
namespace {

using namespace kz::meta_text;

bool is_token_char(char c) { return is_alpha(c) || is_digit(c) || c == '/' || c == '-' || c == '.' || c == '_'; }

// Ministry-style kenmerk standing on its own in text: capitals then many digits
// ("MINDEF20260027574", "BS2025012345") or a Tweede Kamer zaak or document number
// ("2025Z01234", "2024D09984").
std::size_t bare_kenmerk_at(std::string_view s, std::size_t pos) {
  if (pos > 0 && (is_wordish(s[pos - 1]) || s[pos - 1] == '-' || s[pos - 1] == '/')) return 0;
  std::size_t i = pos, caps = 0, digits = 0;
  while (i < s.size() && is_upper(s[i])) ++i, ++caps;
  if (caps >= 2) {
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (digits < 6) return 0;
  } else if (caps == 0) {
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (digits != 4 || i >= s.size() || (s[i] != 'Z' && s[i] != 'D')) return 0;
    ++i;
    std::size_t more = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++more;
    if (more < 4 || more > 6) return 0;
  } else {
    return 0;
  }
  if (i < s.size() && is_wordish(s[i])) return 0;
  return i - pos;
}

Citation make_kamerstuk_citation(const scan::Ref& r, std::string_view printed) {
  Citation c;
  c.printed = std::string(printed);
  for (const auto& d : r.dossiers) {
    for (const auto& n : r.nrs) {
      std::string id = kamerstuk_id(KamerstukNumber{d, n});
      if (c.id.empty()) c.id = id;
      else c.also.push_back(id);
    }
  }
  return c;
}

}  // namespace

std::vector<Citation> find_citations(std::string_view text) {
  std::vector<Citation> out;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (i > 0 && is_wordish(text[i - 1])) {
      ++i;
      continue;
    }
    if ((c == 'k' || c == 'K') && scan::kst_id_at(text, i)) {
      auto r = scan::kst_id_at(text, i);
      out.push_back(make_kamerstuk_citation(*r, text.substr(r->begin, r->end - r->begin)));
      i = r->end;
      continue;
    }
    if (is_digit(c)) {
      auto kw = scan::keyword_before(text, i);
      if (auto r = scan::ref_at(text, i, kw.has_value())) {
        std::size_t begin = kw ? *kw : i, end = r->end;
        std::size_t j = skip_spaces(text, end);
        if (match_word_ci(text, j, "van")) {
          if (auto d = dutch_date::date_at(text, j + 3)) end = d->offset + d->length;
        }
        out.push_back(make_kamerstuk_citation(*r, text.substr(begin, end - begin)));
        i = end;
        continue;
      }
    }
    if (std::size_t n = bare_kenmerk_at(text, i)) {
      Citation k;
      k.printed = k.id = std::string(text.substr(i, n));
      out.push_back(std::move(k));
      i += n;
      continue;
    }
    for (std::string_view w : {"kenmerk", "referentie"}) {
      if (!match_word_ci(text, i, w)) continue;
      std::size_t j = skip_spaces(text, i + w.size());
      if (j < text.size() && text[j] == ':') j = skip_spaces(text, j + 1);
      if (scan::dossier_at(text, j) || bare_kenmerk_at(text, j)) break;  // read by the cases above
      std::size_t e = j;
      while (e < text.size() && is_token_char(text[e])) ++e;
      while (e > j && (text[e - 1] == '.' || text[e - 1] == '-' || text[e - 1] == '/')) --e;
      std::string_view token = text.substr(j, e - j);
      if (e > j && looks_like_kenmerk(token)) {
        Citation k;
        k.printed = std::string(text.substr(i, e - i));
        k.id = std::string(token);
        out.push_back(std::move(k));
        i = e;
      }
      break;
    }
    ++i;
  }
  return out;
}

}  // namespace kz::ref
