// Metadata extraction on synthetic pages in the three layouts, for variants the sample corpus
// does not show: an Eerste Kamer paper with a letter number, a dossier with a budget chapter,
// a wrapped signing role, names printed above their roles, signatures side by side, a letter
// to the Eerste Kamer with its own kenmerk, and a nota without referentie.
#include <gtest/gtest.h>

#include "indexer/metadata/metadata.h"
#include "tests/metadata/page_lines.h"

namespace {

using Role = kz::Line::Role;

using kz::test::L;

kz::Paragraph P(int page, std::string text) {
  kz::Paragraph p;
  p.page = page;
  p.text = std::move(text);
  return p;
}

const std::string kSha = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

TEST(KstLayout, EersteKamerMemorieVanAntwoordWithLetterNumber) {
  kz::CleanText t;
  t.pages = 2;
  t.lines = {L(1, 57, 60, "Eerste Kamer der Staten-Generaal"), L(1, 57, 73, "Vergaderjaar 2019–2020"),
             L(1, 57, 120, "35 010"), L(1, 150, 120, "Wijziging van de Wet veiligheidsregio's"),
             L(1, 57, 150, "C"), L(1, 150, 150, "MEMORIE VAN ANTWOORD"),
             L(1, 150, 175, "Ontvangen 12 maart 2020"),
             L(1, 150, 200, "Graag dank ik de leden voor hun vragen over dit wetsvoorstel."),
             L(1, 57, 790, "kst-35010-C", Role::Furniture),
             L(1, 150, 800, "Eerste Kamer, vergaderjaar 2019–2020, 35 010, C 1", Role::Furniture),
             L(2, 57, 500, "De Minister van Justitie en Veiligheid,"), L(2, 57, 513, "F.B.J. Grapperhaus"),
             L(2, 57, 540, "De Staatssecretaris van Justitie en Veiligheid,"),
             L(2, 57, 553, "A. Broekers-Knol"),
             L(2, 150, 800, "Eerste Kamer, vergaderjaar 2019–2020, 35 010, C 2", Role::Furniture)};
  t.body = {P(1, "Graag dank ik de leden voor hun vragen (Kamerstukken I 2019/20, 35 010, B).")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.layout, "kst");
  ASSERT_TRUE(m.kamerstuk);
  EXPECT_EQ(m.kamerstuk->dossier, "35 010");
  EXPECT_EQ(m.kamerstuk->nr, "C");
  EXPECT_EQ(m.id, "kst-35010-C");
  // A heading naming only the kind of paper gets the dossier's title after it.
  EXPECT_EQ(m.title, "Memorie van antwoord \xE2\x80\x93 Wijziging van de Wet veiligheidsregio's");
  EXPECT_EQ(m.doctype, "memorie van antwoord");
  EXPECT_EQ(m.addressee, "Eerste Kamer");
  EXPECT_EQ(m.date, "2020-03-12");
  ASSERT_EQ(m.signatories.size(), 2u);
  EXPECT_EQ(m.signatories[0].role, "Minister van Justitie en Veiligheid");
  EXPECT_EQ(m.signatories[0].name, "F.B.J. Grapperhaus");
  EXPECT_EQ(m.signatories[1].role, "Staatssecretaris van Justitie en Veiligheid");
  EXPECT_EQ(m.signatories[1].name, "A. Broekers-Knol");
  ASSERT_EQ(m.cites.size(), 1u);
  EXPECT_EQ(m.cites[0].id, "kst-35010-B");
}

TEST(KstLayout, BudgetChapterDossierWrappedRoleAndNoSelfCitation) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 60, "Tweede Kamer der Staten-Generaal"), L(1, 57, 73, "Vergaderjaar 2024–2025"),
             L(1, 57, 120, "36 600 X"), L(1, 150, 120, "Vaststelling van de begrotingsstaten van het"),
             L(1, 150, 133, "Ministerie van Defensie (X) voor het jaar 2025"),
             L(1, 57, 160, "Nr. 12"), L(1, 150, 160, "BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE EN DE"),
             L(1, 150, 173, "MINISTER VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING"),
             L(1, 150, 200, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
             L(1, 150, 225, "Den Haag, 3 februari 2025"),
             L(1, 150, 600, "De Staatssecretaris van Defensie,"), L(1, 150, 613, "G.P. Tuinman"),
             L(1, 150, 640, "De Minister voor Buitenlandse Handel en"),
             L(1, 150, 653, "Ontwikkelingssamenwerking,"), L(1, 150, 666, "R.J. Klever"),
             L(1, 57, 790, "kst-36600-X-12", Role::Furniture),
             L(1, 150, 800, "Tweede Kamer, vergaderjaar 2024–2025, 36 600 X, nr. 12 1", Role::Furniture)};
  t.body = {P(1, "Hierbij stuur ik u, mede namens de Minister voor Buitenlandse Handel en "
                 "Ontwikkelingssamenwerking, de geannoteerde agenda voor de Raad Buitenlandse Zaken."),
            P(1, "Zoals gemeld in Kamerstuk 21 501-28, nr. 250 en in deze brief (36 600 X, nr. 12) "
                 "volgt de raming op 1 maart 2025.")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.id, "kst-36600-X-12");
  // "BRIEF VAN DE STAATSSECRETARIS ..." says only who wrote: the dossier's title says what about.
  EXPECT_EQ(m.title, "Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2025");
  EXPECT_EQ(m.doctype, "geannoteerde agenda");
  EXPECT_EQ(m.date, "2025-02-03");
  ASSERT_EQ(m.signatories.size(), 2u);
  EXPECT_EQ(m.signatories[0].role, "Staatssecretaris van Defensie");
  EXPECT_EQ(m.signatories[0].name, "G.P. Tuinman");
  EXPECT_EQ(m.signatories[1].role, "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking");
  EXPECT_EQ(m.signatories[1].name, "R.J. Klever");
  ASSERT_EQ(m.cites.size(), 1u);
  EXPECT_EQ(m.cites[0].id, "kst-21501-28-250");
}

TEST(KstLayout, VerslagSignedByChairAndClerkInLowerCase) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 57, 60, "Tweede Kamer der Staten-Generaal"), L(1, 57, 73, "Vergaderjaar 2022–2023"),
             L(1, 57, 120, "21 501-28"), L(1, 150, 120, "Defensieraad"), L(1, 57, 150, "Nr. 250"),
             L(1, 150, 150, "VERSLAG VAN EEN COMMISSIEDEBAT"), L(1, 150, 175, "Vastgesteld 7 juli 2023"),
             L(1, 150, 200, "De vaste commissie voor Defensie heeft op 14 juni 2023 overleg gevoerd."),
             L(1, 150, 600, "De voorzitter van de commissie,"), L(1, 150, 613, "Kerstens"),
             L(1, 150, 640, "De griffier van de commissie,"), L(1, 150, 653, "Van der Leeden"),
             L(1, 150, 800, "Tweede Kamer, vergaderjaar 2022–2023, 21 501-28, nr. 250 1", Role::Furniture)};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.id, "kst-21501-28-250");
  EXPECT_EQ(m.doctype, "verslag");
  EXPECT_EQ(m.date, "2023-07-07");
  EXPECT_EQ(m.addressee, "Tweede Kamer");
  ASSERT_EQ(m.signatories.size(), 2u);
  EXPECT_EQ(m.signatories[0].role, "Voorzitter van de commissie");
  EXPECT_EQ(m.signatories[0].name, "Kerstens");
  EXPECT_EQ(m.signatories[1].role, "Griffier van de commissie");
  EXPECT_EQ(m.signatories[1].name, "Van der Leeden");
}

// The letter head of a ministerial letter: addressee block, reference column, Datum/Betreft.
std::vector<kz::Line> letter_head(const std::string& house) {
  return {L(1, 300, 55, "Ministerie van Defensie"),
          L(1, 425, 108, "Ministerie van Defensie", Role::Side),
          L(1, 71, 137, "> Retouradres Postbus 20701 2500 ES Den Haag"),
          L(1, 71, 157, "de Voorzitter van de " + house),
          L(1, 71, 170, "der Staten-Generaal"),
          L(1, 71, 183, "Postbus 20018"),
          L(1, 425, 164, "Datum", Role::Side, 6), L(1, 425, 173, "9 december 2024", Role::Side, 6),
          L(1, 425, 190, "Ons kenmerk", Role::Side, 6), L(1, 425, 199, "BS2024034567", Role::Side, 6),
          L(1, 425, 216, "Uw kenmerk", Role::Side, 6), L(1, 425, 225, "2024Z18234", Role::Side, 6),
          L(1, 71, 254, "Datum"), L(1, 128, 254, "9 december 2024"),
          L(1, 71, 268, "Betreft"), L(1, 128, 268, "Beantwoording Kamervragen over de inzet van"),
          L(1, 128, 281, "F-35's in Polen"),
          L(1, 71, 320, "Geachte voorzitter,")};
}

TEST(LetterLayout, EersteKamerLetterWithKenmerkAndSideBySideSignatures) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = letter_head("Eerste Kamer");
  for (auto l : {L(1, 71, 600, "Met vriendelijke groet,"), L(1, 71, 640, "DE MINISTER VAN DEFENSIE"),
                 L(1, 300, 640, "DE STAATSSECRETARIS VAN DEFENSIE"), L(1, 71, 680, "Ruben Brekelmans"),
                 L(1, 300, 680, "Gijs Tuinman"), L(1, 425, 800, "Pagina 1 van 1", Role::Furniture)})
    t.lines.push_back(l);
  t.body = {P(1, "Hierbij beantwoord ik de vragen van het lid Boswijk (kenmerk 2024Z18234).")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.layout, "brief");
  EXPECT_EQ(m.kenmerken, std::vector<std::string>{"BS2024034567"});
  EXPECT_EQ(m.id, "BS2024034567");
  EXPECT_EQ(m.date, "2024-12-09");
  EXPECT_EQ(m.title, "Beantwoording Kamervragen over de inzet van F-35's in Polen");
  EXPECT_EQ(m.doctype, "antwoord kamervragen");
  EXPECT_EQ(m.addressee, "Eerste Kamer");
  ASSERT_EQ(m.signatories.size(), 2u);
  EXPECT_EQ(m.signatories[0].role, "Minister van Defensie");
  EXPECT_EQ(m.signatories[0].name, "Ruben Brekelmans");
  EXPECT_EQ(m.signatories[1].role, "Staatssecretaris van Defensie");
  EXPECT_EQ(m.signatories[1].name, "Gijs Tuinman");
  ASSERT_EQ(m.cites.size(), 1u);
  EXPECT_EQ(m.cites[0].id, "2024Z18234");
}

TEST(LetterLayout, NamesPrintedAboveRolesAndLowerCaseRole) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = letter_head("Tweede Kamer");
  for (auto l : {L(1, 71, 600, "Hoogachtend,"), L(1, 71, 640, "Ruben Brekelmans"),
                 L(1, 71, 653, "Minister van Defensie"), L(1, 71, 690, "Caspar Veldkamp"),
                 L(1, 71, 703, "Minister van Buitenlandse Zaken")})
    t.lines.push_back(l);
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.addressee, "Tweede Kamer");
  ASSERT_EQ(m.signatories.size(), 2u);
  EXPECT_EQ(m.signatories[0].name, "Ruben Brekelmans");
  EXPECT_EQ(m.signatories[0].role, "Minister van Defensie");
  EXPECT_EQ(m.signatories[1].name, "Caspar Veldkamp");
  EXPECT_EQ(m.signatories[1].role, "Minister van Buitenlandse Zaken");

  t.lines = letter_head("Tweede Kamer");
  for (auto l : {L(1, 71, 600, "De minister van Defensie,"), L(1, 71, 640, "Ruben Brekelmans")})
    t.lines.push_back(l);
  m = kz::extract_metadata(t, kSha);
  ASSERT_EQ(m.signatories.size(), 1u);
  EXPECT_EQ(m.signatories[0].role, "Minister van Defensie");
  EXPECT_EQ(m.signatories[0].name, "Ruben Brekelmans");
}

TEST(NotaLayout, NotaWithoutReferentieFallsBackToFileId) {
  kz::CleanText t;
  t.pages = 1;
  t.lines = {L(1, 300, 55, "Ministerie van Defensie"),
             L(1, 57, 120, "Aan"), L(1, 150, 120, "DGB"), L(1, 420, 120, "Datum", Role::Side),
             L(1, 420, 131, "3 juni 2024", Role::Side), L(1, 57, 140, "Van"), L(1, 150, 140, "DMO"),
             L(1, 57, 200, "TER INFORMATIE"), L(1, 57, 240, "Nota"),
             L(1, 57, 253, "Stand van zaken vervanging onderzeebootcapaciteit"),
             L(1, 57, 290, "Aanleiding"),
             L(1, 57, 303, "U bent op 1 mei 2024 geïnformeerd (Kamerstuk 34 225, nr. 40)."),
             L(1, 57, 600, "DE DIRECTEUR DEFENSIE MATERIEEL ORGANISATIE"),
             L(1, 57, 630, "Digitaal akkoord.")};
  t.body = {P(1, "U bent op 1 mei 2024 geïnformeerd (Kamerstuk 34 225, nr. 40).")};
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.layout, "nota");
  EXPECT_TRUE(m.kenmerken.empty());
  EXPECT_EQ(m.id, "file-001122334455");
  EXPECT_EQ(m.addressee, "DGB");
  EXPECT_EQ(m.date, "2024-06-03");
  EXPECT_EQ(m.title, "Stand van zaken vervanging onderzeebootcapaciteit");
  EXPECT_EQ(m.doctype, "nota");
  ASSERT_EQ(m.signatories.size(), 1u);
  EXPECT_EQ(m.signatories[0].role, "Directeur Defensie Materieel Organisatie");
  EXPECT_EQ(m.signatories[0].name, "");
  ASSERT_EQ(m.cites.size(), 1u);
  EXPECT_EQ(m.cites[0].id, "kst-34225-40");
  EXPECT_EQ(m.cites[0].sentence, "U bent op 1 mei 2024 geïnformeerd (Kamerstuk 34 225, nr. 40).");
}

TEST(UnknownLayout, EmptyTextGetsFileId) {
  kz::CleanText t;
  kz::Metadata m = kz::extract_metadata(t, kSha);
  EXPECT_EQ(m.layout, "unknown");
  EXPECT_EQ(m.id, "file-001122334455");
  EXPECT_TRUE(m.signatories.empty());
  EXPECT_TRUE(m.cites.empty());
}

}  // namespace
