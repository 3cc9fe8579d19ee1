// Opens a PDF with Poppler and turns each page's words into positioned lines, one page at a
// time, then hands them to the layout stage. Classifies unreadable files by cause.
#include "indexer/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>

#include "indexer/dehyphenate.h"
#include "indexer/print_form.h"

namespace kz {
namespace {

struct Word {
  std::string text;
  double x, y, w, h, size;
};

void quiet_poppler(const std::string&, void*) {}

// poppler::ustring::to_utf8() opens an iconv converter on every call, which cost more than the
// rest of the word handling; ICU converts the UTF-16 in place. Broken surrogates become U+FFFD.
std::string utf8_of(const poppler::ustring& u) {
  static_assert(sizeof(poppler::ustring::value_type) == sizeof(UChar));
  std::string out(u.size() * 3, '\0');
  int32_t len = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &len, reinterpret_cast<const UChar*>(u.data()),
                     static_cast<int32_t>(u.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(len));
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
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) throw PdfError(PdfError::Kind::Damaged, "damaged or truncated PDF (Poppler cannot read its structure)");
  if (doc->is_locked()) throw PdfError(PdfError::Kind::Encrypted, "encrypted PDF, a password is required");
  int pages = doc->pages();
  if (pages <= 0) throw PdfError(PdfError::Kind::NoPages, "PDF has no pages");

  std::vector<Line> all;
  std::size_t letters = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    std::vector<Word> words;
    for (const auto& box : page->text_list(poppler::page::text_list_include_font)) {
      std::string t = print_form(utf8_of(box.text()));
      if (t.empty()) continue;
      auto bb = box.bbox();
      words.push_back({std::move(t), bb.x(), bb.y(), bb.width(), bb.height(), box.get_font_size()});
      letters += words.back().text.size();
    }
    auto rect = page->page_rect();
    auto lines = words_to_lines(std::move(words), i + 1);
    for (auto& l : lines) {
      l.page_width = rect.width();
      l.page_height = rect.height();
      all.push_back(std::move(l));
    }
  }
  if (letters < 20)
    throw PdfError(PdfError::Kind::NoText, "no text layer (scanned images? needs OCR)");
  return rebuild_text(std::move(all), pages);
}

}  // namespace kz
