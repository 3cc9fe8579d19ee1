// Helpers for the index-folder, prune and fault tests: running kamerzoek as another user
// (the suite may run as root, whom permissions do not stop), with extra environment
// variables, and listing a folder's files.
#pragma once
#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace kz::test {

// The user an unprivileged run becomes when the suite runs as root.
inline constexpr uid_t kNobody = 65534;

// Runs kamerzoek with `args` and extra `env`; as root, the child first becomes `nobody`, so
// an unreadable folder or a folder of another owner stops it as it stops a normal user.
inline RunResult run_cli_unprivileged(const std::vector<std::string>& args,
                                      const std::map<std::string, std::string>& env = {}) {
  TempDir io;
  std::string out_path = io / "out", err_path = io / "err";
  pid_t pid = fork();
  if (pid == 0) {
    int o = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int n = open("/dev/null", O_RDONLY);
    dup2(n, 0);
    dup2(o, 1);
    dup2(e, 2);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    if (geteuid() == 0 && (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0)) _exit(126);
    std::vector<char*> argv;
    std::string bin = binary();
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

// Runs kamerzoek with extra environment variables (as the current user).
inline RunResult run_cli_env(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
  RunResult r = run_cli(args);
  for (const auto& [k, v] : env) unsetenv(k.c_str());
  return r;
}

// Makes `dir` and everything below it readable (and, with `writable`, writable) by anyone, so
// an unprivileged child can work in a test's temporary folder.
inline void open_up(const std::string& dir, bool writable) {
  namespace fs = std::filesystem;
  auto mode = writable ? fs::perms::all : (fs::perms::all & ~fs::perms::others_write & ~fs::perms::group_write);
  fs::permissions(dir, mode);
  for (const auto& e : fs::recursive_directory_iterator(dir)) fs::permissions(e.path(), mode);
}

// Every path below `dir` (relative, sorted), with its size, for "nothing else was touched".
inline std::map<std::string, std::uintmax_t> listing(const std::string& dir) {
  namespace fs = std::filesystem;
  std::map<std::string, std::uintmax_t> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(e.path(), dir).string();
    out[rel] = e.is_regular_file() ? e.file_size() : 0;
  }
  return out;
}

}  // namespace kz::test
