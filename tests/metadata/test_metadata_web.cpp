// Metadata of papers printed from web pages and of forms the older or other sites use: news
// items ("Nieuwsbericht | Rijksoverheid | 30 januari 2015"), an Aanhangsel answer whose bar
// line wraps, a tweedekamer.nl page with "Datum 2024-03-22" and its document number, a
// jaarverslag "Aangeboden" date, one-line closing blocks, and references written
// "Kamerstuk 21501-28-296", "29.521 nr. 471", "Kamerstukken II 2017/18, 29 521, nr. 5".
#include <gtest/gtest.h>

#include "indexer/record/kamerstuk_ref.h"
#include "indexer/metadata/metadata.h"
#include "tests/metadata/page_lines.h"
#include "indexer/metadata/signatories.h"

namespace {

using Role = kz::Line::Role;

using kz::test::L;

const std::string kSha = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

TEST(WebLayout, NewsItemDateTitleAndType) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 60, "Nederland verlengt deelname aan VN-missie in Zuid-Soedan", Role::Body, 14),
             L(1, 57, 80, "Nieuwsbericht | Rijksoverheid | 30 januari 2015"),
             L(1, 57, 110, "Nederland verlengt zijn deelname aan de VN-missie UNMISS met een jaar.")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.layout, "web");
  EXPECT_EQ(m.date, "2015-01-30");
  EXPECT_EQ(m.doctype, "nieuwsbericht");
  EXPECT_EQ(m.title, "Nederland verlengt deelname aan VN-missie in Zuid-Soedan");
  EXPECT_EQ(m.id, "file-001122334455");
}

// The publisher's name above the bar line is no title: the title is the line below it.
TEST(WebLayout, PublisherAboveTheBarLine) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 60, "Ministerie van Buitenlandse Zaken", Role::Body, 14),
             L(1, 57, 80, "Nieuwsbericht | Ministerie van Buitenlandse Zaken | 25 juni 2007"),
             L(1, 57, 110, "Nederland verlengt missies Libanon, Bosnië en Irak"),
             L(1, 57, 130, "25 jun 2007 | De ministerraad heeft vrijdag besloten.")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.date, "2007-06-25");
  EXPECT_EQ(m.title, "Nederland verlengt missies Libanon, Bosnië en Irak");
}

TEST(WebLayout, AanhangselWithWrappedBarLine) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 60, "Antwoord op vragen van het lid Sjoerdsma over het bericht «VS roept Servië op»", Role::Body, 14),
             L(1, 57, 80, "Aanhangsel van de Handelingen | Tweede Kamer der Staten-Generaal | vergaderjaar 2023–2024 |"),
             L(1, 57, 91, "nr. 353 | ontvangen 6 november 2023"),
             L(1, 57, 120, "Vragen van het lid Sjoerdsma (D66) aan de Minister van Buitenlandse Zaken.")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.date, "2023-11-06");
  EXPECT_EQ(m.doctype, "kamervragen");
  EXPECT_EQ(m.addressee, "Tweede Kamer");
  EXPECT_EQ(m.id, "ah-tk-20232024-353");
}

// A tweedekamer.nl document page: ISO date in a field, the document number under the title.
TEST(WebLayout, DocumentPageWithIsoDateAndDocumentNumber) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 60, "Lijst van vragen over de Artikel 100-bijdrage Rode Zee", Role::Body, 14),
             L(1, 57, 80, "Brief | Tweede Kamer der Staten-Generaal | Datum 2024-03-22"),
             L(1, 57, 110, "2024D09984 LIJST VAN VRAGEN (Kamerstuk 29521-471)")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.date, "2024-03-22");
  EXPECT_EQ(m.doctype, "brief");
  EXPECT_EQ(m.id, "2024D09984");
}

// tweedekamer.nl prints the kind and the house in the bar line, the date on its own line.
TEST(WebLayout, VerslagPageWithTheDateApart) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 60, "Verslag van een commissiedebat over de NAVO-top", Role::Body, 14),
             L(1, 57, 80, "Verslag | Tweede Kamer der Staten-Generaal"), L(1, 57, 100, "Datum 2024-07-02"),
             L(1, 57, 130, "De vaste commissie voor Defensie heeft op 20 juni 2024 overleg gevoerd.")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.layout, "web");
  EXPECT_EQ(m.doctype, "verslag");
  EXPECT_EQ(m.date, "2024-07-02");
  EXPECT_EQ(m.title, "Verslag van een commissiedebat over de NAVO-top");
}

// A letterhead set with bars is no web page: the letter keeps its own reading.
TEST(WebLayout, LetterheadWithBarsStaysALetter) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 40, "Ministerie van Defensie | Bestuursstaf"), L(1, 57, 60, "> Retouradres Postbus 20701 2500 ES Den Haag"),
             L(1, 57, 75, "de Voorzitter van de Tweede Kamer"), L(1, 57, 88, "der Staten-Generaal"),
             L(1, 57, 140, "Datum"), L(1, 120, 140, "21 mei 2025"), L(1, 57, 153, "Betreft"),
             L(1, 120, 153, "Voortgang inzet NAVO-oostflank"), L(1, 57, 190, "Geachte voorzitter,")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.layout, "brief");
  EXPECT_EQ(m.date, "2025-05-21");
  EXPECT_EQ(m.title, "Voortgang inzet NAVO-oostflank");
}

// Without a bar line: "Datum 2024-03-22" and "Aangeboden <date>" lines still give the date.
TEST(PlaceDate, IsoDatumAndAangeboden) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 60, "Jaarverslag Ministerie van Defensie 2023", Role::Body, 14),
             L(1, 57, 90, "Aangeboden 15 mei 2024")};
  EXPECT_EQ(kz::extract_metadata(t, kSha).date, "2024-05-15");
  t.lines = {L(1, 57, 60, "Verslag commissiedebat", Role::Body, 14), L(1, 57, 90, "Datum 2024-03-22")};
  EXPECT_EQ(kz::extract_metadata(t, kSha).date, "2024-03-22");
  t.lines = {L(1, 57, 60, "Verslag commissiedebat", Role::Body, 14), L(1, 57, 90, "Datum 2024-02-30")};
  EXPECT_EQ(kz::extract_metadata(t, kSha).date, "");
}

TEST(Signatories, OneLineClosingBlocks) {
  auto s = kz::meta::inline_signatories("De Minister van Defensie, F. H. G. de Grave");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].role, "Minister van Defensie");
  EXPECT_EQ(s[0].name, "F. H. G. de Grave");
  s = kz::meta::inline_signatories(
      "De Minister van Buitenlandse Zaken, H.G.J. Bruins Slot De Minister van Defensie, K.H. Ollongren");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].name, "H.G.J. Bruins Slot");
  EXPECT_EQ(s[1].role, "Minister van Defensie");
  EXPECT_EQ(s[1].name, "K.H. Ollongren");
  s = kz::meta::inline_signatories("De fungerend voorzitter van de commissie, De Roon");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].name, "De Roon");
  // Running text about ministers is no closing block.
  EXPECT_TRUE(kz::meta::inline_signatories("De Minister van Defensie, die de Kamer informeerde, is op reis.").empty());
  EXPECT_TRUE(kz::meta::inline_signatories("De Minister van Buitenlandse Zaken en de Minister van Defensie hebben op 12").empty());
}

std::vector<std::string> ids(const std::vector<kz::Citation>& c) {
  std::vector<std::string> out;
  for (const auto& x : c) out.push_back(x.id);
  return out;
}

TEST(References, FormsOfOtherSitesAndEras) {
  EXPECT_EQ(ids(kz::ref::find_citations("zie Kamerstuk 21501-28-296 en Kamerstuk 29521-471.")),
            (std::vector<std::string>{"kst-21501-28-296", "kst-29521-471"}));
  EXPECT_EQ(ids(kz::ref::find_citations("(Kamerstukken II 2017/18, 29 521, nr. 350)")),
            (std::vector<std::string>{"kst-29521-350"}));
  EXPECT_EQ(ids(kz::ref::find_citations("bij brief 29521/471 en stuk 29.521 nr. 473")),
            (std::vector<std::string>{"kst-29521-471", "kst-29521-473"}));
  EXPECT_EQ(ids(kz::ref::find_citations("document 2024D09984 en zaak 2024Z03843")),
            (std::vector<std::string>{"2024D09984", "2024Z03843"}));
  // Amounts and sub-dossiers stay what they are.
  EXPECT_TRUE(kz::ref::find_citations("Het kost 29.521 euro.").empty());
  EXPECT_EQ(ids(kz::ref::find_citations("Kamerstuk 21501-02, nr. 2602")), (std::vector<std::string>{"kst-21501-02-2602"}));
}

}  // namespace
