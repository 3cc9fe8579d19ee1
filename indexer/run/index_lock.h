// The writer lock of an index folder: one `index` run at a time, and a second one is told
// which process holds it. flock() is released by the kernel when the holder dies.
#pragma once
#include <string>

namespace kz {

// The lock file inside the index folder.
inline constexpr const char* kLockFile = "kamerzoek.lock";

class IndexLock {
 public:
  explicit IndexLock(const std::string& db_dir);  // creates db_dir; throws IndexLocked
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace kz
