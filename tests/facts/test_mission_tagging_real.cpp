// Missions found in real parliamentary papers (tests/real/pdf) through the whole pipeline: a
// letter about "de strijd tegen IS", F-16's over Irak and Syrië, Patriot systems in Turkije
// and "de missies in Libanon, Bosnië-Herzegovina en Irak" are tagged with their missions though
// none names the mission's official name; and a bare country typed as MISSION answers for the
// candidate with most documents, saying which others it may mean.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_support.h"

namespace {

using nlohmann::json;
using kz::test::run_cli;

class RealMissionTagging : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new kz::test::TempDir();
    for (const char* id : {"defensie-2022-06-17-samenhang-missies", "rijksoverheid-2018-12-31-f16-missie-beeindigd",
                           "kst-23432-75", "minbuza-2007-06-25-verlenging-libanon-bosnie-irak", "kst-27925-529",
                           "kst-27925-931", "kst-29521-109"})
      kz::test::copy_file(kz::test::source_dir() + "/tests/real/pdf/" + id + ".pdf", *dir_ / (std::string(id) + ".pdf"));
    db_ = *dir_ / "db";
    auto r = run_cli({"index", *dir_ / ".", "--db", db_});
    ASSERT_EQ(r.rc, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  // The files (without .pdf) of the documents tagged with a mission.
  static std::set<std::string> tagged(const std::string& mission) {
    auto r = run_cli({"search", "missie:" + mission, "--db", db_, "--json", "--limit", "50"});
    EXPECT_EQ(r.rc, 0) << r.err;
    std::set<std::string> out;
    if (r.rc != 0) return out;
    const json found = json::parse(r.out);  // kept alive: the loop reads into it
    for (const auto& h : found["hits"]) {
      std::string f = h.value("file", "");
      f = f.substr(f.rfind('/') + 1);
      out.insert(f.substr(0, f.size() - 4));
    }
    return out;
  }
  static kz::test::TempDir* dir_;
  static std::string db_;
};
kz::test::TempDir* RealMissionTagging::dir_ = nullptr;
std::string RealMissionTagging::db_;

TEST_F(RealMissionTagging, StrugglesAgainstIsisAndF16sOverIrakAreInherentResolve) {
  auto oir = tagged("oir");
  EXPECT_TRUE(oir.count("defensie-2022-06-17-samenhang-missies"));          // "de strijd tegen IS"
  EXPECT_TRUE(oir.count("rijksoverheid-2018-12-31-f16-missie-beeindigd"));  // F-16's boven Irak en Oost-Syrië
  EXPECT_FALSE(oir.count("kst-29521-109"));                                  // a letter about EUFOR Althea
}

TEST_F(RealMissionTagging, PatriotSystemsInTurkeyFrom2003) {
  EXPECT_TRUE(tagged("patriot-turkije").count("kst-23432-75"));
}

TEST_F(RealMissionTagging, MissionsInACountryListOfTheirYear) {
  // 2007: UNIFIL in Libanon, EUFOR in Bosnië, the NATO training mission in Irak.
  const std::string doc = "minbuza-2007-06-25-verlenging-libanon-bosnie-irak";
  EXPECT_TRUE(tagged("unifil").count(doc));
  EXPECT_TRUE(tagged("eufor-althea").count(doc));
  EXPECT_TRUE(tagged("ntm-i").count(doc));
  EXPECT_FALSE(tagged("sfir").count(doc));  // ended in 2005
}

TEST_F(RealMissionTagging, ACountryAnswersForTheMissionWithMostDocuments) {
  auto r = run_cli({"timeline", "Irak", "--db", db_, "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  json t = json::parse(r.out);
  ASSERT_TRUE(t.contains("candidates")) << r.out;
  const json& c = t["candidates"];
  ASSERT_GE(c.size(), 2u);
  EXPECT_EQ(c[0]["id"], t["mission"]);
  for (const auto& other : c) EXPECT_GE(c[0]["documents"].get<int>(), other["documents"].get<int>());
  EXPECT_GT(c[0]["documents"].get<int>(), 0);
  EXPECT_EQ(t["documents"].size() > 0, true);
  // Human output says which it picked.
  auto human = run_cli({"timeline", "Irak", "--db", db_});
  ASSERT_EQ(human.rc, 0);
  EXPECT_NE(human.err.find("meerdere missies"), std::string::npos) << human.err;
  // An unambiguous spelling adds no candidates.
  auto exact = run_cli({"mandates", "F-16's tegen ISIS", "--db", db_, "--json"});
  ASSERT_EQ(exact.rc, 0) << exact.err;
  json m = json::parse(exact.out);
  EXPECT_EQ(m["mission"], "oir");
  EXPECT_FALSE(m.contains("candidates"));
}

}  // namespace
