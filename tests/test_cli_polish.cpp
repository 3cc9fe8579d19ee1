// The command line around the answers: a misspelled command gets a suggestion, --type names the
// known types, --from/--to on mandates and timeline (full dates also for costs) with the
// latest end date, undated documents named by `index` and counted when a date filter drops
// them, and Dutch labels unless --lang en.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace {

using nlohmann::json;
using kz::test::run_cli;

std::string real_pdf(const std::string& id) { return kz::test::source_dir() + "/tests/real/pdf/" + id + ".pdf"; }

TEST(CommandLine, MisspelledCommandGetsASuggestion) {
  auto r = run_cli({"serch", "MINUSMA"});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("bedoelde u 'search'?"), std::string::npos) << r.err;
  r = run_cli({"--lang", "en", "mandats", "MINUSMA"});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("did you mean 'mandates'?"), std::string::npos) << r.err;
  r = run_cli({"qwertyuiop"});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("search"), std::string::npos) << "lists the commands: " << r.err;
}

TEST(CommandLine, UnknownTypeListsTheKnownTypes) {
  const auto& corpus = kz::test::corpus_index();
  auto r = run_cli({"search", "MQ-9", "--type", "brieff", "--db", corpus.db});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("brief"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("geannoteerde agenda"), std::string::npos) << r.err;
  EXPECT_EQ(run_cli({"search", "MQ-9", "--type", "brief", "--db", corpus.db}).rc, 0);
}

TEST(CommandLine, DateRangesOnFactCommands) {
  const auto& corpus = kz::test::corpus_index();
  auto c = run_cli({"costs", "MNBG Litouwen", "--from", "2018-01-01", "--json", "--db", corpus.db});
  ASSERT_EQ(c.rc, 0) << c.err;
  json costs = json::parse(c.out);
  ASSERT_FALSE(costs["rows"].empty());
  for (const auto& r : costs["rows"])
    if (r["year"].is_number()) EXPECT_GE(r["year"].get<int>(), 2018) << r.dump();
  EXPECT_EQ(run_cli({"costs", "MNBG Litouwen", "--from", "2018-13-01", "--db", corpus.db}).rc, 1);

  auto m = run_cli({"mandates", "MQ-9", "--json", "--db", corpus.db});
  ASSERT_EQ(m.rc, 0) << m.err;
  json all = json::parse(m.out);
  ASSERT_TRUE(all["latest_end"].is_object()) << all.dump();
  EXPECT_EQ(all["latest_end"]["date"], "2026-03-31");
  auto human = run_cli({"mandates", "MQ-9", "--db", corpus.db});
  EXPECT_NE(human.out.find("laatst bekende einddatum: 2026-03-31"), std::string::npos) << human.out;
  // Nothing ends before 1990: every row is kept; a range long past keeps none.
  json kept = json::parse(run_cli({"mandates", "MQ-9", "--from", "1990", "--json", "--db", corpus.db}).out);
  EXPECT_EQ(kept["rows"].size(), all["rows"].size());
  json none = json::parse(run_cli({"mandates", "MQ-9", "--to", "1990-06", "--json", "--db", corpus.db}).out);
  EXPECT_TRUE(none["rows"].empty()) << none.dump();
  EXPECT_EQ(run_cli({"mandates", "MQ-9", "--from", "2026", "--to", "2025", "--db", corpus.db}).rc, 1);

  json t = json::parse(run_cli({"timeline", "MNBG", "--from", "2025-01-01", "--json", "--db", corpus.db}).out);
  ASSERT_FALSE(t["documents"].empty());
  for (const auto& d : t["documents"]) EXPECT_GE(d["date"].get<std::string>(), "2025-01-01");
  EXPECT_TRUE(t.contains("undated_left_out"));
}

// A page without a date is named by `index` and counted when --from leaves it out.
TEST(CommandLine, UndatedDocumentsAreNamedAndCounted) {
  kz::test::TempDir dir;
  std::string db = dir / "db";
  ASSERT_EQ(run_cli({"index", real_pdf("defensie-missieoverzicht-kfor-nederlands-aandeel"), "--db", db, "--json"}).rc, 0);
  auto human = run_cli({"index", real_pdf("kst-22181-331"), "--db", dir / "db2"});
  EXPECT_EQ(human.err.find("datum: onbekend"), std::string::npos) << "a dated paper is not named: " << human.err;
  kz::test::TempDir other;
  auto undated = run_cli({"index", real_pdf("defensie-missieoverzicht-kfor-nederlands-aandeel"), "--db", other / "db"});
  EXPECT_NE(undated.err.find("defensie-missieoverzicht-kfor-nederlands-aandeel.pdf"), std::string::npos) << undated.err;
  auto j = run_cli({"index", real_pdf("defensie-missieoverzicht-kfor-nederlands-aandeel"), real_pdf("kst-22181-331"),
                    "--db", dir / "db3", "--json"});
  ASSERT_EQ(j.rc, 0) << j.err;
  json summary = json::parse(j.out);
  ASSERT_EQ(summary["undated"].size(), 1u) << summary.dump();
  EXPECT_NE(summary["undated"][0].get<std::string>().find("kfor-nederlands-aandeel"), std::string::npos);

  auto s = run_cli({"search", "KFOR", "--from", "2000", "--json", "--db", dir / "db3"});
  ASSERT_EQ(s.rc, 0) << s.err;
  json hits = json::parse(s.out);
  EXPECT_EQ(hits["undated_left_out"], 1);
  EXPECT_EQ(hits["hits"].size(), 1u);
  EXPECT_NE(s.err.find("1 document(en) zonder datum"), std::string::npos) << s.err;
  auto ids = run_cli({"search", "Provost", "--json", "--db", dir / "db3"});
  json h = json::parse(ids.out);
  ASSERT_FALSE(h["hits"].empty());
  auto sh = run_cli({"show", h["hits"][0]["id"].get<std::string>(), "--db", dir / "db3"});
  EXPECT_NE(sh.out.find("datum     onbekend"), std::string::npos) << sh.out;
}

}  // namespace
