// Loads the synthesizer's data files and makes document plans and Dutch body text from them.
#include "synth_text.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace synth {

Rng::Rng(uint64_t seed) : state_(seed) {}

uint64_t Rng::next() {  // splitmix64
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  return out;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Data lines of a TSV file: comments, blank lines and a header starting with `header` dropped.
std::vector<std::vector<std::string>> read_tsv(const std::string& path, const std::string& header) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open (run from a full checkout or pass --data)");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || (!header.empty() && line.rfind(header, 0) == 0)) continue;
    auto cols = split(line, '\t');
    for (auto& c : cols) c = trim(c);
    rows.push_back(cols);
  }
  return rows;
}

std::string pad(uint64_t v, int width) {
  std::string s = std::to_string(v);
  return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0, '0') + s;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

const char* kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                         "juli",    "augustus", "september", "oktober", "november", "december"};

}  // namespace

std::string dutch_month(int m) { return kMonths[(m - 1) % 12]; }
std::string dutch_date(const Date& d) { return std::to_string(d.d) + " " + dutch_month(d.m) + " " + std::to_string(d.y); }
int days_in_month(int y, int m) {
  static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : dim[m - 1];
}

Data load_data(const std::string& data_dir, const std::string& missions_tsv, const std::string& dict_path) {
  Data d;
  {
    std::ifstream in(data_dir + "/sentences.txt");
    if (!in) throw std::runtime_error(data_dir + "/sentences.txt: cannot open (see bench/extract_sentences.sh)");
    for (std::string line; std::getline(in, line);)
      if (!trim(line).empty()) d.sentences.push_back(trim(line));
  }
  for (auto& row : read_tsv(data_dir + "/synth_templates.tsv", ""))
    if (row.size() >= 2) d.templates[row[0]].push_back(row[1]);
  for (auto& row : read_tsv(data_dir + "/dossiers.tsv", "dossier\t"))
    if (row.size() >= 4) d.dossiers.push_back({row[0], std::stoi(row[1]), std::stoi(row[2]), row[3]});
  for (auto& row : read_tsv(data_dir + "/signatories.tsv", "from\t"))
    if (row.size() >= 4) d.signatories.push_back({std::stoi(row[0]), std::stoi(row[1]), row[2], row[3]});

  // missions.tsv: columns found by the header names so added columns do not break us.
  std::ifstream min(missions_tsv);
  if (!min) throw std::runtime_error(missions_tsv + ": cannot open (pass --missions FILE)");
  size_t cid = 0, cname = 1, calias = 2;
  for (std::string line; std::getline(min, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols[0] == "id") {
      for (size_t i = 0; i < cols.size(); ++i) {
        if (trim(cols[i]) == "name") cname = i;
        if (trim(cols[i]) == "aliases") calias = i;
      }
      continue;
    }
    Mission m;
    m.id = trim(cols[cid]);
    m.name = cname < cols.size() ? trim(cols[cname]) : m.id;
    if (calias < cols.size())
      for (auto& a : split(cols[calias], '|'))
        if (auto t = trim(a); t.size() >= 3 && t.find("\u201c") == std::string::npos) m.aliases.push_back(t);
    d.missions.push_back(m);
  }
  if (d.missions.empty()) throw std::runtime_error(missions_tsv + ": no missions found");
  if (d.sentences.empty() || d.dossiers.empty() || d.signatories.empty())
    throw std::runtime_error(data_dir + ": sentences, dossiers or signatories are empty");

  // Plain lowercase words of the hunspell list: rare words grow the vocabulary as a real archive does.
  if (std::ifstream dic(dict_path); dic) {
    std::string line;
    std::getline(dic, line);  // word count
    while (std::getline(dic, line)) {
      std::string w = line.substr(0, line.find('/'));
      if (w.size() >= 6 && w.size() <= 18 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        d.dictionary.push_back(w);
    }
  }
  return d;
}

std::vector<DocSpec> plan_corpus(const Data& data, size_t n, uint64_t seed) {
  Rng r(seed);
  std::vector<DocSpec> specs(n);
  static const int page_weights[] = {2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8};
  for (size_t i = 0; i < n; ++i) {
    DocSpec& s = specs[i];
    s.index = i;
    s.seed = Rng(seed ^ (0xD1B54A32D192ED03ULL * (i + 1))).next();
    s.date.y = r.between(1995, 2026);
    s.date.m = r.between(1, s.date.y == 2026 ? 6 : 12);
    s.date.d = r.between(1, days_in_month(s.date.y, s.date.m));
    size_t lay = r.below(20);
    s.layout = lay < 10 ? Layout::Kamerstuk : lay < 17 ? Layout::Letter : Layout::Nota;
    std::vector<const Dossier*> open;
    for (auto& d : data.dossiers)
      if (d.first_year <= s.date.y) open.push_back(&d);
    s.dossier = open.empty() ? &data.dossiers[0] : r.pick(open);
    s.missions.push_back(&r.pick(data.missions));
    if (r.chance(0.4)) s.missions.push_back(&r.pick(data.missions));
    const Signatory* def = nullptr;
    const Signatory* bz = nullptr;
    for (auto& g : data.signatories) {
      if (g.from > s.date.y || g.to < s.date.y) continue;
      bool is_def = g.role.find("Defensie") != std::string::npos;
      if (is_def && (!def || r.chance(0.5))) def = &g;
      if (!is_def && (!bz || r.chance(0.5))) bz = &g;
    }
    if (!def) def = &data.signatories.front();
    s.signers.push_back(def);
    if (bz && r.chance(0.4)) s.signers.push_back(bz);
    s.eerste_kamer = r.chance(0.1);
    s.target_pages = s.layout == Layout::Nota ? r.between(2, 3) : page_weights[r.below(std::size(page_weights))];
    TextGen tg(data, s);
    s.title = tg.fill(tg.rng().pick(data.templates.at("title")));
    std::string year = std::to_string(s.date.y);
    if (s.layout == Layout::Letter) s.kenmerk = "BS" + year + pad((i * 7919 + 1234) % 1000000, 6);
    if (s.layout == Layout::Nota) s.kenmerk = "MINDEF" + year + pad((i * 7919 + 4321) % 10000000, 7);
  }
  // Kamerstuk numbers grow with the date within a dossier, with gaps for papers not generated.
  std::vector<DocSpec*> kst;
  for (auto& s : specs)
    if (s.layout == Layout::Kamerstuk) kst.push_back(&s);
  std::stable_sort(kst.begin(), kst.end(), [](const DocSpec* a, const DocSpec* b) {
    return std::tie(a->date.y, a->date.m, a->date.d) < std::tie(b->date.y, b->date.m, b->date.d);
  });
  std::map<const Dossier*, int> next_nr;
  for (auto* s : kst) {
    auto [it, fresh] = next_nr.try_emplace(s->dossier, s->dossier->first_nr);
    s->nr = it->second;
    it->second += r.between(1, 3);
  }
  for (auto& s : specs) {
    std::string year = std::to_string(s.date.y);
    if (s.layout == Layout::Kamerstuk) {
      s.id = "kst-" + replace_all(s.dossier->number, " ", "") + "-" + std::to_string(s.nr);
      s.relpath = year + "/" + s.id + ".pdf";
    } else if (s.layout == Layout::Letter) {
      s.id = s.kenmerk;
      s.relpath = year + "/kamerbrief-" + pad(s.index, 6) + ".pdf";
    } else {
      s.id = s.kenmerk;
      s.relpath = year + "/" + s.kenmerk + ".pdf";
    }
  }
  return specs;
}

// A document quotes one stretch of the sentence pool: neighbouring sentences come from the same
// source letter, so a document keeps to a topic and words are not spread evenly over the corpus.
TextGen::TextGen(const Data& data, const DocSpec& spec) : data_(data), spec_(spec), rng_(spec.seed) {
  window_start_ = rng_.below(data.sentences.size());
  window_len_ = std::min(data.sentences.size(), static_cast<size_t>(rng_.between(30, 70)));
}

// The chain for made-up sentences is built from the document's own stretch for the same reason.
void TextGen::build_chain() {
  for (size_t k = 0; k < window_len_; ++k) {
    auto words = split(data_.sentences[(window_start_ + k) % data_.sentences.size()], ' ');
    for (size_t i = 0; i + 1 < words.size(); ++i) bigrams_[words[i]].push_back(words[i + 1]);
  }
}

const std::string& TextGen::pool_sentence() {
  return data_.sentences[(window_start_ + rng_.below(window_len_)) % data_.sentences.size()];
}

std::string TextGen::mission_name() {
  const Mission* m = rng_.pick(spec_.missions);
  if (m->aliases.empty() || rng_.chance(0.35)) return m->name;
  return rng_.pick(m->aliases);
}

std::string TextGen::amount() {
  int whole = rng_.between(0, 99) < 70 ? rng_.between(1, 60) : rng_.between(61, 480);
  std::string num = std::to_string(whole) + "," + std::to_string(rng_.between(0, 9));
  switch (rng_.below(6)) {
    case 0: case 1: return "\u20ac " + num + " miljoen";
    case 2: return num + " miljoen euro";
    case 3: return "EUR " + num + " miljoen";
    case 4: return "\u20ac " + std::to_string(rng_.between(100, 999)) + "." + pad(rng_.between(0, 99) * 10, 3);
    default: return rng_.chance(0.2) ? "\u20ac 1," + std::to_string(rng_.between(0, 9)) + " miljard" : "\u20ac " + num + " mln";
  }
}

Date TextGen::near_date(int max_days) {
  Date d = spec_.date;
  int shift = -rng_.between(0, max_days);
  while (shift < 0) {
    if (--d.d == 0) {
      if (--d.m == 0) { d.m = 12; --d.y; }
      d.d = days_in_month(d.y, d.m);
    }
    ++shift;
  }
  return d;
}

std::string TextGen::markov_sentence() {
  if (bigrams_.empty()) build_chain();
  std::string first = pool_sentence();
  std::string w = first.substr(0, first.find(' ')), out = w;
  for (int count = 1; count < 40; ++count) {
    auto it = bigrams_.find(w);
    if (it == bigrams_.end()) break;
    w = rng_.pick(it->second);
    bool plain = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    out += " " + (plain && !data_.dictionary.empty() && rng_.chance(0.04) ? rng_.pick(data_.dictionary) : w);
    if (!w.empty() && w.back() == '.' && count >= 7) return out;
  }
  char last = out.back();
  return last == '.' ? out : (last == ',' || last == ';' || last == ':' ? out.substr(0, out.size() - 1) : out) + ".";
}

std::string TextGen::sentence() {
  size_t roll = rng_.below(100);
  if (roll < 55) return pool_sentence();
  if (roll < 67) {
    static const char* kinds[] = {"fact", "fact", "cost", "cost", "mandate"};
    auto it = data_.templates.find(kinds[rng_.below(5)]);
    if (it != data_.templates.end()) return fill(rng_.pick(it->second));
  }
  return markov_sentence();
}

std::string TextGen::paragraph(int min_sentences, int max_sentences) {
  std::string p;
  for (int i = rng_.between(min_sentences, max_sentences); i > 0; --i) {
    if (!p.empty()) p += ' ';
    p += sentence();
  }
  return p;
}

std::string TextGen::heading() { return rng_.pick(data_.templates.at("heading")); }

std::string TextGen::footnote() {
  if (rng_.chance(0.5))
    return "Kamerstuk " + spec_.dossier->number + ", nr. " + std::to_string(rng_.between(1, std::max(2, spec_.nr))) + ".";
  return pool_sentence();
}

std::string TextGen::fill(const std::string& tmpl) {
  Date start{spec_.date.y, spec_.date.m, 1};
  for (int back = rng_.between(0, 12); back > 0; --back)
    if (--start.m == 0) { start.m = 12; --start.y; }
  Date end = start;
  for (int fwd = rng_.between(6, 24); fwd > 1; --fwd)
    if (++end.m == 13) { end.m = 1; ++end.y; }
  end.d = days_in_month(end.y, end.m);
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string::npos;
    if (close == std::string::npos) { out += tmpl[i++]; continue; }
    std::string key = tmpl.substr(i + 1, close - i - 1);
    int y = spec_.date.y;
    if (key == "mission") out += mission_name();
    else if (key == "amount") out += amount();
    else if (key == "year") out += std::to_string(y);
    else if (key == "prevyear") out += std::to_string(y - 1);
    else if (key == "nextyear") out += std::to_string(y + 1);
    else if (key == "date") out += dutch_date(near_date(120));
    else if (key == "start") out += rng_.chance(0.2) ? dutch_month(start.m) + " " + std::to_string(start.y) : dutch_date(start);
    else if (key == "end") out += dutch_date(end);
    else if (key == "month") out += dutch_month(end.m) + " " + std::to_string(end.y);
    else if (key == "n") out += std::to_string(rng_.chance(0.5) ? rng_.between(4, 60) : rng_.between(6, 60) * 10);
    else if (key == "ref") out += "Kamerstuk " + rng_.pick(data_.dossiers).number + ", nr. " + std::to_string(rng_.between(2, 480));
    else if (key == "dossiertitle") out += spec_.dossier->title;
    else out += tmpl.substr(i, close - i + 1);
    i = close + 1;
  }
  return out;
}

namespace {
bool is_vowel(char32_t c) {
  return std::u32string_view(U"aeiouyàáâäèéêëìíîïòóôöùúûü").find(c) != std::u32string_view::npos;
}
void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) out += static_cast<char>(c);
  else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
  else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18)); out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F));
  }
}
std::u32string decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}
}  // namespace

// Syllable breaks by the usual Dutch rule of thumb: the next syllable takes the longest cluster
// of consonants that can open a Dutch word, but not all of them ("ver-ster-king", "bij-dra-ge").
std::string add_soft_hyphens(const std::string& text) {
  static const std::u32string_view onsets[] = {U"schr", U"spr", U"str", U"sch", U"dr", U"tr", U"pr", U"br", U"kr",
                                               U"gr", U"fr", U"bl", U"pl", U"kl", U"gl", U"fl", U"sl", U"sp",
                                               U"st", U"sm", U"sn", U"sw", U"kw", U"zw", U"dw", U"tw"};
  std::u32string in = decode(text), word;
  std::string out;
  auto flush = [&]() {
    bool lower = word.size() >= 8;
    for (char32_t c : word) lower = lower && ((c >= U'a' && c <= U'z') || c >= 0xE0);
    std::vector<bool> brk(word.size() + 1, false);
    if (lower) {
      for (size_t i = 1; i + 1 < word.size(); ++i) {
        if (!is_vowel(word[i - 1]) || is_vowel(word[i])) continue;
        size_t j = i;
        while (j < word.size() && !is_vowel(word[j])) ++j;
        if (j == word.size()) break;
        std::u32string_view cluster(word.data() + i, j - i);
        size_t take = 1;
        if (cluster == U"ch") take = 2;
        for (auto on : onsets)
          if (on.size() < cluster.size() && on.size() > take && cluster.ends_with(on)) take = on.size();
        size_t cut = j - std::min(take, cluster.size());
        if (cut >= 3 && cut + 3 <= word.size()) brk[cut] = true;
        i = j;
      }
    }
    for (size_t i = 0; i < word.size(); ++i) {
      if (brk[i]) out += "\u00ad";
      append_utf8(out, word[i]);
    }
    word.clear();
  };
  for (char32_t c : in) {
    if (c == U' ' || c == U'-' || c == U'/' || c == U'(' || c == U')' || c == U',' || c == U'.') {
      flush();
      append_utf8(out, c);
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

}  // namespace synth
