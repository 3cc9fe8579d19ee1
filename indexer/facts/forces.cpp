// Reads force sizes from one Dutch sentence: counted personnel ("ongeveer 60 militairen",
// "maximaal 150 extra militairen"), counted ships, aircraft and units ("drie
// transporthelikopters", "twee zelfstandige militaire beveiligingsteams") and named ships
// ("Zr.Ms. De Ruyter"). The words come from corpus/force_words.tsv, read once.
#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>
#include <set>

#include "indexer/facts/fact_text.h"
#include "stemmer/analysis.h"
#include "stemmer/data_files.h"

namespace kz::facts {
namespace {

struct ForceWords {
  std::map<std::string, std::string> nouns, heads;  // folded word -> kind
  std::map<std::string, long long> counts;          // one word ("drie") or two ("een tiental")
  std::vector<std::vector<std::string>> about, max;  // phrases as folded words
  std::set<std::string> extra, skip, dutch;
  std::vector<std::vector<std::string>> ship_prefixes;
};

std::vector<std::string> words_of(const std::string& phrase) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < phrase.size()) {
    std::size_t e = phrase.find(' ', i);
    if (e == std::string::npos) e = phrase.size();
    if (e > i) out.push_back(phrase.substr(i, e - i));
    i = e + 1;
  }
  return out;
}

const ForceWords& force_words() {
  static ForceWords w;
  static std::once_flag once;
  std::call_once(once, [] {
    const std::string path = analysis::data_dir() + "/corpus/force_words.tsv";
    for (const auto& row : analysis::read_tsv(path)) {
      const std::string& what = row[0];
      if (row.size() >= 3 && what == "noun") w.nouns[row[1]] = row[2];
      else if (row.size() >= 3 && what == "head") w.heads[row[1]] = row[2];
      else if (row.size() >= 3 && what == "count") w.counts[row[1]] = std::atoll(row[2].c_str());
      else if (row.size() >= 2 && what == "about") w.about.push_back(words_of(row[1]));
      else if (row.size() >= 2 && what == "max") w.max.push_back(words_of(row[1]));
      else if (row.size() >= 2 && what == "extra") w.extra.insert(row[1]);
      else if (row.size() >= 2 && what == "skip") w.skip.insert(row[1]);
      else if (row.size() >= 2 && what == "dutch") w.dutch.insert(row[1]);
      else if (row.size() >= 2 && what == "ship") w.ship_prefixes.push_back(words_of(row[1]));
    }
    // Longer phrases first, so "tot maximaal" wins over "tot".
    auto longest_first = [](const auto& a, const auto& b) { return a.size() > b.size(); };
    std::stable_sort(w.about.begin(), w.about.end(), longest_first);
    std::stable_sort(w.max.begin(), w.max.end(), longest_first);
    std::stable_sort(w.ship_prefixes.begin(), w.ship_prefixes.end(), longest_first);
  });
  return w;
}

// A whitespace-separated token: `norm` is folded with the closing punctuation taken off,
// `closes` says whether that punctuation ends a phrase (a comma, a full stop).
struct Token {
  std::string raw, norm;
  std::size_t offset = 0, length = 0;  // of the token without its closing punctuation
  bool closes = false, capital = false, digits = false;
};

// Folds a token as analysis::fold does for the letters Dutch text uses (lower case, Latin-1
// accents off, ’ as '), without ICU: this runs on every word of every sentence. Anything else
// goes through analysis::fold.
std::string fold_token(std::string_view t) {
  static constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // U+00E0..U+00FF
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    unsigned char c = t[i];
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(t[i + 1]) <= 0xBF && static_cast<unsigned char>(t[i + 1]) != 0x97 && static_cast<unsigned char>(t[i + 1]) != 0x9F &&
               static_cast<unsigned char>(t[i + 1]) != 0xB7) {
      unsigned char d = static_cast<unsigned char>(t[i + 1]);
      out += kLatin1[(d >= 0xA0 ? d - 0xA0 : d - 0x80) & 0x1F];
      ++i;
    } else if (c == 0xE2 && i + 2 < t.size() && t[i + 1] == '\x80' && (t[i + 2] == '\x98' || t[i + 2] == '\x99')) {
      out += '\'';
      i += 2;
    } else {
      return analysis::fold(t);
    }
  }
  return out;
}

std::vector<Token> tokens_of(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
    std::size_t e = i;
    while (e < s.size() && s[e] != ' ' && s[e] != '\n' && s[e] != '\t') ++e;
    if (e == i) break;
    std::size_t b = i;
    while (b < e && (s[b] == '(' || s[b] == '"' || s[b] == '\'')) ++b;
    std::size_t k = e;
    bool closes = false;
    while (k > b && std::string_view(",.;:)!?\"").find(s[k - 1]) != std::string_view::npos) {
      if (s[k - 1] != ')' && s[k - 1] != '"') closes = true;
      --k;
    }
    Token t;
    t.raw = std::string(s.substr(b, e - b));
    t.offset = b;
    t.length = k - b;
    t.norm = fold_token(s.substr(b, k - b));
    // "Zr.Ms." and "ca." keep their full stops: the short form is the word.
    std::string whole = fold_token(s.substr(b, e - b));
    if (!whole.empty() && whole.back() == '.' && whole.find('.') < whole.size() - 1) t.norm = whole;
    if (whole == "ca." || whole == "ms." || whole == "hr." || whole == "zr.") {
      t.norm = whole;
      closes = false;
    }
    t.closes = closes;
    t.capital = k > b && s[b] >= 'A' && s[b] <= 'Z';
    t.digits = k > b && std::all_of(s.begin() + b, s.begin() + k, [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
               s[b] != '.';
    out.push_back(std::move(t));
    i = e;
  }
  return out;
}

bool phrase_ends_at(const std::vector<Token>& ts, std::size_t end, const std::vector<std::string>& phrase) {
  if (phrase.empty() || end < phrase.size()) return false;
  std::size_t k = end - phrase.size();
  for (std::size_t j = 0; j < phrase.size(); ++j)
    if (ts[k + j].norm != phrase[j] || (j + 1 < phrase.size() && ts[k + j].closes)) return false;
  return true;
}

std::size_t phrase_before(const std::vector<Token>& ts, std::size_t at, const std::vector<std::vector<std::string>>& phrases) {
  for (const auto& p : phrases)
    if (phrase_ends_at(ts, at, p) && !ts[at - 1].closes) return p.size();
  return 0;
}

// "85", "1.200": a plain count (years and grouped thousands above 100 000 are not forces).
std::optional<long long> digit_count(const Token& t) {
  if (!t.digits) return std::nullopt;
  std::string d;
  for (char c : t.norm)
    if (c != '.') d += c;
  if (d.empty() || d.size() > 6) return std::nullopt;
  long long v = 0;
  std::from_chars(d.data(), d.data() + d.size(), v);
  if (v <= 0) return std::nullopt;
  return v;
}

// The kind of a force noun, "" when the token is none.
std::string noun_kind(const ForceWords& w, const std::string& norm) {
  if (auto it = w.nouns.find(norm); it != w.nouns.end()) return it->second;
  if (auto it = w.heads.find(norm); it != w.heads.end()) return it->second;
  for (const auto& [head, kind] : w.heads)  // compounds: "transporthelikopters", "beveiligingsteams"
    if (norm.size() >= head.size() + 3 && norm.ends_with(head)) return kind;
  return {};
}

// Words that may stand between a number and its noun: "extra", "Nederlandse", "zelfstandige".
bool modifier(const Token& t) {
  static const std::set<std::string> stops = {"van", "de", "het", "en", "of", "voor", "in", "met", "tot", "per",
                                              "op", "aan", "uit", "die", "dat", "naar", "bij", "om", "te", "jaar",
                                              "maanden", "maand", "weken", "dagen", "euro", "miljoen", "procent",
                                              "keer", "uur", "km", "kilometer", "zijn", "is", "waren", "worden"};
  if (t.digits || t.norm.empty() || stops.count(t.norm)) return false;
  return std::all_of(t.norm.begin(), t.norm.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '-' || static_cast<unsigned char>(c) >= 0x80;
  });
}

}  // namespace

std::vector<ForcePhrase> find_forces(std::string_view s) {
  const ForceWords& w = force_words();
  auto ts = tokens_of(s);
  std::vector<ForcePhrase> out;
  bool dutch = false;
  for (const auto& t : ts) {
    if (w.skip.count(t.norm)) return out;
    dutch = dutch || w.dutch.count(t.norm);
  }
  std::optional<bool> deployment;  // asked only when a phrase needs it
  std::set<std::string> ships;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    // ---- named ships ----
    if (std::size_t n = [&] {
          for (const auto& p : w.ship_prefixes)
            if (i + p.size() <= ts.size() && phrase_ends_at(ts, i + p.size(), p)) return p.size();
          return std::size_t{0};
        }()) {
      std::size_t j = i + n, last = j;
      bool named = false;
      for (; j < ts.size() && j < i + n + 4; ++j) {
        const Token& t = ts[j];
        bool particle = t.norm == "de" || t.norm == "van" || t.norm == "der" || t.norm == "den";
        if (!(t.capital || (particle && named))) break;
        if (t.capital) {
          named = true;
          last = j + 1;
        }
        if (t.closes) break;
      }
      if (named) {
        std::size_t from = ts[i].offset, to = ts[last - 1].offset + ts[last - 1].length;
        std::string name(s.substr(from, to - from));
        if (ships.insert(fold_token(std::string(s.substr(ts[i + n].offset, to - ts[i + n].offset)))).second) {
          ForcePhrase f;
          f.count = 1;
          f.what = name;
          f.kind = "ship";
          f.text = name;
          f.offset = from;
          f.dutch = dutch;
          out.push_back(std::move(f));
        }
        i = last - 1;
        continue;
      }
    }
    // ---- counted forces ----
    long long count = 0;
    std::size_t after = i + 1;
    bool about = false, article = false;
    if (auto d = digit_count(ts[i])) {
      count = *d;
    } else if (i + 1 < ts.size() && !ts[i].closes && w.counts.count(ts[i].norm + " " + ts[i + 1].norm)) {
      count = w.counts.at(ts[i].norm + " " + ts[i + 1].norm);
      about = true;
      after = i + 2;
    } else if (auto it = w.counts.find(ts[i].norm); it != w.counts.end()) {
      count = it->second;
      article = ts[i].raw == "een" || ts[i].raw == "Een";  // "één" is a number, "een" mostly an article
    }
    if (count <= 0 || ts[after - 1].closes) continue;
    bool extra = false;
    std::size_t noun = 0;
    std::string kind;
    for (std::size_t j = after; j < ts.size() && j < after + 4; ++j) {
      kind = noun_kind(w, ts[j].norm);
      if (!kind.empty()) {
        noun = j;
        break;
      }
      if (w.extra.count(ts[j].norm)) extra = true;
      else if (!modifier(ts[j]) || w.counts.count(ts[j].norm)) break;
      if (ts[j].closes) break;
    }
    if (kind.empty()) continue;
    // "een KDC-10 tankvliegtuig": the noun runs on over further force words.
    std::size_t noun_end = noun + 1;
    while (noun_end < ts.size() && !ts[noun_end - 1].closes && noun_kind(w, ts[noun_end].norm) == kind) ++noun_end;
    if (article) {
      // "een militair die ...", "van een fregat van een van de andere landen": someone, or
      // something said in passing; "een" counts only where the Dutch side deploys it.
      if (kind == "personnel" || !dutch) continue;
      if (!deployment) deployment = speaks_of_deployment(s);
      if (!*deployment) continue;
    }
    ForcePhrase f;
    f.count = count;
    f.kind = kind;
    f.extra = extra;
    f.about = about;
    f.dutch = dutch;
    std::size_t from = i;
    if (std::size_t n = phrase_before(ts, i, w.max)) {
      f.max = true;
      from = i - n;
    } else if (std::size_t m = phrase_before(ts, i, w.about)) {
      f.about = true;
      from = i - m;
    }
    std::size_t to = ts[noun_end - 1].offset + ts[noun_end - 1].length;
    f.what = std::string(s.substr(ts[noun].offset, to - ts[noun].offset));
    f.text = std::string(s.substr(ts[from].offset, to - ts[from].offset));
    f.offset = ts[from].offset;
    out.push_back(std::move(f));
    i = noun_end - 1;
  }
  return out;
}

}  // namespace kz::facts
