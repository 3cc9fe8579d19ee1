// The stored document record: every sample PDF's pages come back exactly as extracted, with the
// page text outside the JSON; records in the older all-JSON form are still read; page
// boundaries survive empty pages and stray control bytes; a damaged record is refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "indexer/run/content_hash.h"
#include "indexer/extract/document_builder.h"
#include "indexer/record/document_data.h"
#include "indexer/record/missions.h"
#include "indexer/pdf/pdf_text.h"
#include "tests/test_support.h"

namespace {

using nlohmann::json;
namespace data = kz::document_data;

std::vector<std::string> strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

TEST(DocumentData, SamplePagesComeBackAsExtracted) {
  auto missions = kz::MissionTable::load_default();
  const auto& truth = kz::test::corpus_index().truth;
  int documents = 0;
  for (const auto& d : truth["documents"]) {
    std::string path = kz::test::corpus_dir() + "/" + d["file"].get<std::string>();
    kz::BuiltDocument built = kz::build_document(path, kz::sha256_file(path), missions);
    const std::string stored = built.doc.get_data();
    ASSERT_FALSE(stored.empty()) << path;
    EXPECT_EQ(stored.front(), '\x02') << path;

    const json want = kz::read_pdf(path).body_text_by_page();
    json whole = data::decode(stored);
    ASSERT_TRUE(whole.is_object()) << path;
    EXPECT_EQ(whole["pages"], want) << path;
    EXPECT_EQ(whole["meta"]["id"], d["id"]) << path;

    data::Parts parts = data::split(stored);
    EXPECT_FALSE(parts.head.contains("pages")) << path;
    EXPECT_EQ(json(strings(parts.pages)), want) << path;
    EXPECT_EQ(parts.head["files"], json::array({path}));
    ++documents;
  }
  EXPECT_GE(documents, 5);  // the sample corpus has five
}

TEST(DocumentData, OlderAllJsonRecordIsRead) {
  json old = {{"meta", {{"id", "kst-29521-481"}, {"title", "Brief"}}},
              {"files", {"/a.pdf"}},
              {"pages", {"Eerste pagina.", "Tweede \"pagina\"\nmet regels."}},
              {"footnotes", json::array()}};
  const std::string stored = old.dump();
  EXPECT_EQ(data::decode(stored), old);
  data::Parts parts = data::split(stored);
  EXPECT_EQ(parts.head["meta"]["id"], "kst-29521-481");
  EXPECT_FALSE(parts.head.contains("pages"));
  EXPECT_EQ(strings(parts.pages), (std::vector<std::string>{"Eerste pagina.", "Tweede \"pagina\"\nmet regels."}));
  // Moving the parts keeps the views valid: they point into the moved strings' storage.
  data::Parts moved = std::move(parts);
  EXPECT_EQ(moved.pages.at(1), "Tweede \"pagina\"\nmet regels.");
}

TEST(DocumentData, PageBoundariesSurviveEmptyPagesAndControlBytes) {
  const std::string nul_page = std::string("c") + '\0' + "d";
  json record = {{"meta", {{"id", "x"}}}, {"pages", {"", "a\fb", nul_page, ""}}};
  json back = data::decode(data::encode(record));
  EXPECT_EQ(back["pages"], json::array({"", "a b", "c d", ""}));
  EXPECT_EQ(back["meta"]["id"], "x");

  json none = {{"meta", {{"id", "y"}}}, {"pages", json::array()}};
  EXPECT_EQ(data::decode(data::encode(none))["pages"], json::array());
  json one_empty = {{"meta", {{"id", "y"}}}, {"pages", {""}}};
  EXPECT_EQ(data::decode(data::encode(one_empty))["pages"], json::array({""}));
}

TEST(DocumentData, DamagedRecordIsRefused) {
  json record = {{"meta", {{"id", "x"}}}, {"pages", {"een", "twee"}}};
  const std::string stored = data::encode(record);
  EXPECT_TRUE(data::decode("").is_discarded());
  EXPECT_TRUE(data::decode("[1, 2]").is_discarded());
  EXPECT_TRUE(data::decode(stored.substr(0, 8)).is_discarded());  // cut inside the JSON
  EXPECT_TRUE(data::split("{\"meta\":").head.is_discarded());
  // Cut inside the last page: the pages before it are still whole, the cut one is left out.
  json cut = data::decode(stored.substr(0, stored.size() - 2));
  ASSERT_TRUE(cut.is_object());
  EXPECT_EQ(cut["pages"], json::array({"een"}));
}

}  // namespace
