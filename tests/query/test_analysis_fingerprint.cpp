// The analysis chain's fingerprint travels with the index: `index` stores it, and a search
// on an index made with another chain (another dictionary, other data files) still answers
// but warns once, on stderr, with the cause and what to do.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "indexer/record/index_schema.h"
#include "stemmer/analysis.h"
#include "tests/test_support.h"

namespace {

using kz::test::run_cli;
using nlohmann::json;

std::string ours() { return kz::analysis::Analyzer::instance().fingerprint(); }

class AnalysisFingerprint : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = run_cli({"index", kz::test::corpus_dir() + "/kst-28676-445.pdf", "--db", db});
    ASSERT_EQ(r.rc, 0) << r.err;
  }
  void store(const std::string& fingerprint) {
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    w.set_metadata(std::string(kz::schema::kMetaAnalysis), fingerprint);
    w.commit();
  }
  kz::test::TempDir t;
  std::string db = t / "db";
};

TEST_F(AnalysisFingerprint, IndexStoresThisBuildsFingerprint) {
  EXPECT_EQ(Xapian::Database(db).get_metadata(std::string(kz::schema::kMetaAnalysis)), ours());
  auto r = run_cli({"search", "Interflex", "--json", "--db", db});
  EXPECT_EQ(r.rc, 0);
  EXPECT_EQ(r.err, "") << "same chain: no warning";
}

TEST_F(AnalysisFingerprint, OtherDictionaryWarnsOnceWithTheCause) {
  // As if built where hunspell-nl was present (or absent, whichever this build is not).
  bool have_lexicon = ours().find("lexicon=none") == std::string::npos;
  store(have_lexicon ? "kz-analysis-1 lexicon=none data=0" : "kz-analysis-1 lexicon=123456 data=0");
  auto r = run_cli({"search", "Interflex", "--json", "--db", db});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_FALSE(json::parse(r.out)["hits"].empty()) << "a warning, not a refusal";
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.rfind("kamerzoek: " + db + ": warning: index built with ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(have_lexicon ? "Snowball only" : "123456 words"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("recall may suffer; re-index"), std::string::npos) << r.err;
  if (!have_lexicon) {
    EXPECT_NE(r.err.find("install hunspell-nl"), std::string::npos) << r.err;
  }

  // Two shards with the same cause: still one line.
  auto two = run_cli({"search", "Interflex", "--db", db, "--db", db});
  EXPECT_EQ(std::count(two.err.begin(), two.err.end(), '\n'), 1) << two.err;
}

TEST_F(AnalysisFingerprint, OtherDataFilesAreNamed) {
  std::string fp = ours();
  store(fp.substr(0, fp.find(" data=")) + " data=0123abcd");
  auto r = run_cli({"search", "Interflex", "--db", db});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.err.find("warning: index built with other analysis data files"), std::string::npos) << r.err;
  // Re-indexing stores this build's fingerprint again and the warning goes.
  ASSERT_EQ(run_cli({"index", kz::test::corpus_dir() + "/kst-28676-445.pdf", "--db", db}).rc, 0);
  EXPECT_EQ(run_cli({"search", "Interflex", "--db", db}).err, "");
}

}  // namespace
