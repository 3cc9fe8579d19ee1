// Readers and writers at the same time: searches while `index` is writing see a consistent
// index (no errors, document counts never going down), and a second writer is refused at once
// with the pid of the first (exit 2) instead of waiting or damaging anything.
#include <gtest/gtest.h>

#include <iostream>

#include "tests/hardening_support.h"

namespace kz::test {
namespace {

const std::map<std::string, std::string> kEnv{{"KAMERZOEK_COMMIT_EVERY", "5"}};

// Waits until the writer holding `db` has written its pid into the lock file.
bool wait_for_lock_holder(const std::string& db, pid_t pid, Background& bg) {
  for (int i = 0; i < 1000; ++i) {
    if (read_file(db + "/kamerzoek.lock") == std::to_string(pid) + "\n") return true;
    if (!bg.running()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

TEST(Concurrency, SearchesDuringIndexingSeeAConsistentIndex) {
  TempDir tmp;
  std::string db = tmp / "db", docs = tmp / "docs";
  auto files = make_distinct_copies(docs, 30);  // 150 files
  ASSERT_EQ(run_cli({"index", corpus_dir(), "--db", db}).rc, 0);  // readers need an index to open

  auto writer = start_cli({"index", docs, "--db", db, "-j", "2"}, tmp.path(), kEnv);
  std::size_t last_docs = 0, last_hits = 0;
  int searches = 0, checks = 0, growth_seen = 0;
  while (writer.running()) {
    auto r = run_cli({"search", "kosten", "--db", db, "--json", "--limit", "100"});
    ASSERT_EQ(r.rc, 0) << "search during indexing failed: " << r.err;
    auto j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    std::size_t hits = j["hits"].size();
    EXPECT_GE(hits, last_hits) << "a search saw fewer hits than the one before";
    last_hits = hits;
    ++searches;

    auto f = run_cli({"search", "dossier:29521", "--db", db, "--json"});
    ASSERT_EQ(f.rc, 0) << f.err;

    IndexState st;
    ASSERT_EQ(check_index(db, &st), "");
    EXPECT_GE(st.docs, last_docs) << "the document count went down";
    growth_seen += st.docs > last_docs && last_docs > 0;
    last_docs = st.docs;
    ++checks;
  }
  ASSERT_TRUE(writer.wait(std::chrono::seconds(1)));
  EXPECT_EQ(writer.rc, 0) << writer.err();
  std::cout << "[ concurrency ] " << searches << " searches and " << checks
            << " consistency checks during one index run; count grew between checks " << growth_seen << " times\n";
  EXPECT_GE(searches, 3) << "the run was too short to overlap with searches";

  IndexState st;
  EXPECT_EQ(check_index(db, &st, true), "");
  EXPECT_EQ(st.docs, files.size() + 5);
}

TEST(Concurrency, SecondWriterIsRefusedWithThePidOfTheFirst) {
  TempDir tmp;
  std::string db = tmp / "db", docs = tmp / "docs", more = tmp / "more";
  auto files = make_distinct_copies(docs, 20);
  auto others = make_distinct_copies(more, 2, "x");
  auto writer = start_cli({"index", docs, "--db", db, "-j", "2"}, tmp.path(), kEnv);
  ASSERT_TRUE(wait_for_lock_holder(db, writer.pid, writer)) << "the writer never took the lock: " << writer.err();

  for (int attempt = 0; attempt < 3; ++attempt) {
    auto t0 = std::chrono::steady_clock::now();
    auto second = run_cli({"index", more, "--db", db});
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!writer.running()) break;  // too late to be refused; the first run has ended
    EXPECT_EQ(second.rc, 2) << second.err;
    std::string want = "kamerzoek: " + db + ": index is being updated by process " + std::to_string(writer.pid);
    auto lines = lines_with_prefix(second.err, "kamerzoek: ");
    ASSERT_EQ(lines.size(), 1u) << second.err;
    EXPECT_EQ(lines[0], want);
    EXPECT_LT(s, 5.0) << "the second writer waited instead of being refused";
    // A reader is not a writer: search goes on while the index is locked.
    EXPECT_EQ(run_cli({"search", "kosten", "--db", db, "--json"}).rc, 0);
  }
  ASSERT_TRUE(writer.wait(std::chrono::seconds(120)));
  EXPECT_EQ(writer.rc, 0) << writer.err();

  // The refused writer left nothing behind: the first run's documents are all there, the
  // second's none; run again now, it gets the lock.
  IndexState st;
  EXPECT_EQ(check_index(db, &st, true), "");
  EXPECT_EQ(st.docs, files.size());
  auto later = run_cli({"index", more, "--db", db});
  EXPECT_EQ(later.rc, 0) << later.err;
  EXPECT_EQ(check_index(db, &st, true), "");
  EXPECT_EQ(st.docs, files.size() + others.size());
}

TEST(Concurrency, LockOfAKilledWriterDoesNotBlockTheNext) {
  TempDir tmp;
  std::string db = tmp / "db", docs = tmp / "docs";
  auto files = make_distinct_copies(docs, 10);
  auto writer = start_cli({"index", docs, "--db", db, "-j", "2"}, tmp.path(), kEnv);
  ASSERT_TRUE(wait_for_lock_holder(db, writer.pid, writer));
  writer.kill_now(SIGKILL);
  ASSERT_TRUE(writer.wait(std::chrono::seconds(10)));
  // The lock file still names the dead writer, but the lock itself died with it.
  EXPECT_EQ(read_file(db + "/kamerzoek.lock"), std::to_string(writer.pid) + "\n");
  auto next = run_cli({"index", docs, "--db", db});
  EXPECT_EQ(next.rc, 0) << next.err;
  IndexState st;
  EXPECT_EQ(check_index(db, &st, true), "");
  EXPECT_EQ(st.docs, files.size());
}

}  // namespace
}  // namespace kz::test
