// `--prune`, guarded: a path leaves the index only when the run walked the root it lies under
// and the path is positively gone. A root that was missing or unreadable (a disk not mounted,
// a folder without read rights) prunes nothing below it, and a prune that would remove more
// than half the index's files waits for `--force`.
#pragma once
#include <string>
#include <vector>

#include "indexer/run/index_catalog.h"
#include "indexer/run/indexer.h"

namespace kz {

struct PruneOutcome {
  std::size_t pruned = 0;
  std::size_t held = 0;  // gone, but kept: more than half the index without --force
  // Why paths were kept (root not walked, cannot check, held); the held note has no file: it
  // is about the index.
  std::vector<IndexFailure> notes;
};

// `roots` as given to the walk; `not_walked` the paths the walk reported as problems.
PruneOutcome prune_gone(Catalog& catalog, const std::vector<std::string>& roots,
                        const std::vector<IndexFailure>& not_walked, bool force);

}  // namespace kz
