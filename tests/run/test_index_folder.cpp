// Every shape of `--db` folder: new, empty, an existing index, a folder of someone's files, a
// symlink, a mount point, read-only, another owner's; and the states a kill during compaction
// leaves. The rule under test: `index` never removes or replaces a file it did not create.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/folder_support.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace kz::test {
namespace {

const std::string kSample = "kst-28676-445.pdf";

std::size_t doc_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// `index home/archive --db home`: the folder holds a PDF and a note; both stay, nothing is added.
TEST(IndexFolder, AFolderOfOtherFilesIsRefusedAndKeptAsItWas) {
  TempDir tmp;
  const std::string home = tmp / "home";
  fs::create_directories(home + "/archive");
  copy_file(corpus_dir() + "/" + kSample, home + "/archive/a.pdf");
  write(home + "/notes.txt", "x\n");
  const auto before = listing(home);
  auto r = run_cli({"index", home + "/archive", "--db", home});
  EXPECT_EQ(r.rc, 2) << r.err;
  EXPECT_EQ(r.err, "kamerzoek: " + home + ": holds other files; choose an empty or new folder for the index\n");
  EXPECT_EQ(listing(home), before);
  EXPECT_EQ(read_file(home + "/notes.txt"), "x\n");
  // A file, too, is no index folder.
  auto f = run_cli({"index", home + "/archive", "--db", home + "/notes.txt"});
  EXPECT_EQ(f.rc, 2);
  EXPECT_NE(f.err.find("not a folder"), std::string::npos) << f.err;
  EXPECT_EQ(read_file(home + "/notes.txt"), "x\n");
}

TEST(IndexFolder, NewAndEmptyFoldersBecomeIndexes) {
  TempDir tmp;
  const std::string fresh = tmp / "a/b/db", empty = tmp / "empty";
  fs::create_directories(empty);
  for (const auto& db : {fresh, empty}) {
    auto r = run_cli({"index", corpus_dir(), "--db", db, "--json"});
    ASSERT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(doc_count(db), 5u);
  }
}

// Files a user put inside an index folder survive every run and every compaction; the folder
// itself is never replaced (same inode), which is also what keeps a mount point working.
TEST(IndexFolder, CompactionReplacesOnlyTheIndexsOwnFiles) {
  TempDir tmp;
  const std::string db = tmp / "db", docs = tmp / "docs";
  fs::create_directories(docs);
  copy_file(corpus_dir() + "/" + kSample, docs + "/a.pdf");
  auto first = run_cli({"index", docs, "--db", db});
  ASSERT_EQ(first.rc, 0) << first.err;
  write(db + "/notes.txt", "mine\n");
  fs::create_directories(db + "/keep");
  write(db + "/keep/postlist.glass", "not Xapian's\n");
  struct stat st_before {};
  ASSERT_EQ(stat(db.c_str(), &st_before), 0);
  // Four new documents against one: this run compacts.
  auto second = run_cli({"index", corpus_dir(), "--db", db, "--json"});
  ASSERT_EQ(second.rc, 0) << second.err;
  EXPECT_EQ(nlohmann::json::parse(second.out)["indexed"], 4);
  EXPECT_TRUE(fs::exists(db + "/XAPIANDB"));
  EXPECT_TRUE(fs::exists(db + "/kamerzoek-tables-2/iamglass")) << "the second run compacted";
  EXPECT_FALSE(fs::exists(db + "/kamerzoek-tables-1")) << "the first compaction's tables are gone";
  struct stat st_after {};
  ASSERT_EQ(stat(db.c_str(), &st_after), 0);
  EXPECT_EQ(st_before.st_ino, st_after.st_ino);
  EXPECT_EQ(read_file(db + "/notes.txt"), "mine\n");
  EXPECT_EQ(read_file(db + "/keep/postlist.glass"), "not Xapian's\n");
  EXPECT_EQ(doc_count(db), 5u);
  auto s = run_cli({"search", "verdragsgebied", "--db", db, "--json"});
  EXPECT_EQ(s.rc, 0) << s.err;
}

// `--db link`: the index lives in the link's target and the link stays a link.
TEST(IndexFolder, ASymlinkStaysALinkAndTheIndexLivesInItsTarget) {
  TempDir tmp;
  const std::string target = tmp / "real", link = tmp / "link";
  fs::create_directories(target);
  fs::create_directory_symlink(target, link);
  for (int run = 0; run < 2; ++run) {
    auto r = run_cli({"index", corpus_dir(), "--db", link});
    ASSERT_EQ(r.rc, 0) << r.err;
    ASSERT_TRUE(fs::is_symlink(link)) << "run " << run;
    EXPECT_EQ(fs::read_symlink(link), fs::path(target));
  }
  EXPECT_TRUE(fs::exists(target + "/XAPIANDB"));
  EXPECT_EQ(doc_count(target), 5u);
  EXPECT_EQ(doc_count(link), 5u);
  auto s = run_cli({"show", "kst-28676-445", "--db", link, "--json"});
  EXPECT_EQ(s.rc, 0) << s.err;
  // A link that leads nowhere is refused, not replaced.
  fs::create_directory_symlink(tmp / "gone", tmp / "dangling");
  auto d = run_cli({"index", corpus_dir(), "--db", tmp / "dangling"});
  EXPECT_EQ(d.rc, 2);
  EXPECT_TRUE(fs::is_symlink(tmp / "dangling"));
}

// The folder is a mount point (a tmpfs mounted by the test): it compacts like any folder.
TEST(IndexFolder, AMountPointCompacts) {
  TempDir tmp;
  const std::string mnt = tmp / "mnt";
  fs::create_directories(mnt);
  if (mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=64m") != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << "); the folder is never renamed, "
                 << "which CompactionReplacesOnlyTheIndexsOwnFiles checks by its inode";
  auto r = run_cli({"index", corpus_dir(), "--db", mnt});
  bool compacted = fs::exists(mnt + "/kamerzoek-tables-1/iamglass");
  std::size_t docs = doc_count(mnt);
  umount2(mnt.c_str(), MNT_DETACH);
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(compacted);
  EXPECT_EQ(docs, 5u);
}

// Another user's index, and a new index in a folder nobody may write: refused with the folder
// named and the cause; the index is untouched. As root, the run becomes `nobody`.
TEST(IndexFolder, AnotherOwnersOrAReadOnlyFolderIsRefusedWithTheCause) {
  TempDir tmp;
  const std::string db = tmp / "db";
  auto r = run_cli({"index", corpus_dir(), "--db", db});
  ASSERT_EQ(r.rc, 0) << r.err;
  const auto before = listing(db);
  if (geteuid() == 0) {
    open_up(tmp.path(), false);  // nobody may read, not write
  } else {
    fs::permissions(db, fs::perms::owner_read | fs::perms::owner_exec);
    fs::permissions(db + "/kamerzoek.lock", fs::perms::owner_read);
    fs::permissions(tmp.path(), fs::perms::owner_read | fs::perms::owner_exec);
  }
  auto other = run_cli_unprivileged({"index", corpus_dir(), "--db", db});
  auto fresh = run_cli_unprivileged({"index", corpus_dir(), "--db", tmp / "ro/new"});
  fs::permissions(tmp.path(), fs::perms::owner_all);
  fs::permissions(db, fs::perms::owner_all);
  fs::permissions(db + "/kamerzoek.lock", fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(other.rc, 2);
  EXPECT_EQ(other.err.rfind("kamerzoek: " + db + ": ", 0), 0u) << other.err;
  EXPECT_NE(other.err.find("Permission denied"), std::string::npos) << other.err;
  EXPECT_EQ(fresh.rc, 2);
  EXPECT_NE(fresh.err.find("cannot create index folder"), std::string::npos) << fresh.err;
  EXPECT_EQ(listing(db), before);
  EXPECT_EQ(doc_count(db), 5u);
}

// What a kill leaves at each moment of a compaction, and what the next run makes of it. Every
// state opens as a whole index; the next write run clears what is not in use.
TEST(IndexFolder, EveryStateOfAKilledCompactionIsCleared) {
  TempDir tmp;
  const std::string db = tmp / "db";
  auto r = run_cli({"index", corpus_dir(), "--db", db});
  ASSERT_EQ(r.rc, 0) << r.err;
  ASSERT_TRUE(fs::exists(db + "/kamerzoek-tables-1/iamglass"));
  auto tables_of = [](const std::string& dir) {
    std::vector<fs::path> v;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().filename() != "kamerzoek.lock") v.push_back(e.path());
    return v;
  };
  auto run_again = [&](const std::string& when) {
    auto again = run_cli({"index", corpus_dir(), "--db", db, "--json"});
    ASSERT_EQ(again.rc, 0) << when << ": " << again.err;
    EXPECT_EQ(nlohmann::json::parse(again.out)["indexed"], 0) << when;
    EXPECT_EQ(doc_count(db), 5u) << when;
  };

  // Killed while writing the next tables: a half-written kamerzoek-tables-2 and a temporary stub.
  fs::create_directories(db + "/kamerzoek-tables-2");
  copy_file(corpus_dir() + "/" + kSample, db + "/kamerzoek-tables-2/postlist.glass");
  write(db + "/XAPIANDB.kamerzoek-tmp", "glass kamerzoek-tables-2\n");
  EXPECT_EQ(doc_count(db), 5u);
  run_again("half-written tables");
  EXPECT_FALSE(fs::exists(db + "/kamerzoek-tables-2"));
  EXPECT_FALSE(fs::exists(db + "/XAPIANDB.kamerzoek-tmp"));

  // Killed in the first switch, before the flat tables' version file was removed: the flat
  // tables are the index (Xapian reads them first); the stub and its tables go.
  for (const auto& f : tables_of(db + "/kamerzoek-tables-1")) fs::copy_file(f, db / f.filename());
  EXPECT_EQ(doc_count(db), 5u);
  run_again("stub beside whole flat tables");
  EXPECT_FALSE(fs::exists(db + "/XAPIANDB"));
  EXPECT_FALSE(fs::exists(db + "/kamerzoek-tables-1"));
  EXPECT_TRUE(fs::exists(db + "/iamglass"));

  // Killed after the switch: the stub names new tables, the flat ones lost their version file.
  fs::create_directories(db + "/kamerzoek-tables-3");
  for (const auto& f : tables_of(db))
    if (f.filename() != "kamerzoek-tables-3") fs::copy_file(f, db + "/kamerzoek-tables-3/" + f.filename().string());
  write(db + "/XAPIANDB", "glass kamerzoek-tables-3\n");
  fs::remove(db + "/iamglass");
  EXPECT_EQ(doc_count(db), 5u);
  run_again("flat tables without their version file");
  EXPECT_FALSE(fs::exists(db + "/postlist.glass"));
  EXPECT_TRUE(fs::exists(db + "/kamerzoek-tables-3/iamglass"));

  // A copy beside the index, as earlier versions left it, goes too; a foreign file in it stays.
  const std::string sibling = tmp / ".db.kz-compact";
  fs::create_directories(sibling);
  copy_file(corpus_dir() + "/" + kSample, sibling + "/postlist.glass");
  run_again("old sibling copy");
  EXPECT_FALSE(fs::exists(sibling));
  fs::create_directories(sibling);
  write(sibling + "/mine.txt", "mine\n");
  run_again("old sibling copy with a foreign file");
  EXPECT_EQ(read_file(sibling + "/mine.txt"), "mine\n");
}

}  // namespace
}  // namespace kz::test
