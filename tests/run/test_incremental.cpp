// Incremental indexing through the command line: a second run extracts nothing, renames and
// touched files cost no extraction, an edited file replaces its document, --prune removes
// documents whose files are gone, and a copy of a file is one document, not two.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "indexer/record/document_data.h"
#include "indexer/record/index_schema.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using kz::test::run_cli;

namespace {

struct Fixture {
  kz::test::TempDir tmp;
  std::string docs = tmp / "docs", db = tmp / "db";
  Fixture() {
    fs::create_directories(docs);
    for (const char* f : {"kst-28676-445.pdf", "kst-29521-343.pdf", "MINDEF20260027574.pdf"})
      kz::test::copy_file(kz::test::corpus_dir() + "/" + f, docs + "/" + f);
  }
  nlohmann::json index(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"index", docs, "--db", db, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_cli(args);
    EXPECT_TRUE(r.rc == 0 || r.rc == 3) << r.err;
    return nlohmann::json::parse(r.out);
  }
  Xapian::doccount doc_count() { return Xapian::Database(db).get_doccount(); }
  std::vector<std::string> ids() {
    Xapian::Database d(db);
    std::vector<std::string> out;
    for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it)
      out.push_back(d.get_document(*it).get_value(kz::schema::kSlotId));
    std::sort(out.begin(), out.end());
    return out;
  }
  nlohmann::json data_of(const std::string& id) {
    Xapian::Database d(db);
    std::string term = kz::schema::term(kz::schema::kId, id);
    for (auto it = d.postlist_begin(term); it != d.postlist_end(term); ++it)
      return kz::document_data::decode(d.get_document(*it).get_data());
    return nullptr;
  }
};

TEST(Incremental, SecondRunExtractsNothing) {
  Fixture f;
  auto first = f.index();
  EXPECT_EQ(first["indexed"], 3);
  auto second = f.index();
  EXPECT_EQ(second["indexed"], 0);
  EXPECT_EQ(second["unchanged"], 3);
  EXPECT_EQ(f.doc_count(), 3u);
}

TEST(Incremental, TouchedFileIsUnchanged) {
  Fixture f;
  f.index();
  std::string p = f.docs + "/kst-29521-343.pdf";
  utimbuf t{1700000000, 1700000000};
  ASSERT_EQ(utime(p.c_str(), &t), 0);
  auto again = f.index();
  EXPECT_EQ(again["indexed"], 0);
  EXPECT_EQ(again["unchanged"], 3);
}

TEST(Incremental, RenameCostsNoExtractionAndPruneDropsOldPath) {
  Fixture f;
  f.index();
  fs::rename(f.docs + "/kst-29521-343.pdf", f.docs + "/renamed.pdf");
  auto again = f.index({"--prune"});
  EXPECT_EQ(again["indexed"], 0);
  EXPECT_EQ(f.doc_count(), 3u);
  auto data = f.data_of("kst-29521-343");
  ASSERT_FALSE(data.is_null());
  ASSERT_EQ(data["files"].size(), 1u);
  EXPECT_EQ(fs::path(data["files"][0].get<std::string>()).filename(), "renamed.pdf");
}

TEST(Incremental, EditedFileReplacesItsDocument) {
  Fixture f;
  f.index();
  // Put another document's bytes under the same name: the old content must go, not linger.
  kz::test::copy_file(kz::test::corpus_dir() + "/voortgangsrapportage-oostflank-2025.pdf", f.docs + "/kst-29521-343.pdf");
  auto again = f.index();
  EXPECT_EQ(again["indexed"], 1);
  EXPECT_EQ(f.doc_count(), 3u);
  auto ids = f.ids();
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "kst-29521-343"), 0);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "file-04d7b8c77437"), 1);
}

TEST(Incremental, DeletedFileIsPrunedOnlyWithPrune) {
  Fixture f;
  f.index();
  fs::remove(f.docs + "/MINDEF20260027574.pdf");
  f.index();
  EXPECT_EQ(f.doc_count(), 3u) << "without --prune documents stay";
  auto pruned = f.index({"--prune"});
  EXPECT_EQ(pruned["pruned"], 1);
  EXPECT_EQ(f.doc_count(), 2u);
  auto r = run_cli({"show", "MINDEF20260027574", "--db", f.db});
  EXPECT_EQ(r.rc, 1);
}

TEST(Incremental, CopyIsOneDocumentWithTwoFiles) {
  Fixture f;
  kz::test::copy_file(f.docs + "/kst-28676-445.pdf", f.docs + "/copy of 445 – geïnformeerd.pdf");
  auto first = f.index();
  EXPECT_EQ(first["indexed"], 3);
  EXPECT_EQ(first["duplicates"], 1);
  EXPECT_EQ(f.doc_count(), 3u);
  EXPECT_EQ(f.data_of("kst-28676-445")["files"].size(), 2u);
  auto r = run_cli({"search", "Interflex", "--db", f.db, "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  auto hits = nlohmann::json::parse(r.out)["hits"];
  int n = 0;
  for (const auto& h : hits) n += h["id"] == "kst-28676-445";
  EXPECT_EQ(n, 1);
}

TEST(Incremental, SecondWriterIsToldWhoHoldsTheLock) {
  Fixture f;
  f.index();
  // Hold the lock the way a running indexer does, from this process.
  int fd = ::open((f.db + "/kamerzoek.lock").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
  std::string pid = std::to_string(getpid()) + "\n";
  ASSERT_EQ(ftruncate(fd, 0), 0);
  ASSERT_EQ(pwrite(fd, pid.data(), pid.size(), 0), static_cast<ssize_t>(pid.size()));
  auto r = run_cli({"index", f.docs, "--db", f.db});
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("index is being updated by process " + std::to_string(getpid())), std::string::npos) << r.err;
  close(fd);
  EXPECT_EQ(f.doc_count(), 3u);
}

}  // namespace
