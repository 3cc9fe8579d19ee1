// One `index` run: walk the paths, decide per file (unchanged, moved/duplicate, new or
// changed), extract new content in worker processes, write with the single Xapian writer
// (its own thread), commit in batches, and stop cleanly on request.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <thread>

#include "indexer/run/content_hash.h"
#include "indexer/run/file_walk.h"
#include "indexer/run/index_catalog.h"
#include "indexer/run/index_compact.h"
#include "indexer/run/index_lock.h"
#include "indexer/record/index_schema.h"
#include "indexer/run/indexer.h"
#include "indexer/record/missions.h"
#include "indexer/run/bounded_queue.h"
#include "indexer/run/worker_pool.h"
#include "stemmer/analysis.h"
#include "indexer/run/data_stamp.h"
#include "indexer/run/index_folder.h"
#include "indexer/run/index_prune.h"

namespace kz {
namespace {

using Clock = std::chrono::steady_clock;

struct Pending {
  std::string sha256;
  FileRecord rec;
  std::optional<FileRecord> old;
  std::vector<std::string> extra_paths;  // same content seen again in this run
  bool refresh = false;                  // content in the index, extracted with older data files
  bool had_failure = false;              // a failure is remembered for this path
};

// A write to the index failed (no space, an I/O error): the run ends with what was committed.
struct WriteFailed {
  std::string cause;
  bool committing;
};

// "No space left on device" -> "no space left on device": it continues a sentence.
// A failed commit may come wrapped ("modifications failed (DatabaseError: Error writing block 1
// (No space left on device)), and couldn't open at the old revision: ...") with no errno of its
// own: the disk's error inside the message is the cause.
std::string cause_of(const Xapian::Error& e) {
  std::string cause = e.get_error_string() ? e.get_error_string() : "";
  if (cause.empty())
    for (int err : {ENOSPC, EIO, EDQUOT, EROFS})
      if (e.get_msg().find(std::strerror(err)) != std::string::npos) cause = std::strerror(err);
  if (cause.empty()) cause = e.get_msg();
  if (!cause.empty() && cause[0] >= 'A' && cause[0] <= 'Z' && (cause.size() < 2 || !(cause[1] >= 'A' && cause[1] <= 'Z')))
    cause[0] = static_cast<char>(cause[0] - 'A' + 'a');
  return cause;
}

class Run {
 public:
  Run(const IndexOptions& o, Xapian::WritableDatabase& db)
      : opt_(o), db_(db), catalog_(db), missions_tsv_(MissionTable::load_default().source_tsv()),
        stamps_(db, data_stamp(), missions_tsv_) {}

  IndexSummary go();

 private:
  void note(const std::string& file, const std::string& text) {
    if (opt_.on_note) opt_.on_note(file.empty() ? opt_.db : file, text);
  }
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
  bool stopping() const { return opt_.stop && opt_.stop->load(std::memory_order_relaxed); }
  void maybe_commit() {
    if (++since_commit_ >= opt_.commit_every) commit();
  }
  void commit() {
    try {
      db_.commit();
    } catch (const Xapian::DatabaseError& e) {
      throw WriteFailed{cause_of(e), true};
    }
    since_commit_ = 0;
    summary_.committed = summary_.indexed;
  }
  // True when the document of `sha256` is in the index, extracted with today's data files.
  bool has_current(const std::string& sha256) const {
    auto id = catalog_.docid_of(sha256);
    return id && stamps_.current(*id);
  }
  void go_on();
  // A file that failed under other limits (a longer timeout, more memory) is tried again.
  std::string limits() const {
    return std::to_string(opt_.timeout_seconds) + " s, " + std::to_string(opt_.memory_limit_mb) + " MB";
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
  std::string missions_tsv_;
  StampCheck stamps_;
};

// Decides what a file needs; queues extraction only for content the index does not have
// (or has from older data files), and passes over a file that failed before unchanged.
void Run::plan(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return fail(path, std::string("cannot read file: ") + std::strerror(errno));
  if (access(path.c_str(), R_OK) != 0) return fail(path, std::string("cannot read file: ") + std::strerror(errno));
  FileRecord rec;
  rec.size = st.st_size;
  rec.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  auto failed_before = catalog_.failure(path);
  if (failed_before && !opt_.retry_failed && failed_before->size == rec.size && failed_before->mtime_ns == rec.mtime_ns &&
      failed_before->limits == limits()) {
    ++summary_.skipped_failed;
    return finish_one(path);
  }
  auto old = catalog_.record(path);
  if (old && old->size == rec.size && old->mtime_ns == rec.mtime_ns && has_current(old->sha256)) {
    ++summary_.unchanged;
    return finish_one(path);
  }
  try {
    rec.sha256 = sha256_file(path);
  } catch (const std::exception& e) {
    return fail(path, e.what());
  }
  if (old && old->sha256 == rec.sha256 && has_current(rec.sha256)) {
    catalog_.set_record(path, rec);  // touched, not changed
    ++summary_.unchanged;
    return finish_one(path);
  }
  if (has_current(rec.sha256)) {
    // Renamed, copied, or a duplicate of a file indexed before: no extraction.
    if (old) catalog_.detach(old->sha256, path);
    catalog_.attach(rec.sha256, path);
    catalog_.set_record(path, rec);
    if (failed_before) catalog_.clear_failure(path);
    ++summary_.unchanged;
    ++summary_.duplicates;
    maybe_commit();
    return finish_one(path);
  }
  if (auto q = queued_sha_.find(rec.sha256); q != queued_sha_.end()) {
    pending_by_path_[q->second].extra_paths.push_back(path);
    if (old && old->sha256 != rec.sha256) catalog_.detach(old->sha256, path);
    catalog_.set_record(path, rec);
    if (failed_before) catalog_.clear_failure(path);
    ++summary_.duplicates;
    ++summary_.unchanged;
    return finish_one(path);
  }
  queued_sha_[rec.sha256] = path;
  pending_by_path_[path] = Pending{rec.sha256, rec, old, {}, catalog_.has_content(rec.sha256), failed_before.has_value()};
  queue_.push_back({path, rec.sha256});
}

void Run::apply(ExtractResult&& r) {
  auto it = pending_by_path_.find(r.job.path);
  Pending p = std::move(it->second);
  pending_by_path_.erase(it);
  if (p.old && p.old->sha256 != p.sha256) catalog_.detach(p.old->sha256, r.job.path);
  std::vector<std::string> files{r.job.path};
  files.insert(files.end(), p.extra_paths.begin(), p.extra_paths.end());
  if (r.ok) {
    // Content extracted again for newer data files keeps every file its document listed.
    if (p.refresh)
      for (const auto& f : catalog_.files_of(p.sha256))
        if (std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
    try {
      Xapian::Document doc = Xapian::Document::unserialise(r.document);
      // A document whose date could not be read is said so: it sorts last and date filters drop it.
      if (doc.get_value(schema::kSlotDate).empty()) summary_.undated.push_back(r.job.path);
      catalog_.store(p.sha256, std::move(doc), files, stamps_.stamp());
    } catch (const Xapian::InvalidArgumentError& e) {
      // Something in this one document Xapian cannot hold: the file fails, the run goes on.
      r.ok = false;
      r.error = "cannot be stored in the index: " + e.get_msg();
    } catch (const Xapian::SerialisationError& e) {
      r.ok = false;
      r.error = "cannot be stored in the index: " + e.get_msg();
    }
  }
  if (!r.ok) {
    if (p.refresh) {
      // The content is unchanged and its older document stays; only the new reading failed.
      for (const auto& f : files) catalog_.attach(p.sha256, f);
      catalog_.set_record(r.job.path, p.rec);
    } else {
      // The file's old content is gone from disk; so is its place in the index.
      if (p.old) catalog_.forget(r.job.path);
      for (const auto& extra : p.extra_paths) catalog_.forget(extra);
    }
    catalog_.set_failure(r.job.path, {p.rec.size, p.rec.mtime_ns, r.error, limits()});
    fail(r.job.path, r.error);
    return finish_one(r.job.path);
  }
  catalog_.set_record(r.job.path, p.rec);
  if (p.had_failure) catalog_.clear_failure(r.job.path);
  ++summary_.indexed;
  maybe_commit();
  finish_one(r.job.path);
}

// This thread keeps the workers busy; a writer thread applies their results to Xapian, so a
// commit (seconds on a large batch) never leaves the workers waiting for new files. The
// queue between them is bounded: memory stays flat however many files there are.
void Run::extract_all() {
  int jobs = opt_.jobs > 0 ? opt_.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min({jobs, max_workers(), static_cast<int>(queue_.size())});
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
  try {
    while (open && (!queue_.empty() || pool.busy() > 0) && !stopping()) {
      while (!queue_.empty() && pool.has_idle()) {
        pool.submit(std::move(queue_.front()));
        queue_.pop_front();
      }
      for (auto& r : pool.collect(std::chrono::milliseconds(200)))
        if (!results.push(std::move(r))) open = false;
    }
  } catch (...) {
    // A run error from the pool (a worker that cannot start): let the writer finish first.
    results.close();
    writer.join();
    throw;
  }
  results.close();
  writer.join();
  if (writer_error) std::rethrow_exception(writer_error);
}

IndexSummary Run::go() {
  try {
    go_on();
  } catch (const WriteFailed& w) {
    // Nothing more is written: Xapian's last commit is the index, whole.
    summary_.write_error = w.cause + (w.committing ? " while committing" : " while writing") + "; " +
                           std::to_string(summary_.committed) + " documents of this run committed";
  } catch (const Xapian::DatabaseError& e) {
    summary_.write_error = cause_of(e) + " while writing; " + std::to_string(summary_.committed) +
                           " documents of this run committed";
  }
  summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  report(true);
  return summary_;
}

void Run::go_on() {
  WalkResult walk = find_pdfs(opt_.paths);
  progress_.total = walk.files.size();
  for (auto& p : walk.problems) fail(p.file, p.error);
  report(true);

  for (const auto& path : walk.files) {
    if (stopping()) break;
    plan(path);
  }
  if (!queue_.empty() && !stopping()) {
    try {
      extract_all();
    } catch (const Xapian::DatabaseError& e) {
      throw WriteFailed{cause_of(e), false};
    }
  }
  if (stopping()) summary_.interrupted = true;

  if (opt_.prune && !summary_.interrupted) {
    PruneOutcome pruned = prune_gone(catalog_, opt_.paths, walk.problems, opt_.force);
    summary_.pruned = pruned.pruned;
    summary_.prune_held = pruned.held;
    for (const auto& n : pruned.notes) note(n.file, n.error);
  }
  db_.set_metadata(std::string(schema::kMetaMissions), missions_tsv_);
  if (!stamps_.unstamped_to_store().empty())
    db_.set_metadata(std::string(schema::kMetaUnstampedData), stamps_.unstamped_to_store());
  db_.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kVersion));
  // The workers are this build's analysis chain, reading the same data files.
  db_.set_metadata(std::string(schema::kMetaAnalysis), analysis::Analyzer::instance().fingerprint());
  commit();
}

}  // namespace

IndexSummary run_index(const IndexOptions& options) {
  IndexFolder folder(options.db);
  Xapian::WritableDatabase db;
  try {
    db = folder.open();
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("cannot open index for writing: " + e.get_description());
  }
  Run run(options, db);
  IndexSummary summary = run.go();
  if (!summary.write_error.empty()) return summary;
  if (!summary.interrupted && worth_compacting(summary.indexed, db.get_doccount())) {
    std::string why = folder.compact(db);
    if (!why.empty() && options.on_note) options.on_note(options.db, why);
  }
  return summary;
}

}  // namespace kz
