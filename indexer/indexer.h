// Public interface of the indexer: index PDFs under some paths into one Xapian database,
// in parallel worker processes, incrementally (by content hash), never leaving it damaged.
#pragma once
#include <csignal>
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
  bool prune = false;                  // remove documents whose files are gone
  int timeout_seconds = 120;           // per file, then the worker is killed
  long memory_limit_mb = 3072;         // address-space limit of each worker
  std::size_t commit_every = 500;      // documents per commit
  const volatile std::sig_atomic_t* stop = nullptr;  // set by a signal handler: stop cleanly
  std::function<void(const IndexProgress&)> on_progress;
  std::function<void(const IndexFailure&)> on_failure;  // called as each failure happens
  std::function<void(const std::string& file, const std::string& note)> on_note;  // duplicates, repairs
};

struct IndexSummary {
  std::size_t indexed = 0, unchanged = 0, duplicates = 0, pruned = 0;
  std::vector<IndexFailure> failed;
  std::vector<std::string> undated;    // files indexed now whose date could not be read
  double seconds = 0;
  bool interrupted = false;
};

// Throws IndexLocked, or std::runtime_error when the database cannot be opened.
IndexSummary run_index(const IndexOptions& options);

}  // namespace kz
