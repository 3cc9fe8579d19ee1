// Compaction after large index runs: the tables are rewritten full and switched to atomically,
// the index keeps every document and answer, leftovers of a killed compaction are cleared,
// and small updates to a large index leave it alone.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "indexer/run/index_compact.h"
#include "indexer/run/index_folder.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using kz::test::run_cli;

namespace {

std::uintmax_t tables_size(const std::string& db) {
  std::uintmax_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(db))
    if (e.path().extension() == ".glass") n += e.file_size();
  return n;
}

std::string leftover_of(const std::string& db) {
  fs::path p(db);
  return (p.parent_path() / ("." + p.filename().string() + ".kz-compact")).string();
}

TEST(Compaction, OnlyRunsThatChangeAQuarterOfTheIndexCompact) {
  EXPECT_TRUE(kz::worth_compacting(5, 5));       // a fresh index
  EXPECT_TRUE(kz::worth_compacting(250, 1000));
  EXPECT_FALSE(kz::worth_compacting(10, 300000));  // a day's letters added to the archive
  EXPECT_FALSE(kz::worth_compacting(0, 10));
}

// An index written in many small commits (as a long run with a kill test's batch size does)
// shrinks when compacted, keeps its documents, metadata and answers, and leaves nothing beside it.
TEST(Compaction, SwapsInASmallerIndexWithTheSameContent) {
  kz::test::TempDir tmp;
  const std::string db = tmp / "db";
  auto first = run_cli({"index", kz::test::corpus_dir(), "--db", db, "--json"});
  ASSERT_EQ(first.rc, 0) << first.err;
  auto before = run_cli({"search", "verdragsgebied", "--db", db, "--json"});
  ASSERT_EQ(before.rc, 0) << before.err;
  {
    // Pad the index with documents written one commit at a time: half-empty blocks.
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    for (int i = 0; i < 300; ++i) {
      Xapian::Document d;
      for (int t = 0; t < 40; ++t) d.add_posting("padding" + std::to_string((i * 7 + t) % 500), t + 1);
      d.add_boolean_term("Qpadding" + std::to_string(i));
      w.add_document(d);
      w.commit();
    }
  }
  const auto bloated = tables_size(db);
  Xapian::doccount docs = Xapian::Database(db).get_doccount();
  std::string files_meta = Xapian::Database(db).get_metadata("schema");
  {
    kz::IndexFolder folder(db);
    Xapian::WritableDatabase w = folder.open();
    EXPECT_EQ(folder.compact(w), "");
  }
  EXPECT_LT(tables_size(db), bloated);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), docs);
  EXPECT_EQ(Xapian::Database(db).get_metadata("schema"), files_meta);
  EXPECT_FALSE(fs::exists(leftover_of(db)));
  EXPECT_FALSE(fs::exists(db + "/kamerzoek-tables-1")) << "the tables compacted by the first run are gone";
  EXPECT_TRUE(fs::exists(db + "/kamerzoek-tables-2/iamglass"));
  auto after = run_cli({"search", "verdragsgebied", "--db", db, "--json"});
  ASSERT_EQ(after.rc, 0) << after.err;
  auto ids = [](const std::string& out) {
    std::vector<std::string> v;
    const auto result = nlohmann::json::parse(out);
    for (const auto& h : result["hits"]) v.push_back(h["id"]);
    return v;
  };
  EXPECT_EQ(ids(after.out), ids(before.out));
  EXPECT_FALSE(ids(after.out).empty());
  // The next run finds every file unchanged in the compacted index.
  auto again = run_cli({"index", kz::test::corpus_dir(), "--db", db, "--json"});
  ASSERT_EQ(again.rc, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["indexed"], 0);
}

// A compaction killed half-way leaves its copy beside the index; the index itself is the old,
// whole one, and the next run clears the copy away.
TEST(Compaction, LeftoversOfAKilledCompactionAreCleared) {
  kz::test::TempDir tmp;
  const std::string db = tmp / "db";
  fs::create_directories(leftover_of(db));
  kz::test::copy_file(kz::test::corpus_dir() + "/kst-28676-445.pdf", leftover_of(db) + "/postlist.glass");
  auto r = run_cli({"index", kz::test::corpus_dir(), "--db", db, "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_FALSE(fs::exists(leftover_of(db)));
  auto s = run_cli({"show", "kst-28676-445", "--db", db, "--json"});
  EXPECT_EQ(s.rc, 0) << s.err;
}

}  // namespace
