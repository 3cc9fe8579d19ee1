// One `index` run: walk the paths, decide per file (unchanged, moved/duplicate, new or
// changed), extract new content in worker processes, write with the single Xapian writer
// (its own thread), commit in batches, and stop cleanly on request.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <thread>

#include "indexer/content_hash.h"
#include "indexer/file_walk.h"
#include "indexer/index_catalog.h"
#include "indexer/index_compact.h"
#include "indexer/index_lock.h"
#include "indexer/index_schema.h"
#include "indexer/indexer.h"
#include "indexer/missions.h"
#include "indexer/bounded_queue.h"
#include "indexer/worker_pool.h"

namespace kz {
namespace {

using Clock = std::chrono::steady_clock;

struct Pending {
  std::string sha256;
  FileRecord rec;
  std::optional<FileRecord> old;
  std::vector<std::string> extra_paths;  // same content seen again in this run
};

class Run {
 public:
  Run(const IndexOptions& o, Xapian::WritableDatabase& db) : opt_(o), db_(db), catalog_(db) {}

  IndexSummary go();

 private:
  void fail(const std::string& file, const std::string& error) {
    IndexFailure f{file, error};
    if (opt_.on_failure) opt_.on_failure(f);
    summary_.failed.push_back(std::move(f));
    ++progress_.failed;
  }
  void finish_one(const std::string& file) {
    ++progress_.done;
    progress_.current = file;
    report(false);
  }
  void report(bool force) {
    auto now = Clock::now();
    if (!opt_.on_progress || (!force && now - last_report_ < std::chrono::milliseconds(200))) return;
    last_report_ = now;
    progress_.seconds = std::chrono::duration<double>(now - start_).count();
    opt_.on_progress(progress_);
  }
  bool stopping() const { return opt_.stop && *opt_.stop; }
  void maybe_commit() {
    if (++since_commit_ >= opt_.commit_every) {
      db_.commit();
      since_commit_ = 0;
    }
  }
  void plan(const std::string& path);
  void extract_all();
  void apply(ExtractResult&& r);

  const IndexOptions& opt_;
  Xapian::WritableDatabase& db_;
  Catalog catalog_;
  IndexSummary summary_;
  IndexProgress progress_;
  Clock::time_point start_ = Clock::now(), last_report_;
  std::size_t since_commit_ = 0;
  std::deque<ExtractJob> queue_;
  std::map<std::string, Pending> pending_by_path_;
  std::map<std::string, std::string> queued_sha_;  // sha -> first path queued with it
};

// Decides what a file needs; queues extraction only for content the index does not have.
void Run::plan(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return fail(path, std::string("cannot read file: ") + std::strerror(errno));
  if (access(path.c_str(), R_OK) != 0) return fail(path, std::string("cannot read file: ") + std::strerror(errno));
  FileRecord rec;
  rec.size = st.st_size;
  rec.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  auto old = catalog_.record(path);
  if (old && old->size == rec.size && old->mtime_ns == rec.mtime_ns && catalog_.has_content(old->sha256)) {
    ++summary_.unchanged;
    return finish_one(path);
  }
  try {
    rec.sha256 = sha256_file(path);
  } catch (const std::exception& e) {
    return fail(path, e.what());
  }
  if (old && old->sha256 == rec.sha256 && catalog_.has_content(rec.sha256)) {
    catalog_.set_record(path, rec);  // touched, not changed
    ++summary_.unchanged;
    return finish_one(path);
  }
  if (catalog_.has_content(rec.sha256)) {
    // Renamed, copied, or a duplicate of a file indexed before: no extraction.
    if (old) catalog_.detach(old->sha256, path);
    catalog_.attach(rec.sha256, path);
    catalog_.set_record(path, rec);
    ++summary_.unchanged;
    ++summary_.duplicates;
    maybe_commit();
    return finish_one(path);
  }
  if (auto q = queued_sha_.find(rec.sha256); q != queued_sha_.end()) {
    pending_by_path_[q->second].extra_paths.push_back(path);
    if (old) catalog_.detach(old->sha256, path);
    catalog_.set_record(path, rec);
    ++summary_.duplicates;
    ++summary_.unchanged;
    return finish_one(path);
  }
  queued_sha_[rec.sha256] = path;
  pending_by_path_[path] = Pending{rec.sha256, rec, old, {}};
  queue_.push_back({path, rec.sha256});
}

void Run::apply(ExtractResult&& r) {
  auto it = pending_by_path_.find(r.job.path);
  Pending p = std::move(it->second);
  pending_by_path_.erase(it);
  if (p.old && p.old->sha256 != p.sha256) catalog_.detach(p.old->sha256, r.job.path);
  if (!r.ok) {
    // The file's old content is gone from disk; so is its place in the index.
    if (p.old) catalog_.forget(r.job.path);
    for (const auto& extra : p.extra_paths) catalog_.forget(extra);
    fail(r.job.path, r.error);
    return finish_one(r.job.path);
  }
  std::vector<std::string> files{r.job.path};
  files.insert(files.end(), p.extra_paths.begin(), p.extra_paths.end());
  Xapian::Document doc = Xapian::Document::unserialise(r.document);
  // A document whose date could not be read is said so: it sorts last and date filters drop it.
  if (doc.get_value(schema::kSlotDate).empty()) summary_.undated.push_back(r.job.path);
  catalog_.store(p.sha256, std::move(doc), files);
  catalog_.set_record(r.job.path, p.rec);
  ++summary_.indexed;
  maybe_commit();
  finish_one(r.job.path);
}

// This thread keeps the workers busy; a writer thread applies their results to Xapian, so a
// commit (seconds on a large batch) never leaves the workers waiting for new files. The
// queue between them is bounded: memory stays flat however many files there are.
void Run::extract_all() {
  int jobs = opt_.jobs > 0 ? opt_.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, static_cast<int>(queue_.size()));
  WorkerPool pool(jobs, opt_.timeout_seconds, opt_.memory_limit_mb);
  BoundedQueue<ExtractResult> results(static_cast<std::size_t>(4 * jobs));
  std::exception_ptr writer_error;
  std::thread writer([&] {
    try {
      ExtractResult r;
      while (results.pop(r)) apply(std::move(r));
    } catch (...) {
      writer_error = std::current_exception();
      results.close();  // the feeding loop stops at its next push
    }
  });
  bool open = true;
  while (open && (!queue_.empty() || pool.busy() > 0) && !stopping()) {
    while (!queue_.empty() && pool.has_idle()) {
      pool.submit(std::move(queue_.front()));
      queue_.pop_front();
    }
    for (auto& r : pool.collect(std::chrono::milliseconds(200)))
      if (!results.push(std::move(r))) open = false;
  }
  results.close();
  writer.join();
  if (writer_error) std::rethrow_exception(writer_error);
}

IndexSummary Run::go() {
  WalkResult walk = find_pdfs(opt_.paths);
  progress_.total = walk.files.size();
  for (auto& p : walk.problems) fail(p.file, p.error);
  report(true);

  for (const auto& path : walk.files) {
    if (stopping()) break;
    plan(path);
  }
  if (!queue_.empty() && !stopping()) extract_all();
  if (stopping()) summary_.interrupted = true;

  if (opt_.prune && !summary_.interrupted) {
    for (const auto& path : catalog_.recorded_paths()) {
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) {
        catalog_.forget(path);
        ++summary_.pruned;
      }
    }
  }
  db_.set_metadata(std::string(schema::kMetaMissions), MissionTable::load_default().source_tsv());
  db_.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kVersion));
  db_.commit();
  summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  report(true);
  return summary_;
}

}  // namespace

// A kill while Xapian creates a new database can leave its table files without the revision
// file (iamglass). Such a folder never held a committed index, so it is started afresh instead
// of being refused on every later run.
Xapian::WritableDatabase open_for_writing(const std::string& dir) {
  try {
    return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseNotFoundError&) {
    std::error_code ec;
    if (std::filesystem::exists(dir + "/iamglass", ec) || ec) throw;
    return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OVERWRITE);
  }
}

IndexSummary run_index(const IndexOptions& options) {
  IndexLock lock(options.db);
  Xapian::WritableDatabase db = open_for_writing(options.db);
  Run run(options, db);
  IndexSummary summary = run.go();
  if (!summary.interrupted && worth_compacting(summary.indexed, db.get_doccount()))
    compact_in_place(options.db, db);
  return summary;
}

}  // namespace kz
