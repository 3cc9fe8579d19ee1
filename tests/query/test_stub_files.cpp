// Stub files given as --db (or found as ./kamerzoek.db): local shards and xapian-tcpsrv
// shards are read; a line that would run a program is refused before anything runs, and
// stubs that name themselves or each other are an error, not a crash.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "indexer/record/index_schema.h"
#include "query/query.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;
using kz::test::run_cli;
namespace fs = std::filesystem;

// A one-document index laid out as index_schema.h says.
void make_index(const std::string& dir, const std::string& id, const std::string& text) {
  Xapian::WritableDatabase w(dir, Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document d;
  Xapian::TermGenerator tg;
  tg.set_document(d);
  tg.index_text(text);
  d.add_boolean_term("XID" + id);
  d.add_value(kz::schema::kSlotId, id);
  d.add_value(kz::schema::kSlotFile, "/stukken/" + id + ".pdf");
  d.set_data(json({{"meta", {{"id", id}, {"title", "Brief"}}}, {"pages", {text}}}).dump());
  w.add_document(d);
  w.commit();
}

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// A script that leaves a marker file when run: the proof that a stub made kamerzoek run it.
std::string marker_script(const kz::test::TempDir& t) {
  std::string script = t / "run.sh";
  write(script, "#!/bin/sh\ntouch '" + t / "ran" + "'\n");
  chmod(script.c_str(), 0755);
  return script;
}

class StubFiles : public ::testing::Test {
 protected:
  void SetUp() override { make_index(t / "db", "kst-1-1", "de oostflank en de kosten"); }
  kz::test::TempDir t;
};

TEST_F(StubFiles, ProgramLinesAreRefusedAndNothingRuns) {
  std::string script = marker_script(t);
  for (const std::string& line : {"remote :" + script, "remote :" + script + " arg", "prog " + script}) {
    std::string stub = t / "kamerzoek.db";
    write(stub, "# shards\n\n" + line + "\n");
    for (const auto& cmd : std::vector<std::vector<std::string>>{{"search", "kosten", "--db", stub},
                                                                 {"show", "kst-1-1", "--db", stub},
                                                                 {"costs", "eFP Litouwen", "--db", stub}}) {
      auto r = run_cli(cmd);
      EXPECT_FALSE(fs::exists(t / "ran")) << line << " ran the program via " << cmd[0];
      EXPECT_EQ(r.rc, 2) << line << ": " << r.err;
      // One line naming the stub and the line number.
      EXPECT_EQ(r.err, "kamerzoek: " + stub + ":3: stub file asks to run a program ('" + line +
                           "'); kamerzoek reads only local databases and 'remote HOST:PORT' or 'tcp HOST PORT' "
                           "shards (xapian-tcpsrv)\n");
    }
    // The writer opens --db as a glass folder only: it fails on the stub file, running nothing.
    auto idx = run_cli({"index", kz::test::corpus_dir() + "/kst-28676-445.pdf", "--db", stub});
    EXPECT_NE(idx.rc, 0);
    EXPECT_FALSE(fs::exists(t / "ran")) << line << " ran the program via index";
  }
}

TEST_F(StubFiles, StubNamingItselfOrACycleIsAnErrorNotACrash) {
  std::string self = t / "self.stub";
  write(self, "auto " + self + "\n");
  auto r = run_cli({"search", "kosten", "--db", self});
  EXPECT_EQ(r.rc, 2) << r.err;
  EXPECT_EQ(r.err, "kamerzoek: " + self + ":1: stub file names itself\n");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;

  // Relative names, as a stub usually has: a -> b -> a.
  write(t / "a.stub", "auto b.stub\n");
  write(t / "b.stub", "auto db\nauto a.stub\n");
  r = run_cli({"search", "kosten", "--db", t / "a.stub"});
  EXPECT_EQ(r.rc, 2) << r.err;
  EXPECT_NE(r.err.find("loop"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("b.stub:2"), std::string::npos) << r.err;

  // A long chain of distinct stubs stops at the depth limit.
  for (int i = 0; i < 20; ++i) write(t / ("c" + std::to_string(i)), "auto c" + std::to_string(i + 1) + "\n");
  write(t / "c20", "auto db\n");
  r = run_cli({"search", "kosten", "--db", t / "c0"});
  EXPECT_EQ(r.rc, 2) << r.err;
  EXPECT_NE(r.err.find("nested more than"), std::string::npos) << r.err;
}

TEST_F(StubFiles, LocalShardsInAStubAreSearched) {
  make_index(t / "db2", "kst-2-2", "de kosten van de oostflank");
  write(t / "local.stub", "# two local shards\nauto db\nglass " + t / "db2" + "\n");
  auto r = run_cli({"search", "kosten", "--json", "--db", t / "local.stub"});
  ASSERT_EQ(r.rc, 0) << r.err;
  std::set<std::string> ids;
  const json result = json::parse(r.out);
  for (const auto& h : result["hits"]) ids.insert(h["id"].get<std::string>());
  EXPECT_EQ(ids, (std::set<std::string>{"kst-1-1", "kst-2-2"})) << r.out;
  // A stub naming a stub, and a folder holding a XAPIANDB stub, as Xapian itself allows.
  write(t / "outer.stub", "auto local.stub\n");
  fs::create_directories(t / "folder");
  write(t / "folder/XAPIANDB", "auto ../db2\n");
  EXPECT_EQ(kz::query::Index({t / "outer.stub"}).db().get_doccount(), 2u);
  EXPECT_EQ(kz::query::Index({t / "folder"}).db().get_doccount(), 1u);
}

TEST_F(StubFiles, UnreadableLinesAreNamed) {
  for (const char* line : {"remote localhost", "remote localhost:99999", "tcp localhost", "inmemory", "flint x",
                                  "auto"}) {
    write(t / "bad.stub", std::string(line) + "\n");
    auto r = run_cli({"search", "kosten", "--db", t / "bad.stub"});
    EXPECT_EQ(r.rc, 2) << line << ": " << r.err;
    EXPECT_EQ(r.err.rfind("kamerzoek: " + t / "bad.stub" + ":1: ", 0), 0u) << line << ": " << r.err;
  }
  write(t / "empty.stub", "# nothing\n");
  auto r = run_cli({"search", "kosten", "--db", t / "empty.stub"});
  EXPECT_EQ(r.rc, 2) << r.err;
  EXPECT_NE(r.err.find("names no database"), std::string::npos) << r.err;
}

}  // namespace
