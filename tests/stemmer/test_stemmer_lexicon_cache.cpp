// Tests of the binary lexicon cache: a cached lexicon and an analyzer over it answer exactly
// like freshly parsed nl.dic/nl.aff on the test word lists and real corpus text, a cache is
// written on first use and mapped after, stale or damaged caches are ignored, and opening
// through the cache is cheap.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "indexer/pdf/pdf_text.h"
#include "stemmer/analysis.h"
#include "stemmer/hunspell_lexicon.h"
#include "stemmer/lexicon_cache.h"
#include "tests/test_support.h"

namespace {

using kz::analysis::Analyzer;
using kz::analysis::HunspellLexicon;
using kz::analysis::LexiconFilesKey;
using kz::analysis::LexiconLocation;

bool have_lexicon() {
  struct stat st {};
  return stat((kz::analysis::hunspell_dir() + "/nl.dic").c_str(), &st) == 0;
}

std::string dic() { return kz::analysis::hunspell_dir() + "/nl.dic"; }
std::string aff() { return kz::analysis::hunspell_dir() + "/nl.aff"; }

// Every word of the conflation and compound lists, their parts, and the words of three
// corpus documents, folded; the hyphenated ones too, since analysis splits those itself.
const std::vector<std::string>& test_words() {
  static const std::vector<std::string> words = [] {
    std::set<std::string> set;
    for (const char* rel : {"tests/data/conflation_pairs.tsv", "tests/data/compounds.tsv"}) {
      std::ifstream in(kz::test::source_dir() + "/" + rel);
      EXPECT_TRUE(in.good()) << rel;
      for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        for (std::string f; fields >> f;)
          if (f != "-" && f != "0" && f != "1") set.insert(kz::analysis::fold(f));
      }
    }
    for (const char* f : {"kst-29521-343.pdf", "voortgangsrapportage-oostflank-2025.pdf", "geannoteerde-agenda-dmm-2025-02.pdf"}) {
      kz::CleanText clean = kz::read_pdf(kz::test::corpus_dir() + "/" + f);
      for (const auto& p : clean.body)
        for (const auto& t : kz::analysis::tokenize(p.text)) set.insert(t.norm);
    }
    return std::vector<std::string>(set.begin(), set.end());
  }();
  return words;
}

std::string describe(const std::vector<kz::analysis::Derivation>& ds) {
  std::string out;
  for (const auto& d : ds)
    out += d.base + "/" + std::to_string(d.base_classes) + "/" + d.prefix + "/" + HunspellLexicon::flag_name(d.flag) + "/" +
           std::to_string(d.kind) + "/" + std::to_string(d.suffix_len) + ";";
  return out;
}

void expect_same_lexicon(const HunspellLexicon& parsed, const HunspellLexicon& cached) {
  ASSERT_EQ(parsed.size(), cached.size());
  ASSERT_GT(test_words().size(), 2000u);
  for (const std::string& w : test_words()) {
    ASSERT_EQ(parsed.classes(w), cached.classes(w)) << w;
    for (const char* flag : {"Ch", "Zb", "Vi", "Ve", "Cx"}) ASSERT_EQ(parsed.has_flag(w, flag), cached.has_flag(w, flag)) << w << " " << flag;
    ASSERT_EQ(describe(parsed.derive(w)), describe(cached.derive(w))) << w;
  }
}

TEST(LexiconCache, CachedLexiconAnswersLikeParsed) {
  if (!have_lexicon()) GTEST_SKIP() << "hunspell-nl not installed";
  kz::test::TempDir tmp;
  HunspellLexicon parsed(dic(), aff());
  EXPECT_FALSE(parsed.mapped());
  LexiconFilesKey key = LexiconFilesKey::of(dic(), aff());
  parsed.write_cache(tmp / "nl.kzlex", key);
  auto cached = HunspellLexicon::open_cache(tmp / "nl.kzlex", key);
  ASSERT_TRUE(cached);
  EXPECT_TRUE(cached->mapped());
  EXPECT_GT(cached->size(), 100000u);
  expect_same_lexicon(parsed, *cached);
  EXPECT_FALSE(cached->contains("xqzvbnwrt"));
}

TEST(LexiconCache, AnalyzerOverCacheMatchesParsedWordForWord) {
  if (!have_lexicon()) GTEST_SKIP() << "hunspell-nl not installed";
  kz::test::TempDir tmp;
  setenv("KAMERZOEK_CACHE", tmp.path().c_str(), 1);
  auto parsed = Analyzer::create(false);
  auto cached = Analyzer::create(true);
  std::size_t compounds = 0;
  for (const std::string& w : test_words()) {
    auto a = parsed->analyze(w), b = cached->analyze(w);
    ASSERT_EQ(a.stem, b.stem) << w;
    ASSERT_EQ(a.parts, b.parts) << w;
    ASSERT_EQ(a.norm, b.norm) << w;
    ASSERT_EQ(a.synonyms, b.synonyms) << w;
    ASSERT_EQ(a.stopword, b.stopword) << w;
    ASSERT_EQ(parsed->stem(w), cached->stem(w)) << w;
    compounds += !a.parts.empty();
  }
  EXPECT_GT(compounds, 100u);  // the lexicon was really used on both sides
  EXPECT_EQ(parsed->fingerprint(), cached->fingerprint());
  EXPECT_EQ(parsed->fingerprint(), Analyzer::instance().fingerprint());
  EXPECT_NE(parsed->fingerprint().find("lexicon=1"), std::string::npos) << parsed->fingerprint();
  unsetenv("KAMERZOEK_CACHE");
}

TEST(LexiconCache, WrittenOnFirstUseThenMapped) {
  if (!have_lexicon()) GTEST_SKIP() << "hunspell-nl not installed";
  kz::test::TempDir tmp;
  LexiconLocation where{dic(), aff(), "", tmp / "sub/dir"};
  std::string how;
  auto first = kz::analysis::open_lexicon(where, &how);
  EXPECT_EQ(how, "parsed");
  EXPECT_FALSE(first->mapped());
  std::string path = kz::analysis::lexicon_cache_path(where.cache_dir, LexiconFilesKey::of(dic(), aff()));
  EXPECT_TRUE(std::filesystem::exists(path));
  auto second = kz::analysis::open_lexicon(where, &how);
  EXPECT_EQ(how, path);
  EXPECT_TRUE(second->mapped());
  EXPECT_EQ(first->size(), second->size());
  // No temporary files left behind.
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(where.cache_dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST(LexiconCache, StaleDamagedOrUnwritableCachesAreNotUsed) {
  if (!have_lexicon()) GTEST_SKIP() << "hunspell-nl not installed";
  kz::test::TempDir tmp;
  LexiconFilesKey key = LexiconFilesKey::of(dic(), aff());
  HunspellLexicon parsed(dic(), aff());
  parsed.write_cache(tmp / "nl.kzlex", key);

  LexiconFilesKey other = key;
  other.dic_mtime_ns += 1;  // hunspell-nl updated since the cache was made
  EXPECT_FALSE(HunspellLexicon::open_cache(tmp / "nl.kzlex", other));
  EXPECT_NE(key.hex(), other.hex());

  std::string bytes = kz::test::read_file(tmp / "nl.kzlex");
  for (std::size_t cut : {std::size_t{0}, std::size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    std::ofstream(tmp / "cut.kzlex", std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(cut));
    EXPECT_FALSE(HunspellLexicon::open_cache(tmp / "cut.kzlex", key)) << cut;
  }
  EXPECT_FALSE(HunspellLexicon::open_cache(tmp / "missing.kzlex", key));

  // A prebuilt cache from other files is passed over; an unwritable cache dir only costs speed.
  std::filesystem::copy_file(tmp / "nl.kzlex", tmp / "stale.kzlex");
  std::ofstream(tmp / "file", std::ios::binary) << "not a directory";
  LexiconLocation where{dic(), aff(), tmp / "cut.kzlex", tmp / "file/cache"};
  std::string how;
  auto lex = kz::analysis::open_lexicon(where, &how);
  EXPECT_EQ(how, "parsed");
  EXPECT_EQ(lex->size(), parsed.size());
  where.prebuilt = tmp / "nl.kzlex";
  lex = kz::analysis::open_lexicon(where, &how);
  EXPECT_EQ(how, where.prebuilt);
}

// Speed is measured by the benchmark, not here: this checks that opening goes through the
// mapped cache and that an analyzer built on it answers at once.
TEST(LexiconCache, OpeningUsesTheMappedCache) {
  if (!have_lexicon()) GTEST_SKIP() << "hunspell-nl not installed";
  kz::test::TempDir tmp;
  LexiconLocation where{dic(), aff(), "", tmp.path()};
  kz::analysis::open_lexicon(where);  // writes the cache
  auto lex = kz::analysis::open_lexicon(where);
  EXPECT_TRUE(lex->mapped());
  EXPECT_FALSE(lex->derive("verlengingen").empty());
  setenv("KAMERZOEK_CACHE", tmp.path().c_str(), 1);
  auto a = Analyzer::create(true);
  EXPECT_EQ(a->analyze("verlenging").stem, "verleng");
  EXPECT_FALSE(a->compound_parts("luchtruimschendingen").empty());
  unsetenv("KAMERZOEK_CACHE");
}

}  // namespace
