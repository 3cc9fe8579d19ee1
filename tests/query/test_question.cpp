// Reading typed questions (query/question.h) and the relaxed search and `ask` built on it, on
// the real documents of tests/real/pdf: questions find what keywords find, a named Kamerstuk
// (or the papers citing it) comes first, keywords and phrases keep their strict meaning.
#include <gtest/gtest.h>

#include <algorithm>

#include "query/query.h"
#include "query/question.h"
#include "tests/test_support.h"

namespace {

using kz::query::QuestionKind;
using kz::query::read_question;

const kz::MissionTable& table() {
  static const kz::MissionTable t = kz::MissionTable::load_default();
  return t;
}

kz::query::Question read(const std::string& text) {
  kz::query::ReadOptions o;
  o.this_year = 2026;
  return read_question(table(), text, o);
}

bool names_mission(const kz::query::Question& q, const std::string& id) {
  return std::any_of(q.missions.begin(), q.missions.end(), [&](const auto& m) { return m.mission->id == id; });
}

TEST(QuestionReader, KindFromCuePhrases) {
  EXPECT_EQ(read("Wat kostte de inzet in Mali in 2015?").kind, QuestionKind::cost);
  EXPECT_EQ(read("Hoeveel geld ging er naar de battlegroup in Litouwen?").kind, QuestionKind::cost);
  EXPECT_EQ(read("Tot wanneer loopt het mandaat van MINUSMA?").kind, QuestionKind::mandate);
  EXPECT_EQ(read("Wanneer liep het VN-mandaat van UNMISS af?").kind, QuestionKind::mandate);
  EXPECT_EQ(read("Hoe ontwikkelde de bijdrage aan UNMISS zich?").kind, QuestionKind::timeline);
  EXPECT_EQ(read("Hoeveel militairen zitten er in Litouwen?").kind, QuestionKind::count);
  EXPECT_EQ(read("Wat is Kamerstuk 29 521, nr. 248?").kind, QuestionKind::lookup);
  EXPECT_EQ(read("Welke documenten gaan over KFOR?").kind, QuestionKind::search);
  EXPECT_TRUE(read("Sinds wanneer draagt Nederland bij aan Interflex?").asks_start);
}

TEST(QuestionReader, YearsAndPeriods) {
  auto in = read("Wat kostte MINUSMA in 2019?");
  EXPECT_EQ(in.from_year, 2019);
  EXPECT_EQ(in.to_year, 2019);
  auto between = read("Hoe ontwikkelden de kosten tussen 2017 en 2022?");
  EXPECT_EQ(between.from_year, 2017);
  EXPECT_EQ(between.to_year, 2022);
  auto since = read("Welke brieven over Irak zijn er sinds 2020?");
  EXPECT_EQ(since.from_year, 2020);
  EXPECT_FALSE(since.to_year.has_value());
  auto last = read("Wat kostte de missie vorig jaar?");
  EXPECT_EQ(last.from_year, 2025);
  EXPECT_EQ(last.to_year, 2025);
  // A year range inside a question with no other cue reads as a history.
  EXPECT_EQ(read("UNMISS tussen 2011 en 2017").kind, QuestionKind::timeline);
}

TEST(QuestionReader, ReferencesAndContentWords) {
  auto q = read("Wat is Kamerstuk 32 706, nr. 4?");
  ASSERT_EQ(q.refs.size(), 1u);
  EXPECT_EQ(q.refs[0], "kst-32706-4");
  EXPECT_TRUE(q.content.empty()) << q.content.front();
  EXPECT_EQ(read("wat staat er in 32706-10").refs, std::vector<std::string>{"kst-32706-10"});
  auto words = read("Welke brieven gaan over de inzet van Vessel Protection Detachments op koopvaardijschepen?");
  EXPECT_TRUE(words.filler_seen);
  for (const char* filler : {"Welke", "brieven", "gaan", "over", "de", "op"})
    EXPECT_EQ(std::count(words.content.begin(), words.content.end(), filler), 0) << filler;
  EXPECT_FALSE(read("Vessel Protection Detachments koopvaardijschepen").filler_seen);
}

TEST(QuestionReader, MissionsHoweverWritten) {
  EXPECT_TRUE(names_mission(read("Wat kostte de battlegroup in Litouwen in 2017?"), "efp-litouwen"));
  EXPECT_TRUE(names_mission(read("Tot wanneer loopt de missie MINUSMA?"), "minusma"));
  EXPECT_TRUE(names_mission(read("Welke stukken gaan over UNMISS in Zuid-Sudan?"), "unmiss"));
  // "is" in "Wat is ..." names no mission (the recognizer may take it for the Islamic State).
  EXPECT_TRUE(read("Wat is Kamerstuk 21 501-28, nr. 141?").missions.empty());
}

TEST(QuestionReader, PlainTextOrQueryLanguage) {
  EXPECT_TRUE(kz::query::is_plain_text("Welke brieven gaan over de F-16's (tegen ISIS)?"));
  EXPECT_FALSE(kz::query::is_plain_text("\"Vessel Protection\" koopvaardij"));
  EXPECT_FALSE(kz::query::is_plain_text("MINUSMA AND kosten"));
  EXPECT_FALSE(kz::query::is_plain_text("MINUSMA -Mali"));
  EXPECT_FALSE(kz::query::is_plain_text("missie:minusma kosten"));
}

// The real documents, indexed once for the tests below.
class RealQuestions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new kz::test::TempDir();
    auto r = kz::test::run_cli({"index", kz::test::source_dir() + "/tests/real/pdf", "--db", *dir_ / "db"});
    ASSERT_EQ(r.rc, 0) << r.err;
    index_ = new kz::query::Index({*dir_ / "db"});
  }
  static void TearDownTestSuite() {
    delete index_;
    delete dir_;
  }
  static std::vector<std::string> ids(const std::string& query, int limit = 10) {
    kz::query::SearchOptions o;
    o.query = query;
    o.limit = limit;
    std::vector<std::string> out;
    for (const auto& h : kz::query::search(*index_, o).hits) out.push_back(h.id);
    return out;
  }
  static kz::test::TempDir* dir_;
  static kz::query::Index* index_;
};
kz::test::TempDir* RealQuestions::dir_ = nullptr;
kz::query::Index* RealQuestions::index_ = nullptr;

TEST_F(RealQuestions, AQuestionFindsWhatItsKeywordsFind) {
  auto question = ids("Welke brieven gaan over de inzet van Vessel Protection Detachments op koopvaardijschepen?", 5);
  ASSERT_FALSE(question.empty());
  for (const char* id : {"kst-32706-10", "kst-32706-16"})
    EXPECT_NE(std::find(question.begin(), question.end(), id), question.end()) << id;
}

TEST_F(RealQuestions, ANamedKamerstukComesFirstElseThePapersCitingIt) {
  EXPECT_EQ(ids("Wat staat er in Kamerstuk 23 432, nr. 75?", 1), std::vector<std::string>{"kst-23432-75"});
  // 32 706, nr. 4 is not in the set; two papers cite it.
  auto citing = ids("Wat is Kamerstuk 32 706, nr. 4?", 2);
  std::sort(citing.begin(), citing.end());
  EXPECT_EQ(citing, (std::vector<std::string>{"kst-29521-173", "kst-32706-16"}));
}

TEST_F(RealQuestions, KeywordsKeepTheirStrictHitsFirst) {
  auto strict = ids("Vessel AND Protection AND Detachments AND koopvaardijschepen", 50);
  ASSERT_FALSE(strict.empty());
  auto relaxed = ids("Vessel Protection Detachments koopvaardijschepen", 50);
  ASSERT_GE(relaxed.size(), strict.size());
  EXPECT_TRUE(std::equal(strict.begin(), strict.end(), relaxed.begin()));
  // A quoted phrase stays strict: no document holds it together with a word that is nowhere.
  EXPECT_TRUE(ids("\"Vessel Protection Detachments\" AND qqxyzzy").empty());
}

TEST_F(RealQuestions, SmallCountsAreExactAndFiltersGetASnippet) {
  kz::query::SearchOptions o;
  o.query = "UNMISS";
  o.limit = 0;
  auto counted = kz::query::search(*index_, o);
  EXPECT_TRUE(counted.total_exact);
  EXPECT_TRUE(counted.hits.empty());
  o.limit = 100;
  EXPECT_EQ(counted.total_estimate, static_cast<long long>(kz::query::search(*index_, o).hits.size()));
  kz::query::SearchOptions f;
  f.dossier = "32706";
  auto filtered = kz::query::search(*index_, f);
  ASSERT_FALSE(filtered.hits.empty());
  for (const auto& h : filtered.hits) {
    EXPECT_EQ(h.page, 1) << h.id;
    EXPECT_FALSE(h.snippet.empty()) << h.id;
  }
}

TEST_F(RealQuestions, AskAnswersFromRowsAndSaysHowItRead) {
  kz::query::AskOptions o;
  o.question = "Tot wanneer is operatie Sophia in 2019 verlengd?";
  auto j = kz::query::ask(*index_, o);
  EXPECT_EQ(j["understood"]["kind"], "mandate");
  EXPECT_EQ(j["understood"]["missions"], nlohmann::json::array({"sophia"}));
  EXPECT_EQ(j["understood"]["from"], "2019-01-01");
  bool row = false;
  for (const auto& r : j["rows"]) row = row || (r["fact"] == "period" && r["end"] == "2019-09-30");
  EXPECT_TRUE(row) << j["rows"].dump();
  ASSERT_TRUE(j["answer"].is_string());
  EXPECT_NE(j["answer"].get<std::string>().find("30 september 2019"), std::string::npos) << j["answer"];
  EXPECT_FALSE(j["hits"].empty());

  o.question = "Hoe staat het met de zeemeeuwen op Texel?";
  auto none = kz::query::ask(*index_, o);
  EXPECT_TRUE(none["answer"].is_null());
  EXPECT_TRUE(none["rows"].empty());
  o.question = "  ?  ";
  EXPECT_THROW(kz::query::ask(*index_, o), kz::query::QueryError);
  EXPECT_EQ(kz::test::run_cli({"ask", "", "--db", *dir_ / "db"}).rc, 1);
}

}  // namespace
