// Opens a PDF with Poppler and turns each page's words into positioned lines, one page at a
// time, then hands them to the layout stage. Classifies unreadable files by cause.
#include "indexer/pdf/pdf_text.h"

#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/TextOutputDev.h>
#include <poppler/goo/GooString.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>

#include "indexer/pdf/dehyphenate.h"
#include "indexer/pdf/print_form.h"

namespace kz {
namespace {

struct Word {
  std::string text;
  double x, y, w, h, size;
};

void quiet_poppler(ErrorCategory, Goffset, const char*) {}

// Poppler's core keeps its tables (fonts, encodings) in one global object that must exist
// before any document is opened; one per process, for every file the worker reads.
void init_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(quiet_poppler);
  });
}

// A word's characters as UTF-8. Poppler hands out code points as read from the PDF's
// ToUnicode map, which may hold surrogates or values beyond Unicode: those become U+FFFD.
// Control characters (a map may send a glyph to U+0000) print nothing and are dropped.
std::string utf8_of(const TextWord& w) {
  std::string out;
  out.reserve(static_cast<std::size_t>(w.getLength()));
  for (int i = 0; i < w.getLength(); ++i) {
    Unicode u = *w.getChar(i);
    if (u < 0x20 || u == 0x7F) continue;
    UChar32 c = (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) ? 0xFFFD : static_cast<UChar32>(u);
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

// Reads the first bytes to tell "empty" and "not a PDF" apart from damage Poppler reports.
void check_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PdfError(PdfError::Kind::Unreadable, std::string("cannot open file: ") + std::strerror(errno));
  char buf[1024];
  in.read(buf, sizeof buf);
  std::streamsize n = in.gcount();
  if (n == 0) throw PdfError(PdfError::Kind::Empty, "empty file (0 bytes)");
  if (std::string_view(buf, n).find("%PDF-") == std::string_view::npos)
    throw PdfError(PdfError::Kind::NotPdf, "not a PDF (no %PDF header)");
}

// Groups a page's words into lines: same baseline band, and no gap wide enough to mean a
// separate column or a label/value table cell.
std::vector<Line> words_to_lines(std::vector<Word> words, int page) {
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    double ca = a.y + a.h / 2, cb = b.y + b.h / 2;
    if (std::fabs(ca - cb) > std::min(a.h, b.h) / 2) return ca < cb;
    return a.x < b.x;
  });
  std::vector<Line> lines;
  std::vector<std::vector<Word>> groups;
  for (const auto& w : words) {
    bool placed = false;
    for (auto it = groups.rbegin(); it != groups.rend() && it - groups.rbegin() < 4; ++it) {
      const Word& last = it->back();
      double band = std::max(last.h, w.h) * 0.6;
      double cl = last.y + last.h / 2, cw = w.y + w.h / 2;
      double gap = w.x - (last.x + last.w);
      double limit = 4.0 * std::max(last.size, w.size);
      if (std::fabs(cl - cw) <= band && gap > -1.0 && gap < limit) {
        it->push_back(w);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push_back({w});
  }
  for (auto& g : groups) {
    Line l;
    l.page = page;
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9, main_size = 0;
    for (const auto& w : g) main_size = std::max(main_size, w.size);
    std::string text;
    for (size_t i = 0; i < g.size(); ++i) {
      const Word& w = g[i];
      // A small all-digit word raised above a larger line is a footnote marker: the
      // quoted sentence must not contain it.
      bool marker = w.size < main_size * 0.8 && !w.text.empty() &&
                    std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                    i > 0;
      if (marker) continue;
      if (!text.empty()) {
        take_soft_hyphen(text);  // only the line's last word may keep one
        double gap = w.x - (g[i - 1].x + g[i - 1].w);
        if (gap > w.size * 0.15) text += ' ';
      }
      text += w.text;
      x0 = std::min(x0, w.x);
      y0 = std::min(y0, w.y);
      x1 = std::max(x1, w.x + w.w);
      y1 = std::max(y1, w.y + w.h);
    }
    if (text.empty()) continue;
    l.text = std::move(text);
    l.x = x0;
    l.y = y0;
    l.width = x1 - x0;
    l.height = y1 - y0;
    l.font_size = g.front().size;
    for (const auto& w : g) l.font_size = std::max(l.font_size, w.size);
    lines.push_back(std::move(l));
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    if (std::fabs(a.y - b.y) > 2) return a.y < b.y;
    return a.x < b.x;
  });
  return lines;
}

}  // namespace

CleanText read_pdf(const std::string& path) {
  check_header(path);
  init_poppler();
  auto doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path));
  if (!doc->isOk()) {
    if (doc->getErrorCode() == errEncrypted) throw PdfError(PdfError::Kind::Encrypted, "encrypted PDF, a password is required");
    throw PdfError(PdfError::Kind::Damaged, "damaged or truncated PDF (Poppler cannot read its structure)");
  }
  int pages = doc->getNumPages();
  if (pages <= 0) throw PdfError(PdfError::Kind::NoPages, "PDF has no pages");

  // Reading order, no physical layout: the words come as pdftotext would print them, with
  // their boxes and font sizes; lines and columns are rebuilt below from the positions.
  TextOutputDev out(static_cast<const char*>(nullptr), false, 0, false, false);
  std::vector<Line> all;
  std::size_t letters = 0;
  for (int i = 1; i <= pages; ++i) {
    Page* page = doc->getPage(i);
    if (!page) continue;
    doc->displayPage(&out, i, 72, 72, 0, false, false, false);
    std::vector<Word> words;
    std::unique_ptr<TextWordList> list = out.makeWordList();
    for (int k = 0; list && k < list->getLength(); ++k) {
      const TextWord* w = list->get(k);
      std::string t = print_form(utf8_of(*w));
      if (t.empty()) continue;
      double x0, y0, x1, y1;
      w->getBBox(&x0, &y0, &x1, &y1);
      words.push_back({std::move(t), x0, y0, x1 - x0, y1 - y0, w->getFontSize()});
      letters += words.back().text.size();
    }
    const PDFRectangle* box = page->getCropBox();
    auto lines = words_to_lines(std::move(words), i);
    for (auto& l : lines) {
      l.page_width = box->x2 - box->x1;
      l.page_height = box->y2 - box->y1;
      all.push_back(std::move(l));
    }
  }
  if (letters < 20)
    throw PdfError(PdfError::Kind::NoText, "no text layer (scanned images? needs OCR)");
  return rebuild_text(std::move(all), pages);
}

}  // namespace kz
