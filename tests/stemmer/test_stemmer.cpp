// Tests of the Dutch analysis chain: normalization, folding, tokens, conflation keys on a
// set of word pairs from government text, compound splitting, stop words, synonyms, speed.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "indexer/pdf/pdf_text.h"
#include "stemmer/analysis.h"
#include "tests/test_support.h"

namespace {

using kz::analysis::Analyzer;
using kz::analysis::fold;
using kz::analysis::normalize;
using kz::analysis::tokenize;

const Analyzer& az() { return Analyzer::instance(); }

std::string key(const std::string& word) { return az().stem(fold(word)); }

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::vector<std::vector<std::string>> rows(const std::string& rel) {
  std::ifstream in(kz::test::source_dir() + "/" + rel);
  EXPECT_TRUE(in.good()) << rel;
  std::vector<std::vector<std::string>> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    std::istringstream fields(line);
    for (std::string f; std::getline(fields, f, '\t');) row.push_back(f);
    out.push_back(row);
  }
  return out;
}

std::string corpus_text() {
  std::string text;
  for (const char* f : {"kst-29521-343.pdf", "voortgangsrapportage-oostflank-2025.pdf", "geannoteerde-agenda-dmm-2025-02.pdf"}) {
    kz::CleanText clean = kz::read_pdf(kz::test::corpus_dir() + "/" + f);
    for (const auto& p : clean.body) text += p.text + "\n";
  }
  return text;
}

TEST(Normalize, LigaturesQuotesDashesSpaces) {
  EXPECT_EQ(normalize("\xEF\xAC\x81nanci\xC3\xABn"), "financi\xC3\xABn");  // ﬁ ligature, ë kept
  EXPECT_EQ(normalize("\xE2\x80\x9CNAVO\xE2\x80\x99s\xE2\x80\x9D"), "\"NAVO's\"");
  EXPECT_EQ(normalize("2024\xE2\x80\x93" "2025"), "2024-2025");
  EXPECT_EQ(normalize("30\xC2\xA0miljoen"), "30 miljoen");
  EXPECT_EQ(normalize("verdrags\xC2\xADgebied"), "verdragsgebied");  // soft hyphen
  EXPECT_EQ(normalize("Geïnformeerd"), "Geïnformeerd");
}

TEST(Fold, CaseDiacriticsAndIjLigature) {
  EXPECT_EQ(fold("Geïnformeerd"), "geinformeerd");
  EXPECT_EQ(fold("FINANCIËN"), "financien");
  EXPECT_EQ(fold("\xC4\xB3zer"), "ijzer");  // ĳ as one character
  EXPECT_EQ(fold("NAVO\xE2\x80\x99s"), "navo's");
  EXPECT_EQ(fold("\xEF\xAC\x81" "ets"), "fiets");
}

// The folded words of `toks`, checking that each token's text is the input at its offset.
std::vector<std::string> norms_at_offsets(const std::string& in, const std::vector<kz::analysis::Token>& toks) {
  std::vector<std::string> norms;
  for (const auto& t : toks) {
    norms.push_back(t.norm);
    EXPECT_EQ(in.substr(t.offset, t.length), t.text) << t.norm;
  }
  return norms;
}

TEST(Tokenize, HyphenatedCompoundGivesPartsAndWhole) {
  std::string in = "Het NAVO-verdragsgebied, 1.234,56 euro!";
  auto toks = tokenize(in);
  std::vector<std::string> norms = norms_at_offsets(in, toks);
  EXPECT_EQ(norms, (std::vector<std::string>{"het", "navo", "verdragsgebied", "navo-verdragsgebied", "1.234,56", "euro"}));
  const auto& whole = toks[3];
  EXPECT_TRUE(whole.joined_hyphen);
  EXPECT_EQ(whole.text, "NAVO-verdragsgebied");
  EXPECT_EQ(whole.offset, toks[1].offset);
  EXPECT_FALSE(toks[1].joined_hyphen);
}

TEST(Tokenize, TypographicApostropheAndOffsetsInUtf8) {
  std::string in = "De NAVO\xE2\x80\x99s ﬁnanciële bijdrage";
  auto toks = tokenize(in);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[1].norm, "navo's");
  EXPECT_EQ(toks[2].norm, "financiele");
  EXPECT_EQ(in.substr(toks[3].offset, toks[3].length), "bijdrage");
}

// UTF-16 indices from the word breaker map back to byte offsets through characters that take
// two UTF-16 units (outside the BMP) and through bytes that are not UTF-8 at all.
TEST(Tokenize, OffsetsAfterAstralCharactersAndBadBytes) {
  std::string in = "Zie \xF0\x9D\x90\x80 bijlage \xF0\x9F\x93\x8E en \xFF\xFE kosten 2025 \xC3 missie";
  auto toks = tokenize(in);
  std::vector<std::string> norms = norms_at_offsets(in, toks);
  for (const char* w : {"zie", "bijlage", "en", "kosten", "2025", "missie"})
    EXPECT_NE(std::find(norms.begin(), norms.end(), w), norms.end()) << w;
  EXPECT_EQ(toks.back().text, "missie");
  EXPECT_EQ(toks.back().offset + toks.back().length, in.size());
}

TEST(Stem, ExamplesFromTheIssue) {
  for (const char* w : {"verlengd", "verlengen", "verlengt", "verleng", "verlengde"}) EXPECT_EQ(key("verlenging"), key(w)) << w;
  EXPECT_EQ(key("missie"), key("missies"));
  EXPECT_EQ(key("bondgenoot"), key("bondgenoten"));
  EXPECT_EQ(key("geïnformeerd"), key("informeren"));
  EXPECT_EQ(key("rapportage"), key("rapportages"));
  EXPECT_EQ(key("luchtruimschending"), key("luchtruimschendingen"));
  EXPECT_EQ(key("NAVO"), key("NAVO's"));
  EXPECT_NE(key("media"), key("mediaan"));
  EXPECT_NE(key("regering"), key("regel"));
  EXPECT_NE(key("regering"), key("regels"));
}

TEST(Stem, ConflationPairsBeatSnowballWithoutFalseMerges) {
  std::size_t must = 0, ours = 0, snowball = 0, kp = 0, must_not = 0, merged = 0;
  Xapian::Stem dutch("dutch"), kraaij("kraaij_pohlmann");
  std::string failures;
  for (const auto& r : rows("tests/data/conflation_pairs.tsv")) {
    ASSERT_GE(r.size(), 3u);
    std::string a = fold(r[0]), b = fold(r[1]);
    bool same = key(a) == key(b);
    if (r[2] == "1") {
      ++must;
      ours += same;
      snowball += dutch(a) == dutch(b);
      kp += kraaij(a) == kraaij(b);
      if (!same) failures += " missed:" + a + "/" + b;
    } else {
      ++must_not;
      merged += same;
      if (same) failures += " merged:" + a + "/" + b;
    }
  }
  ASSERT_GE(must, 300u);
  ASSERT_GE(must_not, 60u);
  double recall = double(ours) / double(must);
  EXPECT_GE(recall, 0.98) << failures;
  EXPECT_EQ(merged, 0u) << failures;  // precision 100% on must-not pairs
  EXPECT_GT(ours, snowball);
  EXPECT_GT(ours, kp);
}

TEST(Compounds, PartsFromTheLexicon) {
  std::size_t expected = 0, found = 0, non_compounds = 0;
  std::string missing;
  for (const auto& r : rows("tests/data/compounds.tsv")) {
    ASSERT_GE(r.size(), 2u);
    auto parts = az().analyze(r[0]).parts;
    if (r[1] == "-") {
      ++non_compounds;
      EXPECT_TRUE(parts.empty()) << r[0] << " is not a compound but split into " << parts.front();
      continue;
    }
    std::istringstream want(r[1]);
    for (std::string p; want >> p;) {
      ++expected;
      if (has(parts, fold(p))) ++found;
      else missing += " " + r[0] + ":" + p;
    }
  }
  ASSERT_GE(expected, 120u);
  ASSERT_GE(non_compounds, 30u);
  EXPECT_GE(double(found) / double(expected), 0.97) << missing;
}

TEST(Compounds, DirectExamplesAndNonCompounds) {
  EXPECT_EQ(az().compound_parts("voortgangsrapportage"), (std::vector<std::string>{"voortgang", "rapportage"}));
  EXPECT_EQ(az().compound_parts("verdragsgebied"), (std::vector<std::string>{"verdrag", "gebied"}));
  auto lucht = az().compound_parts("luchtruimschendingen");
  ASSERT_GE(lucht.size(), 2u);
  EXPECT_EQ(lucht[0], "luchtruim");
  EXPECT_EQ(lucht[1], "schendingen");
  auto mijn = az().compound_parts("mijnenbestrijdingsvaartuig");
  EXPECT_TRUE(has(mijn, "vaartuig") && has(mijn, "bestrijding") && has(mijn, "mijnen"));
  EXPECT_EQ(az().compound_parts("navo-verdragsgebied"), (std::vector<std::string>{"navo", "verdragsgebied"}));
}

TEST(Stopwords, FunctionWordsOnly) {
  for (const char* w : {"de", "het", "een", "van", "en", "niet", "zijn"}) EXPECT_TRUE(az().is_stopword(w)) << w;
  for (const char* w : {"missie", "navo", "kabinet", "verlenging"}) EXPECT_FALSE(az().is_stopword(w)) << w;
  EXPECT_TRUE(az().analyze("Het").stopword);
}

TEST(Synonyms, AbbreviationsBothWays) {
  auto navo = az().synonyms("navo");
  EXPECT_TRUE(has(navo, "nato"));
  EXPECT_TRUE(has(navo, "noord-atlantische verdragsorganisatie"));
  EXPECT_TRUE(has(az().synonyms("efp"), "enhanced forward presence"));
  EXPECT_TRUE(has(az().synonyms("enhanced forward presence"), "efp"));
  EXPECT_TRUE(has(az().synonyms("vn"), "verenigde naties"));
  EXPECT_TRUE(has(az().synonyms("mr"), "ministerraad"));
  EXPECT_TRUE(has(az().analyze("NAVO's").synonyms, "nato"));
  EXPECT_TRUE(az().synonyms("verlenging").empty());
}

TEST(Analyze, AgreesWithParts) {
  auto w = az().analyze("Voortgangsrapportages");
  EXPECT_EQ(w.norm, "voortgangsrapportages");
  EXPECT_EQ(w.stem, az().stem("voortgangsrapportages"));
  EXPECT_EQ(w.stem, key("voortgangsrapportage"));
  EXPECT_TRUE(has(w.parts, "voortgang"));
  EXPECT_FALSE(az().fingerprint().empty());
}

TEST(DataDir, EnvironmentOverridesSourceTree) {
  const char* old = std::getenv("KAMERZOEK_DATA");
  std::string saved = old ? old : "";
  setenv("KAMERZOEK_DATA", "/tmp/kz-elsewhere", 1);
  EXPECT_EQ(kz::analysis::data_dir(), "/tmp/kz-elsewhere");
  if (old) setenv("KAMERZOEK_DATA", saved.c_str(), 1);
  else unsetenv("KAMERZOEK_DATA");
  std::ifstream probe(kz::analysis::data_dir() + "/stemmer/data/synonyms.tsv");
  EXPECT_TRUE(probe.good());
}

TEST(RealText, CorpusWordsConflateAndTokenizeCleanly) {
  std::string text = corpus_text();
  auto toks = tokenize(text);
  ASSERT_GT(toks.size(), 2000u);
  std::size_t rapportage = 0;
  for (const auto& t : toks) {
    EXPECT_FALSE(t.norm.empty());
    EXPECT_EQ(t.norm.find(' '), std::string::npos) << t.text;
    if (az().stem(t.norm) == key("voortgangsrapportage")) ++rapportage;
  }
  EXPECT_GT(rapportage, 5u);  // singular and plural in the progress report
}

TEST(Speed, AnalyzeAtLeast200kWordsPerSecondWarm) {
  auto toks = tokenize(corpus_text());
  for (const auto& t : toks) az().analyze(t.text);  // warm-up: lexicon and caches
  const int rounds = 20;
  auto t0 = std::chrono::steady_clock::now();
  std::size_t n = 0;
  for (int r = 0; r < rounds; ++r)
    for (const auto& t : toks) n += az().analyze(t.text).stem.size() > 0;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GE(double(toks.size()) * rounds / secs, 200000.0);
  EXPECT_EQ(n, toks.size() * rounds);
}

TEST(Threads, SameAnswersFromTwoThreads) {
  std::vector<std::string> words = {"verlengingen", "luchtruimschendingen", "geïnformeerd", "bondgenoten", "kamerstukken"};
  std::vector<std::string> a, b;
  std::thread t1([&] { for (auto& w : words) a.push_back(az().analyze(w).stem); });
  std::thread t2([&] { for (auto& w : words) b.push_back(az().analyze(w).stem); });
  t1.join();
  t2.join();
  EXPECT_EQ(a, b);
}

}  // namespace
