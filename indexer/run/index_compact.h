// When to compact the index after a run. Batched commits leave Xapian's B-tree blocks partly
// filled (every batch inserts keys all over each table); rewriting the tables full makes a
// freshly built index roughly 40% smaller and its reads touch fewer blocks. The compaction
// itself belongs to the index folder (index_folder.h), which owns every file it replaces.
#pragma once
#include <cstddef>

namespace kz {

// True when a run that added `added` documents to an index now holding `total` changed enough
// of it to be worth rewriting (the cost of compaction is proportional to the whole index).
bool worth_compacting(std::size_t added, std::size_t total);

}  // namespace kz
