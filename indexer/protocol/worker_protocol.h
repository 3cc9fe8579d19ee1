// How the indexer starts its extraction workers: the worker program's name and private argument,
// and the environment variable carrying its memory limit. Both sides include this; the frames
// they exchange are in worker_frames.h.
#pragma once
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

}  // namespace kz
