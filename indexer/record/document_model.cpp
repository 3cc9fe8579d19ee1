// Small helpers on the document model.
#include "indexer/record/document_model.h"

#include <algorithm>

namespace kz {

std::vector<std::string> CleanText::body_text_by_page() const {
  std::vector<std::string> out(static_cast<std::size_t>(std::max(0, pages)));
  for (const auto& p : body) {
    if (p.page < 1 || p.page > pages) continue;
    std::string& t = out[static_cast<std::size_t>(p.page - 1)];
    if (!t.empty()) t += "\n\n";
    t += p.text;
  }
  return out;
}

std::string CleanText::body_text_of_page(int page) const {
  if (page < 1 || page > pages) return {};
  return body_text_by_page()[static_cast<std::size_t>(page - 1)];
}

}  // namespace kz
