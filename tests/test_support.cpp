// Implementation of the test helpers (paths, temp dirs, running the CLI).
#include "tests/test_support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace kz::test {

std::string source_dir() { return KZ_SOURCE_DIR; }
std::string corpus_dir() { return source_dir() + "/corpus"; }
std::string fixture(const std::string& rel) { return source_dir() + "/tests/fixtures/" + rel; }
std::string binary() { return KZ_BINARY; }

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "kz-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

static std::string slurp_fd(int fd) {
  std::string s;
  char buf[65536];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, n);
  return s;
}

RunResult run_cli(const std::vector<std::string>& args) {
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
  int fo = open(out_path.c_str(), O_RDONLY), fe = open(err_path.c_str(), O_RDONLY);
  r.out = slurp_fd(fo);
  r.err = slurp_fd(fe);
  close(fo);
  close(fe);
  return r;
}

const CorpusIndex& corpus_index() {
  // Destroyed at exit, which removes the folder.
  static const std::unique_ptr<CorpusIndex> index = [] {
    auto c = std::make_unique<CorpusIndex>();
    c->db = c->dir / "db";
    RunResult r = run_cli({"index", corpus_dir(), "--db", c->db});
    if (r.rc != 0) throw std::runtime_error("indexing corpus/ failed (exit " + std::to_string(r.rc) + "): " + r.err);
    c->truth = nlohmann::json::parse(read_file(corpus_dir() + "/truth.json"));
    return c;
  }();
  return *index;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void copy_file(const std::string& from, const std::string& to) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

}  // namespace kz::test
