// Tests of fact extraction: every cost and period of corpus/truth.json read from the real PDFs
// with the right amount/dates, mission, year and sentence; no fact on a mission its sentence
// does not support; and the readers of amounts, dates and periods on wording from other letters.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "indexer/facts/fact_text.h"
#include "indexer/facts/facts.h"
#include "indexer/metadata/metadata.h"
#include "indexer/pdf/pdf_text.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;

struct Doc {
  json truth;
  kz::Facts facts;
};

const kz::MissionTable& table() {
  static const kz::MissionTable t = kz::MissionTable::load_default();
  return t;
}

const std::vector<Doc>& corpus() {
  static const std::vector<Doc> docs = [] {
    auto truth = json::parse(kz::test::read_file(kz::test::corpus_dir() + "/truth.json"));
    std::vector<Doc> out;
    for (const auto& t : truth["documents"]) {
      auto text = kz::read_pdf(kz::test::corpus_dir() + "/" + t["file"].get<std::string>());
      auto meta = kz::extract_metadata(text, t["sha256"].get<std::string>());
      if (meta.date.empty()) meta.date = t["date"].get<std::string>();
      out.push_back({t, kz::extract_facts(text, meta, table())});
    }
    return out;
  }();
  return docs;
}

std::string str(const json& j) { return j.is_null() ? "" : j.get<std::string>(); }

TEST(FactsTruth, DocumentMissionsAreThoseOfTruth) {
  for (const auto& d : corpus()) {
    std::set<std::string> want, got(d.facts.missions.begin(), d.facts.missions.end());
    for (const auto& m : d.truth["missions"]) want.insert(m.get<std::string>());
    EXPECT_EQ(got, want) << d.truth["file"];
  }
}

TEST(FactsTruth, EveryCostIsFoundWithMissionYearAndSentence) {
  for (const auto& d : corpus()) {
    for (const auto& c : d.truth["costs"]) {
      const kz::CostFact* hit = nullptr;
      for (const auto& f : d.facts.costs)
        if (f.amount_eur == c["amount_eur"].get<long long>() && f.sentence == c["sentence"].get<std::string>())
          hit = &f;
      ASSERT_NE(hit, nullptr) << d.truth["file"] << ": " << c.dump();
      EXPECT_EQ(hit->mission, str(c["mission"])) << c.dump();
      EXPECT_EQ(hit->text, c["text"].get<std::string>());
      ASSERT_TRUE(hit->year.has_value()) << c.dump();
      EXPECT_EQ(*hit->year, c["year"].get<int>()) << c.dump();
      EXPECT_EQ(hit->estimate, c["estimate"].get<bool>()) << c.dump();
      if (c["part_of_total_eur"].is_null())
        EXPECT_FALSE(hit->part_of_total_eur.has_value()) << c.dump();
      else
        EXPECT_EQ(hit->part_of_total_eur.value_or(0), c["part_of_total_eur"].get<long long>()) << c.dump();
    }
    EXPECT_EQ(d.facts.costs.size(), d.truth["costs"].size()) << d.truth["file"];
  }
}

TEST(FactsTruth, EveryPeriodIsFoundWithMissionKindAndDates) {
  for (const auto& d : corpus()) {
    for (const auto& p : d.truth["periods"]) {
      bool found = false;
      std::string near;
      for (const auto& f : d.facts.periods) {
        if (f.sentence != p["sentence"].get<std::string>()) continue;
        near += " [" + f.mission + " " + f.kind + " " + f.start + ".." + f.end + "]";
        if (f.mission == str(p["mission"]) && f.kind == str(p["kind"]) && f.start == str(p["start"]) &&
            f.end == str(p["end"]))
          found = true;
      }
      EXPECT_TRUE(found) << d.truth["file"] << ": " << p.dump() << "\n got in sentence:" << near;
    }
  }
}

// A fact's mission must be one the document discusses, and when its sentence names missions,
// one of those.
TEST(FactsTruth, NoFactOnAMissionItsContextDoesNotSupport) {
  kz::facts::MissionTagger tagger(table());
  for (const auto& d : corpus()) {
    std::set<std::string> doc_missions;
    for (const auto& m : d.truth["missions"]) doc_missions.insert(m.get<std::string>());
    auto check = [&](const std::string& mission, const std::string& sentence) {
      if (mission.empty()) return;
      EXPECT_TRUE(doc_missions.count(mission)) << mission << " in " << sentence;
      auto named = tagger.find(sentence);
      if (named.empty()) return;
      bool ok = false;
      for (const auto& m : named)
        ok = ok || std::find(m.candidates.begin(), m.candidates.end(), mission) != m.candidates.end();
      EXPECT_TRUE(ok) << mission << " not named in: " << sentence;
    };
    for (const auto& c : d.facts.costs) check(c.mission, c.sentence);
    for (const auto& p : d.facts.periods) check(p.mission, p.sentence);
    // No period for a document without a mission period ("rapportageperiode" is no deployment).
    if (d.truth["periods"].empty()) EXPECT_TRUE(d.facts.periods.empty()) << d.truth["file"];
  }
}

// ---- letters of other years and missions, laid out as the layout stage delivers them ----

kz::CleanText letter(const std::vector<std::pair<std::string, char>>& paras) {
  kz::CleanText t;
  t.pages = 1;
  for (const auto& [text, kind] : paras) {
    kz::Paragraph p;
    p.page = 1;
    p.text = text;
    p.heading = kind == 'H';
    p.list_item = kind == 'L';
    t.body.push_back(p);
  }
  return t;
}

kz::Facts facts_of(const kz::CleanText& t, const std::string& date) {
  kz::Metadata meta;
  meta.date = date;
  return kz::extract_facts(t, meta, table());
}

const kz::CostFact* cost(const kz::Facts& f, long long eur) {
  for (const auto& c : f.costs)
    if (c.amount_eur == eur) return &c;
  return nullptr;
}

TEST(FactsLetters, ArticleHundredLetterWithSectionsAndBreakdown) {
  auto f = facts_of(letter({
      {"Bijdrage aan MINUSMA", 'H'},
      {"Nederland levert sinds 1 juli 2014 een bijdrage aan MINUSMA in Mali. Het kabinet heeft besloten "
       "de inzet te verlengen tot en met 31 december 2018.", 'P'},
      {"UNIFIL", 'H'},
      {"De Nederlandse bijdrage aan UNIFIL bestaat sinds 1 oktober 2023 uit één stafofficier.", 'P'},
      {"Financiën", 'H'},
      {"De kosten van de missies worden in 2018 geraamd op EUR 64,7 miljoen. Dit bedrag omvat:", 'P'},
      {"- MINUSMA: EUR 60 miljoen", 'L'},
      {"- UNIFIL: EUR 4,7 miljoen", 'L'},
      {"Voor de trainingsmissie EUTM Mali is € 750.000 begroot, waarvan € 500.000 in 2018 en "
       "€ 250.000 in 2019.", 'P'},
  }), "2017-11-10");
  EXPECT_EQ(f.missions, (std::vector<std::string>{"minusma", "unifil", "eutm-mali"}));
  ASSERT_NE(cost(f, 64'700'000), nullptr);
  EXPECT_EQ(cost(f, 64'700'000)->mission, "");
  EXPECT_TRUE(cost(f, 64'700'000)->estimate);
  ASSERT_NE(cost(f, 60'000'000), nullptr);
  EXPECT_EQ(cost(f, 60'000'000)->mission, "minusma");
  EXPECT_EQ(cost(f, 60'000'000)->part_of_total_eur.value_or(0), 64'700'000);
  EXPECT_EQ(cost(f, 60'000'000)->year.value_or(0), 2018);
  EXPECT_EQ(cost(f, 4'700'000)->mission, "unifil");
  EXPECT_EQ(cost(f, 750'000)->mission, "eutm-mali");
  EXPECT_EQ(cost(f, 750'000)->year.value_or(0), 2017);
  EXPECT_EQ(cost(f, 500'000)->part_of_total_eur.value_or(0), 750'000);
  EXPECT_EQ(cost(f, 500'000)->year.value_or(0), 2018);
  EXPECT_EQ(cost(f, 250'000)->year.value_or(0), 2019);
  std::vector<std::string> got;
  for (const auto& p : f.periods) got.push_back(p.mission + " " + p.kind + " " + p.start + ".." + p.end);
  EXPECT_EQ(got, (std::vector<std::string>{"minusma deployment 2014-07-01..", "minusma extension ..2018-12-31",
                                           "unifil deployment 2023-10-01.."}));
}

TEST(FactsLetters, SeveralMissionsInOneSentence) {
  auto f = facts_of(letter({
      {"Voor SNMG1 is in 2026 € 3 miljoen geraamd en voor SNMCMG1 € 2 miljoen.", 'P'},
      {"De kosten voor KFOR en EUFOR Althea bedragen samen € 1,5 miljoen.", 'P'},
      {"Nederland draagt € 5 miljoen bij aan het NAVO-trustfonds voor Oekraïne.", 'P'},
      {"Nederland levert sinds 2019 een bijdrage aan UNIFIL en sinds 2021 aan UNDOF.", 'P'},
      {"In 2021 is voor de inzet in Irak € 21,9 miljoen uitgegeven, waarvan € 18,0 miljoen voor OIR en "
       "€ 3,9 miljoen voor NMI.", 'P'},
  }), "2026-02-01");
  EXPECT_EQ(cost(f, 21'900'000)->mission, "");
  EXPECT_EQ(cost(f, 18'000'000)->mission, "oir");
  EXPECT_EQ(cost(f, 3'900'000)->mission, "nmi-irak");
  EXPECT_EQ(cost(f, 3'900'000)->part_of_total_eur.value_or(0), 21'900'000);
  EXPECT_EQ(cost(f, 3'900'000)->year.value_or(0), 2021);
  EXPECT_EQ(cost(f, 3'000'000)->mission, "snmg1");
  EXPECT_EQ(cost(f, 2'000'000)->mission, "snmcmg1");
  EXPECT_EQ(cost(f, 2'000'000)->year.value_or(0), 2026);
  EXPECT_EQ(cost(f, 1'500'000)->mission, "");
  EXPECT_EQ(cost(f, 5'000'000)->mission, "");
  std::vector<std::string> got;
  for (const auto& p : f.periods) got.push_back(p.mission + " " + p.start);
  EXPECT_EQ(got, (std::vector<std::string>{"unifil 2019-01-01", "undof 2021-01-01"}));
}

TEST(FactsLetters, ContextFromParagraphButNotFromUnrelatedParagraphs) {
  auto f = facts_of(letter({
      {"Inzet in Irak", 'H'},
      {"Nederland levert stafofficieren aan NATO Mission Iraq. Deze bijdrage loopt tot en met 31 december 2025.", 'P'},
      {"De Russische dreiging blijft groot. De rapportageperiode loopt van mei 2025 tot en met april 2026.", 'P'},
      {"Overige zaken", 'H'},
      {"Het kabinet stelt € 20 miljoen beschikbaar voor cyberveiligheid.", 'P'},
  }), "2025-06-01");
  ASSERT_EQ(f.periods.size(), 1u);
  EXPECT_EQ(f.periods[0].mission, "nmi-irak");
  EXPECT_EQ(f.periods[0].end, "2025-12-31");
  EXPECT_EQ(f.periods[0].sentence, "Deze bijdrage loopt tot en met 31 december 2025.");
  ASSERT_NE(cost(f, 20'000'000), nullptr);
  EXPECT_EQ(cost(f, 20'000'000)->mission, "");
}

TEST(FactsLetters, BreakdownInTheNextSentenceAndSharedAliases) {
  auto f = facts_of(letter({
      {"Nederland levert vanaf 1 december 2025 tot en met 31 mei 2026 twee F-35's voor enhanced Air Policing "
       "vanuit Polen. De inzet wordt gefinancierd uit het BIV; de kosten worden geraamd op € 8,5 miljoen.", 'P'},
      {"De Nederlandse bijdrage aan de eFP-battlegroup in Litouwen wordt in 2026 voortgezet.", 'P'},
      {"De kosten van de inzet aan de oostflank bedragen in 2025 naar verwachting € 60 miljoen. Hiervan is "
       "€ 45 miljoen bestemd voor eFP Litouwen en € 15 miljoen voor de eAP-inzet vanuit Polen.", 'P'},
  }), "2025-09-15");
  EXPECT_EQ(f.missions, (std::vector<std::string>{"eap-polen", "efp-litouwen"}));
  EXPECT_EQ(cost(f, 8'500'000)->mission, "eap-polen");
  EXPECT_EQ(cost(f, 60'000'000)->mission, "");
  EXPECT_EQ(cost(f, 45'000'000)->mission, "efp-litouwen");
  EXPECT_EQ(cost(f, 45'000'000)->part_of_total_eur.value_or(0), 60'000'000);
  EXPECT_TRUE(cost(f, 45'000'000)->estimate);
  EXPECT_EQ(cost(f, 15'000'000)->mission, "eap-polen");
  EXPECT_EQ(cost(f, 15'000'000)->year.value_or(0), 2025);
  std::vector<std::string> got;
  for (const auto& p : f.periods) got.push_back(p.mission + " " + p.kind + " " + p.start + ".." + p.end);
  EXPECT_EQ(got, (std::vector<std::string>{"eap-polen deployment 2025-12-01..2026-05-31",
                                           "efp-litouwen extension 2026-01-01..2026-12-31"}));
}

}  // namespace
