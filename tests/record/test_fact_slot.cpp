// The facts value slot: what the indexer stores for the fact commands decodes to the facts
// of each real sample document, field for field; text with separators reads back unchanged;
// the fact terms name the missions it states costs and periods for; a damaged value decodes to
// nothing and a damaged line is passed over; values of the earlier JSON-line formats still read;
// and an index made before the slot and the terms existed (facts in the document data) still
// answers `costs`, `mandates` and `timeline` the same.
#include <gtest/gtest.h>
#include <xapian.h>
#include <zlib.h>
#include <zstd.h>

#include <nlohmann/json.hpp>
#include <set>

#include "indexer/record/document_data.h"
#include "indexer/run/content_hash.h"
#include "indexer/extract/document_builder.h"
#include "indexer/record/document_json.h"
#include "indexer/record/fact_slot.h"
#include "indexer/facts/facts.h"
#include "indexer/record/index_schema.h"
#include "indexer/metadata/metadata.h"
#include "indexer/record/missions.h"
#include "indexer/pdf/pdf_text.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;

// A value of the given format around hand-written decoded lines.
std::string value_of(char format, const std::string& lines) {
  std::string value(5, '\0');
  value[0] = format;
  for (int i = 0; i < 4; ++i) value[1 + i] = static_cast<char>((lines.size() >> (8 * i)) & 0xFF);
  if (format == 'Z') {
    uLongf packed = compressBound(static_cast<uLong>(lines.size()));
    value.resize(5 + packed);
    EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(value.data() + 5), &packed, reinterpret_cast<const Bytef*>(lines.data()),
                        static_cast<uLong>(lines.size()), 9),
              Z_OK);
    value.resize(5 + packed);
  } else {
    value.resize(5 + ZSTD_compressBound(lines.size()));
    std::size_t packed = ZSTD_compress(value.data() + 5, value.size() - 5, lines.data(), lines.size(), 3);
    EXPECT_FALSE(ZSTD_isError(packed));
    value.resize(5 + packed);
  }
  return value;
}

kz::fact_slot::Record decoded(const std::string& value, const kz::fact_slot::Wanted& wanted = {}) {
  kz::fact_slot::Record r;
  EXPECT_TRUE(kz::fact_slot::decode(value, wanted, r));
  return r;
}

TEST(FactSlot, HoldsEveryMissionFactOfTheSampleDocuments) {
  auto missions = kz::MissionTable::load_default();
  const auto& truth = kz::test::corpus_index().truth;
  std::size_t facts_seen = 0;
  for (const auto& d : truth["documents"]) {
    std::string path = kz::test::corpus_dir() + "/" + d["file"].get<std::string>();
    const std::string sha = kz::sha256_file(path);
    kz::BuiltDocument built = kz::build_document(path, sha, missions);
    kz::fact_slot::Record r = decoded(built.doc.get_value(kz::schema::kSlotFacts));
    EXPECT_EQ(r.id, d["id"]) << path;
    // The same facts the extraction stage gives, field for field, those without a mission left out.
    kz::CleanText text = kz::read_pdf(path);
    kz::Metadata meta = kz::extract_metadata(text, sha);
    kz::Facts facts = kz::extract_facts(text, meta, missions);
    EXPECT_EQ(r.date, meta.date) << path;
    EXPECT_EQ(r.title, meta.title) << path;
    EXPECT_EQ(r.doctype, meta.doctype) << path;
    json want_costs = json::array(), want_periods = json::array(), got_costs = json::array(), got_periods = json::array();
    for (const auto& c : facts.costs)
      if (!c.mission.empty()) want_costs.push_back(kz::cost_to_json(c));
    for (const auto& p : facts.periods)
      if (!p.mission.empty()) want_periods.push_back(kz::period_to_json(p));
    for (const auto& c : r.costs) got_costs.push_back(kz::cost_to_json(c));
    for (const auto& p : r.periods) got_periods.push_back(kz::period_to_json(p));
    EXPECT_EQ(got_costs, want_costs) << path;
    EXPECT_EQ(got_periods, want_periods) << path;
    facts_seen += r.costs.size() + r.periods.size();
    // The fact terms name exactly the missions the document gives costs and periods for, so
    // the fact commands can pass over the other documents of a mission.
    std::set<std::string> cost_terms, period_terms, cost_missions, period_missions;
    for (auto t = built.doc.termlist_begin(); t != built.doc.termlist_end(); ++t) {
      std::string term = *t;
      if (term.starts_with(kz::schema::kFactCost)) cost_terms.insert(term.substr(kz::schema::kFactCost.size()));
      if (term.starts_with(kz::schema::kFactPeriod)) period_terms.insert(term.substr(kz::schema::kFactPeriod.size()));
    }
    for (const auto& c : facts.costs)
      if (!c.mission.empty()) cost_missions.insert(c.mission);
    for (const auto& p : facts.periods)
      if (!p.mission.empty()) period_missions.insert(p.mission);
    EXPECT_EQ(cost_terms, cost_missions) << path;
    EXPECT_EQ(period_terms, period_missions) << path;
    // Asked for one mission and kind, the value gives only those.
    for (const auto& mission : cost_missions) {
      kz::fact_slot::Record one = decoded(built.doc.get_value(kz::schema::kSlotFacts), {mission, true, false});
      EXPECT_TRUE(one.periods.empty());
      EXPECT_FALSE(one.costs.empty()) << mission;
      for (const auto& c : one.costs) EXPECT_EQ(c.mission, mission);
    }
    // The document data keeps only the list of missions.
    json data = kz::document_data::decode(built.doc.get_data());
    EXPECT_FALSE(data["facts"].contains("costs"));
    EXPECT_EQ(data["facts"]["missions"], kz::facts_to_json(facts)["missions"]);
  }
  EXPECT_GT(facts_seen, 10u);
}

// Text with the field and line separators and the escape itself reads back unchanged.
TEST(FactSlot, TextWithTabsNewlinesAndBackslashesReadsBack) {
  kz::Metadata meta;
  meta.id = "kst-1-2";
  meta.date = "2024-05-06";
  meta.title = "Brief\tmet\\tab\nen regel";
  kz::Facts facts;
  kz::CostFact c;
  c.mission = "efp-litouwen";
  c.amount_eur = 42'400'000;
  c.text = "€ 42,4 miljoen";
  c.year = 2024;
  c.estimate = true;
  c.part_of_total_eur = 100'000'000;
  c.page = 3;
  c.sentence = "a\\tb\tc\nd\\";
  facts.costs.push_back(c);
  kz::CostFact unattributed = c;
  unattributed.mission.clear();
  facts.costs.push_back(unattributed);
  kz::PeriodFact p;
  p.mission = "mq9-roemenie";
  p.kind = "extension";
  p.end = "2026-03-31";
  p.text = "tot 31 maart 2026";
  p.page = 1;
  p.sentence = "\\n is geen regel";
  facts.periods.push_back(p);
  kz::fact_slot::Record r = decoded(kz::fact_slot::encode(meta, facts));
  EXPECT_EQ(r.id, meta.id);
  EXPECT_EQ(r.title, meta.title);
  EXPECT_EQ(r.doctype, "");
  ASSERT_EQ(r.costs.size(), 1u);  // a fact without a mission is not stored
  EXPECT_EQ(kz::cost_to_json(r.costs[0]), kz::cost_to_json(c));
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(kz::period_to_json(r.periods[0]), kz::period_to_json(p));
  EXPECT_TRUE(decoded(kz::fact_slot::encode(meta, facts), {"efp-litouwen", false, true}).periods.empty());
  EXPECT_TRUE(decoded(kz::fact_slot::encode(meta, facts), {"efp", true, true}).costs.empty());
}

TEST(FactSlot, DamagedValuesDecodeToNothing) {
  kz::Metadata meta;
  meta.id = "x";
  const std::string good = kz::fact_slot::encode(meta, {});
  EXPECT_EQ(decoded(good).id, "x");
  kz::fact_slot::Record r;
  EXPECT_FALSE(kz::fact_slot::decode("", {}, r));
  EXPECT_FALSE(kz::fact_slot::decode("R", {}, r));
  EXPECT_FALSE(kz::fact_slot::decode(good.substr(0, good.size() - 3), {}, r));
  std::string huge = good;
  huge[4] = '\x7f';  // claims a decoded size of ~2 GB
  EXPECT_FALSE(kz::fact_slot::decode(huge, {}, r));
  std::string wrong_size = good;
  wrong_size[1] = static_cast<char>(wrong_size[1] + 1);  // one byte more than the data holds
  EXPECT_FALSE(kz::fact_slot::decode(wrong_size, {}, r));
  EXPECT_FALSE(kz::fact_slot::decode(value_of('R', "only\tthree\tfields"), {}, r));
  // A fact line that cannot be read is passed over; the others are read.
  const std::string lines =
      "kst-1-2\t2024-05-06\tBrief\tbrief\n"
      "c\tm\tveel\t€ 5\t2024\t\t0\t\t1\tzin\n"            // amount not a number
      "c\tm\t5\t€ 5\t2024\t\t2\t\t1\tzin\n"               // estimate neither 0 nor 1
      "c\tm\t5\t€ 5\t2024\t\t0\t\t1\n"                    // a field short
      "c\t\t5\t€ 5\t2024\t\t0\t\t1\tzin\n"                // no mission
      "p\tm\tmandate\t2024-01-01\t\ttekst\t1\tzin eindigt op \\\n"  // a lone escape at the end
      "c\tm\t5000000\t€ 5 miljoen\t\t\t1\t\t2\tzin\n"
      "p\tm\tmandate\t2024-01-01\t\ttekst\t\tzin";
  kz::fact_slot::Record some = decoded(value_of('R', lines));
  EXPECT_EQ(some.doctype, "brief");
  ASSERT_EQ(some.costs.size(), 1u);
  EXPECT_EQ(some.costs[0].amount_eur, 5'000'000);
  EXPECT_FALSE(some.costs[0].year.has_value());
  EXPECT_TRUE(some.costs[0].estimate);
  ASSERT_EQ(some.periods.size(), 1u);
  EXPECT_EQ(some.periods[0].page, 0);
  EXPECT_EQ(some.periods[0].sentence, "zin");
}

// Values of the earlier formats, JSON lines with zstd ('S') or zlib ('Z'), still decode.
TEST(FactSlot, JsonLineValuesOfEarlierFormatsDecode) {
  const std::string lines =
      "{\"date\":\"2017-06-01\",\"doctype\":\"brief\",\"id\":\"kst-1-2\",\"title\":null}\n"
      "c\tefp-litouwen\t{\"amount_eur\":5,\"estimate\":false,\"mission\":\"efp-litouwen\",\"page\":2,"
      "\"part_of_total_eur\":null,\"period\":\"\",\"sentence\":\"Zin.\",\"text\":\"€ 5\",\"year\":2017}\n"
      "p\tefp-litouwen\t{\"end\":null,\"kind\":\"mandate\",\"page\":1,\"sentence\":\"Z.\",\"start\":\"2017-01-01\","
      "\"text\":\"t\"}\n"
      "c\tefp-litouwen\tnot json\n"
      "c\tandere-missie\t{\"amount_eur\":7}";
  for (char format : {'S', 'Z'}) {
    kz::fact_slot::Record r = decoded(value_of(format, lines), {"efp-litouwen", true, true});
    EXPECT_EQ(r.id, "kst-1-2") << format;
    EXPECT_EQ(r.date, "2017-06-01");
    EXPECT_EQ(r.title, "");
    ASSERT_EQ(r.costs.size(), 1u) << format;
    EXPECT_EQ(r.costs[0].amount_eur, 5);
    EXPECT_EQ(r.costs[0].year.value_or(0), 2017);
    EXPECT_EQ(r.costs[0].page, 2);
    EXPECT_EQ(r.costs[0].sentence, "Zin.");
    ASSERT_EQ(r.periods.size(), 1u);
    EXPECT_EQ(r.periods[0].start, "2017-01-01");
    EXPECT_EQ(r.periods[0].end, "");
    kz::fact_slot::Record bad;
    EXPECT_FALSE(kz::fact_slot::decode(value_of(format, lines).substr(0, 12), {}, bad)) << format;
  }
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
