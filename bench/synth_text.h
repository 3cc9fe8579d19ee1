// Text side of the benchmark corpus synthesizer: the data files it draws from and the
// generation of document descriptions and body text, deterministic for a seed.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_map>
#include <string>
#include <vector>

namespace synth {

// Small, fast, fully specified generator so a seed gives the same corpus on every libstdc++.
class Rng {
 public:
  explicit Rng(uint64_t seed);
  uint64_t next();
  size_t below(size_t n) { return n ? static_cast<size_t>(next() % n) : 0; }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<size_t>(hi - lo + 1))); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  uint64_t state_;
};

struct Mission {
  std::string id, name;
  std::vector<std::string> aliases;
};

struct Dossier {
  std::string number;  // as printed: "29 521", "21 501-02"
  int first_year = 0, first_nr = 1;
  std::string title;
};

struct Signatory {
  int from = 0, to = 0;
  std::string role, name;
};

// Everything read from disk once, before workers start.
struct Data {
  std::vector<std::string> sentences;
  std::map<std::string, std::vector<std::string>> templates;  // kind -> templates
  std::vector<Mission> missions;
  std::vector<Dossier> dossiers;
  std::vector<Signatory> signatories;
  std::vector<std::string> dictionary;  // rare words to widen the vocabulary
};

// Reads bench data files from data_dir, missions from missions_tsv and, if present, words
// from dict_path (a hunspell .dic). Throws std::runtime_error naming a missing file.
Data load_data(const std::string& data_dir, const std::string& missions_tsv, const std::string& dict_path);

struct Date {
  int y = 2000, m = 1, d = 1;
};
std::string dutch_date(const Date& d);  // "3 mei 2019"
std::string dutch_month(int m);         // "mei"
int days_in_month(int y, int m);

enum class Layout { Kamerstuk, Letter, Nota };

struct Block {
  enum Kind { Heading, Para, Bullet } kind = Para;
  std::string text;
};

// One document to write: header facts fixed before any text is made.
struct DocSpec {
  size_t index = 0;
  uint64_t seed = 0;
  Layout layout = Layout::Letter;
  Date date;
  const Dossier* dossier = nullptr;
  int nr = 0;              // Kamerstuk number, Kamerstuk layout only
  std::string kenmerk;     // letter and nota reference
  std::string title;
  std::vector<const Mission*> missions;
  std::vector<const Signatory*> signers;
  bool eerste_kamer = false;
  int target_pages = 3;
  std::string relpath;     // file path under the output directory
  std::string id;          // the id kamerzoek should give it
};

// Plans n documents: layouts, dates, dossiers, numbers and file names.
std::vector<DocSpec> plan_corpus(const Data& data, size_t n, uint64_t seed);

// Body text generator for one document.
class TextGen {
 public:
  TextGen(const Data& data, const DocSpec& spec);
  std::string sentence();           // any body sentence
  std::string paragraph(int min_sentences, int max_sentences);
  std::string heading();
  std::string footnote();
  std::string fill(const std::string& tmpl);  // expands {placeholders}
  Rng& rng() { return rng_; }

 private:
  std::string mission_name();
  std::string amount();
  std::string markov_sentence();
  const std::string& pool_sentence();
  void build_chain();
  Date near_date(int max_days);

  const Data& data_;
  const DocSpec& spec_;
  Rng rng_;
  size_t window_start_ = 0, window_len_ = 1;
  std::unordered_map<std::string, std::vector<std::string>> bigrams_;  // word -> words that follow it
};

// Marks hyphenation points in long words with U+00AD so justified text breaks inside words.
std::string add_soft_hyphens(const std::string& text);

}  // namespace synth
