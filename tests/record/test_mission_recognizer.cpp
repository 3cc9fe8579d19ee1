// Tests of the mission recognizer on the project's mission table: questions and command
// arguments as users type them (word order, inflection, platform plus place, typos, several
// missions, ambiguous places ranked by documents) and sentences from running text, where
// typos and bare places do not count.
#include <gtest/gtest.h>

#include <map>

#include "indexer/record/mission_recognizer.h"
#include "indexer/record/missions.h"
#include "tests/test_support.h"

namespace {

using kz::MissionTable;
using kz::RecognizeOptions;

const MissionTable& table() {
  static const MissionTable t = MissionTable::parse(kz::test::read_file(kz::test::corpus_dir() + "/missions.tsv"));
  return t;
}

// Ids of the missions named, best first.
std::vector<std::string> ids(std::string_view text, const RecognizeOptions& o = {}) {
  std::vector<std::string> out;
  for (const auto& m : kz::recognize_missions(table(), text, o)) out.push_back(m.mission->id);
  return out;
}

std::string first(std::string_view text, const RecognizeOptions& o = {}) {
  auto found = ids(text, o);
  return found.empty() ? "<none>" : found.front();
}

RecognizeOptions text_options(int year = 0) { return RecognizeOptions::running_text(year); }

TEST(MissionRecognizer, QuestionsNameTheirMission) {
  EXPECT_EQ(first("Wat kostte de inzet van F-16's tegen ISIS in 2016?"), "oir");
  EXPECT_EQ(first("F-16-inzet tegen ISIS"), "oir");
  EXPECT_EQ(first("Tot wanneer liep de inzet van Patriots in Turkije?"), "patriot-turkije");
  EXPECT_EQ(first("Hoe lang bleven de F-35's boven Polen?"), "eap-polen");
  EXPECT_EQ(first("Wat kost de battlegroup in Litouwen per jaar?"), "efp-litouwen");
  EXPECT_EQ(first("Litouwen battlegroup"), "efp-litouwen");
  EXPECT_EQ(first("Sinds wanneer doet Nederland mee aan de missie in Mali?"), "minusma");
  EXPECT_EQ(first("Inherent Resolve"), "oir");
  EXPECT_EQ(first("welke brieven gaan over de Vessel Protection Detachments"), "counter-piracy-vpd");
  EXPECT_EQ(first("VPD's op koopvaardijschepen"), "counter-piracy-vpd");
  EXPECT_EQ(first("de politietrainingsmissie in Kunduz"), "kunduz-ptm");
  EXPECT_EQ(first("Dutchbat in Srebrenica"), "unprofor");
}

TEST(MissionRecognizer, InflectionAndHyphenationDoNotMatter) {
  EXPECT_EQ(first("Reapers vanuit Roemenië"), "mq9-roemenie");
  EXPECT_EQ(first("de MQ-9's"), "mq9-roemenie");
  EXPECT_EQ(first("Patriot-systemen in Slowakije"), "patriot-slowakije");
  EXPECT_EQ(first("de Patriots in Slowakije"), "patriot-slowakije");
  EXPECT_EQ(first("VN-missies in Zuid-Sudan"), "unmiss");
}

TEST(MissionRecognizer, SmallTyposInTypedInputOnly) {
  EXPECT_EQ(first("Minusmaa"), "minusma");
  EXPECT_EQ(first("kosten van de Atalnta missie"), "atalanta");
  EXPECT_EQ(first("battlegroep in Litouwn"), "efp-litouwen");
  EXPECT_EQ(first("Resolut Suport"), "resolute-support");
  EXPECT_TRUE(ids("kosten van de Atalnta missie", text_options()).empty());
  EXPECT_EQ(first("pizza"), "<none>");
  EXPECT_EQ(first("Wat is het weer morgen?"), "<none>");
  EXPECT_EQ(first("Hoe dacht de politiek erover?"), "<none>");  // not "politie", a means
}

TEST(MissionRecognizer, SeveralMissionsInOneQuestion) {
  auto found = ids("Wat kostten MINUSMA en UNIFIL samen?");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "minusma");
  EXPECT_EQ(found[1], "unifil");
  auto red_sea = ids("Operation Prosperity Guardian en Operatie Aspides");
  EXPECT_EQ(red_sea, (std::vector<std::string>{"prosperity-guardian", "aspides"}));
}

TEST(MissionRecognizer, MentionsGiveTheirByteSpans) {
  std::string q = "Hoeveel kostte UNIFIL in 2019?";
  auto found = kz::recognize_missions(table(), q);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(q.substr(found[0].begin, found[0].end - found[0].begin), "UNIFIL");
  EXPECT_EQ(found[0].score, 1.0);
  EXPECT_EQ(found[0].how, "alias");
}

TEST(MissionRecognizer, AmbiguousPlacesRankByDocumentsAndYear) {
  // Without counts the table order decides; with counts the mission with most documents.
  auto irak = kz::resolve_typed_mission(table(), "Irak");
  ASSERT_TRUE(irak);
  EXPECT_GE(irak->alternatives.size(), 2u);  // several missions in Irak: the caller must say so
  std::map<std::string, double> docs = {{"oir", 120}, {"sfir", 300}, {"nmi-irak", 15}};
  RecognizeOptions o;
  o.documents = [&](const kz::Mission& m) { return docs.count(m.id) ? docs[m.id] : 0.0; };
  EXPECT_EQ(kz::resolve_typed_mission(table(), "Irak", o)->mission->id, "sfir");
  // A year in the question puts the missions active then first.
  o.year = 2017;
  EXPECT_EQ(kz::resolve_typed_mission(table(), "Irak", o)->mission->id, "oir");
  RecognizeOptions bosnia;
  bosnia.documents = [](const kz::Mission& m) { return m.id == "unprofor" ? 400.0 : m.id == "eufor-althea" ? 3.0 : 0.0; };
  EXPECT_EQ(kz::resolve_typed_mission(table(), "Bosnië", bosnia)->mission->id, "unprofor");
  auto red = kz::resolve_typed_mission(table(), "de Rode Zee");
  ASSERT_TRUE(red);
  std::vector<std::string> all{red->mission->id};
  for (const auto* a : red->alternatives) all.push_back(a->id);
  EXPECT_NE(std::find(all.begin(), all.end(), "aspides"), all.end());
  EXPECT_NE(std::find(all.begin(), all.end(), "prosperity-guardian"), all.end());
}

TEST(MissionRecognizer, MeansAloneNamesEveryMissionWithIt) {
  auto piracy = kz::resolve_typed_mission(table(), "de piraterijbestrijding");
  ASSERT_TRUE(piracy);
  EXPECT_GE(piracy->alternatives.size(), 2u);
  EXPECT_EQ(piracy->how, "means");
}

TEST(MissionRecognizer, RunningTextNeedsANameOrAMeansWithAPlace) {
  auto o = text_options(2016);
  EXPECT_EQ(ids("Nederland zet vier F-16's in boven Irak en Oost-Syrië.", o), std::vector<std::string>{"oir"});
  EXPECT_EQ(ids("De inzet van F-35's vanuit Polen loopt tot eind 2025.", text_options(2025)),
            std::vector<std::string>{"eap-polen"});
  EXPECT_EQ(ids("het besluit tot stationering van Nederlandse Patriot-systemen in Turkije", text_options(2003)),
            std::vector<std::string>{"patriot-turkije"});
  EXPECT_EQ(ids("de aanvullende artikel 100-inzet in de strijd tegen ISIS", o), std::vector<std::string>{"oir"});
  // A country alone, or a platform alone, says nothing in running text.
  EXPECT_TRUE(ids("Het kabinet constateert dat een stabieler Irak van belang is.", o).empty());
  EXPECT_TRUE(ids("De F-16 wordt vervangen door de F-35.", o).empty());
  // Lower-case words that look like acronyms are not missions.
  EXPECT_TRUE(ids("een sole trader, nmi, eva en mnbg", o).empty());
  // "de missies in Libanon, Bosnië-Herzegovina en Irak" in 2007: one mission active in each.
  auto three = ids("bijdragen aan de missies in Libanon, Bosnië-Herzegovina en Irak te verlengen", text_options(2007));
  std::sort(three.begin(), three.end());
  EXPECT_EQ(three, (std::vector<std::string>{"eufor-althea", "ntm-i", "unifil"}));
}

TEST(MissionRecognizer, TableResolveUsesTheRecognizer) {
  const auto* m = table().resolve("F-16's tegen ISIS");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->id, "oir");
  ASSERT_NE(table().resolve("Patriots Turkije"), nullptr);
  EXPECT_EQ(table().resolve("Patriots Turkije")->id, "patriot-turkije");
  EXPECT_EQ(table().resolve("strijd tegen ISIS")->id, "oir");
  EXPECT_EQ(table().closest_missions("F-16 Irak", 1).front()->id, "oir");
}

}  // namespace
