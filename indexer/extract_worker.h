// The extraction worker: a child process (kamerzoek-extract, started with a private argument)
// that reads PDFs and returns finished Xapian documents, so a PDF that crashes or hangs the
// PDF library takes down only that worker, never the indexer or the index.
#pragma once
#include <string>
#include <string_view>

namespace kz {

inline constexpr const char* kWorkerProgram = "kamerzoek-extract";
inline constexpr const char* kWorkerArgument = "--kamerzoek-extract-worker";
// The worker's address-space limit in MB, passed in its environment.
inline constexpr std::string_view kWorkerMemoryEnv = "KAMERZOEK_WORKER_MEMORY_MB";

// Serves extraction requests on stdin/stdout until stdin closes. Returns the exit code.
int run_extract_worker();

}  // namespace kz
