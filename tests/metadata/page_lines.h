// Positioned lines for metadata tests: a page's line as the PDF reader would hand it over, with
// width and font size derived from its text and height.
#pragma once
#include <string>
#include <utility>

#include "indexer/record/document_model.h"

namespace kz::test {

inline kz::Line L(int page, double x, double y, std::string text, kz::Line::Role role = kz::Line::Role::Body,
                  double h = 9) {
  kz::Line l;
  l.page = page;
  l.x = x;
  l.y = y;
  l.text = std::move(text);
  l.width = 6.0 * l.text.size() * 0.8;
  l.height = h;
  l.font_size = h + 1;
  l.role = role;
  return l;
}

}  // namespace kz::test
