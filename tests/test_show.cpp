// `kamerzoek show` on the real sample corpus: every way a person writes a reference finds
// the same document, the JSON carries the contract's fields, unknown references fail with
// suggestions, and citations are followed both ways (also across shards).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/index_schema.h"
#include "query/query.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;
using kz::test::run_cli;

class Show : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto& corpus = kz::test::corpus_index();
    dir_ = &corpus.dir;
    db_ = corpus.db;
    truth_ = corpus.truth;
  }
  static json show(const std::string& ref, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"show", ref, "--json", "--db", db_};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_cli(args);
    EXPECT_EQ(r.rc, 0) << ref << ": " << r.err;
    return r.rc == 0 ? json::parse(r.out) : json();
  }

  static const kz::test::TempDir* dir_;
  static std::string db_;
  static json truth_;
};
const kz::test::TempDir* Show::dir_ = nullptr;
std::string Show::db_;
json Show::truth_;

// "29 521" -> "29521"; spaces inside a dossier number join its digit groups.
std::string compact(const std::string& dossier) {
  std::string out;
  for (char c : dossier)
    if (c != ' ') out += c;
  return out;
}

TEST_F(Show, EveryReferenceFormFindsTheSameDocument) {
  int checked = 0;
  for (const auto& d : truth_["documents"]) {
    std::string id = d["id"];
    std::vector<std::string> forms{id};
    if (d["kamerstuk"].is_object()) {
      std::string dos = d["kamerstuk"]["dossier"], nr = d["kamerstuk"]["nr"];
      forms.insert(forms.end(), {"kst-" + compact(dos) + "-" + nr, compact(dos) + "-" + nr, dos + ", nr. " + nr,
                                 "Kamerstuk " + dos + " nr " + nr, compact(dos) + " nr. " + nr, "KST-" + compact(dos) + "-" + nr});
    }
    for (const auto& k : d["kenmerken"]) forms.push_back(k);
    for (const auto& f : forms) {
      json s = show(f);
      EXPECT_EQ(s.value("id", ""), id) << "form: " << f;
      ++checked;
    }
  }
  EXPECT_GE(checked, 12);
}

TEST_F(Show, JsonCarriesTheContractsFields) {
  for (const auto& d : truth_["documents"]) {
    json s = show(d["id"]);
    for (const char* k : {"id", "file", "date", "title", "doctype", "addressee"}) EXPECT_TRUE(s[k].is_string()) << k;
    for (const char* k : {"kenmerken", "signatories", "missions", "cites", "cited_by"}) EXPECT_TRUE(s[k].is_array()) << k;
    EXPECT_TRUE(s["kamerstuk"].is_null() || s["kamerstuk"].is_object());
    EXPECT_EQ(s["pages"], d["pages"]) << d["id"];
    EXPECT_EQ(std::filesystem::path(s["file"].get<std::string>()).filename(), d["file"].get<std::string>());
    if (d["kamerstuk"].is_object()) {
      ASSERT_TRUE(s["kamerstuk"].is_object()) << d["id"];
      EXPECT_EQ(s["kamerstuk"]["dossier"], d["kamerstuk"]["dossier"]);
    }
    EXPECT_FALSE(s.contains("text"));
  }
}

TEST_F(Show, TextGivesCleanPagesWithFootnotes) {
  json s = show("kst-28676-445", {"--text"});
  ASSERT_TRUE(s["text"].is_array());
  ASSERT_EQ(s["text"].size(), 3u);
  std::string all;
  int notes = 0;
  for (const auto& p : s["text"]) {
    all += p["body"].get<std::string>() + "\n";
    notes += static_cast<int>(p["footnotes"].size());
  }
  EXPECT_NE(all.find("verlenging"), std::string::npos) << "line-end hyphenation undone";
  EXPECT_EQ(all.find("verlen-\n"), std::string::npos);
  EXPECT_GE(notes, 1);
  auto human = run_cli({"show", "kst-28676-445", "--text", "--db", db_});
  ASSERT_EQ(human.rc, 0);
  // Dutch labels by default, English with --lang en.
  EXPECT_NE(human.out.find("pagina 1"), std::string::npos);
  EXPECT_NE(human.out.find("pagina 3"), std::string::npos);
  auto english = run_cli({"--lang", "en", "show", "kst-28676-445", "--text", "--db", db_});
  ASSERT_EQ(english.rc, 0) << english.err;
  EXPECT_NE(english.out.find("page 1"), std::string::npos);
  EXPECT_NE(english.out.find("page 3"), std::string::npos);
}

TEST_F(Show, UnknownReferenceExitsOneWithNearestIds) {
  auto r = run_cli({"show", "kst-28676-999", "--db", db_});
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err.rfind("kamerzoek: kst-28676-999: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("kst-28676-445"), std::string::npos) << "nearest id first: " << r.err;
  auto j = run_cli({"show", "geen-document", "--json", "--db", db_});
  EXPECT_EQ(j.rc, 1);
  json e = json::parse(j.out);
  EXPECT_FALSE(e["suggestions"].empty());
  EXPECT_EQ(run_cli({"show", "", "--db", db_}).rc, 1);
  EXPECT_EQ(run_cli({"show", "kst-28676-445", "--db", *dir_ / "missing"}).rc, 2);
}

// kst-28676-442 is cited by two letters of the corpus but is not in it.
TEST_F(Show, CitedDocumentNotInIndexNamesWhoCitesIt) {
  std::set<std::string> citing;
  for (const auto& d : truth_["documents"])
    for (const auto& c : d["cites"])
      if (c["id"] == "kst-28676-442") citing.insert(d["id"].get<std::string>());
  ASSERT_FALSE(citing.empty());
  auto r = run_cli({"show", "Kamerstuk 28 676, nr. 442", "--db", db_});
  EXPECT_EQ(r.rc, 1);
  for (const auto& id : citing) EXPECT_NE(r.err.find(id), std::string::npos) << r.err;
  // And from the citing side it is marked as outside the index.
  for (const auto& id : citing) {
    json s = show(id);
    bool found = false;
    for (const auto& c : s["cites_detail"])
      if (c["ref"] == "kst-28676-442") {
        found = true;
        EXPECT_FALSE(c["in_index"].get<bool>());
      }
    EXPECT_TRUE(found) << id << " " << s["cites_detail"];
    auto human = run_cli({"show", id, "--db", db_});
    EXPECT_NE(human.out.find("niet in de index"), std::string::npos) << human.out;
  }
}

// Two hand-made documents following index_schema.h, one citing the other, in separate shards.
void add_doc(const std::string& db, const std::string& id, const std::vector<std::string>& cites) {
  Xapian::WritableDatabase w(db, Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document d;
  d.add_boolean_term(kz::schema::term(kz::schema::kId, id));
  json citations = json::array();
  for (const auto& c : cites) {
    d.add_boolean_term(kz::schema::term(kz::schema::kCites, c));
    citations.push_back({{"printed", "Kamerstuk " + c}, {"id", c}, {"page", 1}, {"sentence", "Zie " + c + "."}});
  }
  d.add_value(kz::schema::kSlotId, id);
  d.add_value(kz::schema::kSlotFile, "/docs/" + id + ".pdf");
  json data = {{"meta", {{"id", id}, {"title", "Brief " + id}, {"date", "2024-05-06"}, {"cites", cites}, {"citations", citations}}},
               {"files", {"/docs/" + id + ".pdf"}},
               {"pages", {"Tekst."}}};
  d.set_data(data.dump());
  w.add_document(d);
  w.commit();
}

TEST(ShowCitations, CitedByAcrossShards) {
  kz::test::TempDir t;
  add_doc(t / "a", "kst-29521-481", {});
  add_doc(t / "b", "kst-28676-505", {"kst-29521-481", "kst-28676-442"});
  auto r = run_cli({"show", "29 521, nr. 481", "--json", "--db", t / "a", "--db", t / "b"});
  ASSERT_EQ(r.rc, 0) << r.err;
  json s = json::parse(r.out);
  EXPECT_EQ(s["cited_by"], json({"kst-28676-505"}));
  kz::query::Index index({t / "a", t / "b"});
  json citing = kz::query::show(index, "kst-28676-505", false);
  ASSERT_EQ(citing["cites_detail"].size(), 2u);
  EXPECT_TRUE(citing["cites_detail"][0]["in_index"].get<bool>());
  EXPECT_FALSE(citing["cites_detail"][1]["in_index"].get<bool>());
  // Only the shard with the citing letter: the cited one is unknown, and who cites it is named.
  kz::query::Index only_b({t / "b"});
  try {
    kz::query::show(only_b, "kst-29521-481", false);
    FAIL() << "found a document that is not in the shard";
  } catch (const kz::query::UnknownError& e) {
    EXPECT_NE(std::string(e.what()).find("kst-28676-505"), std::string::npos) << e.what();
    EXPECT_EQ(e.suggestions(), std::vector<std::string>{"kst-28676-505"});
  }
}

}  // namespace
