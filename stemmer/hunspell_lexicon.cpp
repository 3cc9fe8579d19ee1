// Loads the OpenTaal Hunspell dictionary and answers "which listed word does this form come
// from" by applying affix rules backwards, the way Hunspell itself checks words.
#include "stemmer/hunspell_lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "stemmer/analysis.h"
#include "stemmer/text_util.h"

namespace kz::analysis {
namespace {

// One element of a Hunspell affix condition: ".", "x", "[abc]" or "[^abc]".
struct CondChar {
  bool any = false, negated = false;
  std::u32string set;
  bool matches(char32_t c) const {
    if (any) return true;
    bool in = set.find(c) != std::u32string::npos;
    return negated ? !in : in;
  }
};

struct Rule {
  std::uint16_t flag = 0;
  bool cross = false;
  std::string strip;
  std::vector<CondChar> cond;
};

std::uint16_t make_flag(std::string_view s) {
  if (s.size() < 2) return 0;
  return static_cast<std::uint16_t>((static_cast<unsigned char>(s[0]) << 8) | static_cast<unsigned char>(s[1]));
}

std::uint32_t classes_of_flag(std::uint16_t f) {
  char a = static_cast<char>(f >> 8), b = static_cast<char>(f & 0xff);
  if (a == 'Z' || a == 'Y') return kNoun;
  if (a == 'V') {
    if (b == 'i') return kInfinitive;
    if (b == 'e') return kParticiple;
    return kVerbStem;
  }
  if (a == 'A' && b != '0') return kAdjective;
  if (a == 'P') return kParticleVerb;
  if (a == 'C' && b == 'x') return kCompoundOnly;
  if (a == 'C') return kCompoundable;
  return 0;
}

std::vector<CondChar> parse_condition(std::string_view c) {
  std::vector<CondChar> out;
  std::u32string cps = to_u32(fold(c));
  for (std::size_t i = 0; i < cps.size(); ++i) {
    CondChar e;
    if (cps[i] == U'.') {
      e.any = true;
    } else if (cps[i] == U'[') {
      std::size_t j = i + 1;
      if (j < cps.size() && cps[j] == U'^') { e.negated = true; ++j; }
      while (j < cps.size() && cps[j] != U']') e.set.push_back(cps[j++]);
      i = j;
    } else {
      e.set.push_back(cps[i]);
    }
    out.push_back(std::move(e));
  }
  if (out.size() == 1 && out[0].any) out.clear();
  return out;
}

// Condition matched against the end (suffix rules) or start (prefix rules) of the base.
bool condition_holds(const std::vector<CondChar>& cond, std::string_view base, bool at_end) {
  if (cond.empty()) return true;
  std::u32string cps = to_u32(base);
  if (cps.size() < cond.size()) return false;
  std::size_t off = at_end ? cps.size() - cond.size() : 0;
  for (std::size_t i = 0; i < cond.size(); ++i)
    if (!cond[i].matches(cps[off + i])) return false;
  return true;
}

std::string fold_fast(std::string_view s) {
  for (unsigned char ch : s)
    if (ch >= 0x80) return fold(s);
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

}  // namespace

struct HunspellLexicon::Data {
  struct Entry {
    std::uint32_t classes = 0;
    std::vector<std::uint16_t> flags;
    bool has(std::uint16_t f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }
  };
  std::unordered_map<std::string, Entry> words;
  std::unordered_map<std::string, std::vector<Rule>> suffixes, prefixes;  // keyed by the added text
  std::size_t max_suffix = 0;

  const Entry* find(std::string_view w) const {
    auto it = words.find(std::string(w));
    return it == words.end() ? nullptr : &it->second;
  }
};

std::string hunspell_dir() {
  if (const char* env = std::getenv("KAMERZOEK_HUNSPELL_DIR"); env != nullptr && *env != '\0') return env;
  return "/usr/share/hunspell";
}

std::string HunspellLexicon::flag_name(std::uint16_t f) {
  return std::string{static_cast<char>(f >> 8), static_cast<char>(f & 0xff)};
}

HunspellLexicon::HunspellLexicon(const std::string& dic_path, const std::string& aff_path) : d_(new Data) {
  std::ifstream aff(aff_path);
  if (!aff) throw std::runtime_error("cannot read Hunspell affix file " + aff_path + " (install hunspell-nl or set KAMERZOEK_HUNSPELL_DIR)");
  std::string line;
  std::unordered_map<std::uint16_t, bool> cross;
  while (std::getline(aff, line)) {
    if (line.rfind("SFX ", 0) != 0 && line.rfind("PFX ", 0) != 0) continue;
    bool suffix = line[0] == 'S';
    std::istringstream in(line);
    std::string kind, flag, strip, add, cond;
    in >> kind >> flag >> strip >> add;
    if (!(in >> cond)) {  // header line: "SFX Zb Y 4"
      cross[make_flag(flag)] = strip == "Y";
      continue;
    }
    if (add.find('/') != std::string::npos) add.erase(add.find('/'));
    if (add == "0") add.clear();
    if (strip == "0") strip.clear();
    if (add.empty() && strip.empty()) continue;  // continuation-only rules change nothing
    Rule r;
    r.flag = make_flag(flag);
    r.cross = cross[r.flag];
    r.strip = fold_fast(strip);
    r.cond = parse_condition(cond);
    std::string key = fold_fast(add);
    if (suffix) d_->max_suffix = std::max(d_->max_suffix, key.size());
    (suffix ? d_->suffixes : d_->prefixes)[key].push_back(std::move(r));
  }

  std::ifstream dic(dic_path);
  if (!dic) throw std::runtime_error("cannot read Hunspell dictionary " + dic_path + " (install hunspell-nl or set KAMERZOEK_HUNSPELL_DIR)");
  std::getline(dic, line);  // word count
  d_->words.reserve(200000);
  while (std::getline(dic, line)) {
    std::size_t tab = line.find_first_of("\t ");
    if (tab != std::string::npos) line.erase(tab);
    std::string_view word = line, flags;
    // A slash ends the word unless escaped; the nl dictionary has no escaped slashes in words
    // we care about, so the last unescaped slash separates the flags.
    if (std::size_t slash = line.find('/'); slash != std::string::npos && slash > 0) {
      word = std::string_view(line).substr(0, slash);
      flags = std::string_view(line).substr(slash + 1);
    }
    if (word.empty()) continue;
    Data::Entry& e = d_->words[fold_fast(word)];
    if (flags.empty()) e.classes |= kPlain;
    for (std::size_t i = 0; i + 1 < flags.size(); i += 2) {
      std::uint16_t f = make_flag(flags.substr(i, 2));
      e.flags.push_back(f);
      e.classes |= classes_of_flag(f);
    }
  }
}

HunspellLexicon::~HunspellLexicon() = default;

std::size_t HunspellLexicon::size() const { return d_->words.size(); }

std::uint32_t HunspellLexicon::classes(std::string_view folded) const {
  const Data::Entry* e = d_->find(folded);
  return e ? e->classes : 0;
}

bool HunspellLexicon::has_flag(std::string_view folded, std::string_view flag) const {
  const Data::Entry* e = d_->find(folded);
  return e != nullptr && e->has(make_flag(flag));
}

std::vector<Derivation> HunspellLexicon::derive(std::string_view form) const {
  std::vector<Derivation> out;
  auto suffix_pass = [&](std::string_view w, const std::string& prefix, std::uint16_t need_cross_from) {
    for (std::size_t k = 1; k <= d_->max_suffix && k < w.size(); ++k) {
      auto it = d_->suffixes.find(std::string(w.substr(w.size() - k)));
      if (it == d_->suffixes.end()) continue;
      for (const Rule& r : it->second) {
        if (need_cross_from && !r.cross) continue;
        std::string base(w.substr(0, w.size() - k));
        base += r.strip;
        const Data::Entry* e = d_->find(base);
        if (!e || !e->has(r.flag) || (need_cross_from && !e->has(need_cross_from))) continue;
        if (!condition_holds(r.cond, base, true)) continue;
        out.push_back({base, e->classes, prefix, r.flag, classes_of_flag(r.flag), k});
      }
    }
  };
  if (const Data::Entry* e = d_->find(form)) out.push_back({std::string(form), e->classes, "", 0, e->classes, 0});
  suffix_pass(form, "", 0);
  for (const auto& [add, rules] : d_->prefixes) {
    if (add.empty() || form.size() <= add.size() + 1 || form.compare(0, add.size(), add) != 0) continue;
    for (const Rule& r : rules) {
      std::string rest = r.strip + std::string(form.substr(add.size()));
      const Data::Entry* e = d_->find(rest);
      if (e && e->has(r.flag) && condition_holds(r.cond, rest, false))
        out.push_back({rest, e->classes, add, r.flag, e->classes, 0});
      if (r.cross) suffix_pass(rest, add, r.flag);
    }
  }
  return out;
}

}  // namespace kz::analysis
