// Helpers shared by the hardening suites (crash safety, concurrency, isolation, hostile
// input): a corpus of many distinct PDFs made from the samples, running the indexer in the
// background, and an index consistency check that says what is wrong.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "indexer/record/document_data.h"
#include "tests/test_support.h"

namespace kz::test {

// The sample PDFs of the corpus folder, sorted.
inline std::vector<std::string> sample_pdfs() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(corpus_dir()))
    if (e.path().extension() == ".pdf") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Writes `copies` copies of every sample PDF into `dir`, each with a comment line appended
// after %%EOF so every file has its own content hash (Poppler ignores the trailing bytes).
// Returns the paths written.
inline std::vector<std::string> make_distinct_copies(const std::string& dir, int copies,
                                                     const std::string& tag = "c") {
  std::filesystem::create_directories(dir);
  std::vector<std::string> out;
  for (const auto& src : sample_pdfs()) {
    std::string bytes = read_file(src);
    std::string stem = std::filesystem::path(src).stem().string();
    for (int i = 0; i < copies; ++i) {
      std::string path = dir + "/" + stem + "-" + tag + std::to_string(i) + ".pdf";
      std::ofstream(path, std::ios::binary) << bytes << "\n%" << tag << i << "\n";
      out.push_back(path);
    }
  }
  return out;
}

// A kamerzoek process running in the background; output goes to files in `io_dir`.
struct Background {
  pid_t pid = -1;
  std::string out_path, err_path;
  int rc = -1;  // exit code, or 128 + signal

  // Waits up to `limit`; false when the process is still running.
  bool wait(std::chrono::milliseconds limit) {
    if (rc != -1) return true;  // already reaped
    auto until = std::chrono::steady_clock::now() + limit;
    for (;;) {
      int status = 0;
      pid_t r = waitpid(pid, &status, WNOHANG);
      if (r == pid) {
        rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return true;
      }
      if (std::chrono::steady_clock::now() >= until) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  bool running() {
    if (rc != -1) return false;
    return !wait(std::chrono::milliseconds(0));
  }
  void kill_now(int sig) { ::kill(pid, sig); }
  std::string out() const { return read_file(out_path); }
  std::string err() const { return read_file(err_path); }
};

// Starts the kamerzoek binary with `args`; `env` entries are set in the child only.
inline Background start_cli(const std::vector<std::string>& args, const std::string& io_dir,
                            const std::map<std::string, std::string>& env = {}) {
  static int serial = 0;
  Background b;
  b.out_path = io_dir + "/bg" + std::to_string(serial) + ".out";
  b.err_path = io_dir + "/bg" + std::to_string(serial++) + ".err";
  pid_t pid = fork();
  if (pid == 0) {
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    if (!freopen(b.out_path.c_str(), "w", stdout) || !freopen(b.err_path.c_str(), "w", stderr)) _exit(126);
    if (!freopen("/dev/null", "r", stdin)) _exit(126);
    std::vector<std::string> copy = args;
    std::string bin = binary();
    std::vector<char*> argv{bin.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  b.pid = pid;
  return b;
}

// Waits until no process holds the writer lock of `db` (up to `limit`); returns how long it
// took. After a writer is killed, a reading process it had just forked may hold the inherited
// lock for the moment until its exec closes it.
inline std::chrono::milliseconds wait_lock_free(const std::string& db, std::chrono::milliseconds limit) {
  auto t0 = std::chrono::steady_clock::now();
  int fd = open((db + "/kamerzoek.lock").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::chrono::milliseconds(0);
  while (flock(fd, LOCK_EX | LOCK_NB) != 0 && std::chrono::steady_clock::now() - t0 < limit)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  close(fd);  // releases the lock if we got it
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
}

// Sets environment variables for the duration of a scope (run_cli children inherit them).
class ScopedEnv {
 public:
  ScopedEnv(const std::string& name, const std::string& value) : name_(name) { setenv(name.c_str(), value.c_str(), 1); }
  ~ScopedEnv() { unsetenv(name_.c_str()); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
};

struct IndexState {
  std::size_t docs = 0;
  std::map<std::string, std::vector<std::string>> files_of_sha;  // sha -> the document's files
  std::map<std::string, std::string> record_sha;                 // path -> sha of its record
};

// Reads the index and returns every broken promise found, or an empty string. `state` gets
// what was read. `records_complete` also requires the file records and the documents' file
// lists to agree (true after a run that finished; a killed run may have committed a record
// for a duplicate whose document was still being read).
inline std::string check_index(const std::string& db_path, IndexState* state = nullptr,
                               bool records_complete = false) {
  std::string problems;
  auto problem = [&](const std::string& p) { problems += p + "\n"; };
  IndexState st;
  for (int attempt = 0;; ++attempt) {
    try {
      st = IndexState{};
      problems.clear();
      Xapian::Database db(db_path);
      st.docs = db.get_doccount();
      std::size_t q_terms = 0;
      for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
        ++q_terms;
        if (t.get_termfreq() != 1)
          problem("content term " + *t + " is on " + std::to_string(t.get_termfreq()) + " documents");
      }
      if (q_terms != st.docs)
        problem(std::to_string(st.docs) + " documents but " + std::to_string(q_terms) + " content terms");
      for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
        Xapian::Document doc = db.get_document(*d);
        std::string sha;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
          if ((*t).size() == 65 && (*t)[0] == 'Q') sha = (*t).substr(1);
        auto data = kz::document_data::decode(doc.get_data());
        if (sha.empty() || data.is_discarded() || !data.contains("files")) {
          problem("document " + std::to_string(*d) + " has no content hash or no readable data");
          continue;
        }
        st.files_of_sha[sha] = data["files"].get<std::vector<std::string>>();
      }
      for (auto k = db.metadata_keys_begin("file:"); k != db.metadata_keys_end("file:"); ++k) {
        std::string v = db.get_metadata(*k);
        if (!v.empty()) st.record_sha[(*k).substr(5)] = v.substr(0, v.find('\t'));
      }
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 20) throw;  // a reader reopens when a writer commits underneath it
    }
  }
  if (records_complete) {
    for (const auto& [path, sha] : st.record_sha) {
      auto it = st.files_of_sha.find(sha);
      if (it == st.files_of_sha.end()) problem("record of " + path + " names content not in the index");
      else if (std::find(it->second.begin(), it->second.end(), path) == it->second.end())
        problem("document of " + path + " does not list it");
    }
    for (const auto& [sha, files] : st.files_of_sha)
      for (const auto& f : files)
        if (!st.record_sha.count(f) || st.record_sha[f] != sha) problem(f + " is listed but has no matching record");
  }
  if (state) *state = std::move(st);
  return problems;
}

// The lines of `text` starting with `prefix`.
inline std::vector<std::string> lines_with_prefix(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    auto cr = line.rfind('\r');  // progress bars redraw with \r
    if (cr != std::string::npos) line = line.substr(cr + 1);
    if (line.rfind(prefix, 0) == 0) out.push_back(line);
    start = nl + 1;
  }
  return out;
}

}  // namespace kz::test
