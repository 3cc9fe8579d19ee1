// The Kamerstuk reference grammar at the character level; see kamerstuk_scan.h. Hand-written
// scanning rather than std::regex: it is linear in the text and cannot blow the stack on
// long or hostile input.
#include "indexer/record/kamerstuk_scan.h"

#include "indexer/dates/meta_text.h"

namespace kz::ref::scan {
namespace {

using namespace kz::meta_text;

std::size_t digits_at(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && is_digit(s[pos + n])) ++n;
  return n;
}

bool is_roman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; }

// Letters of a suffix or Eerste Kamer number at pos: returns their count (0 when none), only
// when a word boundary follows.
std::size_t letters_at(std::string_view s, std::size_t pos, bool typed, std::size_t max) {
  std::size_t n = 0;
  while (pos + n < s.size() && (typed ? is_alpha(s[pos + n]) : is_upper(s[pos + n]))) ++n;
  if (n == 0 || n > max) return 0;
  if (pos + n < s.size() && is_wordish(s[pos + n])) return 0;
  return n;
}

std::string upper_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = upper(c);
  return out;
}

// "nr." / "nrs." / "nummer" at pos; returns the position after it and whether it was plural.
std::optional<std::pair<std::size_t, bool>> nr_word_at(std::string_view s, std::size_t pos) {
  static constexpr std::pair<std::string_view, bool> kWords[] = {
      {"nummers", true}, {"nummer", false}, {"nrs", true}, {"nr", false}, {"no", false}};
  for (const auto& [w, plural] : kWords) {
    if (!match_ci(s, pos, w)) continue;
    std::size_t end = pos + w.size();
    if (end < s.size() && s[end] == '.') ++end;
    else if (end < s.size() && is_alpha(s[end])) continue;
    return std::make_pair(end, plural);
  }
  return std::nullopt;
}

// A document number at pos: digits (with an optional single letter, "12a" is not used, so no)
// or, when letters_ok, one to three capitals. Returns its end or npos.
std::size_t nr_token_at(std::string_view s, std::size_t pos, bool letters_ok, std::string& out) {
  std::size_t n = digits_at(s, pos);
  if (n > 0 && n <= 5) {
    std::size_t end = pos + n;
    if (end < s.size() && is_alpha(s[end])) return std::string_view::npos;
    out = std::string(s.substr(pos, n));
    while (out.size() > 1 && out[0] == '0') out.erase(0, 1);
    return end;
  }
  if (n == 0 && letters_ok) {
    std::size_t k = letters_at(s, pos, false, 3);
    if (k > 0) {
      out = std::string(s.substr(pos, k));
      return pos + k;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<Dossier> dossier_at(std::string_view s, std::size_t pos, bool typed) {
  if (pos >= s.size() || !is_digit(s[pos])) return std::nullopt;
  if (pos > 0 && (is_wordish(s[pos - 1]) || s[pos - 1] == '.' || s[pos - 1] == ',' ||
                  s[pos - 1] == '-' || s[pos - 1] == '/'))
    return std::nullopt;
  std::size_t end;
  std::string base;
  std::size_t first = digits_at(s, pos);
  if (first == 5) {
    end = pos + 5;
    base = std::string(s.substr(pos, 2)) + " " + std::string(s.substr(pos + 2, 3));
  } else if (first == 2 && pos + 2 < s.size() && s[pos + 2] == ' ' && digits_at(s, pos + 3) == 3) {
    end = pos + 6;
    base = std::string(s.substr(pos, 2)) + " " + std::string(s.substr(pos + 3, 3));
  } else if (first == 2 && pos + 2 < s.size() && s[pos + 2] == '.' && digits_at(s, pos + 3) == 3) {
    // "29.521 nr. 471": written like a thousand, a dossier only when its number follows.
    std::size_t j = skip_spaces(s, pos + 6);
    if (j < s.size() && s[j] == ',') j = skip_spaces(s, j + 1);
    if (!nr_word_at(s, j) || (pos + 6 < s.size() && !is_space(s[pos + 6]) && s[pos + 6] != ','))
      return std::nullopt;
    return Dossier{std::string(s.substr(pos, 2)) + " " + std::string(s.substr(pos + 3, 3)), pos, pos + 6};
  } else {
    return std::nullopt;
  }
  if (end < s.size() && (is_alpha(s[end]) || is_digit(s[end]))) return std::nullopt;
  // "29.521,5" style numbers are amounts, not dossiers.
  if (end + 1 < s.size() && (s[end] == ',' || s[end] == '.') && is_digit(s[end + 1]))
    return std::nullopt;
  Dossier d{base, pos, end};
  // Suffixes: "-02" (sub-dossier), " IX" / "-IX" (budget chapter), " A" (single letter).
  if (end + 1 < s.size() && s[end] == '-' && is_digit(s[end + 1])) {
    std::size_t n = digits_at(s, end + 1);
    std::size_t e = end + 1 + n;
    if (n <= 3 && (e >= s.size() || !is_wordish(s[e]))) {
      d.dossier += "-" + std::string(s.substr(end + 1, n));
      d.end = e;
    }
  } else if (end + 1 < s.size() && (s[end] == ' ' || s[end] == '-')) {
    std::size_t k = letters_at(s, end + 1, typed, 6);
    if (k > 0) {
      std::string suf = upper_copy(s.substr(end + 1, k));
      bool roman = true;
      for (char c : suf) roman = roman && is_roman(c);
      if (roman || suf.size() == 1) {
        d.dossier += " " + suf;
        d.end = end + 1 + k;
      }
    }
  }
  return d;
}

// After a keyword, the compact form "Kamerstuk 29521-471", "Kamerstuk 21501-28-296",
// "29521/471" (never "21501-02, nr. 2602", whose number comes after).
static std::optional<Ref> compact_ref_at(std::string_view s, std::size_t pos) {
  std::size_t e = pos;
  while (e < s.size() && (is_digit(s[e]) || is_alpha(s[e]) || s[e] == '-' || s[e] == '/')) ++e;
  while (e > pos && (s[e - 1] == '-' || s[e - 1] == '/')) --e;
  std::string token(s.substr(pos, e - pos));
  if (token.find_first_of("-/") == std::string::npos) return std::nullopt;
  for (char& c : token)
    if (c == '/') c = '-';
  std::size_t j = skip_spaces(s, e);
  if (j < s.size() && s[j] == ',') j = skip_spaces(s, j + 1);
  if (nr_word_at(s, j)) return std::nullopt;
  auto split = split_compact(token);
  if (!split) return std::nullopt;
  Ref r;
  r.dossiers.push_back(split->first);
  r.nrs.push_back(split->second);
  r.begin = pos;
  r.end = e;
  return r;
}

std::optional<Ref> ref_at(std::string_view s, std::size_t pos, bool keyword) {
  if (keyword && (pos == 0 || !is_wordish(s[pos - 1])))
    if (auto r = compact_ref_at(s, pos)) return r;
  auto first = dossier_at(s, pos);
  if (!first) return std::nullopt;
  Ref r;
  r.begin = pos;
  r.dossiers.push_back(first->dossier);
  std::size_t i = first->end;
  // Further dossiers sharing the same number.
  for (;;) {
    std::size_t j = skip_spaces(s, i);
    if (j < s.size() && (s[j] == ',' || s[j] == '/' || s[j] == '&')) j = skip_spaces(s, j + 1);
    else if (match_word_ci(s, j, "en")) j = skip_spaces(s, j + 2);
    else if (!keyword || j == i) break;  // bare juxtaposition only after a keyword
    auto next = dossier_at(s, j);
    if (!next) break;
    r.dossiers.push_back(next->dossier);
    i = next->end;
  }
  std::size_t j = skip_spaces(s, i);
  bool comma = j < s.size() && s[j] == ',';
  if (comma) j = skip_spaces(s, j + 1);
  std::string nr;
  if (auto w = nr_word_at(s, j)) {
    std::size_t k = skip_spaces(s, w->first);
    std::size_t e = nr_token_at(s, k, false, nr);
    if (e == std::string_view::npos) return std::nullopt;
    r.nrs.push_back(nr);
    r.end = e;
    // "nrs. 335 en 343", "nrs. 12, 13 en 14"
    while (w->second) {
      std::size_t m = skip_spaces(s, r.end);
      if (m < s.size() && s[m] == ',') m = skip_spaces(s, m + 1);
      else if (match_word_ci(s, m, "en")) m = skip_spaces(s, m + 2);
      else break;
      if (dossier_at(s, m)) break;
      std::string more;
      std::size_t e2 = nr_token_at(s, m, false, more);
      if (e2 == std::string_view::npos) break;
      r.nrs.push_back(more);
      r.end = e2;
    }
    return r;
  }
  if (keyword && comma) {
    std::size_t e = nr_token_at(s, j, true, nr);
    if (e != std::string_view::npos && !is_digit(s[j])) {
      r.nrs.push_back(nr);
      r.end = e;
      return r;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> keyword_before(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i > 0 && is_space(s[i - 1])) --i;
  if (i > 0 && s[i - 1] == '(') return std::nullopt;
  // "Kamerstukken II 2016/17, 29 521" and "Kamerstukken I 2019–2020, 35 010": skip session.
  if (i > 0 && s[i - 1] == ',') {
    std::size_t j = i - 1;
    std::size_t end_year = j;
    while (j > 0 && (is_digit(s[j - 1]) || s[j - 1] == '/' || s[j - 1] == '-' ||
                     static_cast<unsigned char>(s[j - 1]) >= 0x80))
      --j;
    if (end_year - j >= 5 && is_digit(s[j])) {
      std::size_t k = j;
      while (k > 0 && is_space(s[k - 1])) --k;
      std::size_t roman_end = k;
      while (k > 0 && s[k - 1] == 'I') --k;
      if (roman_end > k && roman_end - k <= 2) {
        i = k;
        while (i > 0 && is_space(s[i - 1])) --i;
      } else {
        i = k;
      }
    }
  }
  std::size_t end = i;
  while (i > 0 && is_alpha(s[i - 1])) --i;
  std::string word = to_lower(s.substr(i, end - i));
  static constexpr std::string_view kWords[] = {
      "kamerstuk", "kamerstukken", "kamerbrief", "kenmerk", "brief", "stuk", "dossier",
      "dossiernummer", "motie", "amendement", "kst", "referentie"};
  bool ok = false;
  for (auto w : kWords) ok = ok || word == w;
  if (!ok) return std::nullopt;
  // Keep "bijlage bij" as part of what was printed: it says which part is cited.
  std::size_t k = i;
  while (k > 0 && is_space(s[k - 1])) --k;
  if (k >= 12 && match_ci(s, k - 11, "bijlage bij") && (k == 11 || !is_wordish(s[k - 12])))
    return k - 11;
  return i;
}

std::optional<std::pair<std::string, std::string>> split_compact(std::string_view body) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || body[i] == '-') {
      parts.push_back(body.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  if (parts[0].size() != 5 || digits_at(parts[0], 0) != 5) return std::nullopt;
  std::string dossier = std::string(parts[0].substr(0, 2)) + " " + std::string(parts[0].substr(2));
  if (parts.size() == 3) {
    std::string_view suf = parts[1];
    if (suf.empty() || suf.size() > 6) return std::nullopt;
    if (digits_at(suf, 0) == suf.size()) {
      dossier += "-" + std::string(suf);
    } else {
      if (letters_at(suf, 0, true, 6) != suf.size()) return std::nullopt;
      dossier += " " + upper_copy(suf);
    }
  }
  std::string_view nr = parts.back();
  if (nr.empty() || nr.size() > 5) return std::nullopt;
  std::size_t d = digits_at(nr, 0);
  if (d == nr.size()) {
    std::string n(nr);
    while (n.size() > 1 && n[0] == '0') n.erase(0, 1);
    return std::make_pair(dossier, n);
  }
  if (d == 0 && nr.size() <= 3 && letters_at(nr, 0, true, 3) == nr.size())
    return std::make_pair(dossier, upper_copy(nr));
  return std::nullopt;
}

std::optional<Ref> kst_id_at(std::string_view s, std::size_t pos) {
  if (!match_ci(s, pos, "kst-") || (pos > 0 && is_wordish(s[pos - 1]))) return std::nullopt;
  std::size_t b = pos + 4, e = b;
  while (e < s.size() && (is_alpha(s[e]) || is_digit(s[e]) || s[e] == '-')) ++e;
  while (e > b && s[e - 1] == '-') --e;
  auto split = split_compact(s.substr(b, e - b));
  if (!split) return std::nullopt;
  Ref r;
  r.dossiers.push_back(split->first);
  r.nrs.push_back(split->second);
  r.begin = pos;
  r.end = e;
  return r;
}

}  // namespace kz::ref::scan
