// Fault injection for the disk-full tests, loaded with LD_PRELOAD into a kamerzoek run: once
// the process has written KZ_FAULT_AFTER_BYTES bytes to regular files, every later write,
// pwrite, fsync and fdatasync on a regular file fails with KZ_FAULT_ERRNO ("ENOSPC", the
// default, or "EIO"), as on a disk that filled up or failed. Standard output and error are
// left alone, so the run can still say what happened.
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace {

std::atomic<long long> budget{-2};  // -2: not read yet; -1: no fault
int fault_errno = ENOSPC;

long long remaining() {
  long long b = budget.load();
  if (b != -2) return b;
  const char* after = std::getenv("KZ_FAULT_AFTER_BYTES");
  const char* which = std::getenv("KZ_FAULT_ERRNO");
  if (which && std::strcmp(which, "EIO") == 0) fault_errno = EIO;
  long long start = after && *after ? std::atoll(after) : -1;
  budget.compare_exchange_strong(b, start);
  return budget.load();
}

bool on_disk(int fd) {
  struct stat st;
  return fd > 2 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

// True when this call must fail (and sets errno).
bool fails(int fd, std::size_t bytes) {
  long long b = remaining();
  if (b < 0 || !on_disk(fd)) return false;
  if (static_cast<long long>(bytes) <= b && budget.compare_exchange_strong(b, b - static_cast<long long>(bytes)))
    return false;
  budget.store(0);
  errno = fault_errno;
  return true;
}

template <typename F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buf, size_t n) {
  static auto next = real<ssize_t (*)(int, const void*, size_t)>("write");
  if (fails(fd, n)) return -1;
  return next(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t off) {
  static auto next = real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
  if (fails(fd, n)) return -1;
  return next(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t off) {
  static auto next = real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
  if (fails(fd, n)) return -1;
  return next(fd, buf, n, off);
}

int fsync(int fd) {
  static auto next = real<int (*)(int)>("fsync");
  if (remaining() == 0 && on_disk(fd)) {
    errno = fault_errno;
    return -1;
  }
  return next(fd);
}

int fdatasync(int fd) {
  static auto next = real<int (*)(int)>("fdatasync");
  if (remaining() == 0 && on_disk(fd)) {
    errno = fault_errno;
    return -1;
  }
  return next(fd);
}

}  // extern "C"
