// When compaction pays; see index_compact.h.
#include "indexer/run/index_compact.h"

namespace kz {

bool worth_compacting(std::size_t added, std::size_t total) { return added > 0 && added * 4 >= total; }

}  // namespace kz
