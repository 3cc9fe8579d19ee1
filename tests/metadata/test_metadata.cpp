// Metadata extraction: every sample PDF against corpus/truth.json field by field, and
// synthetic pages in the three layouts for variants the corpus does not show (Eerste Kamer,
// a nota without referentie, several signatories, names printed above roles, other dates).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/run/content_hash.h"
#include "indexer/dates/dutch_date.h"
#include "indexer/metadata/metadata.h"
#include "indexer/pdf/pdf_text.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;

json truth() { return json::parse(kz::test::read_file(kz::test::corpus_dir() + "/truth.json")); }

std::string str_or_empty(const json& j) { return j.is_string() ? j.get<std::string>() : ""; }

class CorpusMetadata : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusMetadata, MatchesTruth) {
  json doc;
  const json all = truth();
  for (const auto& d : all["documents"])
    if (d["file"] == GetParam()) doc = d;
  ASSERT_FALSE(doc.is_null());
  const std::string path = kz::test::corpus_dir() + "/" + GetParam();
  const std::string sha = kz::sha256_file(path);
  ASSERT_EQ(sha, doc["sha256"].get<std::string>());

  kz::Metadata m = kz::extract_metadata(kz::read_pdf(path), sha);

  EXPECT_EQ(m.layout, doc["layout"].get<std::string>());
  EXPECT_EQ(m.id, doc["id"].get<std::string>());
  if (doc["kamerstuk"].is_null()) {
    EXPECT_FALSE(m.kamerstuk.has_value());
  } else {
    ASSERT_TRUE(m.kamerstuk.has_value());
    EXPECT_EQ(m.kamerstuk->dossier, doc["kamerstuk"]["dossier"].get<std::string>());
    EXPECT_EQ(m.kamerstuk->nr, doc["kamerstuk"]["nr"].get<std::string>());
  }
  EXPECT_EQ(m.kenmerken, doc["kenmerken"].get<std::vector<std::string>>());
  EXPECT_EQ(m.date, doc["date"].get<std::string>());
  EXPECT_EQ(m.title, doc["title"].get<std::string>());
  EXPECT_EQ(m.doctype, doc["doctype"].get<std::string>());
  EXPECT_EQ(m.addressee, doc["addressee"].get<std::string>());

  ASSERT_EQ(m.signatories.size(), doc["signatories"].size());
  for (std::size_t i = 0; i < m.signatories.size(); ++i) {
    EXPECT_EQ(m.signatories[i].name, str_or_empty(doc["signatories"][i]["name"]));
    EXPECT_EQ(m.signatories[i].role, doc["signatories"][i]["role"].get<std::string>());
  }

  std::set<std::string> want, got;
  std::map<std::string, std::string> printed;
  for (const auto& c : doc["cites"]) {
    want.insert(c["id"].get<std::string>());
    printed[c["id"].get<std::string>()] = c["printed"].get<std::string>();
  }
  for (const auto& c : m.cites) {
    got.insert(c.id);
    EXPECT_GT(c.page, 0) << c.id;
    EXPECT_NE(c.sentence.find(c.printed), std::string::npos) << c.sentence;
    if (printed.count(c.id)) EXPECT_EQ(c.printed, printed[c.id]);
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(got.count(m.id), 0u) << "a document must not cite itself";

  if (doc.contains("report_period")) {
    EXPECT_EQ(m.report_start, doc["report_period"]["start"].get<std::string>());
    EXPECT_EQ(m.report_end, doc["report_period"]["end"].get<std::string>());
  } else {
    EXPECT_EQ(m.report_start, "");
    EXPECT_EQ(m.report_end, "");
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusMetadata,
                         ::testing::Values("kst-28676-445.pdf", "kst-29521-343.pdf",
                                           "voortgangsrapportage-oostflank-2025.pdf",
                                           "MINDEF20260027574.pdf",
                                           "geannoteerde-agenda-dmm-2025-02.pdf"),
                         [](const auto& info) {
                           std::string n = info.param.substr(0, info.param.size() - 4);
                           std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return n;
                         });

TEST(CorpusMetadata, KamerstukCitationKeepsAllDossiers) {
  const std::string path = kz::test::corpus_dir() + "/kst-28676-445.pdf";
  kz::Metadata m = kz::extract_metadata(kz::read_pdf(path), kz::sha256_file(path));
  auto it = std::find_if(m.cites.begin(), m.cites.end(), [](const kz::Citation& c) { return c.id == "kst-22054-398"; });
  ASSERT_NE(it, m.cites.end());
  EXPECT_EQ(it->also, std::vector<std::string>{"kst-36045-398"});
  EXPECT_EQ(it->page, 1);
}

TEST(DutchDate, ParsesPrintedDates) {
  EXPECT_EQ(kz::parse_dutch_date("Den Haag, 25 oktober 2023"), "2023-10-25");
  EXPECT_EQ(kz::parse_dutch_date("21 mei 2025"), "2025-05-21");
  EXPECT_EQ(kz::parse_dutch_date("1 maart 2026"), "2026-03-01");
  EXPECT_EQ(kz::parse_dutch_date("29 februari 2024"), "2024-02-29");
  EXPECT_EQ(kz::parse_dutch_date("3 sept. 2019"), "2019-09-03");
  EXPECT_EQ(kz::parse_dutch_date("Datum 7 Januari 2016"), "2016-01-07");
  EXPECT_EQ(kz::parse_dutch_date("25-10-2023"), "2023-10-25");
}

TEST(DutchDate, RejectsIncompleteOrImpossibleDates) {
  EXPECT_EQ(kz::parse_dutch_date("maart 2026"), "");
  EXPECT_EQ(kz::parse_dutch_date("29 februari 2023"), "");
  EXPECT_EQ(kz::parse_dutch_date("32 mei 2025"), "");
  EXPECT_EQ(kz::parse_dutch_date("op 12 oktober"), "");
  EXPECT_EQ(kz::parse_dutch_date(""), "");
}

TEST(DutchDate, ReadsPeriods) {
  auto p = kz::dutch_date::find_period("over de periode mei 2024 tot en met april 2025.");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->start, "2024-05-01");
  EXPECT_EQ(p->end, "2025-04-30");
  p = kz::dutch_date::find_period("van 1 januari 2024 t/m 29 februari 2024");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->start, "2024-01-01");
  EXPECT_EQ(p->end, "2024-02-29");
  p = kz::dutch_date::find_period("in de maanden oktober tot december 2023 actief");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->start, "2023-10-01");
  EXPECT_EQ(p->end, "2023-12-31");
  EXPECT_FALSE(kz::dutch_date::find_period("van mei 2025 tot en met april 2024"));
  EXPECT_FALSE(kz::dutch_date::find_period("op 12 oktober tot slot"));
}

}  // namespace
