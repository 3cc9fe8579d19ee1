// `kamerzoek search` on the real sample corpus, indexed once per run: folding, compounds,
// phrases across printed line breaks, date ranges, field filters derived from truth.json,
// Kamerstuk references, shards (local and remote), and inputs that must not crash it.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/record/index_schema.h"
#include "query/query.h"
#include "stemmer/analysis.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;
using kz::test::run_cli;
namespace fs = std::filesystem;

class Search : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto& corpus = kz::test::corpus_index();
    dir_ = &corpus.dir;
    db_ = corpus.db;
    truth_ = corpus.truth;
  }

  static json search(std::vector<std::string> args, const std::vector<std::string>& dbs = {}) {
    args.insert(args.begin(), "search");
    args.push_back("--json");
    if (dbs.empty()) {
      args.insert(args.end(), {"--db", db_});
    } else {
      for (const auto& d : dbs) args.insert(args.end(), {"--db", d});
    }
    auto r = run_cli(args);
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    return json::parse(r.out);
  }

  static std::vector<std::string> ids(const json& result) {
    std::vector<std::string> out;
    for (const auto& h : result["hits"]) out.push_back(h["id"]);
    return out;
  }
  static std::set<std::string> id_set(const json& result) {
    auto v = ids(result);
    return {v.begin(), v.end()};
  }
  static const json* hit(const json& result, const std::string& id) {
    for (const auto& h : result["hits"])
      if (h["id"] == id) return &h;
    return nullptr;
  }
  // Documents of truth.json for which `pred` holds.
  template <typename P>
  static std::set<std::string> truth_ids(P pred) {
    std::set<std::string> out;
    for (const auto& d : truth_["documents"])
      if (pred(d)) out.insert(d["id"].get<std::string>());
    return out;
  }

  static const kz::test::TempDir* dir_;
  static std::string db_;
  static json truth_;
};
const kz::test::TempDir* Search::dir_ = nullptr;
std::string Search::db_;
json Search::truth_;

TEST_F(Search, JsonHasTheContractsFields) {
  json r = search({"NAVO"});
  EXPECT_EQ(r["query"], "NAVO");
  EXPECT_TRUE(r["total_estimate"].is_number_integer());
  ASSERT_FALSE(r["hits"].empty());
  for (const auto& h : r["hits"]) {
    for (const char* k : {"id", "title", "date", "snippet", "file"}) EXPECT_TRUE(h[k].is_string()) << k << " in " << h;
    EXPECT_TRUE(h["page"].is_number_integer());
    EXPECT_GE(h["page"].get<int>(), 1);
    EXPECT_TRUE(h["score"].is_number());
    EXPECT_TRUE(fs::exists(h["file"].get<std::string>())) << h["file"];
  }
}

// All five letters print "geïnformeerd" (checked with pdftotext); typed with or without the
// diaeresis the word finds every one, and the snippet marks the printed form.
TEST_F(Search, FoldedAndAccentedFormsFindTheSameLetters) {
  auto all = truth_ids([](const json&) { return true; });
  for (const char* q : {"geinformeerd", "geïnformeerd", "GEÏNFORMEERD"}) {
    json r = search({q});
    EXPECT_EQ(id_set(r), all) << q;
    for (const auto& h : r["hits"]) {
      auto m = h["matches"].get<std::vector<std::string>>();
      EXPECT_NE(std::find(m.begin(), m.end(), "geïnformeerd"), m.end()) << q << ": " << h["snippet"];
    }
  }
}

TEST_F(Search, CompoundPartFindsHyphenatedCompound) {
  json r = search({"verdragsgebied"});
  // These three print "NAVO-verdragsgebied" (or "Navo-verdragsgebied").
  for (const std::string id : {"file-04d7b8c77437", "MINDEF20260027574", "kst-29521-343"}) {
    const json* h = hit(r, id);
    ASSERT_NE(h, nullptr) << id;
    std::string marked;
    for (const auto& m : (*h)["matches"]) marked += kz::analysis::fold(m.get<std::string>()) + " ";
    EXPECT_NE(marked.find("navo-verdragsgebied"), std::string::npos) << (*h)["snippet"];
  }
}

TEST_F(Search, PhraseSpanningPrintedLineBreakFindsItsDocument) {
  // Each phrase is broken over two lines in the PDF, some inside a hyphenated word.
  for (const char* phrase : {"\"veranderde veiligheidsomgeving\"", "\"deze vooruitgeschoven Navo-aanwezigheid\"",
                             "\"moet zijn gebouwd op geloofwaardige afschrikking\""}) {
    json r = search({phrase});
    EXPECT_EQ(ids(r), std::vector<std::string>{"kst-29521-343"}) << phrase;
  }
  // "(Enhan-|ced Forward Presence)": the 2017 letter is among those that use the phrase.
  EXPECT_NE(hit(search({"\"Enhanced Forward Presence\""}), "kst-29521-343"), nullptr);
  // Words present but not next to each other do not match as a phrase.
  EXPECT_TRUE(search({"\"veiligheidsomgeving veranderde\""})["hits"].empty());
}

TEST_F(Search, PhraseLeavesRoomForItsStopWords) {
  // Stop words have no positions: the phrase holds its other words in order, within the span
  // its stop words take, whichever stop words stand there.
  for (const char* phrase : {"\"gebouwd op geloofwaardige afschrikking\"", "\"gebouwd in geloofwaardige afschrikking\""})
    EXPECT_EQ(ids(search({phrase})), std::vector<std::string>{"kst-29521-343"}) << phrase;
  // No more room than the stop words take, and the order still counts.
  EXPECT_TRUE(search({"\"zijn gebouwd geloofwaardige afschrikking\""})["hits"].empty());
  EXPECT_TRUE(search({"\"afschrikking op geloofwaardige gebouwd\""})["hits"].empty());
  // A stop word on its own is still found.
  EXPECT_FALSE(search({"omdat"})["hits"].empty());
}

TEST_F(Search, DateRangeKeepsOnlyDocumentsInside) {
  json from = search({"NAVO", "--from", "2025"});
  ASSERT_FALSE(from["hits"].empty());
  for (const auto& h : from["hits"]) EXPECT_GE(h["date"].get<std::string>(), "2025-01-01") << h["id"];
  EXPECT_EQ(id_set(from), truth_ids([](const json& d) { return d["date"].get<std::string>() >= "2025"; }));
  json to = search({"NAVO", "--to", "2024"});
  EXPECT_EQ(id_set(to), truth_ids([](const json& d) { return d["date"].get<std::string>() <= "2024-12-31"; }));
  json month = search({"NAVO", "--from", "2025-02", "--to", "2025-05-21"});
  EXPECT_EQ(id_set(month), (std::set<std::string>{"file-04d7b8c77437"}));
  auto bad = run_cli({"search", "NAVO", "--from", "maart", "--db", db_});
  EXPECT_EQ(bad.rc, 1);
}

TEST_F(Search, FieldPrefixesNarrowToTheDocumentsTruthExpects) {
  auto has_word = [](const std::string& text, const std::string& word) {
    for (const auto& t : kz::analysis::tokenize(text))
      if (t.norm == word) return true;
    return false;
  };
  EXPECT_EQ(id_set(search({"dossier:28676"})), truth_ids([](const json& d) {
              return d["kamerstuk"].is_object() && d["kamerstuk"]["dossier"] == "28 676";
            }));
  EXPECT_EQ(id_set(search({"dossier:\"29 521\""})), (std::set<std::string>{"kst-29521-343"}));
  EXPECT_EQ(id_set(search({"type:nota"})), truth_ids([](const json& d) { return d["doctype"] == "nota"; }));
  EXPECT_EQ(id_set(search({"jaar:2017"})), truth_ids([](const json& d) { return d["date"].get<std::string>().rfind("2017", 0) == 0; }));
  EXPECT_EQ(id_set(search({"van:brekelmans"})), truth_ids([&](const json& d) {
              for (const auto& s : d["signatories"])
                if (s["name"].is_string() && has_word(s["name"], "brekelmans")) return true;
              return false;
            }));
  EXPECT_EQ(id_set(search({"aan:\"eerste kamer\""})), truth_ids([](const json& d) { return d["addressee"] == "Eerste Kamer"; }));
  EXPECT_EQ(id_set(search({"kenmerk:MINDEF20260027574"})), (std::set<std::string>{"MINDEF20260027574"}));
  // Filters combine with words and with the option forms.
  EXPECT_EQ(id_set(search({"oostflank", "--type", "nota"})), (std::set<std::string>{"MINDEF20260027574"}));
  EXPECT_EQ(id_set(search({"NAVO", "--dossier", "28676"})), (std::set<std::string>{"kst-28676-445"}));
  EXPECT_TRUE(search({"dossier:28676 jaar:2017"})["hits"].empty());
}

TEST_F(Search, MissionFilterFindsTheDocumentsThatDiscussIt) {
  std::set<std::string> missions;
  for (const auto& d : truth_["documents"])
    for (const auto& m : d["missions"]) missions.insert(m.get<std::string>());
  ASSERT_FALSE(missions.empty());
  for (const auto& m : missions) {
    auto expected = truth_ids([&](const json& d) {
      for (const auto& x : d["missions"])
        if (x == m) return true;
      return false;
    });
    EXPECT_EQ(id_set(search({"missie:" + m})), expected) << m;
  }
  // The way a person writes it, as a prefix or as the option.
  auto efp = id_set(search({"missie:efp-litouwen"}));
  EXPECT_EQ(id_set(search({"missie:\"battlegroup in Litouwen\""})), efp);
  EXPECT_EQ(id_set(search({"NAVO", "--mission", "eFP Litouwen"})), efp);
  // The README's example, with a space after the field's colon.
  auto readme = id_set(search({"missie: \"MNBG Litouwen\" kosten"}));
  EXPECT_FALSE(readme.empty());
  for (const auto& id : readme) EXPECT_TRUE(efp.count(id)) << id;
  auto unknown = run_cli({"search", "NAVO", "--mission", "geen missie die bestaat", "--db", db_});
  EXPECT_EQ(unknown.rc, 1);
  EXPECT_NE(unknown.err.find("unknown mission"), std::string::npos) << unknown.err;
}

TEST_F(Search, BooleanOperators) {
  auto litouwen = id_set(search({"Litouwen"}));
  auto navo = id_set(search({"NAVO"}));
  auto without = id_set(search({"NAVO -Litouwen"}));
  for (const auto& id : without) EXPECT_FALSE(litouwen.count(id)) << id;
  EXPECT_EQ(without.size() + litouwen.size(), navo.size());
  auto either = id_set(search({"Interflex OR jaar:2017"}));
  EXPECT_EQ(either, (std::set<std::string>{"kst-28676-445", "kst-29521-343"}));
}

TEST_F(Search, JoinedFormOfEveryLineEndHyphenationFindsItsDocument) {
  for (const auto& d : truth_["documents"]) {
    std::string id = d["id"];
    for (const auto& lb : d["linebreak_hyphenations"]) {
      std::string joined = lb["joined"];
      json r = search({joined});
      const json* h = hit(r, id);
      ASSERT_NE(h, nullptr) << joined << " does not find " << id;
      std::string snippet = kz::analysis::fold((*h)["snippet"].get<std::string>());
      EXPECT_NE(snippet.find(kz::analysis::fold(joined)), std::string::npos) << joined << " in " << id << ": " << snippet;
    }
  }
}

TEST_F(Search, TypedKamerstukReferenceRanksThatDocumentFirst) {
  for (const char* q : {"29 521 nr 343", "Kamerstuk 29 521, nr. 343", "kst-29521-343"}) {
    json r = search({q});
    ASSERT_FALSE(r["hits"].empty()) << q;
    EXPECT_EQ(r["hits"][0]["id"], "kst-29521-343") << q;
  }
  json r = search({"28676-445"});
  ASSERT_FALSE(r["hits"].empty());
  EXPECT_EQ(r["hits"][0]["id"], "kst-28676-445");
}

TEST_F(Search, LimitAndHumanOutput) {
  EXPECT_EQ(search({"NAVO", "--limit", "2"})["hits"].size(), 2u);
  auto r = run_cli({"search", "geinformeerd", "--db", db_});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "no colours when stdout is not a terminal";
  EXPECT_NE(r.out.find("kst-29521-343"), std::string::npos);
  EXPECT_NE(r.out.find("2017-03-24"), std::string::npos);
  EXPECT_NE(r.out.find("geïnformeerd"), std::string::npos);
  EXPECT_NE(r.out.find("p. "), std::string::npos);
}

TEST_F(Search, BadInputIsAOneLineErrorNeverACrash) {
  for (const std::string& q : std::vector<std::string>{"", "\"open", "(navo", "navo)", "OR", "navo AND", "NOT", "jaar:20", "dossier:", "\"",
                              std::string(300, '('), "\xff\xfe\xfd", ":::", "missie:geenmissie"}) {
    auto r = run_cli({"search", "--db", db_, "--", q});
    EXPECT_EQ(r.rc, 1) << "query [" << q << "] stderr: " << r.err;
    EXPECT_EQ(r.err.rfind("kamerzoek: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  for (const std::string& q : std::vector<std::string>{"-", "+navo", "a:b", "NOT navo", "navo -navo", "€ 42,4 miljoen", "29 521", "&"}) {
    auto r = run_cli({"search", "--db", db_, "--", q});
    EXPECT_TRUE(r.rc == 0 || r.rc == 1) << q << ": " << r.rc << " " << r.err;
  }
  auto missing = run_cli({"search", "navo", "--db", *dir_ / "no-such-index"});
  EXPECT_EQ(missing.rc, 2);
  EXPECT_NE(missing.err.find("no-such-index"), std::string::npos) << missing.err;
}

class ShardedSearch : public Search {};

TEST_F(ShardedSearch, TwoLocalShardsReturnHitsFromBothOnceEach) {
  kz::test::TempDir t;
  fs::create_directories(t / "a");
  fs::create_directories(t / "b");
  std::set<std::string> in_a, in_b;
  int i = 0;
  for (const auto& d : truth_["documents"]) {
    bool first = i++ % 2 == 0;
    kz::test::copy_file(kz::test::corpus_dir() + "/" + d["file"].get<std::string>(), t / (first ? "a/" : "b/") + d["file"].get<std::string>());
    (first ? in_a : in_b).insert(d["id"].get<std::string>());
  }
  ASSERT_EQ(run_cli({"index", t / "a", "--db", t / "db-a"}).rc, 0);
  ASSERT_EQ(run_cli({"index", t / "b", "--db", t / "db-b"}).rc, 0);
  json r = search({"geinformeerd"}, {t / "db-a", t / "db-b"});
  auto v = ids(r);
  std::set<std::string> all(in_a);
  all.insert(in_b.begin(), in_b.end());
  EXPECT_EQ(std::set<std::string>(v.begin(), v.end()), all);
  EXPECT_EQ(v.size(), all.size()) << "each document once";
  // The same documents in two shards still come back once each (one hit per id).
  json twice = search({"geinformeerd"}, {db_, t / "db-a"});
  EXPECT_EQ(ids(twice).size(), id_set(twice).size());
  EXPECT_EQ(id_set(twice), all);
  // A reference typed as the query finds its document in whichever shard holds it.
  json ref = search({"29 521 nr 343"}, {t / "db-a", t / "db-b"});
  ASSERT_FALSE(ref["hits"].empty());
  EXPECT_EQ(ref["hits"][0]["id"], "kst-29521-343");
}

// A stub file naming a shard served by xapian-tcpsrv on the loopback interface.
TEST_F(ShardedSearch, StubFileWithRemoteShard) {
  if (system("command -v xapian-tcpsrv >/dev/null 2>&1") != 0) GTEST_SKIP() << "xapian-tcpsrv not installed";
  kz::test::TempDir t;
  std::string stub = t / "remote.stub";
  json r;
  pid_t server = -1;
  int served = 0;
  // A port may be taken by something else: then the server exits and the next one is tried.
  for (int port = 20000 + static_cast<int>(getpid() % 20000), tries = 0; tries < 5 && !r.is_object(); ++port, ++tries) {
    served = port;
    server = fork();
    if (server == 0) {
      // The server signals its whole process group when it stops; keep that group its own.
      setpgid(0, 0);
      int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      dup2(null, 2);
      std::string p = std::to_string(port);
      execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", p.c_str(), db_.c_str(), nullptr);
      _exit(127);
    }
    ASSERT_GT(server, 0);
    {
      std::ofstream out(stub);
      out << "remote 127.0.0.1:" << port << "\n";
    }
    for (int attempt = 0; attempt < 50; ++attempt) {  // the server needs a moment to listen
      auto run = run_cli({"search", "verdragsgebied", "--json", "--db", stub});
      if (run.rc == 0) {
        r = json::parse(run.out);
        break;
      }
      if (waitpid(server, nullptr, WNOHANG) == server) {
        server = -1;
        break;
      }
      usleep(100 * 1000);
    }
    if (!r.is_object() && server > 0) {
      kill(-server, SIGTERM);
      waitpid(server, nullptr, 0);
      server = -1;
    }
  }
  std::shared_ptr<void> stop(nullptr, [server](void*) {
    if (server <= 0) return;
    kill(-server, SIGTERM);
    waitpid(server, nullptr, 0);
  });
  ASSERT_TRUE(r.is_object()) << "remote shard never answered";
  EXPECT_EQ(id_set(r), id_set(search({"verdragsgebied"})));
  auto show = run_cli({"show", "29 521, nr. 343", "--json", "--db", stub});
  ASSERT_EQ(show.rc, 0) << show.err;
  EXPECT_EQ(json::parse(show.out)["id"], "kst-29521-343");
  // The other way a stub names a TCP shard, read by kamerzoek's own stub reader.
  {
    std::ofstream out(stub);
    out << "# a shard on this machine\ntcp 127.0.0.1 " << served << "\n";
  }
  auto tcp = run_cli({"search", "verdragsgebied", "--json", "--db", stub});
  ASSERT_EQ(tcp.rc, 0) << tcp.err;
  EXPECT_EQ(id_set(json::parse(tcp.out)), id_set(r));
}

// The same document indexed from two files (say a repaired copy) is one hit; the library
// reads a hand-made index laid out as index_schema.h says.
TEST(SearchLibrary, SameIdFromTwoFilesIsOneHit) {
  kz::test::TempDir t;
  {
    Xapian::WritableDatabase w(t / "db", Xapian::DB_CREATE_OR_OPEN);
    for (const char* file : {"/a/brief.pdf", "/b/brief-hersteld.pdf"}) {
      Xapian::Document d;
      Xapian::TermGenerator tg;
      tg.set_document(d);
      tg.index_text("Uw Kamer is hierover geinformeerd");
      d.add_boolean_term("XIDkst-1-1");
      d.add_value(kz::schema::kSlotDate, "20240101");
      d.add_value(kz::schema::kSlotId, "kst-1-1");
      d.add_value(kz::schema::kSlotFile, file);
      json data = {{"meta", {{"id", "kst-1-1"}, {"title", "Brief"}, {"date", "2024-01-01"}}},
                   {"files", {file}},
                   {"pages", {"Uw Kamer is hierover geïnformeerd."}}};
      d.set_data(data.dump());
      w.add_document(d);
    }
    w.commit();
  }
  kz::query::Index index({t / "db"});
  kz::query::SearchOptions o;
  o.query = "geinformeerd";
  auto r = kz::query::search(index, o);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].id, "kst-1-1");
  EXPECT_EQ(r.hits[0].snippet, "Uw Kamer is hierover geïnformeerd.");
  ASSERT_EQ(r.hits[0].marks.size(), 1u);
  o.from = "2024-01-02";
  EXPECT_TRUE(kz::query::search(index, o).hits.empty());
  EXPECT_THROW(kz::query::Index({t / "missing"}), kz::query::IndexError);
}

// An indexer committing while a search holds an old revision: the read is retried on a
// reopened database instead of failing with DatabaseModifiedError.
TEST(SearchLibrary, ReopensWhenAWriterCommitsMeanwhile) {
  kz::test::TempDir t;
  // Writes documents 1..2000 again, as a re-index of changed files would.
  auto write_all = [&](Xapian::WritableDatabase& w, int round) {
    for (Xapian::docid i = 1; i <= 2000; ++i) {
      Xapian::Document d;
      d.add_term("oostflank");
      d.add_term("ronde" + std::to_string(round) + "woord" + std::to_string(i));
      std::string id = "kst-1-" + std::to_string(i);
      d.add_value(kz::schema::kSlotId, id);
      d.set_data(json({{"meta", {{"id", id}}}, {"pages", {"De oostflank, ronde " + std::to_string(round) + ". " + std::string(400, 'x')}}}).dump());
      w.replace_document(i, d);
    }
    w.commit();
  };
  Xapian::WritableDatabase w(t / "db", Xapian::DB_CREATE_OR_OPEN);
  write_all(w, 0);
  kz::query::Index index({t / "db"});
  Xapian::Database plain(t / "db");
  for (int round = 1; round <= 6; ++round) write_all(w, round);
  bool plain_failed = false;
  try {
    Xapian::Enquire e(plain);
    e.set_query(Xapian::Query("oostflank"));
    auto m = e.get_mset(0, 100);
    for (auto it = m.begin(); it != m.end(); ++it) it.get_document().get_data();
  } catch (const Xapian::DatabaseModifiedError&) {
    plain_failed = true;
  } catch (const Xapian::DocNotFoundError&) {
    plain_failed = true;
  }
  if (!plain_failed) GTEST_SKIP() << "the backend kept the old revision readable; nothing to retry";
  kz::query::SearchOptions o;
  o.query = "oostflank";
  o.limit = 100;
  kz::query::SearchResult r;
  ASSERT_NO_THROW(r = kz::query::search(index, o));
  EXPECT_EQ(r.hits.size(), 100u);
  EXPECT_GT(r.total_estimate, 1000);
}

}  // namespace
