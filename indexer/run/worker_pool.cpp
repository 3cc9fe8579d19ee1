// Worker processes run kamerzoek-extract, the program installed next to the running one (a
// fresh process: no inherited Xapian handles or locks, and the query commands never load the
// PDF libraries). Results come back over pipes, watched with poll().
#include "indexer/run/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include "indexer/run/indexer.h"
#include "indexer/protocol/worker_frames.h"
#include "indexer/protocol/worker_protocol.h"

namespace kz {
namespace {

// kamerzoek-extract beside the running program (build/ or the install directory).
std::string worker_program() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find the extraction worker: " + ec.message());
  auto program = self.parent_path() / kWorkerProgram;
  if (access(program.c_str(), X_OK) != 0)
    throw std::runtime_error("cannot start extraction worker " + program.string() + ": " + std::strerror(errno) +
                             " (it is built and installed with kamerzoek)");
  return program.string();
}

}  // namespace

int max_workers() { return kMaxWorkersPerCore * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

WorkerPool::WorkerPool(int workers, int timeout_seconds, long memory_limit_mb)
    : workers_(std::max(1, workers)), program_(worker_program()), timeout_seconds_(timeout_seconds),
      memory_limit_mb_(memory_limit_mb) {
  std::signal(SIGPIPE, SIG_IGN);
  for (auto& w : workers_) spawn(w);
}

WorkerPool::~WorkerPool() {
  for (auto& w : workers_) retire(w, true);
}

// A pipe end moved to descriptor 5 or above, so the child's dup2 onto 3 and 4 can neither
// clobber the other end nor be a same-number dup2 that leaves close-on-exec set.
static int above_worker_fds(int fd) {
  if (fd > frames::kReplyFd) return fd;
  int moved = fcntl(fd, F_DUPFD_CLOEXEC, frames::kReplyFd + 1);
  close(fd);
  return moved;
}

void WorkerPool::spawn(Worker& w) {
  int down[2], up[2];
  if (pipe2(down, O_CLOEXEC) != 0 || pipe2(up, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("cannot start extraction worker: ") + std::strerror(errno));
  for (int* fd : {&down[0], &down[1], &up[0], &up[1]}) *fd = above_worker_fds(*fd);
  if (down[0] < 0 || down[1] < 0 || up[0] < 0 || up[1] < 0)
    throw std::runtime_error(std::string("cannot start extraction worker: ") + std::strerror(errno));
  const std::string name = std::string(kWorkerMemoryEnv) + "=";
  std::string mem = name + std::to_string(memory_limit_mb_);
  std::vector<char*> env;
  for (char** e = environ; *e; ++e)
    if (!std::string_view(*e).starts_with(name)) env.push_back(*e);
  env.push_back(mem.data());
  env.push_back(nullptr);
  const char* argv[] = {kWorkerProgram, kWorkerArgument, nullptr};
  // The frames travel on 3 and 4; stdin and stdout are /dev/null, so a library that prints
  // cannot corrupt them. stderr too, except in sanitizer builds, whose reports are the point.
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, down[0], frames::kRequestFd);
  posix_spawn_file_actions_adddup2(&fa, up[1], frames::kReplyFd);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  if (kWorkerMemoryLimited) posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int err = posix_spawn(&pid, program_.c_str(), &fa, nullptr, const_cast<char* const*>(argv), env.data());
  posix_spawn_file_actions_destroy(&fa);
  close(down[0]);
  close(up[1]);
  if (err != 0) {
    close(down[1]);
    close(up[0]);
    throw std::runtime_error("cannot start extraction worker " + program_ + ": " + std::strerror(err));
  }
  w.pid = pid;
  w.to = down[1];
  w.from = up[0];
  fcntl(w.from, F_SETFL, O_NONBLOCK);
  w.inbox.clear();
  w.job.reset();
}

void WorkerPool::retire(Worker& w, bool kill_it) {
  if (w.to >= 0) close(w.to);
  if (w.from >= 0) close(w.from);
  w.to = w.from = -1;
  if (w.pid > 0) {
    if (kill_it) kill(w.pid, SIGKILL);
    int status;
    waitpid(w.pid, &status, 0);
  }
  w.pid = -1;
}

std::string WorkerPool::death_cause(Worker& w) {
  int status = 0;
  pid_t pid = w.pid;
  close(w.to);
  close(w.from);
  w.to = w.from = -1;
  w.pid = -1;
  if (waitpid(pid, &status, 0) != pid) return "PDF reader stopped unexpectedly";
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    std::string cause = "PDF reader crashed on this file (signal " + std::to_string(sig) + ": " + strsignal(sig) + ")";
    // Poppler aborts when an allocation fails, so an abort is most often the memory limit: say
    // which limit, so a user with a legitimately huge file knows what to raise.
    if (sig == SIGABRT)
      cause += "; it may have run out of memory (each reader may use " + std::to_string(memory_limit_mb_) +
               " MB, set by " + std::string(kWorkerMemoryEnv) + ")";
    return cause;
  }
  return "PDF reader exited unexpectedly (code " + std::to_string(WEXITSTATUS(status)) + ")";
}

bool WorkerPool::has_idle() const {
  for (const auto& w : workers_)
    if (!w.job) return true;
  return false;
}

std::size_t WorkerPool::busy() const {
  std::size_t n = 0;
  for (const auto& w : workers_) n += w.job ? 1 : 0;
  return n;
}

void WorkerPool::submit(ExtractJob job) {
  for (auto& w : workers_) {
    if (w.job) continue;
    if (w.pid < 0) spawn(w);
    std::string req = job.sha256 + "\n" + job.path;
    if (!frames::write_frame(w.to, req)) {
      // The idle worker died (e.g. killed from outside); start a fresh one and try once more.
      retire(w, true);
      spawn(w);
      frames::write_frame(w.to, req);
    }
    w.job = std::move(job);
    w.started = std::chrono::steady_clock::now();
    return;
  }
  throw std::logic_error("WorkerPool::submit without an idle worker");
}

std::vector<ExtractResult> WorkerPool::collect(std::chrono::milliseconds wait) {
  std::vector<ExtractResult> results;
  std::vector<pollfd> fds;
  std::vector<Worker*> owners;
  for (auto& w : workers_)
    if (w.job) {
      fds.push_back({w.from, POLLIN, 0});
      owners.push_back(&w);
    }
  if (fds.empty()) return results;
  int n = poll(fds.data(), fds.size(), static_cast<int>(wait.count()));
  auto now = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < fds.size(); ++i) {
    Worker& w = *owners[i];
    if (n > 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
      char buf[1 << 16];
      ssize_t r = -1;
      bool eof = false;
      // Never more than one frame's worth: a worker cannot make the inbox grow without bound.
      while (w.inbox.size() <= 4 + std::size_t{frames::kMaxFrame} && (r = read(w.from, buf, sizeof buf)) > 0)
        w.inbox.append(buf, static_cast<std::size_t>(r));
      if (r == 0) eof = true;
      std::string frame;
      frames::Take got = frames::take_frame(w.inbox, frame);
      if (got != frames::Take::None) {
        frames::Reply reply;
        if (got == frames::Take::Frame)
          reply = frames::decode_reply(frame);
        else
          reply.error = "frame longer than " + std::to_string(frames::kMaxFrame) + " bytes";
        // A worker that cannot work at all fails the run, not every file in turn.
        if (reply.kind == frames::Reply::Fatal) throw std::runtime_error("the PDF reader cannot start: " + reply.error);
        ExtractResult res;
        res.job = std::move(*w.job);
        w.job.reset();
        if (reply.kind == frames::Reply::Document) {
          res.ok = true;
          res.id = std::move(reply.id);
          res.document = std::move(reply.document);
        } else if (reply.kind == frames::Reply::Error) {
          res.error = std::move(reply.error);
        } else {
          res.error = "the PDF reader sent a malformed reply (" + reply.error + "); it was restarted";
        }
        // After a bad frame or bytes beyond the one reply, the stream is out of step: start afresh.
        if (reply.kind == frames::Reply::Malformed || !w.inbox.empty()) {
          retire(w, true);
          spawn(w);
        }
        results.push_back(std::move(res));
        continue;
      }
      if (eof) {
        ExtractResult res;
        res.job = std::move(*w.job);
        w.job.reset();
        res.error = death_cause(w);
        results.push_back(std::move(res));
        spawn(w);
        continue;
      }
    }
    if (w.job && now - w.started > std::chrono::seconds(timeout_seconds_)) {
      ExtractResult res;
      res.job = std::move(*w.job);
      w.job.reset();
      res.error = "reading took longer than " + std::to_string(timeout_seconds_) + " s, stopped";
      retire(w, true);
      spawn(w);
      results.push_back(std::move(res));
    }
  }
  return results;
}

}  // namespace kz
