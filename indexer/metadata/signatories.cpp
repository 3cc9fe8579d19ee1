// Reads the signature block of a letter, Kamerstuk or nota; see signatories.h.
#include "indexer/metadata/signatories.h"

#include <cmath>

#include "indexer/dates/meta_text.h"

namespace kz::meta {
namespace {

using namespace kz::meta_text;

// Offices that sign parliamentary papers; the role line starts with one of them.
constexpr std::string_view kOffices[] = {
    "minister-president", "minister", "staatssecretaris", "directeur-generaal",
    "secretaris-generaal", "plaatsvervangend", "waarnemend", "directeur", "commandant",
    "chef", "voorzitter", "griffier", "inspecteur-generaal", "hoofd", "ambassadeur",
    "president", "vice-president", "onderminister", "fungerend", "adjunct-griffier"};

// Words written in lower case inside a role or a name.
constexpr std::string_view kSmallWords[] = {"van", "voor", "en", "de", "het", "der", "den", "op",
                                            "in", "met", "bij", "te", "ten", "ter", "'t", "tot",
                                            "namens", "a.i.", "zu", "von", "le", "la", "du", "da",
                                            "di", "el", "al", "bin"};

bool small_word(std::string_view w) {
  for (auto s : kSmallWords)
    if (equals_ci(w, s)) return true;
  return false;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t b = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  if (is_upper(w[0])) return true;
  // Latin-1 capitals in UTF-8: C3 80..C3 9E.
  return static_cast<unsigned char>(w[0]) == 0xC3 && w.size() > 1 &&
         static_cast<unsigned char>(w[1]) < 0xA0;
}

bool is_initials(std::string_view w) {
  // "K.H.", "J.A.", "Th.", "A.G."
  if (w.size() < 2 || w.back() != '.') return false;
  for (char c : w)
    if (!(is_alpha(c) || c == '.' || c == '-')) return false;
  return starts_upper(w);
}

struct Item {
  const Line* line;
  std::string role;   // non-empty for a role line
  bool name = false;
};

double pitch(const Line& l) { return l.height > 0 ? l.height : 10; }

bool closing_line(std::string_view t) {
  for (std::string_view c : {"hoogachtend", "met vriendelijke groet", "met de meeste hoogachting",
                             "met vriendelijke groeten"})
    if (starts_with_ci(t, c)) return true;
  return false;
}

bool is_office_word(std::string_view w);

}  // namespace

std::vector<Signatory> inline_signatories(std::string_view line) {
  std::string t = squeeze(line);
  // Each role starts with the article: "De Minister van Defensie, K.H. Ollongren De Minister
  // van Buitenlandse Zaken, H.G.J. Bruins Slot".
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i + 3 < t.size(); ++i) {
    if ((i == 0 || t[i - 1] == ' ') && (t.compare(i, 3, "De ") == 0 || t.compare(i, 3, "DE ") == 0)) {
      std::size_t e = t.find(' ', i + 3);
      std::string_view w = std::string_view(t).substr(i + 3, (e == std::string::npos ? t.size() : e) - i - 3);
      if (!w.empty() && w.back() == ',') w.remove_suffix(1);
      if (is_office_word(w)) starts.push_back(i);
    }
  }
  std::vector<Signatory> out;
  if (starts.empty() || starts[0] != 0) return out;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    std::size_t end = k + 1 < starts.size() ? starts[k + 1] : t.size();
    std::string_view seg = trim(std::string_view(t).substr(starts[k], end - starts[k]));
    std::size_t comma = seg.find(", ");
    if (comma == std::string_view::npos) return {};
    std::string role = role_of_line(std::string(seg.substr(0, comma + 1)));
    std::string_view name = trim(seg.substr(comma + 2));
    while (!name.empty() && (name.back() == '.' || name.back() == ',') && !is_initials(name)) name.remove_suffix(1);
    if (role.empty() || !looks_like_name(name)) return {};
    out.push_back(Signatory{std::string(name), title_case_role(role)});
  }
  return out;
}

std::string role_of_line(std::string_view line) {
  std::string t = squeeze(line);
  if (t.empty() || t.size() > 110) return {};
  std::string_view r = t;
  bool comma = r.back() == ',';
  if (comma) r.remove_suffix(1);
  if (r.empty() || r.back() == '.' || r.back() == ':' || r.back() == ';') return {};
  if (starts_with_ci(r, "de ")) r.remove_prefix(3);
  r = trim(r);
  auto ws = words(r);
  if (ws.empty() || ws.size() > 14) return {};
  // Running text writes "de minister"; a signature line in lower case ("De minister van
  // Defensie,") must start with the article and end with a comma, and is checked for a name.
  if (!starts_upper(ws[0]) && !(comma && starts_with_ci(t, "de ") && t.size() <= 70)) return {};
  // "De Minister voor Buitenlandse Handel en" continues on the next line.
  if (small_word(ws.back())) return {};
  std::string first = to_lower(ws[0]);
  if (!first.empty() && first.back() == ',') first.pop_back();
  bool office = false;
  for (auto o : kOffices) office = office || first == o;
  if (!office) return {};
  // A role line ends with a comma, is set in capitals, or (printed under a name) is a bare
  // title in which every content word is capitalized, checked below.
  // "De voorzitter van de commissie,": a lower-case role may hold lower-case words; it only
  // counts when a name stands beside it (find_signatories).
  if (!starts_upper(ws[0])) return ws.size() <= 8 ? std::string(r) : std::string();
  for (auto w : ws)
    if (w.data() != ws[0].data() && !(starts_upper(w) || small_word(w) || is_caps(w) || w == "," || w == "-")) {
      // Roles are title-like; a lower-case content word means running text.
      std::string lw = to_lower(w);
      if (!lw.empty() && lw.back() == ',') lw.pop_back();
      if (!small_word(lw)) return {};
    }
  return std::string(r);
}

std::string title_case_role(std::string_view role) {
  std::string src = squeeze(role);
  bool caps = is_caps(src);
  std::string out;
  bool word_start = true, first_word = true;
  std::size_t word_begin = 0;
  for (std::size_t i = 0; i < src.size(); ++i) {
    char c = src[i];
    if (word_start) {
      word_begin = i;
      std::size_t e = i;
      while (e < src.size() && !is_space(src[e]) && src[e] != '-' && src[e] != ',') ++e;
      std::string_view w = std::string_view(src).substr(word_begin, e - word_begin);
      bool keep_small = !first_word && small_word(w);
      // Mixed-case input keeps its own capitals (acronyms such as "DJZ").
      for (std::size_t k = word_begin; k < e; ++k) {
        char ch = src[k];
        // Capitals input gets title case; printed case is kept otherwise, except that the
        // role itself starts with a capital ("De voorzitter van de commissie," -> "Voorzitter
        // van de commissie").
        if (k == word_begin && caps) ch = keep_small ? lower(ch) : upper(ch);
        else if (k == 0) ch = upper(ch);
        else if (caps) ch = lower(ch);
        out += ch;
      }
      // Latin-1 capitals inside a caps word (e.g. "É") are left as printed.
      i = e - 1;
      word_start = false;
      first_word = false;
      continue;
    }
    out += c;
    if (is_space(c) || c == '-') word_start = true;
  }
  return out;
}

bool looks_like_name(std::string_view line) {
  std::string t = squeeze(line);
  if (t.size() < 3 || t.size() > 60) return false;
  if (!role_of_line(t).empty() || closing_line(t)) return false;
  auto ws = words(t);
  if (ws.empty() || ws.size() > 7) return false;
  // Standing alone a name starts with a capital: "Van der Lee", never "der Staten-Generaal".
  if (!starts_upper(ws[0])) return false;
  int capital_words = 0;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    std::string_view w = ws[i];
    for (char c : w)
      if (is_digit(c) || c == ':' || c == ';' || c == '(' || c == ')' || c == '/') return false;
    if (is_initials(w)) continue;
    if (w.back() == '.' || w.back() == ',') return false;
    if (small_word(w)) continue;
    if (!starts_upper(w)) return false;
    ++capital_words;
  }
  return capital_words >= 1;
}

namespace {

bool is_office_word(std::string_view w) {
  std::string first = to_lower(w);
  for (auto o : kOffices)
    if (first == o) return true;
  return false;
}

}  // namespace

std::vector<Signatory> find_signatories(const Lines& lines) {
  const auto& all = lines.all();
  // Start after the last closing formula when there is one: the block follows it.
  std::size_t start = 0;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i]->role != Line::Role::Footnote && closing_line(text_of(*all[i]))) start = i;

  // Nothing above the salutation or the place-and-date line signs: that is the letter head
  // (addressee block, title in capitals).
  for (std::size_t i = 0; i < all.size() && start == 0; ++i) {
    std::string t = text_of(*all[i]);
    if (starts_with_ci(t, "Geachte ") || starts_with_ci(t, "Den Haag,") ||
        starts_with_ci(t, "'s-Gravenhage,") || equals_ci(t, "Aanleiding")) {
      start = i + 1;
      break;
    }
  }

  std::vector<Item> items;
  std::vector<Signatory> one_line;  // role and name on one line, read whole
  for (std::size_t i = start; i < all.size(); ++i) {
    const Line* l = all[i];
    if (l->role == Line::Role::Footnote || l->role == Line::Role::Furniture) continue;
    std::string t = text_of(*l);
    if (auto found = inline_signatories(t); !found.empty()) {
      for (auto& f : found) one_line.push_back(std::move(f));
      continue;
    }
    Item it{l, role_of_line(t), false};
    // A role wrapped over two lines: "De Minister voor Buitenlandse Handel en" / "...,".
    if (it.role.empty() && i + 1 < all.size()) {
      const Line* n = all[i + 1];
      std::string both = t + " " + text_of(*n);
      if (just_below(*l, *n, 1.7) && std::fabs(n->x - l->x) < 3 && !looks_like_name(text_of(*n)) &&
          (t.size() > 20) && !role_of_line(both).empty() &&
          (t.back() != ',' && !is_caps(t) ? both.back() == ',' : is_caps(both))) {
        it.role = role_of_line(both);
        items.push_back(it);
        ++i;
        continue;
      }
    }
    if (it.role.empty()) it.name = looks_like_name(t);
    items.push_back(it);
  }

  // The name belongs to its role in the same column, directly below or directly above.
  auto near = [&](std::size_t from, int dir) -> std::size_t {
    const Line* r = items[from].line;
    for (std::size_t k = from + dir; k < items.size(); k += dir) {
      const Line* o = items[k].line;
      if (o->page != r->page) break;
      if (std::fabs(o->x - r->x) > 40) continue;
      double gap = dir > 0 ? o->y - r->y : r->y - o->y;
      // Room for a handwritten signature between role and name.
      if (gap > pitch(*r) * 7) break;
      return items[k].name ? k : std::string::npos;
    }
    return std::string::npos;
  };
  std::vector<std::size_t> roles;
  for (std::size_t k = 0; k < items.size(); ++k)
    if (!items[k].role.empty()) roles.push_back(k);
  if (roles.empty()) return one_line;
  // Names printed above their roles: the first role has a name above and none below, or
  // the last role has nothing below.
  bool name_first = near(roles.front(), -1) != std::string::npos &&
                    (near(roles.front(), 1) == std::string::npos ||
                     near(roles.back(), 1) == std::string::npos);

  std::vector<Signatory> out;
  std::vector<bool> used(items.size(), false);
  for (std::size_t k : roles) {
    std::size_t n = name_first ? near(k, -1) : near(k, 1);
    // Strong role lines start with the article and end with a comma or are set in capitals
    // ("De Minister van Defensie,", "DE DIRECTEUR-GENERAAL BELEID"); others need a name.
    const std::string t = text_of(*items[k].line);
    bool strong = starts_with_ci(t, "de ") && starts_upper(words(items[k].role)[0]) &&
                  (t.back() == ',' || is_caps(t));
    if (!strong && n == std::string::npos) continue;
    Signatory s;
    s.role = title_case_role(items[k].role);
    if (n != std::string::npos && !used[n]) {
      s.name = text_of(*items[n].line);
      used[n] = true;
    }
    bool dup = false;
    for (const auto& o : out) dup = dup || (o.role == s.role && o.name == s.name);
    if (!dup) out.push_back(std::move(s));
  }
  for (auto& s : one_line) {
    bool dup = false;
    for (const auto& o : out) dup = dup || (o.role == s.role && o.name == s.name);
    if (!dup) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kz::meta
