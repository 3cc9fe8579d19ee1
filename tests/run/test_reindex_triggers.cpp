// What makes `index` read an unchanged file again, and what keeps it from doing so: an edited
// mission table or analysis data file re-extracts the documents made with the old data; a
// file that failed is skipped until it changes or `--retry-failed` is given.
#include <algorithm>
#include <gtest/gtest.h>
#include <sys/time.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "tests/folder_support.h"
#include "tests/hardening_support.h"

namespace fs = std::filesystem;

namespace kz::test {
namespace {

// A copy of the data files (corpus/*.tsv, stemmer/data) a test may edit.
std::string copy_data(const TempDir& tmp) {
  const std::string data = tmp / "data";
  fs::create_directories(data + "/corpus");
  fs::create_directories(data + "/stemmer");
  for (const auto& e : fs::directory_iterator(source_dir() + "/corpus"))
    if (e.path().extension() == ".tsv") copy_file(e.path().string(), data + "/corpus/" + e.path().filename().string());
  fs::copy(source_dir() + "/stemmer/data", data + "/stemmer/data", fs::copy_options::recursive);
  return data;
}

std::vector<std::string> hit_ids(const RunResult& r) {
  std::vector<std::string> ids;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded() || !j.contains("hits")) return ids;
  for (const auto& h : j["hits"]) ids.push_back(h["id"]);
  return ids;
}

TEST(ReindexTriggers, AnEditedMissionTableRetagsUnchangedDocuments) {
  TempDir tmp;
  const std::string data = copy_data(tmp), db = tmp / "db";
  ScopedEnv env("KAMERZOEK_DATA", data);
  auto first = run_cli({"index", corpus_dir(), "--db", db, "--json"});
  ASSERT_EQ(first.rc, 0) << first.err;
  auto missions_of = [&](const std::string& id) {
    return nlohmann::json::parse(run_cli({"show", id, "--db", db, "--json"}).out)["missions"];
  };
  const auto before = missions_of("kst-29521-343");
  EXPECT_EQ(std::find(before.begin(), before.end(), "kazerne-rukla"), before.end()) << before.dump();
  std::ofstream(data + "/corpus/missions.tsv", std::ios::app) << "kazerne-rukla\tKazerne Rukla\tkazerne in Rukla\n";
  auto second = run_cli({"index", corpus_dir(), "--db", db, "--json"});
  ASSERT_EQ(second.rc, 0) << second.err;
  EXPECT_EQ(nlohmann::json::parse(second.out)["indexed"], 5) << "every document is read with the new table";
  auto hits = hit_ids(run_cli({"search", "missie:kazerne-rukla", "--db", db, "--json"}));
  EXPECT_EQ(hits, std::vector<std::string>{"kst-29521-343"});
  const auto after = missions_of("kst-29521-343");
  EXPECT_NE(std::find(after.begin(), after.end(), "kazerne-rukla"), after.end()) << after.dump();
  auto third = run_cli({"index", corpus_dir(), "--db", db, "--json"});
  EXPECT_EQ(nlohmann::json::parse(third.out)["indexed"], 0) << "once read, documents are current";
  IndexState st;
  EXPECT_EQ(check_index(db, &st, true), "");
  EXPECT_EQ(st.docs, 5u);
}

TEST(ReindexTriggers, AnEditedAnalysisDataFileReextractsDocuments) {
  TempDir tmp;
  const std::string data = copy_data(tmp), db = tmp / "db";
  ScopedEnv env("KAMERZOEK_DATA", data);
  ASSERT_EQ(run_cli({"index", corpus_dir(), "--db", db}).rc, 0);
  std::ofstream(data + "/stemmer/data/stopwords.txt", std::ios::app) << "rukla\n";
  auto again = run_cli({"index", corpus_dir(), "--db", db, "--json"});
  ASSERT_EQ(again.rc, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["indexed"], 5);
}

// Content indexed under two paths, one outside this run's roots: extracted again, the document
// keeps both files.
TEST(ReindexTriggers, ReextractionKeepsFilesOutsideTheRun) {
  TempDir tmp;
  const std::string data = copy_data(tmp), db = tmp / "db";
  ScopedEnv env("KAMERZOEK_DATA", data);
  fs::create_directories(tmp / "a");
  fs::create_directories(tmp / "b");
  copy_file(corpus_dir() + "/kst-29521-343.pdf", tmp / "a/x.pdf");
  copy_file(corpus_dir() + "/kst-29521-343.pdf", tmp / "b/y.pdf");
  ASSERT_EQ(run_cli({"index", tmp / "a", tmp / "b", "--db", db}).rc, 0);
  std::ofstream(data + "/corpus/missions.tsv", std::ios::app) << "kazerne-rukla\tKazerne Rukla\tkazerne in Rukla\n";
  auto r = run_cli({"index", tmp / "a", "--db", db, "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["indexed"], 1);
  IndexState st;
  EXPECT_EQ(check_index(db, &st, true), "");
  ASSERT_EQ(st.files_of_sha.size(), 1u);
  EXPECT_EQ(st.files_of_sha.begin()->second.size(), 2u);
}

TEST(ReindexTriggers, AFailedFileIsSkippedUntilItChangesOrRetryFailed) {
  TempDir tmp;
  const std::string db = tmp / "db", docs = tmp / "docs";
  fs::create_directories(docs);
  copy_file(corpus_dir() + "/kst-29521-343.pdf", docs + "/good.pdf");
  copy_file(fixture("bad/truncated-half.pdf"), docs + "/bad.pdf");
  auto first = run_cli({"index", docs, "--db", db, "--json"});
  EXPECT_EQ(first.rc, 3) << first.err;
  EXPECT_EQ(nlohmann::json::parse(first.out)["failed"].size(), 1u);

  auto second = run_cli({"index", docs, "--db", db, "--json"});
  EXPECT_EQ(second.rc, 0) << second.err;
  auto j = nlohmann::json::parse(second.out);
  EXPECT_EQ(j["failed"].size(), 0u);
  EXPECT_EQ(j["skipped_failed"], 1);
  auto human = run_cli({"index", docs, "--db", db});
  EXPECT_NE(human.out.find("overgeslagen (eerder mislukt, sindsdien ongewijzigd): 1"), std::string::npos) << human.out;

  auto retried = run_cli({"index", docs, "--db", db, "--retry-failed", "--json"});
  EXPECT_EQ(retried.rc, 3);
  EXPECT_EQ(nlohmann::json::parse(retried.out)["failed"].size(), 1u);

  // A new modification time is a change: the file is read again (and now it is whole).
  copy_file(corpus_dir() + "/kst-28676-445.pdf", docs + "/bad.pdf");
  auto fixed = run_cli({"index", docs, "--db", db, "--json"});
  EXPECT_EQ(fixed.rc, 0) << fixed.err;
  EXPECT_EQ(nlohmann::json::parse(fixed.out)["indexed"], 1);
  auto after = run_cli({"index", docs, "--db", db, "--json"});
  EXPECT_EQ(nlohmann::json::parse(after.out)["skipped_failed"], 0);
}

}  // namespace
}  // namespace kz::test
