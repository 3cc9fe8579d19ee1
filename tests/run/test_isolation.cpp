// One PDF whose reading crashes or hangs fails that file only: the run goes on, every other
// file is indexed, the failure is named with its cause, and the run exits 3. Faults are
// injected in the reading process (KAMERZOEK_TEST_CRASH_ON / KAMERZOEK_TEST_HANG_ON), exactly
// where a PDF library bug would strike.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "indexer/extract/extract_worker.h"
#include "tests/hardening_support.h"

namespace kz::test {
namespace {

struct Outcome {
  RunResult run;
  double seconds = 0;
  IndexState state;
  std::vector<std::string> errors;  // "kamerzoek: " lines on stderr
};

Outcome index_with(const std::string& docs, const std::string& db, const std::vector<std::string>& extra = {}) {
  Outcome o;
  std::vector<std::string> args{"index", docs, "--db", db, "-j", "2"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto t0 = std::chrono::steady_clock::now();
  o.run = run_cli(args);
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(check_index(db, &o.state, true), "");
  o.errors = lines_with_prefix(o.run.err, "kamerzoek: ");
  return o;
}

bool indexed(const IndexState& st, const std::string& path) {
  for (const auto& [sha, files] : st.files_of_sha)
    if (std::find(files.begin(), files.end(), path) != files.end()) return true;
  return false;
}

// Names a few of the copies so that a fault can be aimed at them by a unique substring.
std::vector<std::string> corpus_with_targets(const std::string& docs, const std::vector<std::string>& targets) {
  auto files = make_distinct_copies(docs, 6);  // 30 files
  for (std::size_t i = 0; i < targets.size(); ++i) {
    std::string renamed = docs + "/" + targets[i] + ".pdf";
    std::filesystem::rename(files[i * 7 + 3], renamed);
    files[i * 7 + 3] = renamed;
  }
  return files;
}

TEST(Isolation, CrashingReaderFailsOnlyThatFile) {
  TempDir tmp;
  auto files = corpus_with_targets(tmp / "docs", {"zz-victim"});
  Outcome o;
  {
    ScopedEnv crash("KAMERZOEK_TEST_CRASH_ON", "zz-victim");
    o = index_with(tmp / "docs", tmp / "db");
  }
  EXPECT_EQ(o.run.rc, 3) << o.run.err;
  ASSERT_EQ(o.errors.size(), 1u) << o.run.err;
  const std::string& line = o.errors[0];
  EXPECT_NE(line.find(tmp / "docs/zz-victim.pdf"), std::string::npos) << line;
  EXPECT_NE(line.find("crashed"), std::string::npos) << line;
  EXPECT_NE(line.find("signal 11"), std::string::npos) << line;
  EXPECT_NE(line.find("Segmentation fault"), std::string::npos) << line;
  EXPECT_EQ(o.state.docs, files.size() - 1);
  for (const auto& f : files)
    EXPECT_EQ(indexed(o.state, f), f.find("zz-victim") == std::string::npos) << f;

  // The failure is remembered: the next run skips the unchanged file and counts it. Without
  // the fault, --retry-failed indexes it and leaves the others alone.
  auto skipped = run_cli({"index", tmp / "docs", "--db", tmp / "db", "--json"});
  ASSERT_EQ(skipped.rc, 0) << skipped.err;
  EXPECT_EQ(nlohmann::json::parse(skipped.out)["skipped_failed"], 1);
  auto again = run_cli({"index", tmp / "docs", "--db", tmp / "db", "--retry-failed", "--json"});
  ASSERT_EQ(again.rc, 0) << again.err;
  auto j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["indexed"], 1);
  EXPECT_EQ(j["unchanged"], static_cast<int>(files.size() - 1));
}

TEST(Isolation, ManyCrashesInOneRunEachFailAlone) {
  TempDir tmp;
  auto files = corpus_with_targets(tmp / "docs", {"boom-a", "boom-b", "boom-c", "boom-d"});
  Outcome o;
  {
    ScopedEnv crash("KAMERZOEK_TEST_CRASH_ON", "boom-");
    o = index_with(tmp / "docs", tmp / "db");
  }
  EXPECT_EQ(o.run.rc, 3);
  EXPECT_EQ(o.errors.size(), 4u) << o.run.err;
  for (const auto& line : o.errors) {
    EXPECT_NE(line.find("/boom-"), std::string::npos) << line;
    EXPECT_NE(line.find("signal 11"), std::string::npos) << line;
  }
  EXPECT_EQ(o.state.docs, files.size() - 4);
}

TEST(Isolation, HangingReaderIsStoppedByTheTimeout) {
  TempDir tmp;
  auto files = corpus_with_targets(tmp / "docs", {"zz-sleeper"});
  Outcome o;
  {
    ScopedEnv hang("KAMERZOEK_TEST_HANG_ON", "zz-sleeper");
    o = index_with(tmp / "docs", tmp / "db", {"--timeout", "2"});
  }
  std::cout << "[ isolation ] run with one hanging file took " << o.seconds << " s\n";
  EXPECT_EQ(o.run.rc, 3) << o.run.err;
  ASSERT_EQ(o.errors.size(), 1u) << o.run.err;
  EXPECT_NE(o.errors[0].find(tmp / "docs/zz-sleeper.pdf"), std::string::npos) << o.errors[0];
  EXPECT_NE(o.errors[0].find("longer than 2 s"), std::string::npos) << o.errors[0];
  EXPECT_EQ(o.state.docs, files.size() - 1);
  // The time bound held: the hanging file cost about two seconds, not the run.
  EXPECT_LT(o.seconds, 40.0);
}

TEST(Isolation, EveryReaderHangingStillEndsTheRun) {
  TempDir tmp;
  make_distinct_copies(tmp / "docs", 1);  // the 5 samples, each hanging
  Outcome o;
  {
    ScopedEnv hang("KAMERZOEK_TEST_HANG_ON", ".pdf");
    o = index_with(tmp / "docs", tmp / "db", {"--timeout", "1"});
  }
  EXPECT_EQ(o.run.rc, 3);
  EXPECT_EQ(o.errors.size(), 5u) << o.run.err;
  EXPECT_EQ(o.state.docs, 0u);
  // 5 files, 2 at a time, 1 s each (plus the poll interval): about 3 s; never unbounded.
  EXPECT_LT(o.seconds, 20.0);
  auto r = run_cli({"search", "kosten", "--db", tmp / "db", "--json"});
  EXPECT_EQ(r.rc, 0) << r.err;
}

// Poppler aborts when an allocation fails. A reader under a memory limit too small for its
// file fails that file with a line that names the limit and the variable that sets it.
TEST(Isolation, ReaderOutOfMemoryNamesTheLimit) {
  if (!kWorkerMemoryLimited) GTEST_SKIP() << "readers run without a memory limit under AddressSanitizer";
  TempDir tmp;
  std::filesystem::create_directories(tmp / "docs");
  copy_file(corpus_dir() + "/kst-28676-445.pdf", tmp / "docs/big.pdf");
  Outcome o;
  {
    ScopedEnv mem("KAMERZOEK_WORKER_MEMORY_MB", "60");
    o = index_with(tmp / "docs", tmp / "db");
  }
  EXPECT_EQ(o.run.rc, 3) << o.run.err;
  ASSERT_EQ(o.errors.size(), 1u) << o.run.err;
  const std::string& line = o.errors[0];
  EXPECT_NE(line.find(tmp / "docs/big.pdf"), std::string::npos) << line;
  EXPECT_NE(line.find("out of memory"), std::string::npos) << line;
  EXPECT_NE(line.find("60 MB"), std::string::npos) << line;
  EXPECT_NE(line.find("KAMERZOEK_WORKER_MEMORY_MB"), std::string::npos) << line;
  EXPECT_EQ(o.state.docs, 0u);

  // With the default limit the same file is indexed.
  auto again = run_cli({"index", tmp / "docs", "--db", tmp / "db"});
  EXPECT_EQ(again.rc, 0) << again.err;
}

// The PDF reader is its own program beside kamerzoek; a kamerzoek copied without it says
// what is missing and touches no index, rather than failing every file.
TEST(Isolation, MissingReaderProgramIsNamed) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "bin");
  std::filesystem::copy_file(binary(), tmp / "bin/kamerzoek");
  std::filesystem::permissions(tmp / "bin/kamerzoek", std::filesystem::perms::owner_all);
  std::string cmd = "'" + (tmp / "bin/kamerzoek") + "' index '" + corpus_dir() + "' --db '" + (tmp / "db") +
                    "' > /dev/null 2> '" + (tmp / "err") + "'";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  std::string err = read_file(tmp / "err");
  EXPECT_NE(err.find("kamerzoek-extract"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_EQ(Xapian::Database(tmp / "db").get_doccount(), 0u);
}

}  // namespace
}  // namespace kz::test
