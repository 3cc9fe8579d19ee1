// The fact commands (costs, mandates, timeline, missions) on the real sample corpus, checked
// against corpus/truth.json: every cost and period with a mission is reported with its source,
// MISSION is resolved from the ways people write it, and the JSON has the contract's shape.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/index_schema.h"
#include "query/query.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;
using kz::test::run_cli;

class FactCommands : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto& corpus = kz::test::corpus_index();
    dir_ = &corpus.dir;
    db_ = corpus.db;
    truth_ = corpus.truth;
  }
  static json ask(std::vector<std::string> args) {
    args.insert(args.end(), {"--json", "--db", db_});
    auto r = run_cli(args);
    EXPECT_EQ(r.rc, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err;
    return r.rc == 0 ? json::parse(r.out) : json::object();
  }
  static const json& truth_doc(const std::string& id) {
    for (const auto& d : truth_["documents"])
      if (d["id"] == id) return d;
    static const json none = json::object();
    return none;
  }
  // The aliases a person is most likely to type, as truth.json lists them first.
  static std::vector<std::string> first_aliases(const std::string& mission, std::size_t n) {
    std::vector<std::string> out;
    for (const auto& a : truth_["missions"][mission]["aliases"])
      if (out.size() < n) out.push_back(a.get<std::string>());
    return out;
  }

  static const kz::test::TempDir* dir_;
  static std::string db_;
  static json truth_;
};
const kz::test::TempDir* FactCommands::dir_ = nullptr;
std::string FactCommands::db_;
json FactCommands::truth_;

// The source must name the document truth.json has the fact in, its date, a real page of it
// and the sentence exactly as printed.
void expect_source(const json& source, const json& doc, const std::string& sentence) {
  EXPECT_EQ(source.value("id", ""), doc.value("id", "?"));
  EXPECT_EQ(source.value("date", ""), doc.value("date", "?"));
  EXPECT_EQ(source.value("sentence", ""), sentence);
  ASSERT_TRUE(source["page"].is_number_integer()) << source.dump();
  EXPECT_GE(source["page"].get<int>(), 1);
  EXPECT_LE(source["page"].get<int>(), doc.value("pages", 0));
}

const json* find_cost(const json& rows, long long amount, const json& year) {
  for (const auto& r : rows)
    if (r.value("amount_eur", 0LL) == amount && r["year"] == year) return &r;
  return nullptr;
}

TEST_F(FactCommands, CostsOfMnbgLitouwenGiveTheEstimateAndTheSpentFigure) {
  json c = ask({"costs", "MNBG Litouwen"});
  EXPECT_EQ(c.value("mission", ""), "efp-litouwen");
  const json* y2017 = find_cost(c["rows"], 23500000, 2017);
  const json* y2024 = find_cost(c["rows"], 42400000, 2024);
  ASSERT_NE(y2017, nullptr) << c.dump(1);
  ASSERT_NE(y2024, nullptr) << c.dump(1);
  EXPECT_TRUE((*y2017)["estimate"].get<bool>());
  EXPECT_FALSE((*y2024)["estimate"].get<bool>());
  EXPECT_EQ((*y2017)["source"]["id"], "kst-29521-343");
  expect_source((*y2017)["source"], truth_doc("kst-29521-343"),
                "De kosten van de Nederlandse bijdrage in 2017 worden geraamd op 23,5 miljoen euro.");
  expect_source((*y2024)["source"], truth_doc("file-04d7b8c77437"), "MNBG Litouwen: € 42,4 miljoen");
  // Rows run by year.
  int last = 0;
  for (const auto& r : c["rows"]) {
    if (!r["year"].is_number_integer()) continue;
    EXPECT_GE(r["year"].get<int>(), last);
    last = r["year"].get<int>();
  }
}

TEST_F(FactCommands, MandatesGiveTheEndDatesOfMq9AndEfpLitouwen) {
  auto ends = [](const json& m) {
    std::set<std::string> out;
    for (const auto& r : m["rows"])
      if (r["end"].is_string()) out.insert(r["end"].get<std::string>());
    return out;
  };
  json mq9 = ask({"mandates", "MQ-9"});
  EXPECT_EQ(mq9.value("mission", ""), "mq9-roemenie");
  EXPECT_TRUE(ends(mq9).count("2026-03-31")) << mq9.dump(1);
  json efp = ask({"mandates", "eFP Litouwen"});
  EXPECT_EQ(efp.value("mission", ""), "efp-litouwen");
  EXPECT_TRUE(ends(efp).count("2026-12-31")) << efp.dump(1);
  for (const auto& r : efp["rows"])
    if (r["kind"] == "mandate" && r["end"] == "2026-12-31")
      expect_source(r["source"], truth_doc("file-04d7b8c77437"),
                    "Het mandaat voor deze inzet loopt tot en met 31 december 2026;");
}

TEST_F(FactCommands, EveryTruthCostIsReportedUnderItsMissionAliases) {
  int checked = 0;
  for (const auto& d : truth_["documents"])
    for (const auto& c : d["costs"]) {
      if (!c["mission"].is_string()) continue;
      for (const auto& alias : first_aliases(c["mission"], 2)) {
        json j = ask({"costs", alias});
        EXPECT_EQ(j.value("mission", ""), c["mission"]) << alias;
        const json* row = find_cost(j["rows"], c["amount_eur"].get<long long>(), c["year"]);
        ASSERT_NE(row, nullptr) << alias << " lacks " << c.dump();
        EXPECT_EQ((*row)["estimate"], c["estimate"]) << alias;
        EXPECT_EQ((*row)["text"], c["text"]) << alias;
        expect_source((*row)["source"], d, c["sentence"]);
        ++checked;
      }
    }
  EXPECT_GE(checked, 12);
}

TEST_F(FactCommands, EveryTruthPeriodIsReportedByMandates) {
  int checked = 0;
  for (const auto& d : truth_["documents"])
    for (const auto& p : d["periods"]) {
      for (const auto& alias : first_aliases(p["mission"], 2)) {
        json j = ask({"mandates", alias});
        const json* found = nullptr;
        for (const auto& r : j["rows"])
          if (r["start"] == p["start"] && r["end"] == p["end"] && r["kind"] == p["kind"] &&
              r["source"].value("sentence", "") == p["sentence"])
            found = &r;
        ASSERT_NE(found, nullptr) << alias << " lacks " << p.dump();
        expect_source((*found)["source"], d, p["sentence"]);
        ++checked;
      }
    }
  EXPECT_GE(checked, 30);
}

TEST_F(FactCommands, MissionIsResolvedCaseAndDiacriticInsensitively) {
  for (const char* typed : {"eFP Litouwen", "MNBG Litouwen", "battlegroup in Litouwen", "efp-litouwen"})
    EXPECT_EQ(ask({"costs", typed}).value("mission", ""), "efp-litouwen") << typed;
  for (const char* typed : {"MQ-9", "mq9 roemenie", "MQ9 ROEMENIË"})
    EXPECT_EQ(ask({"mandates", typed}).value("mission", ""), "mq9-roemenie") << typed;
}

TEST_F(FactCommands, UnknownMissionExitsOneWithTheClosestNames) {
  auto r = run_cli({"costs", "MNBG Litauen", "--db", db_});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err.rfind("kamerzoek: MNBG Litauen: unknown mission", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("Multinational Battlegroup Litouwen"), std::string::npos) << r.err;
  for (const char* cmd : {"mandates", "timeline"}) {
    auto u = run_cli({cmd, "vredesmissie op Mars", "--db", db_});
    EXPECT_EQ(u.rc, 1) << cmd;
    EXPECT_NE(u.err.find("unknown mission"), std::string::npos) << u.err;
  }
  auto j = run_cli({"mandates", "MNBG Litauen", "--json", "--db", db_});
  EXPECT_EQ(j.rc, 1);
  json e = json::parse(j.out);
  ASSERT_FALSE(e["suggestions"].empty());
}

TEST_F(FactCommands, MissingIndexExitsTwo) {
  auto r = run_cli({"missions", "--db", *dir_ / "no-such-db"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("kamerzoek: "), std::string::npos);
}

TEST_F(FactCommands, MissionsCountDocumentsAsTruthTagsThem) {
  std::map<std::string, std::set<std::string>> dates;  // mission -> dates of its documents
  std::map<std::string, int> count;
  for (const auto& d : truth_["documents"])
    for (const auto& m : d["missions"]) {
      ++count[m.get<std::string>()];
      dates[m.get<std::string>()].insert(d["date"].get<std::string>());
    }
  json j = ask({"missions"});
  ASSERT_GE(j["missions"].size(), 30u);
  std::set<std::string> listed;
  for (const auto& m : j["missions"]) {
    for (const char* key : {"id", "name", "aliases", "documents", "first", "last"}) EXPECT_TRUE(m.contains(key)) << key;
    std::string id = m["id"];
    listed.insert(id);
    EXPECT_EQ(m["documents"].get<int>(), count[id]) << id;
    if (count[id] > 0) {
      EXPECT_EQ(m["first"], *dates[id].begin()) << id;
      EXPECT_EQ(m["last"], *dates[id].rbegin()) << id;
    } else {
      EXPECT_TRUE(m["first"].is_null()) << id;
    }
  }
  for (const auto& [id, n] : count) EXPECT_TRUE(listed.count(id)) << id;
}

TEST_F(FactCommands, CostsFromAndToLimitTheYears) {
  json from = ask({"costs", "efp-litouwen", "--from", "2018"});
  ASSERT_FALSE(from["rows"].empty());
  for (const auto& r : from["rows"]) EXPECT_GE(r["year"].get<int>(), 2018);
  EXPECT_EQ(find_cost(from["rows"], 23500000, 2017), nullptr);
  json to = ask({"costs", "efp-litouwen", "--to", "2020"});
  ASSERT_FALSE(to["rows"].empty());
  for (const auto& r : to["rows"]) EXPECT_LE(r["year"].get<int>(), 2020);
  EXPECT_NE(find_cost(to["rows"], 23500000, 2017), nullptr);
  EXPECT_TRUE(ask({"costs", "efp-litouwen", "--from", "2018", "--to", "2020"})["rows"].empty());
  EXPECT_EQ(run_cli({"costs", "efp-litouwen", "--from", "twintig", "--db", db_}).rc, 1);
}

TEST_F(FactCommands, JsonHasTheContractShape) {
  json c = ask({"costs", "MQ-9"});
  for (const char* key : {"mission", "name", "rows"}) EXPECT_TRUE(c.contains(key)) << key;
  ASSERT_FALSE(c["rows"].empty());
  for (const auto& r : c["rows"]) {
    for (const char* key : {"year", "period", "amount_eur", "text", "estimate", "source"}) EXPECT_TRUE(r.contains(key)) << key;
    for (const char* key : {"id", "date", "page", "sentence"}) EXPECT_TRUE(r["source"].contains(key)) << key;
    EXPECT_TRUE(r["amount_eur"].is_number_integer());
    EXPECT_TRUE(r["estimate"].is_boolean());
  }
  json m = ask({"mandates", "MQ-9"});
  for (const char* key : {"mission", "name", "rows"}) EXPECT_TRUE(m.contains(key)) << key;
  std::string last_date;
  for (const auto& r : m["rows"]) {
    for (const char* key : {"start", "end", "kind", "text", "source"}) EXPECT_TRUE(r.contains(key)) << key;
    EXPECT_TRUE(std::set<std::string>({"mandate", "extension", "deployment", "announcement"}).count(r["kind"]));
    EXPECT_GE(r["source"]["date"].get<std::string>(), last_date);
    last_date = r["source"]["date"].get<std::string>();
  }
}

TEST_F(FactCommands, TimelineListsTheMissionsDocumentsByDateWithTheirFacts) {
  json t = ask({"timeline", "eFP Litouwen"});
  EXPECT_EQ(t.value("mission", ""), "efp-litouwen");
  std::vector<std::string> expected;
  for (const auto& d : truth_["documents"])
    for (const auto& m : d["missions"])
      if (m == "efp-litouwen") expected.push_back(d["id"]);
  ASSERT_EQ(t["documents"].size(), expected.size());
  std::string last;
  bool cost_2017 = false;
  for (const auto& d : t["documents"]) {
    for (const char* key : {"id", "date", "title", "facts"}) EXPECT_TRUE(d.contains(key)) << key;
    EXPECT_GE(d["date"].get<std::string>(), last);
    last = d["date"].get<std::string>();
    for (const auto& f : d["facts"])
      if (f.value("amount_eur", 0LL) == 23500000 && d["id"] == "kst-29521-343") cost_2017 = true;
  }
  EXPECT_TRUE(cost_2017) << t.dump(1);
}

TEST_F(FactCommands, HumanOutputQuotesTheSourceUnderEachRow) {
  auto c = run_cli({"costs", "MNBG Litouwen", "--db", db_});
  ASSERT_EQ(c.rc, 0) << c.err;
  for (const char* want : {"2017", "23.500.000", "raming", "kst-29521-343", "2017-03-24", "p.2", "geraamd op 23,5",
                           "42.400.000", "uitgegeven"})
    EXPECT_NE(c.out.find(want), std::string::npos) << want << "\n" << c.out;
  auto english = run_cli({"costs", "MNBG Litouwen", "--db", db_, "--lang", "en"});
  ASSERT_EQ(english.rc, 0) << english.err;
  for (const char* want : {"estimate", "spent", "amount"}) EXPECT_NE(english.out.find(want), std::string::npos) << want;
  auto m = run_cli({"mandates", "MQ-9", "--db", db_});
  ASSERT_EQ(m.rc, 0) << m.err;
  EXPECT_NE(m.out.find("→ 2026-03-31"), std::string::npos) << m.out;
  auto t = run_cli({"timeline", "MNBG", "--db", db_});
  ASSERT_EQ(t.rc, 0) << t.err;
  EXPECT_LT(t.out.find("2017"), t.out.find("2025")) << t.out;
  auto all = run_cli({"missions", "--db", db_});
  ASSERT_EQ(all.rc, 0) << all.err;
  EXPECT_NE(all.out.find("efp-litouwen"), std::string::npos);
}

// Two letters that disagree about 2024 (an estimate, later the amount spent), the second stored
// twice from two files: the figures appear once per letter and the disagreement is noted.
TEST(FactCommandsOnCraftedIndex, DisagreeingDocumentsAreNotedAndCopiesCountOnce) {
  kz::test::TempDir dir;
  const std::string db = dir / "db";
  {
    Xapian::WritableDatabase w(db, Xapian::DB_CREATE_OR_OPEN);
    w.set_metadata(std::string(kz::schema::kMetaMissions), kz::test::read_file(kz::test::corpus_dir() + "/missions.tsv"));
    w.set_metadata(std::string(kz::schema::kMetaSchema), std::to_string(kz::schema::kVersion));
    auto add = [&](const std::string& id, const std::string& date, const std::string& file, long long amount, bool estimate,
                   const std::string& sentence) {
      json cost = {{"mission", "efp-litouwen"}, {"amount_eur", amount}, {"text", "bedrag"}, {"year", 2024},
                   {"period", ""}, {"estimate", estimate}, {"part_of_total_eur", nullptr}, {"page", 2}, {"sentence", sentence}};
      json data = {{"meta", {{"id", id}, {"date", date}, {"title", "Brief " + id}}},
                   {"files", {file}},
                   {"facts", {{"missions", {"efp-litouwen"}}, {"costs", {cost}}, {"periods", json::array()}}}};
      Xapian::Document d;
      d.set_data(data.dump());
      d.add_boolean_term(kz::schema::term(kz::schema::kMission, "efp-litouwen"));
      d.add_value(kz::schema::kSlotDate, date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2));
      d.add_value(kz::schema::kSlotId, id);
      w.add_document(d);
    };
    add("kst-1-1", "2023-10-01", "a.pdf", 40000000, true, "De kosten in 2024 worden geraamd op 40 miljoen euro.");
    add("kst-1-2", "2025-05-01", "b.pdf", 42400000, false, "In 2024 is 42,4 miljoen euro uitgegeven.");
    add("kst-1-2", "2025-05-01", "b-copy.pdf", 42400000, false, "In 2024 is 42,4 miljoen euro uitgegeven.");
    w.commit();
  }
  kz::query::Index index({db});
  json c = kz::query::costs(index, "MNBG Litouwen", std::nullopt, std::nullopt);
  ASSERT_EQ(c["rows"].size(), 2u) << c.dump(1);
  EXPECT_EQ(c["rows"][0]["source"]["id"], "kst-1-1");  // same year: the older letter first
  EXPECT_EQ(c["rows"][1]["source"]["id"], "kst-1-2");
  ASSERT_EQ(c["years"].size(), 1u);
  EXPECT_TRUE(c["years"][0]["disagree"].get<bool>());
  EXPECT_EQ(c["years"][0]["estimate_eur"], 40000000);
  EXPECT_EQ(c["years"][0]["spent_eur"], 42400000);

  auto human = run_cli({"costs", "MNBG Litouwen", "--db", db});
  ASSERT_EQ(human.rc, 0) << human.err;
  EXPECT_NE(human.out.find("documenten verschillen over 2024"), std::string::npos) << human.out;

  json missions = kz::query::missions(index);
  for (const auto& m : missions["missions"])
    if (m["id"] == "efp-litouwen") {
      EXPECT_EQ(m["documents"], 2);
      EXPECT_EQ(m["first"], "2023-10-01");
      EXPECT_EQ(m["last"], "2025-05-01");
    }
}

}  // namespace
