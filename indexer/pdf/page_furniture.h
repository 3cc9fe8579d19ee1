// Recognizes page furniture — running headers and footers, page numbers, printer's lines —
// and the side column of ministerial letters, so they stay out of the running text.
#pragma once
#include <vector>

#include "indexer/record/document_model.h"

namespace kz {

// Sets Line::role to Furniture or Side where it applies; leaves the rest as Body.
void mark_furniture(std::vector<Line>& lines, int pages);

}  // namespace kz
