// Small helpers on the document model.
#include "indexer/document_model.h"

namespace kz {

std::string CleanText::body_text_of_page(int page) const {
  std::string out;
  for (const auto& p : body) {
    if (p.page != page) continue;
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  return out;
}

}  // namespace kz
