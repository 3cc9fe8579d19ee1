// The text stage on the real sample PDFs: line-end hyphenation undone (every word truth.json
// lists), page furniture out of the running text, footnotes separated, ligatures expanded.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "indexer/pdf/dehyphenate.h"
#include "indexer/pdf/pdf_text.h"
#include "tests/test_support.h"

namespace {

nlohmann::json truth() { return nlohmann::json::parse(kz::test::read_file(kz::test::corpus_dir() + "/truth.json")); }

std::string all_body(const kz::CleanText& t) {
  std::string s;
  for (const auto& p : t.body) s += p.text + "\n";
  return s;
}

std::string all_notes(const kz::CleanText& t) {
  std::string s;
  for (const auto& n : t.footnotes) s += n.text + "\n";
  return s;
}

class CorpusText : public ::testing::TestWithParam<int> {};

TEST_P(CorpusText, LineEndHyphenationIsUndone) {
  auto d = truth()["documents"][GetParam()];
  auto text = kz::read_pdf(kz::test::corpus_dir() + "/" + d["file"].get<std::string>());
  std::string body = all_body(text) + all_notes(text);
  EXPECT_EQ(text.pages, d["pages"].get<int>());
  for (const auto& h : d["linebreak_hyphenations"]) {
    std::string joined = h["joined"], printed = h["printed"];
    EXPECT_NE(body.find(joined), std::string::npos) << joined;
    std::string broken = printed.substr(0, printed.find('|'));
    EXPECT_EQ(body.find(broken + " " + printed.substr(printed.find('|') + 1)), std::string::npos) << printed;
  }
}

TEST_P(CorpusText, FactSentencesReadAsPrinted) {
  auto d = truth()["documents"][GetParam()];
  auto text = kz::read_pdf(kz::test::corpus_dir() + "/" + d["file"].get<std::string>());
  std::string all = all_body(text) + all_notes(text);
  for (const char* key : {"costs", "periods"})
    for (const auto& f : d[key]) EXPECT_NE(all.find(f["sentence"].get<std::string>()), std::string::npos) << f["sentence"];
  for (const auto& c : d["cites"]) EXPECT_NE(all.find(c["printed"].get<std::string>()), std::string::npos) << c["printed"];
}

TEST_P(CorpusText, FurnitureStaysOutOfRunningText) {
  auto d = truth()["documents"][GetParam()];
  auto text = kz::read_pdf(kz::test::corpus_dir() + "/" + d["file"].get<std::string>());
  std::string body = all_body(text);
  EXPECT_EQ(body.find("Pagina 1 van"), std::string::npos);
  EXPECT_EQ(body.find("ISSN 0921"), std::string::npos);
  EXPECT_EQ(body.find("vergaderjaar 2023–2024, 28 676, nr. 445"), std::string::npos);
  EXPECT_EQ(body.find("\ufb01"), std::string::npos) << "ligature left in text";
  for (const auto& p : text.body) EXPECT_NE(p.text, "kst-" + d["id"].get<std::string>().substr(4));
}

INSTANTIATE_TEST_SUITE_P(AllDocuments, CorpusText, ::testing::Range(0, 5));

TEST(Footnotes, SeparatedFromBodyWithTheirNumbers) {
  auto text = kz::read_pdf(kz::test::corpus_dir() + "/kst-28676-445.pdf");
  ASSERT_EQ(text.footnotes.size(), 3u);
  EXPECT_EQ(text.footnotes[0].marker, "1");
  EXPECT_EQ(text.footnotes[1].marker, "2");
  EXPECT_NE(text.footnotes[1].text.find("Kamerstuk 36 045, nr. 136 van 20 januari 2023"), std::string::npos);
  EXPECT_EQ(all_body(text).find("Zie ook: Kamerbrief"), std::string::npos);
  // The superscript marker is gone from the sentence that carries it.
  EXPECT_NE(all_body(text).find("tegen Russische aanvallen te beschermen.\n"), std::string::npos);
  EXPECT_EQ(all_body(text).find("beschermen.1"), std::string::npos);
}

TEST(Footnotes, LetterLayoutKeepsPageNumbers) {
  auto text = kz::read_pdf(kz::test::corpus_dir() + "/voortgangsrapportage-oostflank-2025.pdf");
  ASSERT_EQ(text.footnotes.size(), 3u);
  EXPECT_EQ(text.footnotes[0].page, 1);
  EXPECT_EQ(text.footnotes[2].page, 6);
  EXPECT_NE(text.body_text_of_page(6).find("€ 42,4 miljoen"), std::string::npos);
}

TEST(Dehyphenate, JoinsLineBreakHyphensOnly) {
  std::string t = "de agressieoorlog tegen Oe-";
  kz::append_line(t, "kraïne en de");
  EXPECT_EQ(t, "de agressieoorlog tegen Oekraïne en de");
  t = "aan de oostflank van het NAVO-";
  kz::append_line(t, "verdragsgebied.");
  EXPECT_EQ(t, "aan de oostflank van het NAVO-verdragsgebied.");
  t = "de ontmijning-, IT-";
  kz::append_line(t, "en tank-coalities");
  EXPECT_EQ(t, "de ontmijning-, IT- en tank-coalities");
  t = "versterkt de defensie-";
  kz::append_line(t, "industrie");
  EXPECT_EQ(t, "versterkt de defensie-industrie");
  t = "drei-";
  kz::append_line(t, "ging");
  EXPECT_EQ(t, "dreiging");
}

TEST(BadInput, EachCauseIsNamed) {
  struct Case {
    const char* file;
    kz::PdfError::Kind kind;
  } cases[] = {{"empty.pdf", kz::PdfError::Kind::Empty},
               {"random-bytes.pdf", kz::PdfError::Kind::NotPdf},
               {"not-a-pdf.pdf", kz::PdfError::Kind::NotPdf},
               {"truncated-half.pdf", kz::PdfError::Kind::Damaged},
               {"encrypted-user-password.pdf", kz::PdfError::Kind::Encrypted},
               {"no-pages.pdf", kz::PdfError::Kind::NoPages},
               {"scanned-no-text.pdf", kz::PdfError::Kind::NoText}};
  for (const auto& c : cases) {
    try {
      kz::read_pdf(kz::test::fixture(std::string("bad/") + c.file));
      ADD_FAILURE() << c.file << " was read";
    } catch (const kz::PdfError& e) {
      EXPECT_EQ(static_cast<int>(e.kind()), static_cast<int>(c.kind)) << c.file << ": " << e.what();
    }
  }
  // Poppler repairs a broken xref table; a file with only an owner password reads normally.
  for (const char* ok : {"broken-xref.pdf", "owner-password-only.pdf"}) {
    auto t = kz::read_pdf(kz::test::fixture(std::string("bad/") + ok));
    EXPECT_EQ(t.pages, 3) << ok;
    EXPECT_NE(all_body(t).find("operatie Interflex"), std::string::npos) << ok;
  }
}

}  // namespace

// A ToUnicode map may send a glyph to a control character; it prints nothing, and left in
// the word it would split "Defensie" for search and quotation.
TEST(PdfWords, ControlCharactersFromTheUnicodeMapAreDropped) {
  auto text = kz::read_pdf(kz::test::fixture("layout/control-char-tounicode.pdf"));
  std::string body = all_body(text);
  EXPECT_NE(body.find("De minister van Defensie stuurt de Kamer een brief"), std::string::npos) << body;
  for (unsigned char c : body) EXPECT_FALSE(c < 0x20 && c != '\n') << "control character " << int(c) << " in: " << body;
}

// Typesetters that break words with a soft hyphen (U+00AD) instead of "-": the word continues
// on the next line, always, whatever letters meet there.
TEST(SoftHyphens, LineEndSoftHyphensJoinTheWord) {
  auto text = kz::read_pdf(kz::test::fixture("layout/soft-hyphens-letter.pdf"));
  std::string body = all_body(text) + all_notes(text);
  for (const char* joined : {"bespraken de voortgang", "deelname van de Zweedse", "partners buiten defensie"})
    EXPECT_NE(body.find(joined), std::string::npos) << joined;
  for (const char* broken : {"bespra ken", "deel name", "part ners"})
    EXPECT_EQ(body.find(broken), std::string::npos) << broken;
  EXPECT_EQ(body.find("\xC2\xAD"), std::string::npos) << "a soft hyphen was left in the text";
  // Real hyphens on the same lines stay.
  EXPECT_NE(body.find("ontmijning-, IT- en tank-coalities"), std::string::npos);
}
