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

// AddressSanitizer reserves terabytes of address space for its shadow memory, so in a
// sanitizer build (tests only) an address-space limit would stop every worker at once: there
// the limit is not applied.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kWorkerMemoryLimited = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kWorkerMemoryLimited = false;
#else
inline constexpr bool kWorkerMemoryLimited = true;
#endif
#else
inline constexpr bool kWorkerMemoryLimited = true;
#endif

// Serves extraction requests on descriptors 3 and 4 (worker_frames.h) until the request pipe
// closes. Returns the exit code.
int run_extract_worker();

}  // namespace kz
