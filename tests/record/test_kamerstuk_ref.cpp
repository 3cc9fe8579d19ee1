// The Kamerstuk reference grammar: ids and dossier keys, every REF form a user types, and
// citations in running text (multi-dossier, kenmerk-style, budget chapters, Eerste Kamer
// letters, session prefixes, trailing dates), on sentences as printed in Kamerstukken.
#include <gtest/gtest.h>

#include <algorithm>

#include "indexer/record/kamerstuk_ref.h"

namespace {

using kz::KamerstukNumber;
namespace ref = kz::ref;

std::vector<std::string> ids(const std::vector<kz::Citation>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(c.id);
  return out;
}

TEST(KamerstukId, BuildsIdsAndKeys) {
  EXPECT_EQ(ref::kamerstuk_id({"29 521", "481"}), "kst-29521-481");
  EXPECT_EQ(ref::kamerstuk_id({"21 501-02", "2602"}), "kst-21501-02-2602");
  EXPECT_EQ(ref::kamerstuk_id({"34 775 IX", "8"}), "kst-34775-IX-8");
  EXPECT_EQ(ref::kamerstuk_id({"33 328", "AI"}), "kst-33328-AI");
  EXPECT_EQ(ref::dossier_key("29 521"), "29521");
  EXPECT_EQ(ref::dossier_key("34 775 IX"), "34775-ix");
  EXPECT_EQ(ref::dossier_key("21 501-02"), "21501-02");
}

TEST(ResolveUserRef, AcceptsEveryFormInTheSpec) {
  for (const char* typed : {"kst-29521-481", "29521-481", "29 521, nr. 481", "Kamerstuk 29 521 nr 481",
                            "29521 nr. 481", "  29 521 nr. 481 ", "KST-29521-481", "Kamerstuk 29521, nr 481"})
    EXPECT_EQ(ref::resolve_user_ref(typed), std::vector<std::string>{"kst-29521-481"}) << typed;
  EXPECT_EQ(ref::resolve_user_ref("kst-34775-IX-8"), std::vector<std::string>{"kst-34775-IX-8"});
  EXPECT_EQ(ref::resolve_user_ref("34 775 IX, nr. 8"), std::vector<std::string>{"kst-34775-IX-8"});
  EXPECT_EQ(ref::resolve_user_ref("34775 ix 8"), std::vector<std::string>{"kst-34775-IX-8"});
  EXPECT_EQ(ref::resolve_user_ref("21 501-02, nr. 2602"), std::vector<std::string>{"kst-21501-02-2602"});
  EXPECT_EQ(ref::resolve_user_ref("kst-21501-02-2602"), std::vector<std::string>{"kst-21501-02-2602"});
  EXPECT_EQ(ref::resolve_user_ref("33 328, AI"), std::vector<std::string>{"kst-33328-AI"});
  EXPECT_EQ(ref::resolve_user_ref("kst-33328-ai"), std::vector<std::string>{"kst-33328-AI"});
  EXPECT_EQ(ref::resolve_user_ref("file-04D7B8C77437"), std::vector<std::string>{"file-04d7b8c77437"});
  auto k = ref::resolve_user_ref("MINDEF20260027574");
  ASSERT_FALSE(k.empty());
  EXPECT_EQ(k.front(), "MINDEF20260027574");
  k = ref::resolve_user_ref("mindef20260027574");
  EXPECT_NE(std::find(k.begin(), k.end(), "MINDEF20260027574"), k.end());
  EXPECT_EQ(ref::resolve_user_ref("kenmerk BS2025012345").front(), "BS2025012345");
}

TEST(ResolveUserRef, RejectsWhatIsNoReference) {
  for (const char* typed : {"", "   ", "NAVO", "oostflank 2025", "29 521", "12 mei 2025", "2025-05-21", "kst-"})
    EXPECT_TRUE(ref::resolve_user_ref(typed).empty()) << typed;
}

TEST(ParseKamerstuk, ReadsDossierAndNumber) {
  auto k = ref::parse_kamerstuk("Kamerstuk 36 045 nr. 136");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->dossier, "36 045");
  EXPECT_EQ(k->nr, "136");
  k = ref::parse_kamerstuk("35010 C");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->dossier, "35 010");
  EXPECT_EQ(k->nr, "C");
  EXPECT_FALSE(ref::parse_kamerstuk("29 521, nr. 481 over Litouwen"));
  EXPECT_FALSE(ref::parse_kamerstuk("nr. 481"));
}

TEST(LooksLikeKenmerk, ReferencesYesWordsAndDatesNo) {
  EXPECT_TRUE(ref::looks_like_kenmerk("MINDEF20260027574"));
  EXPECT_TRUE(ref::looks_like_kenmerk("BS2025012345"));
  EXPECT_TRUE(ref::looks_like_kenmerk("2025-0000012345"));
  EXPECT_TRUE(ref::looks_like_kenmerk("DGB/2024/004567"));
  EXPECT_FALSE(ref::looks_like_kenmerk("2025-05-21"));
  EXPECT_FALSE(ref::looks_like_kenmerk("NAVO-oostflank"));
  EXPECT_FALSE(ref::looks_like_kenmerk("12345"));
  EXPECT_FALSE(ref::looks_like_kenmerk("21 mei 2025"));
}

TEST(FindCitations, CorpusForms) {
  auto c = ref::find_citations(
      "Zie ook: Kamerbrief Aanvullende leverings steun aan Oekraïne (Kamerstukken 22 054 en 36 045, nr. 398).");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].printed, "Kamerstukken 22 054 en 36 045, nr. 398");
  EXPECT_EQ(c[0].id, "kst-22054-398");
  EXPECT_EQ(c[0].also, std::vector<std::string>{"kst-36045-398"});

  c = ref::find_citations("geïnformeerd (kenmerk 28 676 30 806, nr. 442). Met de Kamerbrief van 21 februari "
                          "2025 (kenmerk 28 676, nr. 486) is uw Kamer");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].printed, "kenmerk 28 676 30 806, nr. 442");
  EXPECT_EQ(c[0].id, "kst-28676-442");
  EXPECT_EQ(c[1].printed, "kenmerk 28 676, nr. 486");

  c = ref::find_citations("verlengd (Kamerbrief 29 521, nr. 481 van 6 mei 2024 ). Zie (Kamerstuk 36 045, nr. 136 "
                          "van 20 januari 2023).");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].printed, "Kamerbrief 29 521, nr. 481 van 6 mei 2024");
  EXPECT_EQ(c[1].printed, "Kamerstuk 36 045, nr. 136 van 20 januari 2023");
  EXPECT_EQ(c[1].id, "kst-36045-136");
}

TEST(FindCitations, VariantsOfOtherYearsAndHouses) {
  auto c = ref::find_citations("zoals vermeld in de bijlage bij Kamerstuk 36 471, nr. 96.");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].printed, "bijlage bij Kamerstuk 36 471, nr. 96");
  EXPECT_EQ(c[0].id, "kst-36471-96");

  c = ref::find_citations("(Kamerstukken II 2016/17, 29 521, nr. 335) en (Kamerstukken I 2019/20, 35 010, C)");
  EXPECT_EQ(ids(c), (std::vector<std::string>{"kst-29521-335", "kst-35010-C"}));
  EXPECT_EQ(c[0].printed, "Kamerstukken II 2016/17, 29 521, nr. 335");

  c = ref::find_citations("De begroting (Kamerstuk 34 775 IX, nr. 8) en het verslag (21 501-02, nr. 2602) en "
                          "de brief van 12 maart 2021 (28676, nr. 505).");
  EXPECT_EQ(ids(c), (std::vector<std::string>{"kst-34775-IX-8", "kst-21501-02-2602", "kst-28676-505"}));

  c = ref::find_citations("Zie de brieven (Kamerstuk 29 521, nrs. 335 en 343).");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].id, "kst-29521-335");
  EXPECT_EQ(c[0].also, std::vector<std::string>{"kst-29521-343"});

  c = ref::find_citations("In de nota (ons kenmerk: BS2025012345) en vragen 2024Z18234; zie ook "
                          "https://zoek.officielebekendmakingen.nl/kst-36045-136.html");
  EXPECT_EQ(ids(c), (std::vector<std::string>{"BS2025012345", "2024Z18234", "kst-36045-136"}));
}

TEST(FindCitations, NumbersThatAreNoReferences) {
  EXPECT_TRUE(ref::find_citations("In 2024 zijn 19.000 militairen getraind; kosten 4,2 miljoen euro.").empty());
  EXPECT_TRUE(ref::find_citations("Het dossier 29 521 gaat over vredesmissies.").empty());
  EXPECT_TRUE(ref::find_citations("Op 11 en 12 juli 2023 in Vilnius, nr. 5 op de lijst.").empty());
  EXPECT_TRUE(ref::find_citations("Handelingen II 2023/24, nr. 12, item 5").empty());
  EXPECT_TRUE(ref::find_citations("").empty());
}

}  // namespace
