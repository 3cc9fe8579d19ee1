// A pool of extraction worker processes. The indexer hands it files; it returns finished
// documents or the reason a file failed, including a worker that crashed or timed out, and
// replaces lost workers so the run goes on.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kz {

struct ExtractJob {
  std::string path, sha256;
};

struct ExtractResult {
  ExtractJob job;
  bool ok = false;
  std::string id;          // document id, when ok
  std::string document;    // serialised Xapian::Document, when ok
  std::string error;       // one-line cause, when not ok
};

class WorkerPool {
 public:
  WorkerPool(int workers, int timeout_seconds, long memory_limit_mb);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  bool has_idle() const;
  std::size_t busy() const;
  void submit(ExtractJob job);  // requires has_idle()
  // Waits up to `wait` for results (crashes and timeouts included) and returns them.
  std::vector<ExtractResult> collect(std::chrono::milliseconds wait);

 private:
  struct Worker {
    pid_t pid = -1;
    int to = -1, from = -1;
    std::string inbox;
    std::optional<ExtractJob> job;
    std::chrono::steady_clock::time_point started;
  };
  void spawn(Worker& w);
  void retire(Worker& w, bool kill_it);
  std::string death_cause(Worker& w);

  std::vector<Worker> workers_;
  std::string program_;  // path of kamerzoek-extract
  int timeout_seconds_;
  long memory_limit_mb_;
};

}  // namespace kz
