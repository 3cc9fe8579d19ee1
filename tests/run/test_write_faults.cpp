// Writing the index when the disk fails, and paths too long for a Xapian key. A write fault is
// injected with tests/fault_shim.cpp (LD_PRELOAD): after a number of bytes every write to a
// file fails with ENOSPC or EIO, as on a full or failing disk, on any machine (no tmpfs mount
// needed). The run must say so in one line, keep what it committed and leave an index that
// the next run completes.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <regex>

#include "tests/folder_support.h"
#include "tests/hardening_support.h"

namespace fs = std::filesystem;

namespace kz::test {
namespace {

std::map<std::string, std::string> fault_env(long long after_bytes, const std::string& which) {
  return {{"LD_PRELOAD", KZ_FAULT_SHIM},
          {"KZ_FAULT_AFTER_BYTES", std::to_string(after_bytes)},
          {"KZ_FAULT_ERRNO", which},
          {"KAMERZOEK_COMMIT_EVERY", "3"},
          // Xapian's compactor leaves its table objects behind when a write fails mid-way (the
          // leak is inside libxapian), so the sanitizer build checks no leaks in these runs.
          {"ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=0"}};
}

// A fresh index of 20 distinct files on a disk that fails after `after_bytes`: one line with
// the cause and the count, exit 2, the JSON object still printed, the committed documents
// whole; the next run (disk fine again) completes the index.
void expect_clean_write_failure(const std::string& which, const std::string& cause) {
  TempDir tmp;
  const std::string db = tmp / "db", docs = tmp / "docs";
  auto files = make_distinct_copies(docs, 4);
  auto r = run_cli_env({"index", docs, "--db", db, "-j", "2", "--json"}, fault_env(400000, which));
  if (r.err.find("ASan runtime does not come first") != std::string::npos) GTEST_SKIP() << "shim not loadable under ASan";
  ASSERT_EQ(r.rc, 2) << r.err;
  auto lines = lines_with_prefix(r.err, "kamerzoek:");
  ASSERT_EQ(lines.size(), 1u) << r.err;
  std::smatch m;
  const std::regex line("kamerzoek: " + db + ": " + cause + " while (committing|writing); ([0-9]+) documents of this run committed");
  ASSERT_TRUE(std::regex_match(lines[0], m, line)) << lines[0];
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos);
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_TRUE(j.contains("indexed") && j.contains("failed") && j.contains("seconds")) << r.out;
  const std::size_t committed = std::stoul(m[2].str());
  EXPECT_EQ(j["committed"], committed);
  EXPECT_LT(committed, files.size()) << "the fault struck before the end";
  IndexState st;
  EXPECT_EQ(check_index(db, &st, true), "");
  EXPECT_EQ(st.docs, committed);
  auto again = run_cli({"index", docs, "--db", db, "--json"});
  ASSERT_EQ(again.rc, 0) << again.err;
  EXPECT_EQ(check_index(db, &st, true), "");
  EXPECT_EQ(st.docs, files.size());
}

TEST(WriteFaults, DiskFullEndsTheRunWithOneLineAndKeepsTheCommittedDocuments) {
  expect_clean_write_failure("ENOSPC", "no space left on device");
}

TEST(WriteFaults, AnIOErrorEndsTheRunWithOneLineAndKeepsTheCommittedDocuments) {
  expect_clean_write_failure("EIO", "input/output error");
}

// A full disk while compacting leaves the uncompacted index in use, and says why.
TEST(WriteFaults, DiskFullWhileCompactingKeepsTheIndexAndSaysSo) {
  TempDir tmp;
  const std::string db = tmp / "db";
  // Measure what a run writes, then let the fault strike after that but before compaction ends.
  auto plain = run_cli({"index", corpus_dir(), "--db", tmp / "measure"});
  ASSERT_EQ(plain.rc, 0) << plain.err;
  std::uintmax_t tables = 0;
  for (const auto& e : fs::recursive_directory_iterator(tmp / "measure"))
    if (e.is_regular_file()) tables += e.file_size();
  // A fresh run writes its uncompacted tables (larger than the compacted copy measured) and
  // then the copy: let it write about twice the compacted size.
  auto env = fault_env(static_cast<long long>(tables) * 2, "ENOSPC");
  env.erase("KAMERZOEK_COMMIT_EVERY");
  auto r = run_cli_env({"index", corpus_dir(), "--db", db, "--json"}, env);
  if (r.err.find("ASan runtime does not come first") != std::string::npos) GTEST_SKIP() << "shim not loadable under ASan";
  if (r.rc == 2) GTEST_SKIP() << "the fault struck before the compaction: " << r.err;
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.err.find("kamerzoek: " + db + ": not compacted: "), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db + "/kamerzoek-tables-1")) << "the half-written copy is removed";
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 5u);
}

// A folder path of more than 250 bytes: keys stay short (the path is hashed in the key and
// kept whole in the record), the file is indexed with its full path, found unchanged on the
// next run, and pruned when it goes.
TEST(WriteFaults, APathLongerThanAXapianKeyIsIndexed) {
  TempDir tmp;
  const std::string db = tmp / "db";
  std::string deep = tmp / "docs";
  for (int i = 0; i < 4; ++i) deep += "/" + std::string(90, static_cast<char>('a' + i));
  fs::create_directories(deep);
  const std::string long_pdf = deep + "/kst-28676-445.pdf";
  ASSERT_GT(long_pdf.size(), 380u);
  copy_file(corpus_dir() + "/kst-28676-445.pdf", long_pdf);
  copy_file(corpus_dir() + "/kst-29521-343.pdf", tmp / "docs/short.pdf");
  auto r = run_cli({"index", tmp / "docs", "--db", db, "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["indexed"], 2);
  auto show = run_cli({"show", "kst-28676-445", "--db", db, "--json"});
  ASSERT_EQ(show.rc, 0) << show.err;
  EXPECT_NE(show.out.find(std::string(90, 'd') + "/kst-28676-445.pdf"), std::string::npos);
  auto again = run_cli({"index", tmp / "docs", "--db", db, "--json"});
  ASSERT_EQ(again.rc, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["unchanged"], 2);
  fs::remove(long_pdf);
  fs::copy_file(corpus_dir() + "/MINDEF20260027574.pdf", tmp / "docs/third.pdf");
  fs::copy_file(corpus_dir() + "/voortgangsrapportage-oostflank-2025.pdf", tmp / "docs/fourth.pdf");
  auto pruned = run_cli({"index", tmp / "docs", "--db", db, "--prune", "--json"});
  ASSERT_EQ(pruned.rc, 0) << pruned.err;
  EXPECT_EQ(nlohmann::json::parse(pruned.out)["pruned"], 1);
  EXPECT_EQ(run_cli({"show", "kst-28676-445", "--db", db}).rc, 1);
}

}  // namespace
}  // namespace kz::test
