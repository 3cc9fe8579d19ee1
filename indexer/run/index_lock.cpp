// flock-based writer lock with the holder's pid written into the lock file.
#include "indexer/run/index_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "indexer/run/indexer.h"

namespace kz {

IndexLock::IndexLock(const std::string& db_dir) {
  std::error_code ec;
  std::filesystem::create_directories(db_dir, ec);
  if (ec) throw std::runtime_error("cannot create index folder: " + ec.message());
  std::string path = db_dir + "/" + kLockFile;
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw std::runtime_error(std::string("cannot open index lock: ") + std::strerror(errno));
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    char buf[32] = {0};
    ssize_t n = pread(fd_, buf, sizeof buf - 1, 0);
    long pid = n > 0 ? std::atol(buf) : 0;
    close(fd_);
    fd_ = -1;
    throw IndexLocked(pid);
  }
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd_, 0) == 0) (void)!pwrite(fd_, pid.data(), pid.size(), 0);
}

IndexLock::~IndexLock() {
  if (fd_ >= 0) close(fd_);  // closing releases the flock
}

}  // namespace kz
