// Finds the PDFs under the paths a user names: recursive, stays inside those paths, reports
// symlink loops, links that lead outside and unreadable folders instead of following them.
#pragma once
#include <string>
#include <vector>

#include "indexer/run/indexer.h"

namespace kz {

struct WalkResult {
  std::vector<std::string> files;        // absolute, sorted, each once
  std::vector<IndexFailure> problems;    // paths that could not be walked, with the cause
};

// A named file is taken whatever its extension; inside folders only *.pdf (any case).
WalkResult find_pdfs(const std::vector<std::string>& roots);

}  // namespace kz
