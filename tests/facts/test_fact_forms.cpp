// Tests of the period and force-size readers on sentences taken verbatim from real papers
// (tests/real/docs): one test per form of writing, each asserting what a reader finds in it.
#include <gtest/gtest.h>

#include "indexer/facts/fact_text.h"
#include "indexer/facts/facts.h"

namespace {

using kz::facts::find_forces;
using kz::facts::find_periods;

struct Span {
  std::string start, end;
};

std::vector<Span> periods(std::string_view sentence, const std::string& doc_date) {
  std::vector<Span> out;
  for (const auto& p : find_periods(sentence, doc_date)) out.push_back({p.start, p.end});
  return out;
}

::testing::AssertionResult one_period(std::string_view sentence, const std::string& doc_date, const std::string& start,
                                      const std::string& end) {
  auto ps = periods(sentence, doc_date);
  std::string got;
  for (const auto& p : ps) got += " [" + p.start + " -> " + p.end + "]";
  if (ps.size() == 1 && ps[0].start == start && ps[0].end == end) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected [" << start << " -> " << end << "], got" << got;
}

// ---- periods ----

TEST(PeriodForms, MonthQualifiersAreReadAtTheMonthsLevel) {
  EXPECT_TRUE(one_period("De onderzeeboot neemt van eind september tot eind november 2010 deel aan de NAVO-operatie "
                         "Ocean Shield.", "2010-06-22", "2010-09-01", "2010-11-30"));
  EXPECT_TRUE(one_period("De Hr. Ms. Tromp zal van maart tot begin juni 2011 deelnemen aan de NAVO-operatie.",
                         "2010-06-22", "2011-03-01", "2011-06-30"));
  EXPECT_TRUE(one_period("heeft het kabinet reeds op 19 december 2008 besloten tot Nederlandse deelname aan de "
                         "EU-operatie Atalanta voor de kust van Somalië van medio augustus tot medio december 2009",
                         "2010-01-15", "2009-08-01", "2009-12-31"));
}

TEST(PeriodForms, AMonthWithoutAYearAfterTheLettersDateIsNextYear) {
  // A news item of 29 November 2019: "tot juni" is June 2020.
  EXPECT_TRUE(one_period("Het schip neemt daar tot juni deel aan een Europese maritieme missie.", "2019-11-29", "",
                         "2020-06-30"));
  EXPECT_TRUE(one_period("Het luchtverdedigings- en commandofregat Zr.Ms. De Ruyter vertrekt in januari naar de "
                         "Golfregio.", "2019-11-29", "2020-01-01", ""));
  // In the past tense the month stays in the letter's year.
  EXPECT_TRUE(one_period("Nederland nam tot juni deel aan de missie.", "2019-11-29", "", "2019-06-30"));
}

TEST(PeriodForms, EndOfThisYear) {
  EXPECT_TRUE(one_period("De andere C-130 en de mariniers blijven gereedstaan op Cyprus, volgens de huidige planning "
                         "is dat tot eind dit jaar.", "2023-11-08", "", "2023-12-31"));
}

TEST(PeriodForms, ArrivalAndServiceVerbs) {
  EXPECT_TRUE(one_period("De 4 militairen arriveerden op 11 oktober 2005 in Kosovo.", "", "2005-10-11", ""));
  EXPECT_TRUE(one_period("Nederland vulde tot 30 september 2011 de functie van Provost Marshall binnen KFOR.", "", "",
                         "2011-09-30"));
  EXPECT_TRUE(kz::facts::speaks_of_deployment(
      "Van 1 februari tot 1 juli 2007 stelde het ministerie van Defensie ook een chirurgisch team van 7 personen aan "
      "KFOR beschikbaar."));
  EXPECT_TRUE(one_period("Van 1 februari tot 1 juli 2007 stelde het ministerie van Defensie ook een chirurgisch team "
                         "van 7 personen aan KFOR beschikbaar.", "", "2007-02-01", "2007-07-01"));
}

TEST(PeriodForms, AStatedLengthFromAStartGivesTheEnd) {
  EXPECT_TRUE(one_period("De Patriots zijn vanaf medio april operationeel voor een periode van maximaal 6 maanden.",
                         "2022-03-18", "2022-04-01", "2022-09-30"));
  EXPECT_TRUE(one_period("De missie start op 1 januari 2025 voor de duur van een jaar.", "2024-10-01", "2025-01-01",
                         "2025-12-31"));
  // Without a start the length alone dates nothing.
  EXPECT_TRUE(periods("De Nederlandse bijdrage wordt met ten minste zes maanden verlengd.", "2007-06-25").empty());
}

TEST(PeriodForms, PerAfterEndingIsAnEnd) {
  EXPECT_TRUE(one_period("Het kabinet heeft besloten tot het aflopen van het mandaat per 1 juli 2024 van de "
                         "missie.", "2024-03-01", "", "2024-07-01"));
  EXPECT_TRUE(one_period("De Nederlandse bijdrage aan UNIFIL loopt af op 31 augustus aanstaande.", "2007-06-25", "",
                         "2007-08-31"));
}

TEST(PeriodForms, TheDayOfAMeetingIsNoBound) {
  EXPECT_TRUE(periods("De vaste commissie voor Buitenlandse Zaken en de vaste commissie voor Defensie hebben op 17 "
                      "december 2007 overleg gevoerd over de brief die niet voor eind van de zomer zal zijn afgerond.",
                      "2008-01-10").empty());
}

TEST(PeriodForms, TalksAndDecisionMonthsAreNoBounds) {
  EXPECT_TRUE(periods("Sinds medio dit jaar is intensief overleg gevoerd met verschillende bondgenoten, met de NAVO "
                      "en met de Afghaanse regering over de mogelijke Nederlandse bijdrage.", "2005-12-22").empty());
  EXPECT_TRUE(one_period("Naast het beëindigen van de Nederlandse bijdrage aan EUTM Somalië besloot het kabinet in "
                         "december de Nederlandse bijdrage aan de EU Capacity Building Mission (EUCAP) in Somalië "
                         "(voorheen EUCAP Nestor) wel te verlengen tot 31 december 2018.", "2018-03-28", "",
                         "2018-12-31"));
}

TEST(PeriodForms, ADateGoesToTheMissionItsClauseNames) {
  std::string s = "Naast het beëindigen van de Nederlandse bijdrage aan EUTM Somalië besloot het kabinet in december "
                  "de Nederlandse bijdrage aan de EU Capacity Building Mission (EUCAP) in Somalië wel te verlengen "
                  "tot 31 december 2018.";
  auto phrases = find_periods(s, "2018-03-28");
  ASSERT_EQ(phrases.size(), 1u);
  kz::facts::Mention eutm, eucap;
  eutm.offset = s.find("EUTM Somalië");
  eutm.length = 13;
  eutm.mission = "eutm-somalie";
  eucap.offset = s.find("EUCAP");
  eucap.length = 5;
  eucap.mission = "eucap-somalie";
  auto own = kz::facts::missions_for_periods(s, {eutm, eucap}, phrases);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0], std::vector<std::string>{"eucap-somalie"});
  // Two missions named as one list share the date.
  std::string both = "De bijdragen aan UNIFIL en UNDOF worden verlengd tot 31 december 2026.";
  kz::facts::Mention unifil, undof;
  unifil.offset = both.find("UNIFIL");
  unifil.length = 6;
  unifil.mission = "unifil";
  undof.offset = both.find("UNDOF");
  undof.length = 5;
  undof.mission = "undof";
  auto shared = kz::facts::missions_for_periods(both, {unifil, undof}, find_periods(both, "2025-06-01"));
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0], (std::vector<std::string>{"unifil", "undof"}));
}

TEST(PeriodForms, APeriodEndingBeforeItStartsIsNone) {
  EXPECT_TRUE(periods("De inzet loopt van 1 december 2022 tot en met 31 maart 2004.", "2022-11-01").empty());
}

TEST(PeriodForms, SinceAndUntilWithAMonth) {
  EXPECT_TRUE(one_period("EUFOR bevindt zich sinds december 2004 in de regio.", "2007-06-25", "2004-12-01", ""));
  EXPECT_TRUE(one_period("In Irak vindt een NAVO-trainingsmissie plaats, waar Nederland tot augustus 2007 aan zou "
                         "bijdragen.", "2007-06-25", "", "2007-08-31"));
  EXPECT_TRUE(one_period("Een KDC-10 tankvliegtuig tot 4 april;", "2011-03-22", "", "2011-04-04"));
}

TEST(PeriodForms, MonthRangesJoinedByADashOrEn) {
  EXPECT_TRUE(one_period("In de periode juni-augustus 2011 heeft de regering één VPD (VPD-3) ingezet.", "2011-10-05",
                         "2011-06-01", "2011-08-31"));
  EXPECT_TRUE(one_period("In de maanden maart en april 2011 heeft de regering twee zelfstandige militaire "
                         "beveiligingsteams (Vessel Protection Detachments, VPD’s) ingezet aan boord van twee "
                         "koopvaardijschepen.", "2011-06-15", "2011-03-01", "2011-04-30"));
}

TEST(PeriodForms, ExtendedUntilTheEndOfAYear) {
  EXPECT_TRUE(one_period("Met deze brief informeren wij de Kamer, in overeenstemming met artikel 100 van de "
                         "Grondwet, over het besluit van het kabinet de Nederlandse bijdrage aan MINUSMA met een jaar "
                         "te verlengen tot eind 2016.", "2015-06-19", "", "2016-12-31"));
}

// ---- force sizes ----

struct Force {
  long long count;
  std::string what, kind;
  bool max, extra;
};

std::vector<Force> forces(std::string_view s) {
  std::vector<Force> out;
  for (const auto& f : find_forces(s)) out.push_back({f.count, f.what, f.kind, f.max, f.extra});
  return out;
}

TEST(ForceForms, PersonnelWithNumbersAndQualifiers) {
  auto f = forces("De Nederlandse bijdrage aan de Europese troepenmacht EUFOR in Bosnië-Herzegovina wordt met twaalf "
                  "maanden verlengd tot juni 2008 en bestaat uit 85 militairen.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].count, 85);
  EXPECT_EQ(f[0].what, "militairen");
  EXPECT_EQ(f[0].kind, "personnel");
  f = forces("Het kabinet stelt maximaal 150 extra militairen beschikbaar.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].count, 150);
  EXPECT_TRUE(f[0].max);
  EXPECT_TRUE(f[0].extra);
  f = forces("Nederland zal de komende periode zeven militairen leveren die gaan helpen bij de training.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].count, 7);
  auto about = find_forces("Nederland neemt sinds de start in 2011 deel aan UNMISS met ongeveer 30 militairen en "
                           "politiefunctionarissen.");
  ASSERT_EQ(about.size(), 1u);
  EXPECT_EQ(about[0].count, 30);
  EXPECT_TRUE(about[0].about);
  EXPECT_TRUE(about[0].dutch);
}

TEST(ForceForms, CountedShipsAircraftAndUnits) {
  auto f = forces("Nederland levert drie transporthelikopters en twee schepen.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].count, 3);
  EXPECT_EQ(f[0].kind, "aircraft");
  EXPECT_EQ(f[1].count, 2);
  EXPECT_EQ(f[1].kind, "ship");
  f = forces("In de maanden maart en april 2011 heeft de regering twee zelfstandige militaire beveiligingsteams "
             "(Vessel Protection Detachments, VPD’s) ingezet");
  ASSERT_GE(f.size(), 1u);
  EXPECT_EQ(f[0].count, 2);
  EXPECT_EQ(f[0].what, "beveiligingsteams");
  EXPECT_EQ(f[0].kind, "unit");
  f = forces("Nederland levert een KDC-10 tankvliegtuig tot 4 april voor de inzet van de NAVO-operatie.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].count, 1);
  EXPECT_EQ(f[0].what, "KDC-10 tankvliegtuig");
  f = forces("de brief van de Minister van Buitenlandse Zaken d.d. 29 september 2023 inzake aanvullende artikel "
             "100-brief inzake het leveren van de Force Commander, ondersteunende staf en een eenheid "
             "transporthelikopters voor de NAVO-missie Irak vanaf mei 2024, Minister van Defensie");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].count, 1);
  EXPECT_EQ(f[0].kind, "unit");
}

TEST(ForceForms, NamedShips) {
  auto f = forces("het besluit van het kabinet om vanaf medio februari tot eind juni 2010 achtereenvolgens het "
                  "luchtverdediging- en commandofregat de Hr.Ms. Tromp en het amfibisch transportschip de Hr.Ms. "
                  "Johan de Witt in te zetten ten behoeve van de maritieme EU-operatie Atalanta.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].what, "Hr.Ms. Tromp");
  EXPECT_EQ(f[1].what, "Hr.Ms. Johan de Witt");
  EXPECT_EQ(f[1].kind, "ship");
  f = forces("Voor de kust van Libanon patrouilleert sinds 15 december 2006 het Nederlandse fregat Hr. Ms. Van Speijk.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].what, "Hr. Ms. Van Speijk");
}

TEST(ForceForms, NoForcesInCasualtiesDatesOrArticles) {
  EXPECT_TRUE(forces("Bij de aanslag zijn twee militairen gewond geraakt.").empty());
  EXPECT_TRUE(forces("De missie duurt 6 maanden en kost 30 miljoen euro.").empty());
  EXPECT_TRUE(forces("Een militair die terugkeert krijgt nazorg.").empty());
  // "een fregat" said in passing, not a Dutch deployment.
  EXPECT_TRUE(forces("De Roon (PVV) vindt het te risicovol dat de Karel Doorman tijdens de missie geen begeleiding "
                     "krijgt van een Nederlands fregat, maar van een fregat van een van de andere deelnemende "
                     "landen.").empty());
  EXPECT_TRUE(forces("Op 30 september 2011 vertrokken de laatste eenheden.").empty());
}

}  // namespace
