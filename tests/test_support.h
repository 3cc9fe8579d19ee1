// Shared helpers for the test suites: where the sample corpus and fixtures are, temporary
// directories, and running the kamerzoek binary as a user would.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kz::test {

std::string source_dir();                      // the project checkout
std::string corpus_dir();                      // <source>/corpus
std::string fixture(const std::string& rel);   // <source>/tests/fixtures/<rel>
std::string binary();                          // the built kamerzoek

// A fresh directory under $TMPDIR, removed when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

struct RunResult {
  int rc = -1;
  std::string out, err;
};
// Runs the kamerzoek binary with args (no shell), capturing stdout/stderr.
RunResult run_cli(const std::vector<std::string>& args);

// The sample corpus indexed once per test program (through the CLI, as a user would) into a
// temporary folder removed at exit, with corpus/truth.json. Throws when indexing fails.
struct CorpusIndex {
  TempDir dir;
  std::string db;
  nlohmann::json truth;
};
const CorpusIndex& corpus_index();

std::string read_file(const std::string& path);
void copy_file(const std::string& from, const std::string& to);

}  // namespace kz::test
