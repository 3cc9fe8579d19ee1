// The extraction worker: a child process (kamerzoek-extract, started with a private argument)
// that reads PDFs and returns finished Xapian documents, so a PDF that crashes or hangs the
// PDF library takes down only that worker, never the indexer or the index.
#pragma once
#include <string>
#include <string_view>

#include "indexer/protocol/worker_protocol.h"

namespace kz {

// Serves extraction requests on descriptors 3 and 4 (worker_frames.h) until the request pipe
// closes. Returns the exit code.
int run_extract_worker();

}  // namespace kz
