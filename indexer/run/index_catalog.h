// Bookkeeping inside the index of which files hold which content: per-path records
// (hash, size, mtime) in database metadata, and each document's list of files. All changes
// go through the writer's transaction, so a crash never leaves the two out of step.
#pragma once
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace kz {

struct FileRecord {
  std::string sha256;
  long long size = 0;
  long long mtime_ns = 0;
};

// A file whose extraction failed, as it was then and under which limits: skipped until it
// changes or the limits do.
struct FailedFile {
  long long size = 0;
  long long mtime_ns = 0;
  std::string error;
  std::string limits;  // the reader's time and memory limits of that run
};

class Catalog {
 public:
  explicit Catalog(Xapian::WritableDatabase& db) : db_(db) {}

  std::optional<FileRecord> record(const std::string& path) const;
  void set_record(const std::string& path, const FileRecord& rec);
  std::vector<std::string> recorded_paths() const;

  std::optional<FailedFile> failure(const std::string& path) const;
  void set_failure(const std::string& path, const FailedFile& failed);
  void clear_failure(const std::string& path);

  bool has_content(const std::string& sha256) const;
  std::optional<Xapian::docid> docid_of(const std::string& sha256) const;
  // The paths the document of `sha256` lists.
  std::vector<std::string> files_of(const std::string& sha256) const;
  // Stores a freshly extracted document for `sha256`, listing `files` as its paths, stamped
  // with the data it was extracted with.
  void store(const std::string& sha256, Xapian::Document doc, const std::vector<std::string>& files,
             const std::string& stamp = "");
  void attach(const std::string& sha256, const std::string& path);
  // Removes `path` from the document; deletes the document when no file holds it any more.
  void detach(const std::string& sha256, const std::string& path);
  // Forgets a path entirely (its record and its place in its document).
  void forget(const std::string& path);

 private:
  std::optional<std::pair<Xapian::Document, nlohmann::json>> load(const std::string& sha256) const;
  Xapian::WritableDatabase& db_;
};

}  // namespace kz
