// Tests of the mission table: corpus/missions.tsv parses, covers the ids of truth.json, and a
// user's spellings resolve (ids, names, aliases, word mixes) or get close suggestions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "indexer/facts/fact_text.h"
#include "indexer/record/mission_recognizer.h"
#include "indexer/record/missions.h"
#include "tests/test_support.h"

namespace {

using kz::MissionTable;

const MissionTable& table() {
  static const MissionTable t = MissionTable::parse(kz::test::read_file(kz::test::corpus_dir() + "/missions.tsv"));
  return t;
}

std::string resolved(std::string_view typed) {
  const auto* m = table().resolve(typed);
  return m ? m->id : "<none>";
}

TEST(MissionTable, DefaultFileParsesWithThirtyOrMoreMissions) {
  EXPECT_GE(table().missions().size(), 30u);
  for (const auto& m : table().missions()) {
    EXPECT_FALSE(m.name.empty()) << m.id;
    EXPECT_EQ(table().by_id(m.id), &m);
  }
  EXPECT_EQ(MissionTable::load_default().missions().size(), table().missions().size());
}

TEST(MissionTable, HoldsEveryMissionAndAliasOfTruth) {
  auto truth = nlohmann::json::parse(kz::test::read_file(kz::test::corpus_dir() + "/truth.json"));
  for (auto& [id, m] : truth["missions"].items()) {
    const auto* found = table().by_id(id);
    ASSERT_NE(found, nullptr) << id;
    for (const auto& alias : m["aliases"]) {
      EXPECT_EQ(resolved(alias.get<std::string>()) == id ||
                    std::find(found->aliases.begin(), found->aliases.end(), alias.get<std::string>()) !=
                        found->aliases.end(),
                true)
          << id << " alias " << alias;
    }
  }
  for (const auto& doc : truth["documents"])
    for (auto& [id, forms] : doc["mission_surface_forms"].items())
      for (const auto& f : forms) {
        const auto* m = table().by_id(id);
        ASSERT_NE(m, nullptr) << id;
        bool listed = m->name == f.get<std::string>() ||
                      std::find(m->aliases.begin(), m->aliases.end(), f.get<std::string>()) != m->aliases.end();
        EXPECT_TRUE(listed) << id << " lacks surface form " << f;
      }
}

TEST(MissionTable, ResolvesUserSpellings) {
  EXPECT_EQ(resolved("efp-litouwen"), "efp-litouwen");
  EXPECT_EQ(resolved("eFP Litouwen"), "efp-litouwen");
  EXPECT_EQ(resolved("efp litouwen"), "efp-litouwen");
  EXPECT_EQ(resolved("MNBG Litouwen"), "efp-litouwen");
  EXPECT_EQ(resolved("battlegroup in Litouwen"), "efp-litouwen");
  EXPECT_EQ(resolved("Battlegroup Litouwen"), "efp-litouwen");
  EXPECT_EQ(resolved("MQ-9"), "mq9-roemenie");
  EXPECT_EQ(resolved("mq9"), "mq9-roemenie");
  EXPECT_EQ(resolved("mq9 roemenie"), "mq9-roemenie");
  EXPECT_EQ(resolved("MQ 9 Roemenië"), "mq9-roemenie");
  EXPECT_EQ(resolved("eVA"), "mq9-roemenie");
  EXPECT_EQ(resolved("eFP Roemenië"), "efp-roemenie");
  EXPECT_EQ(resolved("battlegroup roemenie"), "efp-roemenie");
  EXPECT_EQ(resolved("eAP Estland"), "eap-estland");
  EXPECT_EQ(resolved("F-35 Polen"), "eap-polen");
  EXPECT_EQ(resolved("SOLE"), "sole-baltische-staten");
  EXPECT_EQ(resolved("sole baltische staten"), "sole-baltische-staten");
  EXPECT_EQ(resolved("NATO Mission Iraq"), "nmi-irak");
  EXPECT_EQ(resolved("navo missie irak"), "nmi-irak");
  EXPECT_EQ(resolved("anti-ISIS coalitie"), "oir");
  EXPECT_EQ(resolved("Inherent Resolve"), "oir");
  EXPECT_EQ(resolved("snmg1"), "snmg1");
  EXPECT_EQ(resolved("SNMG-1"), "snmg1");
  EXPECT_EQ(resolved("snmcmg1"), "snmcmg1");
  EXPECT_EQ(resolved("Uruzgan"), "isaf");
  EXPECT_EQ(resolved("minusma"), "minusma");
  EXPECT_EQ(resolved("Atalanta"), "atalanta");
  EXPECT_EQ(resolved("eubam rafah"), "eubam-rafah");
  EXPECT_EQ(resolved("EUTM Somalie"), "eutm-somalie");
  EXPECT_EQ(resolved("ctf150"), "ctf-150");
  EXPECT_EQ(resolved("Interflex"), "interflex");
}

TEST(MissionTable, UnknownOrAmbiguousSpellingsDoNotResolve) {
  EXPECT_EQ(resolved("pizza"), "<none>");
  EXPECT_EQ(resolved(""), "<none>");
}

TEST(MissionTable, AmbiguousPlaceResolvesWithItsAlternatives) {
  // Battlegroup or MQ-9: the first by rank, the other named as an alternative for the caller to show.
  auto r = kz::resolve_typed_mission(table(), "Roemenië");
  ASSERT_TRUE(r);
  std::vector<std::string> all{r->mission->id};
  for (const auto* a : r->alternatives) all.push_back(a->id);
  EXPECT_NE(std::find(all.begin(), all.end(), "efp-roemenie"), all.end());
  EXPECT_NE(std::find(all.begin(), all.end(), "mq9-roemenie"), all.end());
}

TEST(MissionTable, ClosestSuggestsForMisspellings) {
  auto near = table().closest_missions("Litouwn battlegrup");
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near.front()->id, "efp-litouwen");
  auto near2 = table().closest_missions("Minusmaa");
  ASSERT_FALSE(near2.empty());
  EXPECT_EQ(near2.front()->id, "minusma");
  auto names = table().closest("Interflx", 3);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.front(), "Operatie Interflex");
  EXPECT_LE(table().closest("Unifl", 2).size(), 2u);
}

TEST(MissionTable, ParseErrorsNameTheLine) {
  try {
    MissionTable::parse("id\tname\taliases\nok\tOk\t\nBad Id\tName\t\n");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(MissionTable::parse("a\tA\nb\n"), std::runtime_error);
  EXPECT_THROW(MissionTable::parse("a\tA\na\tB\n"), std::runtime_error);
  auto t = MissionTable::parse("# comment\n\nx-1\tMission X\tMX | Mission Ex\n");
  ASSERT_EQ(t.missions().size(), 1u);
  EXPECT_EQ(t.missions()[0].aliases.size(), 2u);
}

TEST(MissionTable, ReadsPlacesMeansAndYears) {
  auto t = MissionTable::parse("x-1\tMission X\tMX\tIrak | Syrië\tF-16\t2014-\ny-2\tY\t\t\t\t1992-1995\n");
  ASSERT_EQ(t.missions().size(), 2u);
  EXPECT_EQ(t.missions()[0].places, (std::vector<std::string>{"Irak", "Syrië"}));
  EXPECT_EQ(t.missions()[0].means, std::vector<std::string>{"F-16"});
  EXPECT_EQ(t.missions()[0].first_year, 2014);
  EXPECT_EQ(t.missions()[0].last_year, 0);
  EXPECT_EQ(t.missions()[1].first_year, 1992);
  EXPECT_EQ(t.missions()[1].last_year, 1995);
  EXPECT_THROW(MissionTable::parse("x\tX\t\t\t\t2014-2010\n"), std::runtime_error);
  EXPECT_THROW(MissionTable::parse("x\tX\t\t\t\tsoon\n"), std::runtime_error);
  // Every mission of the default table says when Dutch participation began, where known.
  std::size_t dated = 0;
  for (const auto& m : table().missions()) dated += m.first_year > 0;
  EXPECT_GE(dated, table().missions().size() * 8 / 10);
  EXPECT_GE(table().missions().size(), 80u);
}

TEST(MissionTagger, FindsNamesAsWholeWordsWithAcronymCase) {
  kz::facts::MissionTagger tagger(table());
  auto ids = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : tagger.find(text)) out.push_back(m.mission);
    return out;
  };
  EXPECT_EQ(ids("Inzet eVA MQ9 Roemenië: € 5,1 miljoen"), std::vector<std::string>{"mq9-roemenie"});
  EXPECT_EQ(ids("De sole reden is de NMI-structuur"), std::vector<std::string>{"nmi-irak"});
  EXPECT_TRUE(ids("een sole trader, nmi, eva en mnbg").empty());
  EXPECT_EQ(ids("het SOLE ondersteunt"), std::vector<std::string>{"sole-baltische-staten"});
  EXPECT_EQ(ids("deelname aan de NAVO-missie in Irak (NMI)"), std::vector<std::string>{"nmi-irak"});
  // The longer spelling wins: "eFP Roemenië" is not eFP in Litouwen.
  auto r = tagger.find("eFP Roemenië: € 2,3 miljoen");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].mission, "efp-roemenie");
  EXPECT_EQ(ids("De F-35’s vanuit Estland en de MQ-9’s"),
            (std::vector<std::string>{"eap-estland", "mq9-roemenie"}));
}

TEST(MissionTagger, SharedSpellingFollowsTheCountryNearby) {
  kz::facts::MissionTagger tagger(table());
  auto pick = [&](std::string_view sentence) {
    auto ms = tagger.find(sentence);
    EXPECT_FALSE(ms.empty()) << sentence;
    auto w = kz::facts::count_words(sentence);
    std::string chosen;
    for (const auto& m : ms) {  // every mention in the sentence agrees
      auto c = tagger.choose(m.candidates, w, w, w);
      if (chosen.empty()) chosen = c;
      EXPECT_EQ(c, chosen) << sentence;
    }
    return chosen;
  };
  EXPECT_EQ(pick("onze inzet in Litouwen als onderdeel van enhanced Forward Presence (eFP)"), "efp-litouwen");
  EXPECT_EQ(pick("de eFP-bijdrage in Roemenië werd afgerond"), "efp-roemenie");
  EXPECT_EQ(pick("het eAP-detachement in Polen"), "eap-polen");
  EXPECT_EQ(pick("het eAP-detachement vanuit Estland"), "eap-estland");
}

}  // namespace
