// The facts value slot: what the indexer stores for the fact commands decodes to the facts
// of each real sample document, the fact terms name the missions it states costs and periods
// for, a damaged value decodes to nothing, and an index made before the slot and the terms
// existed (facts in the document data) still answers `costs` and `mandates` the same.
#include <gtest/gtest.h>
#include <xapian.h>
#include <zlib.h>

#include <nlohmann/json.hpp>
#include <set>

#include "indexer/document_data.h"
#include "indexer/content_hash.h"
#include "indexer/document_builder.h"
#include "indexer/document_json.h"
#include "indexer/fact_slot.h"
#include "indexer/facts.h"
#include "indexer/index_schema.h"
#include "indexer/metadata.h"
#include "indexer/missions.h"
#include "indexer/pdf_text.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    auto nl = text.find('\n', at);
    out.push_back(text.substr(at, nl == std::string::npos ? std::string::npos : nl - at));
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return out;
}

TEST(FactSlot, HoldsEveryMissionFactOfTheSampleDocuments) {
  auto missions = kz::MissionTable::load_default();
  const auto& truth = kz::test::corpus_index().truth;
  int facts_seen = 0;
  for (const auto& d : truth["documents"]) {
    std::string path = kz::test::corpus_dir() + "/" + d["file"].get<std::string>();
    const std::string sha = kz::sha256_file(path);
    kz::BuiltDocument built = kz::build_document(path, sha, missions);
    std::string lines = kz::fact_slot::decode(built.doc.get_value(kz::schema::kSlotFacts));
    ASSERT_FALSE(lines.empty()) << path;
    auto rows = lines_of(lines);
    json brief = json::parse(rows[0]);
    EXPECT_EQ(brief["id"], d["id"]) << path;
    // The same facts the extraction stage gives, line for line.
    kz::CleanText text = kz::read_pdf(path);
    kz::Facts facts = kz::extract_facts(text, kz::extract_metadata(text, sha), missions);
    std::size_t attributed = 0;
    for (const auto& c : facts.costs) attributed += !c.mission.empty();
    for (const auto& p : facts.periods) attributed += !p.mission.empty();
    EXPECT_EQ(rows.size() - 1, attributed) << path;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      auto t1 = rows[i].find('\t'), t2 = rows[i].find('\t', t1 + 1);
      ASSERT_NE(t2, std::string::npos) << rows[i];
      json f = json::parse(rows[i].substr(t2 + 1));
      EXPECT_EQ(f["mission"], rows[i].substr(t1 + 1, t2 - t1 - 1));
      EXPECT_TRUE(rows[i][0] == kz::fact_slot::kCost ? f.contains("amount_eur") : f.contains("kind")) << rows[i];
      ++facts_seen;
    }
    // The fact terms name exactly the missions the document gives costs and periods for, so
    // the fact commands can pass over the other documents of a mission.
    std::set<std::string> cost_terms, period_terms, want_costs, want_periods;
    for (auto t = built.doc.termlist_begin(); t != built.doc.termlist_end(); ++t) {
      std::string term = *t;
      if (term.starts_with(kz::schema::kFactCost)) cost_terms.insert(term.substr(kz::schema::kFactCost.size()));
      if (term.starts_with(kz::schema::kFactPeriod)) period_terms.insert(term.substr(kz::schema::kFactPeriod.size()));
    }
    for (const auto& c : facts.costs)
      if (!c.mission.empty()) want_costs.insert(c.mission);
    for (const auto& p : facts.periods)
      if (!p.mission.empty()) want_periods.insert(p.mission);
    EXPECT_EQ(cost_terms, want_costs) << path;
    EXPECT_EQ(period_terms, want_periods) << path;
    // The document data keeps only the list of missions.
    json data = kz::document_data::decode(built.doc.get_data());
    EXPECT_FALSE(data["facts"].contains("costs"));
    EXPECT_EQ(data["facts"]["missions"], kz::facts_to_json(facts)["missions"]);
  }
  EXPECT_GT(facts_seen, 10);
}

TEST(FactSlot, DamagedValuesDecodeToNothing) {
  std::string good = kz::fact_slot::encode(json{{"id", "x"}}, json::object());
  EXPECT_EQ(kz::fact_slot::decode(good), "{\"id\":\"x\"}");
  EXPECT_EQ(kz::fact_slot::decode(""), "");
  EXPECT_EQ(kz::fact_slot::decode("Z"), "");
  EXPECT_EQ(kz::fact_slot::decode(good.substr(0, good.size() - 3)), "");
  std::string huge = good;
  huge[4] = '\x7f';  // claims a decoded size of ~2 GB
  EXPECT_EQ(kz::fact_slot::decode(huge), "");
  std::string wrong_size = good;
  wrong_size[1] = static_cast<char>(wrong_size[1] + 1);  // one byte more than the data holds
  EXPECT_EQ(kz::fact_slot::decode(wrong_size), "");
}

// Values written in the first format (zlib behind a 'Z') still decode.
TEST(FactSlot, ZlibValuesOfTheFirstFormatDecode) {
  const std::string lines = "{\"id\":\"kst-1-2\"}\nc\tefp-litouwen\t{\"amount_eur\":5}";
  uLongf packed = compressBound(static_cast<uLong>(lines.size()));
  std::string value(5 + packed, '\0');
  value[0] = 'Z';
  for (int i = 0; i < 4; ++i) value[1 + i] = static_cast<char>((lines.size() >> (8 * i)) & 0xFF);
  ASSERT_EQ(compress2(reinterpret_cast<Bytef*>(value.data() + 5), &packed, reinterpret_cast<const Bytef*>(lines.data()),
                      static_cast<uLong>(lines.size()), 9),
            Z_OK);
  value.resize(5 + packed);
  EXPECT_EQ(kz::fact_slot::decode(value), lines);
  EXPECT_EQ(kz::fact_slot::decode(value.substr(0, value.size() - 2)), "");
}

// An index written before the slot: facts only in the document data.
TEST(FactSlot, IndexWithoutTheSlotAnswersTheSame) {
  const auto& corpus = kz::test::corpus_index();
  kz::test::TempDir tmp;
  const std::string old_db = tmp / "old";
  auto r = kz::test::run_cli({"index", kz::test::corpus_dir(), "--db", old_db, "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  {
    Xapian::WritableDatabase w(old_db, Xapian::DB_OPEN);
    auto missions = kz::MissionTable::load_default();
    for (auto p = w.postlist_begin(""); p != w.postlist_end(""); ++p) {
      Xapian::Document doc = w.get_document(*p);
      json data = kz::document_data::decode(doc.get_data());
      std::string path = data["files"][0];
      kz::CleanText text = kz::read_pdf(path);
      data["facts"] = kz::facts_to_json(kz::extract_facts(text, kz::extract_metadata(text, data["sha256"]), missions));
      doc.set_data(data.dump());
      doc.remove_value(kz::schema::kSlotFacts);
      std::vector<std::string> fact_terms;
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).starts_with(kz::schema::kFactCost) || (*t).starts_with(kz::schema::kFactPeriod) ||
            *t == kz::schema::kFactTerms)
          fact_terms.push_back(*t);
      ASSERT_FALSE(fact_terms.empty()) << path;
      for (const auto& t : fact_terms) doc.remove_term(t);
      w.replace_document(*p, doc);
    }
    w.commit();
  }
  for (std::vector<std::string> cmd : {std::vector<std::string>{"costs", "MNBG Litouwen"},
                                       std::vector<std::string>{"mandates", "MQ-9"},
                                       std::vector<std::string>{"timeline", "eFP Litouwen"}}) {
    auto now = cmd, before = cmd;
    for (auto* c : {&now, &before}) c->push_back("--json");
    now.insert(now.end(), {"--db", corpus.db});
    before.insert(before.end(), {"--db", old_db});
    auto a = kz::test::run_cli(now), b = kz::test::run_cli(before);
    ASSERT_EQ(a.rc, 0) << a.err;
    ASSERT_EQ(b.rc, 0) << b.err;
    EXPECT_EQ(json::parse(a.out), json::parse(b.out)) << cmd[0];
    EXPECT_GT(a.out.size(), 100u) << cmd[0];
  }
}

}  // namespace
