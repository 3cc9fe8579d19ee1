// The layout stage: from positioned lines to paragraphs and footnotes. Decides where a
// paragraph ends (vertical gaps, short last lines, list markers, headings) and which
// small-print lines at the foot of a page are footnotes.
#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "indexer/pdf/dehyphenate.h"
#include "indexer/pdf/page_furniture.h"
#include "indexer/pdf/pdf_text.h"

namespace kz {
namespace {

// The font size most of the text is set in.
double body_font_size(const std::vector<Line>& lines) {
  std::map<long, std::size_t> weight;
  for (const auto& l : lines)
    if (l.role == Line::Role::Body) weight[std::lround(l.font_size * 10)] += l.text.size();
  long best = 100;
  std::size_t most = 0;
  for (auto [size, w] : weight)
    if (w > most) most = w, best = size;
  return best / 10.0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// These line tests are scanners, not regular expressions: libstdc++'s regex recurses per
// character on `.*`, and a PDF line of a megabyte overflowed the worker's stack.

// A bullet (•, ·, ▪, -, –, *), "a." / "a)", or "1." / "12)" followed by white space.
bool starts_list_item(const std::string& t) {
  std::size_t i = 0;
  for (std::string_view bullet : {"•", "·", "▪", "-", "–", "*"})
    if (std::string_view(t).starts_with(bullet)) {
      i = bullet.size();
      break;
    }
  if (i == 0 && !t.empty()) {
    std::size_t d = 0;
    while (d < t.size() && d < 3 && is_digit(t[d])) ++d;
    if (d >= 1 && d <= 2 && d < t.size() && (t[d] == '.' || t[d] == ')'))
      i = d + 1;
    else if (t[0] >= 'a' && t[0] <= 'z' && t.size() > 1 && (t[1] == '.' || t[1] == ')'))
      i = 2;
  }
  return i > 0 && i < t.size() && is_space(t[i]);
}

bool ends_sentence(const std::string& t) {
  if (t.empty()) return false;
  char c = t.back();
  return c == '.' || c == ':' || c == ';' || c == '?' || c == '!';
}

// A footnote's first line starts with its number ("1 Kamerstuk 28 676 ...") or is the bare number.
bool footnote_start(const std::string& t, std::string& marker, std::string& rest) {
  std::size_t d = 0;
  while (d < t.size() && is_digit(t[d])) ++d;
  if (d == 0 || d > 3) return false;
  std::size_t i = d;
  if (i < t.size()) {
    if (!is_space(t[i])) return false;
    while (i < t.size() && is_space(t[i])) ++i;
    if (t.find_first_of("\r\n", i) != std::string::npos) return false;
  }
  marker = t.substr(0, d);
  rest = t.substr(i);
  return true;
}

void mark_footnotes(std::vector<Line>& lines, double body_size) {
  int page = -1;
  bool in_notes = false;
  for (auto& l : lines) {
    if (l.page != page) page = l.page, in_notes = false;
    if (l.role != Line::Role::Body) continue;
    bool small = l.font_size <= body_size * 0.85;
    bool low = l.y > l.page_height * 0.45;
    std::string marker, rest;
    if (small && low && footnote_start(l.text, marker, rest)) in_notes = true;
    if (in_notes && small) l.role = Line::Role::Footnote;
  }
}

// Footnote numbers run 1, 2, 3 through a document, so a continuation line that happens to
// start with a number ("136 van 20 januari 2023).") is not taken for a new note.
bool next_marker(const std::vector<Footnote>& notes, const std::string& marker) {
  if (notes.empty() || notes.back().marker.empty()) return true;
  return std::stol(marker) == std::stol(notes.back().marker) + 1;
}

std::vector<Footnote> build_footnotes(const std::vector<Line>& lines) {
  std::vector<Footnote> notes;
  for (const auto& l : lines) {
    if (l.role != Line::Role::Footnote) continue;
    std::string marker, rest;
    if (footnote_start(l.text, marker, rest) && next_marker(notes, marker)) {
      notes.push_back({l.page, marker, rest});
    } else if (!notes.empty() && notes.back().page == l.page) {
      append_line(notes.back().text, l.text);
    } else {
      notes.push_back({l.page, "", l.text});
    }
  }
  return notes;
}

struct PageGeometry {
  double left = 1e9, right = 0, pitch = 0;
};

std::map<int, PageGeometry> page_geometry(const std::vector<Line>& lines, double body_size) {
  std::map<int, std::vector<const Line*>> by_page;
  for (const auto& l : lines)
    if (l.role == Line::Role::Body && std::fabs(l.font_size - body_size) < 0.6) by_page[l.page].push_back(&l);
  std::map<int, PageGeometry> geo;
  for (auto& [page, ls] : by_page) {
    PageGeometry g;
    std::vector<double> rights, gaps;
    for (size_t i = 0; i < ls.size(); ++i) {
      g.left = std::min(g.left, ls[i]->x);
      rights.push_back(ls[i]->x + ls[i]->width);
      if (i > 0 && ls[i]->y - ls[i - 1]->y > 1) gaps.push_back(ls[i]->y - ls[i - 1]->y);
    }
    std::sort(rights.begin(), rights.end());
    g.right = rights[rights.size() * 9 / 10];
    if (!gaps.empty()) {
      std::sort(gaps.begin(), gaps.end());
      g.pitch = gaps[gaps.size() / 4];
    }
    geo[page] = g;
  }
  return geo;
}

}  // namespace

CleanText rebuild_text(std::vector<Line> lines, int pages) {
  CleanText out;
  out.pages = pages;
  mark_furniture(lines, pages);
  double body_size = body_font_size(lines);
  mark_footnotes(lines, body_size);
  auto geo = page_geometry(lines, body_size);

  const Line* prev = nullptr;
  bool prev_short = true;
  for (const auto& l : lines) {
    if (l.role != Line::Role::Body) continue;
    // A footnote marker set apart from its line (raised further than the line's band).
    std::string marker, rest;
    if (l.font_size <= body_size * 0.75 && footnote_start(l.text, marker, rest) && rest.empty()) continue;
    const PageGeometry& g = geo.count(l.page) ? geo[l.page] : PageGeometry{};
    double pitch = g.pitch > 0 ? g.pitch : l.height * 1.4;
    bool new_para = prev == nullptr || prev_short || starts_list_item(l.text) ||
                    std::fabs(l.font_size - prev->font_size) > 0.6;
    if (prev && !new_para) {
      if (l.page == prev->page) {
        double dy = l.y - prev->y;
        if (dy > pitch * 1.45 || dy < -1) new_para = true;
      }
    }
    if (new_para) {
      Paragraph p;
      p.page = l.page;
      p.list_item = starts_list_item(l.text);
      out.body.push_back(p);
    }
    append_line(out.body.back().text, l.text);
    double right = g.right > 0 ? g.right : l.x + l.width;
    double width = right - (g.left < 1e9 ? g.left : l.x);
    prev_short = l.x + l.width < right - 0.12 * width;
    prev = &l;
    if (prev_short && out.body.back().text.size() < 100 && !ends_sentence(out.body.back().text) &&
        !out.body.back().list_item && out.body.back().text == l.text)
      out.body.back().heading = true;
  }
  out.footnotes = build_footnotes(lines);
  // A soft hyphen left at the end of a paragraph or note had no line after it to join.
  for (auto& p : out.body) take_soft_hyphen(p.text);
  for (auto& n : out.footnotes) take_soft_hyphen(n.text);
  out.lines = std::move(lines);
  return out;
}

}  // namespace kz
