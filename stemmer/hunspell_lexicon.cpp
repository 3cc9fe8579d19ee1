// Loads the OpenTaal Hunspell dictionary and answers "which listed word does this form come
// from" by applying affix rules backwards, the way Hunspell itself checks words.
#include "stemmer/hunspell_lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "stemmer/analysis.h"
#include "stemmer/lexicon_tables.h"
#include "stemmer/text_util.h"

namespace kz::analysis {
namespace {

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
  if (a == 'P') return (b >= 'A' && b <= 'Z') ? kName : kParticleVerb;
  if (a == 'G' || (a == 'S' && b == 'v')) return kName;
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

// Upper case in ASCII, Latin-1 (À..Þ) or the Ĳ ligature: names and abbreviations.
bool has_upper(std::string_view w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]), d = i + 1 < w.size() ? static_cast<unsigned char>(w[i + 1]) : 0;
    if ((c >= 'A' && c <= 'Z') || (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) || (c == 0xC4 && d == 0xB2)) return true;
  }
  return false;
}

// Folds a dictionary word without ICU for the common cases: ASCII, the ĳ ligature and
// Latin-1 letters with diacritics; anything else goes through fold().
void fold_word(std::string_view w, std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c < 0x80) {
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      continue;
    }
    unsigned char d = i + 1 < w.size() ? static_cast<unsigned char>(w[i + 1]) : 0;
    if ((c == 0xC4 && (d == 0xB3 || d == 0xB2))) {  // ĳ Ĳ
      out->append("ij");
      ++i;
      continue;
    }
    if (c == 0xC3 && d >= 0x80 && d <= 0xBF && d != 0x86 && d != 0x90 && d != 0x97 && d != 0x98 && d != 0x9E &&
        d != 0x9F && d != 0xA6 && d != 0xB0 && d != 0xB7 && d != 0xB8 && d != 0xBE && d != 0xBF) {
      static const char kBase[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";  // U+00C0..U+00DF, lower-cased
      out->push_back(kBase[(d - 0x80) & 0x1F]);
      ++i;
      continue;
    }
    *out = fold(w);
    return;
  }
}

}  // namespace

std::string hunspell_dir() {
  if (const char* env = std::getenv("KAMERZOEK_HUNSPELL_DIR"); env != nullptr && *env != '\0') return env;
  return "/usr/share/hunspell";
}

std::string HunspellLexicon::flag_name(std::uint16_t f) {
  return std::string{static_cast<char>(f >> 8), static_cast<char>(f & 0xff)};
}

HunspellLexicon::HunspellLexicon(const std::string& dic_path, const std::string& aff_path) : d_(new LexiconTables) {
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
    d_->add_rule(suffix, fold_fast(add), std::move(r));
  }

  std::ifstream dic(dic_path, std::ios::binary);
  if (!dic) throw std::runtime_error("cannot read Hunspell dictionary " + dic_path + " (install hunspell-nl or set KAMERZOEK_HUNSPELL_DIR)");
  std::string text((std::istreambuf_iterator<char>(dic)), std::istreambuf_iterator<char>());
  d_->reserve_words(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::string folded;
  std::vector<std::uint16_t> parsed_flags;
  bool first = true;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (first) {  // the first line is the word count
      first = false;
      continue;
    }
    if (std::size_t cut = line.find_first_of("\t \r"); cut != std::string_view::npos) line = line.substr(0, cut);
    std::string_view word = line, flags;
    // The nl dictionary escapes no slashes inside words: the first slash starts the flags.
    if (std::size_t slash = line.find('/'); slash != std::string_view::npos && slash > 0) {
      word = line.substr(0, slash);
      flags = line.substr(slash + 1);
    }
    if (word.empty()) continue;
    fold_word(word, &folded);
    LexEntry& e = d_->entry_for(folded);
    if (!has_upper(word)) e.classes |= kLowerCase;
    if (flags.empty()) e.classes |= kPlain;
    if (flags.size() < 2) continue;
    // Homonyms ("regeer/CaCb", "regeer/V3Vp") merge into one entry with both sets of flags.
    parsed_flags.clear();
    for (std::size_t i = 0; i + 1 < flags.size(); i += 2) {
      std::uint16_t f = make_flag(flags.substr(i, 2));
      parsed_flags.push_back(f);
      e.classes |= classes_of_flag(f);
    }
    d_->append_flags(e, parsed_flags.data(), parsed_flags.size());
  }
  d_->point_at_owned();
}

HunspellLexicon::HunspellLexicon(std::unique_ptr<LexiconTables> tables) : d_(std::move(tables)) {}

std::unique_ptr<HunspellLexicon> HunspellLexicon::open_cache(const std::string& cache_path, const LexiconFilesKey& key) {
  auto tables = map_lexicon_cache(cache_path, key);
  if (!tables) return nullptr;
  return std::unique_ptr<HunspellLexicon>(new HunspellLexicon(std::move(tables)));
}

void HunspellLexicon::write_cache(const std::string& cache_path, const LexiconFilesKey& key) const {
  write_lexicon_cache(*d_, key, cache_path);
}

bool HunspellLexicon::mapped() const { return d_->mapping != nullptr; }

HunspellLexicon::~HunspellLexicon() = default;

std::size_t HunspellLexicon::size() const { return d_->entry_count; }

std::uint32_t HunspellLexicon::classes(std::string_view folded) const {
  const LexEntry* e = d_->find(folded);
  return e ? e->classes : 0;
}

bool HunspellLexicon::has_flag(std::string_view folded, std::string_view flag) const {
  const LexEntry* e = d_->find(folded);
  return e != nullptr && d_->has(*e, make_flag(flag));
}

std::vector<Derivation> HunspellLexicon::derive(std::string_view form) const {
  std::vector<Derivation> out;
  auto suffix_pass = [&](std::string_view w, const std::string& prefix, std::uint16_t need_cross_from) {
    for (std::size_t k = 1; k <= d_->max_suffix && k < w.size(); ++k) {
      auto it = d_->suffixes.find(w.substr(w.size() - k));
      if (it == d_->suffixes.end()) continue;
      for (const Rule& r : it->second) {
        if (need_cross_from && !r.cross) continue;
        std::string base(w.substr(0, w.size() - k));
        base += r.strip;
        const LexEntry* e = d_->find(base);
        if (!e || !d_->has(*e, r.flag) || (need_cross_from && !d_->has(*e, need_cross_from))) continue;
        if (!condition_holds(r.cond, base, true)) continue;
        out.push_back({base, e->classes, prefix, r.flag, classes_of_flag(r.flag), k});
      }
    }
  };
  if (const LexEntry* e = d_->find(form)) out.push_back({std::string(form), e->classes, "", 0, e->classes, 0});
  suffix_pass(form, "", 0);
  for (const auto& [add, rules] : d_->prefixes) {
    if (add.empty() || form.size() <= add.size() + 1 || form.compare(0, add.size(), add) != 0) continue;
    for (const Rule& r : rules) {
      std::string rest = r.strip + std::string(form.substr(add.size()));
      const LexEntry* e = d_->find(rest);
      if (e && d_->has(*e, r.flag) && condition_holds(r.cond, rest, false))
        out.push_back({rest, e->classes, std::string(add), r.flag, e->classes, 0});
      if (r.cross) suffix_pass(rest, std::string(add), r.flag);
    }
  }
  return out;
}

}  // namespace kz::analysis
