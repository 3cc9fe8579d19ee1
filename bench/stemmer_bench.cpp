// Scores kamerzoek's Dutch analysis against Xapian's Snowball "dutch" and "kraaij_pohlmann"
// stemmers on the same data: conflation recall/precision on tests/data/conflation_pairs.tsv,
// compound part recall on tests/data/compounds.tsv, and words per second on real text.
// Prints a markdown table. Usage: stemmer_bench [--source DIR] [--text FILE] [--rounds N]
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "stemmer/analysis.h"

namespace {

using kz::analysis::Analyzer;
using Clock = std::chrono::steady_clock;

struct Pair {
  std::string a, b;
  bool same;
};

std::vector<std::vector<std::string>> read_rows(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    std::istringstream fields(line);
    for (std::string f; std::getline(fields, f, '\t');) row.push_back(f);
    rows.push_back(row);
  }
  return rows;
}

struct Scores {
  std::size_t tp = 0, fn = 0, fp = 0, tn = 0;
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1; }
  double kept_apart() const { return fp + tn ? double(tn) / double(fp + tn) : 1; }
};

Scores score(const std::vector<Pair>& pairs, const std::function<std::string(const std::string&)>& stem,
             std::vector<std::string>* misses) {
  Scores s;
  for (const Pair& p : pairs) {
    bool same = stem(p.a) == stem(p.b);
    if (p.same) (same ? s.tp : s.fn)++;
    else (same ? s.fp : s.tn)++;
    if (misses && same != p.same)
      misses->push_back((p.same ? "missed  " : "merged  ") + p.a + " ~ " + p.b + "  (" + stem(p.a) + " / " + stem(p.b) + ")");
  }
  return s;
}

double words_per_second(const std::vector<std::string>& words, int rounds, const std::function<void(const std::string&)>& f) {
  auto t0 = Clock::now();
  for (int r = 0; r < rounds; ++r)
    for (const std::string& w : words) f(w);
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  return double(words.size()) * rounds / secs;
}

}  // namespace

int main(int argc, char** argv) try {
  std::string source = KZ_SOURCE_DIR, text_path;
  int rounds = 20;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--source" && i + 1 < argc) source = argv[++i];
    else if (a == "--text" && i + 1 < argc) text_path = argv[++i];
    else if (a == "--rounds" && i + 1 < argc) rounds = std::stoi(argv[++i]);
    else if (a == "-v" || a == "--verbose") verbose = true;
    else throw std::runtime_error("unknown argument " + a + " (use --source DIR, --text FILE, --rounds N, -v)");
  }
  if (text_path.empty()) text_path = source + "/bench/sentences.txt";

  auto load_pairs = [&](const std::string& rel) {
    std::vector<Pair> pairs;
    for (auto& row : read_rows(source + "/" + rel))
      if (row.size() >= 3) pairs.push_back({kz::analysis::fold(row[0]), kz::analysis::fold(row[1]), row[2] == "1"});
    return pairs;
  };
  std::vector<std::pair<std::string, std::vector<Pair>>> pair_sets = {
      {"tuning pairs", load_pairs("tests/data/conflation_pairs.tsv")},
      {"held-out pairs", load_pairs("tests/data/conflation_pairs_heldout.tsv")}};

  auto load_t0 = Clock::now();
  const Analyzer& az = Analyzer::instance();
  az.stem("verlenging");  // loads the lexicon
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - load_t0).count();

  Xapian::Stem dutch("dutch"), kp("kraaij_pohlmann");
  struct Row {
    std::string name;
    std::function<std::string(const std::string&)> stem;
  };
  std::vector<Row> stemmers = {
      {"kamerzoek", [&](const std::string& w) { return az.stem(w); }},
      {"Snowball dutch", [&](const std::string& w) { return dutch(w); }},
      {"Snowball kraaij_pohlmann", [&](const std::string& w) { return kp(w); }},
  };

  std::size_t parts_expected = 0, parts_found = 0, words_full = 0, compounds = 0, non_compounds = 0, non_compounds_whole = 0;
  for (auto& row : read_rows(source + "/tests/data/compounds.tsv")) {
    if (row.size() < 2) continue;
    std::vector<std::string> got = az.analyze(row[0]).parts;
    if (row[1] == "-") {
      ++non_compounds;
      non_compounds_whole += got.empty();
      if (!got.empty() && verbose) std::cerr << "split non-compound: " << row[0] << "\n";
      continue;
    }
    ++compounds;
    std::istringstream want(row[1]);
    bool all = true;
    for (std::string p; want >> p;) {
      ++parts_expected;
      bool found = std::find(got.begin(), got.end(), kz::analysis::fold(p)) != got.end();
      parts_found += found;
      all = all && found;
      if (!found && verbose) std::cerr << "part missing: " << row[0] << " -> " << p << "\n";
    }
    words_full += all;
  }

  std::vector<std::string> words;
  {
    std::ifstream in(text_path);
    if (!in) throw std::runtime_error("cannot read " + text_path + " (pass --text FILE)");
    std::stringstream buf;
    buf << in.rdbuf();
    for (auto& t : kz::analysis::tokenize(buf.str())) words.push_back(t.text);
  }
  std::vector<std::string> norms;
  for (auto& w : words) norms.push_back(kz::analysis::fold(w));

  double cold = words_per_second(words, 1, [&](const std::string& w) { az.analyze(w); });
  double warm = words_per_second(words, rounds, [&](const std::string& w) { az.analyze(w); });
  // What the indexer does per token: stop word check, stem, compound parts and their stems.
  double indexer_path = words_per_second(norms, rounds, [&](const std::string& n) {
    if (az.is_stopword(n)) return;
    az.stem(n);
    for (const auto& p : az.compound_parts(n)) az.stem(p);
  });

  std::vector<double> speed(stemmers.size());
  speed[0] = warm;
  speed[1] = words_per_second(norms, rounds, [&](const std::string& w) { dutch(w); });
  speed[2] = words_per_second(norms, rounds, [&](const std::string& w) { kp(w); });

  std::printf("| stemmer | pair set | conflation recall | precision | must-not pairs kept apart | compound parts found | words/s |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (std::size_t i = 0; i < stemmers.size(); ++i) {
    for (const auto& [set_name, pairs] : pair_sets) {
      std::vector<std::string> misses;
      Scores s = score(pairs, stemmers[i].stem, verbose ? &misses : nullptr);
      for (auto& m : misses) std::cerr << stemmers[i].name << " (" << set_name << "): " << m << "\n";
      std::string parts = "-";
      if (i == 0)
        parts = std::to_string(parts_found) + "/" + std::to_string(parts_expected) + " (" + std::to_string(words_full) + "/" +
                std::to_string(compounds) + " words)";
      std::printf("| %s | %s | %.1f%% (%zu/%zu) | %.1f%% | %zu/%zu | %s | %.0f |\n", stemmers[i].name.c_str(), set_name.c_str(),
                  100 * s.recall(), s.tp, s.tp + s.fn, 100 * s.precision(), s.tn, s.tn + s.fp, parts.c_str(), speed[i]);
    }
  }
  std::printf("\nkamerzoek words/s is analyze() (fold, stem, compound parts, synonyms, stop word) after warm-up;\n"
              "Snowball rows are stem() of already folded words. First pass over %zu words (cold cache): %.0f words/s.\n"
              "Indexer path (is_stopword + stem + compound_parts + stems of parts) after warm-up: %.0f words/s.\n"
              "Lexicon load: %.0f ms. Non-compounds left whole: %zu/%zu.\n",
              words.size(), cold, indexer_path, load_ms, non_compounds_whole, non_compounds);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "stemmer_bench: " << e.what() << "\n";
  return 1;
}
