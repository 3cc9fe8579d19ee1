// The search query language: what Xapian query each kind of input becomes, which inputs are
// refused with a clear message, and how snippets find and mark query words in real text.
#include <gtest/gtest.h>

#include "query/query.h"
#include "query/query_parser.h"
#include "query/snippet.h"
#include "stemmer/analysis.h"
#include "tests/test_support.h"

namespace {

using kz::query::QueryError;
using kz::query::QueryParser;
using kz::query::UnknownError;

const kz::MissionTable& missions() {
  static const kz::MissionTable t = kz::MissionTable::load_default();
  return t;
}

std::string desc(const std::string& q) { return QueryParser(missions()).parse(q).query.get_description(); }

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

std::string stem_term(const std::string& norm) { return "Z" + kz::analysis::Analyzer::instance().stem(norm); }

TEST(QueryParser, PlainWordIsExactFoldedTermPlusStem) {
  std::string d = desc("Geïnformeerd");
  EXPECT_TRUE(has(d, "2 * geinformeerd")) << d;
  EXPECT_TRUE(has(d, stem_term("geinformeerd"))) << d;
  // With and without the diaeresis the user gets the same query.
  EXPECT_EQ(desc("geinformeerd"), d);
}

TEST(QueryParser, StopWordHasNoStemTerm) {
  ASSERT_TRUE(kz::analysis::Analyzer::instance().is_stopword("de"));
  EXPECT_EQ(desc("de"), "Query(2 * de)");
}

TEST(QueryParser, SynonymsJoinTheWordAndMultiWordSynonymsArePhrases) {
  auto syns = kz::analysis::Analyzer::instance().synonyms("navo");
  ASSERT_FALSE(syns.empty()) << "stemmer data should know NAVO's expansions";
  std::string d = desc("NAVO");
  for (const auto& s : syns) {
    std::vector<std::string> words;
    for (const auto& t : kz::analysis::tokenize(s))
      if (!t.joined_hyphen) words.push_back(t.norm);
    ASSERT_FALSE(words.empty()) << s;
    EXPECT_TRUE(has(d, words.back())) << s << " missing in " << d;
    if (words.size() > 1) {
      EXPECT_TRUE(has(d, words.front() + " PHRASE " + std::to_string(words.size()))) << d;
    }
  }
}

TEST(QueryParser, HyphenatedWordIsJoinedTermOrItsPartsWithoutAPhrase) {
  std::string d = desc("F-35-toestellen");
  EXPECT_TRUE(has(d, "2 * f-35-toestellen")) << d;
  EXPECT_TRUE(has(d, "0.5 * ((2 * f OR Zf) AND (2 * 35 OR Z35) AND (2 * toestellen OR Ztoestel))")) << d;
  EXPECT_FALSE(has(d, "PHRASE")) << d;  // the joined term already says the parts stand together
  // A word split at other marks than a hyphen has no joined term: its parts form a phrase.
  std::string slash = desc("Defensie/Buitenlandse");
  EXPECT_TRUE(has(slash, "defensie PHRASE 2 buitenlandse")) << slash;
}

TEST(QueryParser, QuotedPhraseUsesFoldedWordsInOrder) {
  EXPECT_EQ(desc("\"Vooruitgeschoven aanwezigheid\""), "Query((vooruitgeschoven PHRASE 2 aanwezigheid))");
  // Typographic quotes as Word and mail clients type them.
  EXPECT_EQ(desc("„vooruitgeschoven aanwezigheid”"), "Query((vooruitgeschoven PHRASE 2 aanwezigheid))");
  // A hyphenated compound inside a phrase stands as its parts at consecutive positions.
  EXPECT_TRUE(has(desc("\"de NAVO-verdragsgebieden\""), "navo PHRASE 2 verdragsgebieden"));
}

TEST(QueryParser, StopWordsInAPhraseLeaveRoomRatherThanAPosition) {
  // Stop words are indexed without positions: the phrase spans their places.
  EXPECT_EQ(desc("\"minister van defensie\""), "Query((minister PHRASE 3 defensie))");
  EXPECT_EQ(desc("\"gebouwd op geloofwaardige afschrikking\""),
            "Query((gebouwd PHRASE 4 geloofwaardige PHRASE 4 afschrikking))");
  // Leading and trailing stop words add nothing to place.
  EXPECT_EQ(desc("\"het kabinet\""), "Query(kabinet)");
  // Only stop words: all of them, anywhere.
  EXPECT_EQ(desc("\"van de\""), "Query((van AND de))");
}

TEST(QueryParser, BooleanOperatorsAndGroups) {
  EXPECT_TRUE(has(desc("oostflank litouwen"), ") AND ("));
  EXPECT_TRUE(has(desc("oostflank AND litouwen"), ") AND ("));
  EXPECT_TRUE(has(desc("oostflank OR litouwen"), ") OR ("));
  EXPECT_TRUE(has(desc("oostflank -litouwen"), "AND_NOT (2 * litouwen"));
  EXPECT_TRUE(has(desc("oostflank NOT litouwen"), "AND_NOT (2 * litouwen"));
  EXPECT_TRUE(has(desc("NOT litouwen"), "<alldocuments> AND_NOT"));
  std::string g = desc("(estland OR letland) litouwen");
  EXPECT_TRUE(has(g, "OR (2 * letland")) << g;
  EXPECT_LT(g.find("letland"), g.find(") AND (")) << g;
  // Lower-case "or"/"and" are words, not operators.
  EXPECT_TRUE(has(desc("or"), "2 * or"));
}

TEST(QueryParser, FieldPrefixesAreBooleanFilters) {
  EXPECT_EQ(desc("dossier:28676"), "Query(XDOS28676)");
  EXPECT_EQ(desc("dossier:\"29 521\""), "Query(XDOS29521)");
  EXPECT_EQ(desc("nr:481"), "Query(XNR481)");
  EXPECT_EQ(desc("kenmerk:MINDEF20260027574"), "Query(XKENmindef20260027574)");
  EXPECT_EQ(desc("jaar:2017"), "Query(XJAAR2017)");
  EXPECT_EQ(desc("van:Brekelmans"), "Query(XVANbrekelmans)");
  EXPECT_EQ(desc("aan:\"Eerste Kamer\""), "Query((XAANeerste AND XAANkamer))");
  EXPECT_TRUE(has(desc("type:nota"), "XTYPEnota"));
  EXPECT_TRUE(has(desc("type:\"geannoteerde agenda\""), "XTYPEgeannoteerde agenda"));
  std::string d = desc("navo jaar:2025");
  EXPECT_TRUE(has(d, "FILTER XJAAR2025")) << d;
  EXPECT_TRUE(has(desc("jaar:2017 OR jaar:2018"), "XJAAR2017 OR XJAAR2018"));
}

TEST(QueryParser, MissionPrefixResolvesThroughTheMissionTable) {
  const kz::Mission* m = missions().resolve("eFP Litouwen");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(desc("missie:\"eFP Litouwen\""), "Query(XMIS" + m->id + ")");
  EXPECT_EQ(desc("missie:" + m->id), "Query(XMIS" + m->id + ")");
  try {
    desc("missie:geenbestaandemissie");
    FAIL() << "unknown mission accepted";
  } catch (const UnknownError& e) {
    EXPECT_FALSE(e.suggestions().empty());
  }
}

// The README writes `missie: "MNBG Litouwen" kosten`: a space after the colon is how people
// type a field, so the value is the next phrase or word.
TEST(QueryParser, FieldValueMayFollowASpaceAfterTheColon) {
  const kz::Mission* m = missions().resolve("MNBG Litouwen");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(desc("missie: \"MNBG Litouwen\""), "Query(XMIS" + m->id + ")");
  std::string d = desc("missie: \"MNBG Litouwen\" kosten");
  EXPECT_TRUE(has(d, "FILTER XMIS" + m->id)) << d;
  EXPECT_TRUE(has(d, "kosten")) << d;
  EXPECT_EQ(desc("jaar:  2017"), "Query(XJAAR2017)");
  EXPECT_EQ(desc("dossier: 28676"), desc("dossier:28676"));
  // Nothing after the colon is still an error, and so is a group where the value should be.
  EXPECT_THROW(desc("missie: "), QueryError);
  EXPECT_THROW(desc("jaar: (2017)"), QueryError);
}

TEST(QueryParser, UnreadableInputIsAQueryError) {
  for (const char* bad : {"", "   ", "\"open phrase", "(navo", "navo)", "navo OR", "OR", "NOT", "AND navo AND",
                          "jaar:17", "jaar:abcd", "dossier:", "-", ",,,", "\xff\xfe"}) {
    EXPECT_THROW(desc(bad), QueryError) << "input: " << bad;
  }
  EXPECT_THROW(desc(std::string(500, '(') + "navo" + std::string(500, ')')), QueryError);
}

TEST(QueryParser, LongAndOddInputDoesNotCrash) {
  std::string many;
  for (int i = 0; i < 300; ++i) many += "woord" + std::to_string(i) + (i % 3 ? " OR " : " ");
  many += "einde";
  EXPECT_NO_THROW(desc(many));
  EXPECT_NO_THROW(desc("a:b c:d e::f ::"));
  EXPECT_NO_THROW(desc(std::string(1000, 'x')));
}

TEST(QueryParser, RecordsQueryWordsForHighlightingButNotExcludedOnes) {
  auto p = QueryParser(missions()).parse("geïnformeerd -litouwen \"vooruitgeschoven aanwezigheid\" dossier:28676");
  EXPECT_TRUE(p.terms.norms.count("geinformeerd"));
  EXPECT_TRUE(p.terms.norms.count("vooruitgeschoven"));
  EXPECT_TRUE(p.terms.norms.count("aanwezigheid"));
  EXPECT_FALSE(p.terms.norms.count("litouwen"));
  EXPECT_FALSE(p.terms.norms.count("28676"));
}

// Real sentences from the sample corpus (voortgangsrapportage 2025 and the 2017 letter).
const char* kPage =
    "Het kabinet zet zich in voor de versterking van de afschrikking en verdediging aan de oostflank van het "
    "NAVO-verdragsgebied. In deze voortgangsrapportage licht het kabinet de ontwikkelingen en besluiten op het "
    "gebied van de Nederlandse inzet toe. Over het mandaat van de inzet in Litouwen is uw Kamer met een "
    "Kamerbrief op 17 oktober 2023 geïnformeerd (kenmerk 28 676 30 806, nr. 442). Tevens toont Nederland op deze "
    "wijze solidariteit met de bondgenoten aan de oostflank, en draagt het bij aan de collectieve verdediging.";

std::vector<std::string> marked(const kz::query::Snippet& s) {
  std::vector<std::string> out;
  for (auto [b, e] : s.marks) out.push_back(s.text.substr(b, e - b));
  return out;
}

TEST(Snippet, FoldedQueryWordMarksTheWordAsPrinted) {
  auto p = QueryParser(missions()).parse("geinformeerd");
  kz::query::SnippetMaker maker(p.terms);
  auto s = maker.best_in(kPage, 3);
  EXPECT_EQ(s.page, 3);
  ASSERT_EQ(marked(s), std::vector<std::string>{"geïnformeerd"}) << s.text;
  EXPECT_LE(std::count(s.text.begin(), s.text.end(), ' '), 34) << s.text;
}

TEST(Snippet, CompoundPartMarksTheWholeHyphenatedCompound) {
  auto p = QueryParser(missions()).parse("verdragsgebied");
  kz::query::SnippetMaker maker(p.terms);
  auto s = maker.best_in(kPage, 1);
  ASSERT_FALSE(s.marks.empty()) << s.text;
  EXPECT_EQ(marked(s).front(), "NAVO-verdragsgebied") << s.text;
}

TEST(Snippet, WindowHoldsTheMostDifferentQueryWords) {
  auto p = QueryParser(missions()).parse("mandaat litouwen bondgenoten");
  kz::query::SnippetMaker maker(p.terms, 20);
  auto s = maker.best_in(kPage, 1);
  auto m = marked(s);
  EXPECT_NE(std::find(m.begin(), m.end(), "mandaat"), m.end()) << s.text;
  EXPECT_NE(std::find(m.begin(), m.end(), "Litouwen"), m.end()) << s.text;
  EXPECT_EQ(s.text.rfind("… ", 0), 0u) << "a window inside the page starts with an ellipsis: " << s.text;
}

TEST(Snippet, DocumentDataPicksThePageOrFootnoteWithTheTerms) {
  std::vector<std::string_view> pages = {"Eerste pagina zonder de gezochte woorden.", kPage};
  nlohmann::json notes = {{{"page", 1}, {"marker", "1"}, {"text", "Kamerstuk 29 521, nr. 481 over de eFP."}}};
  kz::query::SnippetMaker by_text(QueryParser(missions()).parse("solidariteit").terms);
  EXPECT_EQ(by_text.best_in_document(pages, notes).page, 2);
  kz::query::SnippetMaker by_note(QueryParser(missions()).parse("eFP").terms);
  auto s = by_note.best_in_document(pages, notes);
  EXPECT_EQ(s.page, 1);
  EXPECT_NE(s.text.find("29 521, nr. 481"), std::string::npos) << s.text;
}

}  // namespace

namespace {

// `kamerzoek analyze` shows the very terms the parser builds queries from.
TEST(AnalyzeCommand, ShowsTheTermsTheQueryUses) {
  auto r = kz::test::run_cli({"analyze", "Geïnformeerd over het NAVO-verdragsgebied", "--json"});
  ASSERT_EQ(r.rc, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j["tokens"].is_array());
  std::vector<std::string> texts;
  for (const auto& t : j["tokens"]) {
    for (const char* k : {"text", "norm", "stem"}) EXPECT_TRUE(t[k].is_string()) << k;
    EXPECT_TRUE(t["parts"].is_array());
    EXPECT_TRUE(t["synonyms"].is_array());
    texts.push_back(t["text"]);
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"Geïnformeerd", "over", "het", "NAVO", "verdragsgebied", "NAVO-verdragsgebied"}));
  const auto& first = j["tokens"][0];
  EXPECT_EQ(first["norm"], "geinformeerd");
  EXPECT_TRUE(has(desc("geïnformeerd"), "Z" + first["stem"].get<std::string>()));
  EXPECT_EQ(j["tokens"][5]["parts"], nlohmann::json({"navo", "verdragsgebied"}));

  auto human = kz::test::run_cli({"analyze", "voortgangsrapportages"});
  ASSERT_EQ(human.rc, 0);
  EXPECT_NE(human.out.find("stem"), std::string::npos);
  EXPECT_NE(human.out.find("voortgangsrapportages"), std::string::npos);
  EXPECT_EQ(human.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(kz::test::run_cli({"analyze"}).rc, 1);
}

}  // namespace
