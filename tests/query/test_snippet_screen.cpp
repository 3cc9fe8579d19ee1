// The snippet screen, the cheap scan that picks which pages of a hit get tokenized: on the real
// text of every sample PDF each reported place holds the key's letters (accents and case
// folded), no place is missed, and offsets stay right after two-byte accented letters.
#include <gtest/gtest.h>

#include "indexer/pdf/pdf_text.h"
#include "query/query_parser.h"
#include "query/snippet_screen.h"
#include "stemmer/analysis.h"
#include "tests/test_support.h"

namespace {

using kz::query::QueryParser;
using kz::query::SnippetScreen;

const kz::MissionTable& missions() {
  static const kz::MissionTable m = kz::MissionTable::load_default();
  return m;
}

// Whether the character before byte `at` folds to an ASCII letter or digit.
bool after_word_char(std::string_view text, std::size_t at) {
  if (at == 0) return false;
  std::size_t b = at - 1;
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  std::string prev = kz::analysis::fold(text.substr(b, at - b));
  if (prev.empty()) return false;
  auto c = static_cast<unsigned char>(prev.back());
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// The same scan done slowly: every byte offset at which the folded text that follows starts
// with the key, one key at a time; keys of one or two letters only where a word starts.
std::vector<std::pair<std::size_t, std::string>> slow_hits(const SnippetScreen& screen, std::string_view text) {
  std::vector<std::pair<std::size_t, std::string>> out;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a letter
    std::string ahead = kz::analysis::fold(text.substr(at, 48));
    for (const auto& k : screen.keys())
      if (ahead.compare(0, k.text.size(), k.text) == 0 && (k.text.size() > 2 || !after_word_char(text, at)))
        out.emplace_back(at, k.text);
  }
  return out;
}

TEST(SnippetScreen, FindsEveryKeyOnTheSamplePages) {
  const auto& truth = kz::test::corpus_index().truth;
  // "F-35" brings keys of one and two letters ("f", "35").
  auto parsed = QueryParser(missions()).parse("inzet Litouwen kosten mandaat F-35");
  SnippetScreen screen(parsed.terms);
  std::size_t found = 0;
  for (const auto& d : truth["documents"]) {
    std::string path = kz::test::corpus_dir() + "/" + d["file"].get<std::string>();
    for (const auto& page : kz::read_pdf(path).body_text_by_page()) {
      auto hits = screen.hits(page);
      std::vector<std::pair<std::size_t, std::string>> got;
      for (const auto& h : hits) {
        ASSERT_LT(h.offset, page.size());
        got.emplace_back(h.offset, h.key->text);
      }
      std::sort(got.begin(), got.end());
      auto want = slow_hits(screen, page);
      std::sort(want.begin(), want.end());
      EXPECT_EQ(got, want) << path;
      for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_LE(hits[i - 1].offset, hits[i].offset) << "text order";
      found += hits.size();
    }
  }
  EXPECT_GT(found, 20u);
}

TEST(SnippetScreen, ShortKeysCountOnlyWhereAWordStarts) {
  auto parsed = QueryParser(missions()).parse("F-35");
  SnippetScreen screen(parsed.terms);
  const std::string text = "De F-35\xE2\x80\x99s en (F-35-toestellen) vliegen; elf defensie-eenheden, 135 of 350.";
  std::vector<std::string> at;
  for (const auto& h : screen.hits(text)) at.push_back(h.key->text + "@" + std::to_string(h.offset));
  // The "f" of "elf" and "defensie" and the "35" of "135" start no word. The "35" after the
  // hyphen of "F-35" does, and so does the one of "350": the screen looks for leading letters.
  EXPECT_EQ(at, (std::vector<std::string>{"f@3", "35@5", "f@16", "35@18", "35@72"}));
}

TEST(SnippetScreen, OffsetsPointIntoTheTextAsPrinted) {
  auto parsed = QueryParser(missions()).parse("geinformeerd Curacao");
  SnippetScreen screen(parsed.terms);
  const std::string text = "Daarover is uw Kamer geïnformeerd; de inzet op Curaçao en CURAÇAO loopt door.";
  auto hits = screen.hits(text);
  std::vector<std::string> at;
  for (const auto& h : hits)
    if (h.key->weight == 3) at.push_back(text.substr(h.offset, h.key->text.size() + 1));
  // Each exact form's place starts the printed word; one accented letter makes it a byte longer.
  EXPECT_EQ(at, (std::vector<std::string>{"geïnformeerd", "Curaçao", "CURAÇAO"}));
  EXPECT_TRUE(screen.may_match("geinformeerd"));
  EXPECT_FALSE(screen.may_match("oostflank"));
}

}  // namespace
