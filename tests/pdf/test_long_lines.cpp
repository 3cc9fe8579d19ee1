// The layout stage's line tests (running heads, page numbers, list items, footnote starts) on
// lines a PDF can really produce: a megabyte on one line is read in linear time without
// deep recursion, and ordinary lines keep their roles.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "indexer/pdf/pdf_text.h"

namespace {

kz::Line line(int page, double y, double size, std::string text) {
  kz::Line l;
  l.page = page;
  l.y = y;
  l.x = 70;
  l.width = 450;
  l.height = size;
  l.font_size = size;
  l.text = std::move(text);
  return l;
}

// A page of body text, a running head, a list item and a footnote, around `extra` lines.
std::vector<kz::Line> page(const std::vector<kz::Line>& extra) {
  std::vector<kz::Line> ls;
  ls.push_back(line(1, 40, 9, "Tweede Kamer, vergaderjaar 2016–2017, 29 521, nr. 343 2"));
  for (int i = 0; i < 8; ++i) ls.push_back(line(1, 120 + 14 * i, 11, "De regering heeft besloten de bijdrage aan de missie te verlengen tot en met"));
  ls.push_back(line(1, 250, 11, "• een bijdrage van 270 militairen"));
  ls.insert(ls.end(), extra.begin(), extra.end());
  ls.push_back(line(1, 760, 8, "1 Kamerstuk 28 676, nr. 445"));
  ls.push_back(line(1, 800, 9, "Pagina 1 van 3"));
  return ls;
}

void expect_ordinary_roles(const kz::CleanText& c) {
  EXPECT_EQ(c.lines.front().role, kz::Line::Role::Furniture);
  EXPECT_EQ(c.lines.back().role, kz::Line::Role::Furniture);
  ASSERT_FALSE(c.footnotes.empty());
  EXPECT_EQ(c.footnotes.back().marker, "1");
  EXPECT_EQ(c.footnotes.back().text, "Kamerstuk 28 676, nr. 445");
  bool list = false;
  for (const auto& p : c.body) list = list || (p.list_item && p.text.starts_with("• een bijdrage"));
  EXPECT_TRUE(list);
}

TEST(LongLines, OrdinaryLinesKeepTheirRoles) { expect_ordinary_roles(kz::rebuild_text(page({}), 1)); }

// With std::regex these lines overflowed the stack (SIGSEGV) on `.*`; run in a child so a
// regression reports as a failed test, not a crashed suite.
TEST(LongLines, AMegabyteOnOneLineIsReadNotACrash) {
  EXPECT_EXIT(
      {
        std::string mb(1 << 20, 'x');
        auto ls = page({line(1, 300, 11, "Tweede Kamer, vergaderjaar " + mb + " nr. 5"), line(1, 320, 11, "1 " + mb),
                        line(1, 340, 11, "• " + mb)});
        ls.push_back(line(1, 780, 8, "2 " + mb));
        auto c = kz::rebuild_text(ls, 1);
        bool ok = c.lines[10].role == kz::Line::Role::Furniture && c.footnotes.size() == 2 &&
                  c.footnotes.back().marker == "2" && c.footnotes.back().text == mb;
        for (const auto& p : c.body) ok = ok && !(p.text.starts_with("Tweede Kamer"));
        std::exit(ok ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
