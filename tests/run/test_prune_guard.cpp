// `--prune` removes only what it has seen to be gone: a missing root (a disk not mounted), an
// empty root (an empty mount point), an unreadable folder and files under roots not named in
// this run keep their documents; removing more than half the index needs `--force`.
// Unreadable folders: the suite may run as root, whom chmod 000 does not stop, so those runs
// become the user `nobody` (tests/folder_support.h).
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

#include "tests/folder_support.h"
#include "tests/hardening_support.h"

namespace fs = std::filesystem;

namespace kz::test {
namespace {

std::size_t doc_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

// The five sample PDFs in `dir`.
void fill(const std::string& dir) {
  fs::create_directories(dir);
  for (const auto& f : sample_pdfs()) copy_file(f, dir + "/" + fs::path(f).filename().string());
}

TEST(PruneGuard, AMissingRootPrunesNothingAndSaysSo) {
  TempDir tmp;
  const std::string db = tmp / "db", docs = tmp / "docs";
  fill(docs);
  ASSERT_EQ(run_cli({"index", docs, "--db", db}).rc, 0);
  fs::rename(docs, tmp / "elsewhere");  // the disk is not mounted
  auto r = run_cli({"index", docs, "--db", db, "--prune", "--json"});
  EXPECT_EQ(r.rc, 3) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["pruned"], 0);
  EXPECT_EQ(doc_count(db), 5u);
  EXPECT_NE(r.err.find("kamerzoek: " + docs + ": not read in this run; nothing below it pruned (5 files kept)"),
            std::string::npos)
      << r.err;
}

TEST(PruneGuard, AnEmptiedRootNeedsForceAndSaysHowManyWouldGo) {
  TempDir tmp;
  const std::string db = tmp / "db", docs = tmp / "docs";
  fill(docs);
  ASSERT_EQ(run_cli({"index", docs, "--db", db}).rc, 0);
  fs::remove_all(docs);
  fs::create_directories(docs);  // an empty mount point
  auto r = run_cli({"index", docs, "--db", db, "--prune", "--json"});
  EXPECT_EQ(r.rc, 3) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["pruned"], 0);
  EXPECT_EQ(j["prune_held"], 5);
  EXPECT_EQ(doc_count(db), 5u);
  EXPECT_NE(r.err.find("kamerzoek: " + db + ": --prune would remove 5 of the index's 5 files; nothing pruned "
                       "(add --force to remove them)"),
            std::string::npos)
      << r.err;
  auto forced = run_cli({"index", docs, "--db", db, "--prune", "--force", "--json"});
  EXPECT_EQ(forced.rc, 0) << forced.err;
  EXPECT_EQ(nlohmann::json::parse(forced.out)["pruned"], 5);
  EXPECT_EQ(doc_count(db), 0u);
}

// Half or less goes without --force: one deleted file of five.
TEST(PruneGuard, AFewGoneFilesArePruned) {
  TempDir tmp;
  const std::string db = tmp / "db", docs = tmp / "docs";
  fill(docs);
  ASSERT_EQ(run_cli({"index", docs, "--db", db}).rc, 0);
  fs::remove(docs + "/kst-28676-445.pdf");
  auto r = run_cli({"index", docs, "--db", db, "--prune", "--json"});
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["pruned"], 1);
  EXPECT_EQ(doc_count(db), 4u);
}

// Files under a root this run did not name are not this run's to judge.
TEST(PruneGuard, FilesUnderOtherRootsAreNotPruned) {
  TempDir tmp;
  const std::string db = tmp / "db", a = tmp / "a", b = tmp / "b";
  fill(a);
  make_distinct_copies(b, 1);
  ASSERT_EQ(run_cli({"index", a, b, "--db", db}).rc, 0);
  ASSERT_EQ(doc_count(db), 10u);
  fs::remove(b + "/kst-28676-445-c0.pdf");
  auto r = run_cli({"index", a, "--db", db, "--prune", "--json"});
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["pruned"], 0);
  auto rb = run_cli({"index", b, "--db", db, "--prune", "--json"});
  EXPECT_EQ(nlohmann::json::parse(rb.out)["pruned"], 1);
  EXPECT_EQ(doc_count(db), 9u);
}

// A folder the user cannot read: its files are not pruned, and the run says which folder.
TEST(PruneGuard, AnUnreadableFolderKeepsItsDocuments) {
  TempDir tmp;
  const std::string db = tmp / "db", docs = tmp / "docs";
  fill(docs + "/open");
  make_distinct_copies(docs + "/closed", 1);
  open_up(tmp.path(), true);
  auto first = run_cli_unprivileged({"index", docs, "--db", db});
  ASSERT_EQ(first.rc, 0) << first.err;
  ASSERT_EQ(doc_count(db), 10u);
  fs::permissions(docs + "/closed", fs::perms::none);
  auto r = run_cli_unprivileged({"index", docs, "--db", db, "--prune", "--json"});
  fs::permissions(docs + "/closed", fs::perms::all);
  EXPECT_EQ(r.rc, 3) << r.err;
  EXPECT_NE(r.err.find("kamerzoek: " + docs + "/closed: cannot read folder: Permission denied"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("kamerzoek: " + docs + "/closed: not read in this run; nothing below it pruned"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["pruned"], 0);
  EXPECT_EQ(doc_count(db), 10u);
}

// A root below a file (ENOTDIR) is as missing as a root that is gone: nothing is pruned.
TEST(PruneGuard, ARootBelowAFileIsNotWalkedAndPrunesNothing) {
  TempDir tmp;
  const std::string db = tmp / "db", docs = tmp / "docs";
  fill(docs + "/sub");
  ASSERT_EQ(run_cli({"index", docs + "/sub", "--db", db}).rc, 0);
  fs::remove_all(docs);
  std::ofstream(docs) << "a file where the folder was\n";
  auto r = run_cli({"index", docs + "/sub", "--db", db, "--prune", "--json"});
  EXPECT_EQ(r.rc, 3) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["pruned"], 0);
  EXPECT_EQ(doc_count(db), 5u);
}

}  // namespace
}  // namespace kz::test
