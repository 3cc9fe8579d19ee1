// The Kamerstuk reference grammar: document ids, dossier index keys, what users type as a
// reference, and the shape of ministry kenmerken. Citations in text: kamerstuk_citations.cpp.
#include "indexer/record/kamerstuk_ref.h"

#include "indexer/record/kamerstuk_scan.h"
#include "indexer/dates/meta_text.h"

namespace kz::ref {
namespace {

using namespace kz::meta_text;

// "29 521" -> "29521", "21 501-02" -> "21501-02", "34 775 IX" -> "34775-IX".
std::string compact_dossier(std::string_view dossier) {
  std::string d = squeeze(dossier);
  std::string out;
  for (std::size_t i = 0; i < d.size(); ++i) {
    char c = d[i];
    if (c == ' ') {
      bool digit_join = i > 0 && is_digit(d[i - 1]) && i + 1 < d.size() && is_digit(d[i + 1]);
      if (digit_join) continue;
      out += '-';
    } else {
      out += c;
    }
  }
  return out;
}

// Strips a leading word that only says "this is a reference".
std::string_view strip_ref_word(std::string_view t) {
  static constexpr std::string_view kWords[] = {"kamerstukken", "kamerstuk", "kamerbrief",
                                                "dossier", "kst"};
  for (auto w : kWords) {
    if (!starts_with_ci(t, w)) continue;
    std::size_t end = w.size();
    if (end < t.size() && (t[end] == ' ' || t[end] == '-' || t[end] == ':' || t[end] == '.'))
      return trim(t.substr(end + 1));
  }
  return t;
}

bool is_hex(std::string_view s) {
  for (char c : s)
    if (!is_digit(c) && !(lower(c) >= 'a' && lower(c) <= 'f')) return false;
  return !s.empty();
}

}  // namespace

std::string kamerstuk_id(const KamerstukNumber& k) {
  return "kst-" + compact_dossier(k.dossier) + "-" + squeeze(k.nr);
}

std::string dossier_key(std::string_view dossier) { return to_lower(compact_dossier(dossier)); }

std::optional<KamerstukNumber> parse_kamerstuk(std::string_view typed) {
  std::string_view t = strip_ref_word(trim(typed));
  if (t.empty()) return std::nullopt;
  if (t.find(' ') == std::string_view::npos && t.find(',') == std::string_view::npos) {
    if (auto c = scan::split_compact(t)) return KamerstukNumber{c->first, c->second};
  }
  auto d = scan::dossier_at(t, 0, true);
  if (!d) return std::nullopt;
  std::size_t i = skip_spaces(t, d->end);
  if (i < t.size() && (t[i] == ',' || t[i] == '-')) i = skip_spaces(t, i + 1);
  for (std::string_view w : {"nummer", "nrs", "nr", "no"}) {
    if (!match_ci(t, i, w)) continue;
    std::size_t e = i + w.size();
    if (e < t.size() && is_alpha(t[e])) continue;
    if (e < t.size() && t[e] == '.') ++e;
    i = skip_spaces(t, e);
    break;
  }
  std::size_t e = i;
  while (e < t.size() && (is_digit(t[e]) || is_alpha(t[e]))) ++e;
  std::string_view nr = t.substr(i, e - i);
  std::string_view rest = trim(t.substr(e));
  std::string dossier = d->dossier;
  // "35010 C": with nothing after it, a letter suffix is the Eerste Kamer number.
  if (nr.empty() && rest.empty() && dossier.size() > 6 && dossier[6] == ' ') {
    std::string letters = dossier.substr(7);
    if (letters.size() <= 3) return KamerstukNumber{dossier.substr(0, 6), letters};
  }
  if (nr.empty() || !(rest.empty() || rest == ".")) return std::nullopt;
  std::string n(nr);
  bool digits = true, letters = true;
  for (char c : n) {
    digits = digits && is_digit(c);
    letters = letters && is_alpha(c);
  }
  if (digits && n.size() <= 5) {
    while (n.size() > 1 && n[0] == '0') n.erase(0, 1);
  } else if (letters && n.size() <= 3) {
    for (char& c : n) c = upper(c);
  } else {
    return std::nullopt;
  }
  return KamerstukNumber{dossier, n};
}

bool looks_like_kenmerk(std::string_view s) {
  s = trim(s);
  if (s.size() < 6 || s.size() > 40) return false;
  std::size_t digits = 0, letters = 0;
  for (char c : s) {
    if (is_digit(c)) ++digits;
    else if (is_alpha(c)) ++letters;
    else if (c != '/' && c != '-' && c != '.' && c != '_') return false;
  }
  if (digits < 5) return false;
  if (!is_wordish(s.front()) || !is_wordish(s.back())) return false;
  if (letters == 0 && digits < 7) return false;
  if (starts_with_ci(s, "kst-") || starts_with_ci(s, "file-")) return false;
  // A date written with digits is not a kenmerk.
  if (s.size() == 10 && letters == 0 && (s[4] == '-' || s[2] == '-' || s[2] == '.')) return false;
  return true;
}

std::vector<std::string> resolve_user_ref(std::string_view typed) {
  std::string t = squeeze(typed);
  if (t.empty()) return {};
  std::vector<std::string> out;
  auto add = [&](std::string id) {
    for (const auto& o : out)
      if (o == id) return;
    out.push_back(std::move(id));
  };
  if (starts_with_ci(t, "file-") && is_hex(std::string_view(t).substr(5))) {
    add(to_lower(t));
    return out;
  }
  if (auto k = parse_kamerstuk(t)) add(kamerstuk_id(*k));
  // A kenmerk is one token, optionally after the word that labels it.
  std::string_view cand = t;
  for (std::string_view prefix : {"ons kenmerk", "onze referentie", "kenmerk", "referentie"}) {
    if (starts_with_ci(cand, prefix)) {
      cand = trim(cand.substr(prefix.size()));
      if (!cand.empty() && cand.front() == ':') cand = trim(cand.substr(1));
      break;
    }
  }
  if (out.empty() && cand.find(' ') == std::string_view::npos && looks_like_kenmerk(cand)) {
    add(std::string(cand));
    std::string up(cand);
    for (char& c : up) c = upper(c);
    add(up);
  }
  return out;
}

}  // namespace kz::ref
