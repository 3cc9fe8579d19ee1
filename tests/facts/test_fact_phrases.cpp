// Tests of the phrase readers under fact extraction: amounts in every Dutch notation, sentence
// splitting, footnote markers, date phrases, periods and cost years, on wording of the corpus
// and of letters of other years and missions.
#include <gtest/gtest.h>

#include "indexer/facts/fact_text.h"
#include "indexer/facts/facts.h"

namespace {

// ---- amounts ----

long long euros(std::string_view text) {
  auto a = kz::find_amounts(text);
  return a.size() == 1 ? a[0].euros : -1;
}

TEST(Amounts, ReadsEveryDutchNotation) {
  EXPECT_EQ(euros("€ 42,4 miljoen"), 42'400'000);
  EXPECT_EQ(euros("23,5 miljoen euro"), 23'500'000);
  EXPECT_EQ(euros("EUR 500 miljoen"), 500'000'000);
  EXPECT_EQ(euros("€1,4 miljoen"), 1'400'000);
  EXPECT_EQ(euros("4,2 miljoen euro"), 4'200'000);
  EXPECT_EQ(euros("€ 51,0 miljoen"), 51'000'000);
  EXPECT_EQ(euros("1,2 miljard"), 1'200'000'000);
  EXPECT_EQ(euros("€ 750.000"), 750'000);
  EXPECT_EQ(euros("€ 1.250.000,00"), 1'250'000);
  EXPECT_EQ(euros("€ 750.000,-"), 750'000);
  EXPECT_EQ(euros("ruim € 3 mln. voor"), 3'000'000);
  EXPECT_EQ(euros("€\xC2\xA0" "12,75 miljoen"), 12'750'000);
  EXPECT_EQ(euros("2,25 miljard euro"), 2'250'000'000);
  EXPECT_EQ(euros("circa 800 duizend euro"), 800'000);
  EXPECT_EQ(euros("EUR 3.5 million? nee: EUR 3.5 miljoen"), -1);  // two amounts
}

TEST(Amounts, KeepsSpanAndCurrencyAndSkipsNonMoney) {
  std::string s = "De kosten worden geraamd op 4,2 miljoen euro (januari-december 2024).";
  auto a = kz::find_amounts(s);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(s.substr(a[0].offset, a[0].length), "4,2 miljoen euro");
  EXPECT_TRUE(a[0].currency);
  EXPECT_FALSE(kz::find_amounts("1,2 miljard mensen")[0].currency);
  EXPECT_TRUE(kz::find_amounts("Via Interflex zijn 19.000 militairen getraind, 2% van het BBP.").empty());
  EXPECT_TRUE(kz::find_amounts("US$ 5 miljoen").empty());
  EXPECT_TRUE(kz::find_amounts("Tabel 2: uitgaven (bedragen x € 1 miljoen)").empty());
  EXPECT_TRUE(kz::find_amounts("5 miljoen dollar").empty());
  auto range = kz::find_amounts("tussen € 12 tot € 15 miljoen");
  ASSERT_EQ(range.size(), 2u);
  EXPECT_EQ(range[0].euros, 12'000'000);
  EXPECT_EQ(range[1].euros, 15'000'000);
}

TEST(Amounts, ACurrencyBetweenAYearAndANumberSignsTheNumber) {
  // The year before a prefixed amount is not itself an amount of euros.
  for (std::string s : {"De uitgaven bedroegen in 1994 EUR 403,0 miljoen.", "in 2026 euro 3 miljoen geraamd",
                        "Voor SNMG1 is in 2026 \xE2\x82\xAC 3 miljoen geraamd."}) {
    auto a = kz::find_amounts(s);
    ASSERT_EQ(a.size(), 1u) << s;
    EXPECT_NE(s.substr(a[0].offset, a[0].length).find("miljoen"), std::string::npos) << s;
    EXPECT_NE(a[0].euros, 1994) << s;
    EXPECT_TRUE(a[0].currency) << s;
  }
  EXPECT_EQ(euros("De uitgaven bedroegen in 1994 EUR 403,0 miljoen."), 403'000'000);
  // After a scale word the currency still closes the amount before it.
  auto two = kz::find_amounts("4,2 miljoen euro 150 militairen");
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].euros, 4'200'000);
  EXPECT_EQ(euros("kosten van 750 EUR per dag"), 750);
}

// ---- sentences ----

TEST(Sentences, SplitsAtSentenceEndsNotAbbreviations) {
  auto s = kz::facts::split_sentences(
      "Met de Kamerbrief van 21 februari 2025 (kenmerk 28 676, nr. 486) is uw Kamer geïnformeerd. "
      "Zr.Ms. Tromp vaart o.a. in de Oostzee met ca. 150 militairen. Via operatie Interflex zijn "
      "19.000 militairen getraind. “to prevent war, NATO must spend more.” Bondgenoten zijn het eens.");
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].text, "Met de Kamerbrief van 21 februari 2025 (kenmerk 28 676, nr. 486) is uw Kamer geïnformeerd.");
  EXPECT_EQ(s[1].text, "Zr.Ms. Tromp vaart o.a. in de Oostzee met ca. 150 militairen.");
  EXPECT_EQ(s[3].text, "“to prevent war, NATO must spend more.”");
  EXPECT_EQ(s[4].text, "Bondgenoten zijn het eens.");
  auto m = kz::facts::split_sentences("De kosten bedragen € 3,2 mln. Voor Atalanta is € 1 mln. gereserveerd.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].text, "Voor Atalanta is € 1 mln. gereserveerd.");
  auto t = kz::facts::split_sentences("Inzet eAP F-35 Estland: € 1,2 miljoen. De meeste uitgaven vinden in 2025 plaats");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "Inzet eAP F-35 Estland: € 1,2 miljoen.");
}

TEST(Sentences, StripsBulletsAndFootnoteMarkers) {
  EXPECT_EQ(kz::facts::bullet_length("- MNBG Litouwen: € 42,4 miljoen", false), 2u);
  EXPECT_EQ(kz::facts::bullet_length("\xE2\x80\xA2 De inzet", false), 4u);
  EXPECT_EQ(kz::facts::bullet_length("a. Militaire bijdrage", true), 3u);
  EXPECT_EQ(kz::facts::bullet_length("-5% groei", false), 0u);
  std::vector<std::string> markers{"1", "2", "3"};
  EXPECT_EQ(kz::facts::strip_footnote_markers(
                "werd in 2024 voor € 51,0 miljoen bekostigd2 vanuit het BIV, in SNMG1 en periode3) april 2025.1 De",
                markers),
            "werd in 2024 voor € 51,0 miljoen bekostigd vanuit het BIV, in SNMG1 en periode) april 2025. De");
  EXPECT_TRUE(markers.empty());
  std::vector<std::string> again{"1"};
  EXPECT_EQ(kz::facts::strip_footnote_markers("€1,4 miljoen en € 5,1 miljoen", again), "€1,4 miljoen en € 5,1 miljoen");
}

// ---- dates and periods ----

std::string span(std::string_view text, int year = 2025) {
  auto d = kz::facts::read_date(text, year);
  return d ? d->first + ".." + d->last : "<none>";
}

TEST(Dates, ReadsDutchDatePhrases) {
  EXPECT_EQ(span("31 december 2026"), "2026-12-31..2026-12-31");
  EXPECT_EQ(span("maart 2024"), "2024-03-01..2024-03-31");
  EXPECT_EQ(span("februari 2024"), "2024-02-01..2024-02-29");
  EXPECT_EQ(span("2017"), "2017-01-01..2017-12-31");
  EXPECT_EQ(span("eind 2026"), "2026-12-31..2026-12-31");
  EXPECT_EQ(span("begin 2026"), "2026-01-01..");
  EXPECT_EQ(span("de zomer 2022"), "2022-06-01..2022-08-31");
  EXPECT_EQ(span("het eerste kwartaal van 2024"), "2024-01-01..2024-03-31");
  EXPECT_EQ(span("Q2 2026"), "2026-04-01..2026-06-30");
  EXPECT_EQ(span("de tweede helft van 2017"), "2017-07-01..2017-12-31");
  EXPECT_EQ(span("dit jaar", 2017), "2017-01-01..2017-12-31");
  EXPECT_EQ(span("volgend jaar", 2023), "2024-01-01..2024-12-31");
  EXPECT_EQ(span("11 oktober jl.", 2023), "2023-10-11..2023-10-11");
  EXPECT_EQ(span("het einde van het jaar", 2024), "2024-12-31..2024-12-31");
  EXPECT_EQ(span("31 februari 2025"), "<none>");
  EXPECT_EQ(span("270 militairen"), "<none>");
}

// "mission kind start..end" for each period in a sentence.
std::vector<std::string> periods(std::string_view sentence, const std::string& doc_date = "2025-05-21") {
  std::vector<std::string> out;
  for (const auto& p : kz::facts::find_periods(sentence, doc_date))
    out.push_back(kz::facts::period_kind(sentence, p, doc_date) + " " + p.start + ".." + p.end);
  return out;
}
using V = std::vector<std::string>;

TEST(Periods, ReadsCorpusWording) {
  EXPECT_EQ(periods("Het mandaat voor deze inzet loopt tot en met 31 december 2026;"), V{"mandate ..2026-12-31"});
  EXPECT_EQ(periods("De inzet van MQ-9 Reapers vanuit Roemenië vanaf maart 2024 tot en met maart 2026;"),
            V{"deployment 2024-03-01..2026-03-31"});
  EXPECT_EQ(periods("Vanaf 2022 tot heden is besloten een permanente SOLE in te zetten."), V{"deployment 2022-01-01.."});
  EXPECT_EQ(periods("Medio 2024 heeft het kabinet het mandaat van de inzet tot en met eind 2026 verlengd."),
            V{"extension ..2026-12-31"});
  EXPECT_EQ(periods("De inzet vanaf het eerste kwartaal van 2024 is voor ten minste 6 maanden met de "
                    "mogelijkheid tot zes maanden verlenging.", "2023-10-25"),
            V{"announcement 2024-01-01.."});
  EXPECT_EQ(periods("Op 9 januari 2025 heeft Nederland het commando over SNMG1 overgenomen en zal dit tot "
                    "begin 2026 houden.", "2025-01-31"),
            V{"deployment 2025-01-09.."});
  EXPECT_EQ(periods("Deze korte trainingen zijn voorzien voor de periode van 21 februari tot en met 28 februari, "
                    "en 12 april tot en met 24 april 2025.", "2025-01-31"),
            (V{"deployment 2025-02-21..2025-02-28", "deployment 2025-04-12..2025-04-24"}));
  EXPECT_EQ(periods("Nederland levert dit jaar ongeveer 270 militairen aan de battlegroup.", "2017-03-24"),
            V{"deployment 2017-01-01..2017-12-31"});
  EXPECT_EQ(periods("In 2024 zet Nederland deze bijdrage voort met vier rotaties.", "2023-10-25"),
            V{"extension 2024-01-01..2024-12-31"});
}

TEST(Periods, ReadsWordingOfOtherLetters) {
  EXPECT_EQ(periods("Het kabinet heeft besloten de Nederlandse bijdrage aan UNIFIL te verlengen tot en met "
                    "30 juni 2027."),
            V{"extension ..2027-06-30"});
  EXPECT_EQ(periods("Nederland draagt met ingang van 1 juli 2019 bij aan MINUSMA."), V{"deployment 2019-07-01.."});
  EXPECT_EQ(periods("De inzet van het fregat duurt van januari tot en met juni 2021."),
            V{"deployment 2021-01-01..2021-06-30"});
  EXPECT_EQ(periods("Het mandaat loopt t/m december 2022."), V{"mandate ..2022-12-31"});
  EXPECT_EQ(periods("Nederland levert in de periode 2019-2021 stafofficieren aan Resolute Support."),
            V{"deployment 2019-01-01..2021-12-31"});
  EXPECT_EQ(periods("De missie wordt voortgezet tot eind 2027."), V{"extension ..2027-12-31"});
  EXPECT_EQ(periods("Het kabinet is voornemens vanaf het najaar van 2026 een fregat in te zetten."),
            V{"announcement 2026-09-01.."});
  EXPECT_EQ(periods("De Nederlandse bijdrage aan MINUSMA is per 1 mei 2019 beëindigd."), V{"deployment ..2019-05-01"});
  EXPECT_EQ(periods("Het mandaat loopt af op 31 januari 2026."), V{"mandate ..2026-01-31"});
  EXPECT_EQ(periods("Het kabinet heeft besloten vanaf 1 september 2025 een fregat in te zetten.", "2025-06-01"),
            V{"announcement 2025-09-01.."});
  EXPECT_EQ(periods("De inzet duurt van 1 december 2025 tot en met 31 mei 2026.", "2025-06-01"),
            V{"deployment 2025-12-01..2026-05-31"});
  EXPECT_EQ(periods("De eenheid blijft tot medio 2026 ingezet."), V{"deployment ..2026-06-30"});
  EXPECT_TRUE(periods("De inzet loopt tot en met 28 februari.", "").empty());  // no year known
  EXPECT_EQ(periods("Het fregat wordt ingezet van december tot en met maart 2025."),
            V{"deployment 2024-12-01..2025-03-31"});
  EXPECT_EQ(periods("De inzet loopt tot en met 28 februari.", "2024-01-10"), V{"deployment ..2024-02-28"});
  EXPECT_EQ(periods("De inzet loopt tot en met februari.", "2024-01-10"), V{"deployment ..2024-02-29"});
  // Dates that bound nothing: a cited letter, a deadline, someone else's deployment.
  EXPECT_TRUE(periods("Zoals gemeld in de Kamerbrief van 6 mei 2024 (Kamerstuk 29 521, nr. 481)").empty());
  EXPECT_TRUE(periods("Luxemburg levert in de tweede helft van 2017 een verkenningspeloton.").empty());
  EXPECT_TRUE(periods("drie tot zes F-35-toestellen").empty());
}

TEST(CostContext, YearEstimateAndMoney) {
  auto year = [](std::string_view s) {
    auto a = kz::find_amounts(s);
    auto y = a.empty() ? std::nullopt : kz::facts::cost_year(s, a[0].offset, a[0].length, 2025);
    return y ? y->year : 0;
  };
  EXPECT_EQ(year("De inzet werd in 2024 voor € 51,0 miljoen bekostigd."), 2024);
  EXPECT_EQ(year("De kosten worden geraamd op 4,2 miljoen euro (januari-december 2024)."), 2024);
  EXPECT_EQ(year("Voor 2026 is € 12 miljoen begroot (Kamerbrief van 6 mei 2024)."), 2026);
  EXPECT_EQ(year("De kosten bedragen dit jaar € 3 miljoen."), 2025);
  std::string two = "De kosten voor 2015 worden geraamd op € 15 miljoen, voor 2016 op € 12 miljoen.";
  auto a = kz::find_amounts(two);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(kz::facts::cost_year(two, a[0].offset, a[0].length, 2014)->year, 2015);
  EXPECT_EQ(kz::facts::cost_year(two, a[1].offset, a[1].length, 2014)->year, 2016);
  EXPECT_EQ(year("De kosten bedragen € 3 miljoen (Kamerstuk 29 521, nr. 481 van 6 mei 2023)."), 0);
  EXPECT_TRUE(kz::facts::is_estimate("De kosten worden geraamd op € 5 miljoen."));
  EXPECT_TRUE(kz::facts::is_estimate("Naar verwachting bedragen de kosten € 5 miljoen."));
  EXPECT_FALSE(kz::facts::is_estimate("De inzet werd voor € 51,0 miljoen bekostigd."));
  EXPECT_TRUE(kz::facts::speaks_of_money("De uitgaven bedroegen 1,2 miljard."));
  EXPECT_FALSE(kz::facts::speaks_of_money("Er wonen 1,2 miljard mensen."));
}

}  // namespace
