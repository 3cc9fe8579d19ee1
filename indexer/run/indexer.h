// Public interface of the indexer: index PDFs under some paths into one Xapian database,
// in parallel worker processes, incrementally (by content hash), never leaving it damaged.
#pragma once
#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kz {

// Another process holds the index's write lock.
class IndexLocked : public std::runtime_error {
 public:
  explicit IndexLocked(long pid)
      : std::runtime_error("index is being updated by process " + std::to_string(pid)), pid_(pid) {}
  long pid() const { return pid_; }

 private:
  long pid_;
};

struct IndexProgress {
  std::size_t total = 0, done = 0, failed = 0;
  double seconds = 0;
  std::string current;  // file last finished
};

struct IndexFailure {
  std::string file, error;
};

struct IndexOptions {
  std::string db;
  std::vector<std::string> paths;
  int jobs = 0;                        // worker processes; 0 = number of cores
  bool prune = false;                  // remove documents whose files are gone (index_prune.h)
  bool force = false;                  // let --prune remove more than half the index's files
  bool retry_failed = false;           // extract files that failed before and have not changed
  int timeout_seconds = 120;           // per file, then the worker is killed
  long memory_limit_mb = 3072;         // address-space limit of each worker
  std::size_t commit_every = 500;      // documents per commit
  // Set by a signal handler, read by the feeding and writer threads: stop cleanly. An atomic,
  // not a volatile sig_atomic_t, which is no synchronisation between threads.
  const std::atomic<bool>* stop = nullptr;
  std::function<void(const IndexProgress&)> on_progress;
  std::function<void(const IndexFailure&)> on_failure;  // called as each failure happens
  std::function<void(const std::string& file, const std::string& note)> on_note;  // duplicates, repairs
};

struct IndexSummary {
  std::size_t indexed = 0, unchanged = 0, duplicates = 0, pruned = 0;
  std::size_t skipped_failed = 0;  // failed before, unchanged since, not tried again
  std::size_t prune_held = 0;      // gone, but not pruned: more than half the index, no --force
  std::size_t committed = 0;       // documents of this run in the last commit
  std::vector<IndexFailure> failed;
  std::vector<std::string> undated;    // files indexed now whose date could not be read
  double seconds = 0;
  bool interrupted = false;
  // Set when writing to the index failed (no space, an I/O error): the cause and what was
  // committed. The index holds its last commit.
  std::string write_error;
};

// A lock-free atomic is the one kind a signal handler may store to.
static_assert(std::atomic<bool>::is_always_lock_free);

// More workers than this many per core only add processes waiting for the CPU (each holds a
// PDF in memory); a larger --jobs is capped.
inline constexpr int kMaxWorkersPerCore = 4;
int max_workers();

// Throws IndexLocked, IndexFolderRefused (index_folder.h), or std::runtime_error when the
// index cannot be opened.
IndexSummary run_index(const IndexOptions& options);

}  // namespace kz
