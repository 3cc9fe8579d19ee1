// `kamerzoek index PATH...`: runs the indexer and prints failures, progress and a summary.
#include <xapian.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/arg_checks.h"
#include "cli/commands.h"
#include "cli/lang.h"
#include "indexer/record/document_json.h"
#include "indexer/run/indexer.h"
#include "cli/format_text.h"

namespace kz::cli {
namespace {

std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop.store(true, std::memory_order_relaxed); }

struct IndexArgs {
  std::vector<std::string> paths;
  int jobs = 0;
  bool prune = false;
  bool force = false;
  bool retry_failed = false;
  int timeout = 120;
};

std::string format_eta(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

void draw_progress(const IndexProgress& p) {
  double rate = p.seconds > 0 ? p.done / p.seconds : 0;
  double eta = rate > 0 && p.total > p.done ? (p.total - p.done) / rate : 0;
  int width = 30;
  int fill = p.total ? static_cast<int>(width * p.done / p.total) : width;
  std::string bar(fill, '=');
  bar.resize(width, ' ');
  std::fprintf(stderr, "\r[%s] %zu/%zu files  %.1f files/s  ETA %s  failures: %zu ", bar.c_str(), p.done, p.total, rate,
               format_eta(eta).c_str(), p.failed);
  std::fflush(stderr);
}

int run(const Globals& g, const IndexArgs& a) {
  IndexOptions opt;
  opt.db = g.resolved_dbs().front();
  opt.paths = a.paths;
  opt.jobs = a.jobs;
  if (a.jobs > max_workers())
    print_error("--jobs " + std::to_string(a.jobs), "using " + std::to_string(max_workers()) + " workers (at most " +
                                                         std::to_string(kMaxWorkersPerCore) + " per core)");
  opt.prune = a.prune;
  opt.force = a.force;
  opt.retry_failed = a.retry_failed;
  opt.timeout_seconds = a.timeout;
  opt.stop = &g_stop;
  // Documents per commit and worker memory: tuning knobs, used by the crash and limit tests.
  if (const char* every = std::getenv("KAMERZOEK_COMMIT_EVERY"); every && std::atol(every) > 0)
    opt.commit_every = static_cast<std::size_t>(std::atol(every));
  if (const char* mb = std::getenv("KAMERZOEK_WORKER_MEMORY_MB"); mb && std::atol(mb) > 0)
    opt.memory_limit_mb = std::atol(mb);
  bool tty = is_tty(2);
  bool drawn = false;
  if (tty) {
    opt.on_progress = [&](const IndexProgress& p) {
      draw_progress(p);
      drawn = true;
    };
  }
  opt.on_failure = [&](const IndexFailure& f) {
    if (drawn) std::fprintf(stderr, "\r\033[K");
    print_error(f.file, f.error);
  };
  opt.on_note = [&](const std::string& file, const std::string& note) {
    if (drawn) std::fprintf(stderr, "\r\033[K");
    print_error(file, note);
  };
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  IndexSummary s;
  try {
    s = run_index(opt);
  } catch (const IndexLocked& e) {
    print_error(opt.db, e.what());
    return kIndexError;
  } catch (const Xapian::Error& e) {
    print_error(opt.db, "index write failed: " + e.get_description());
    return kIndexError;
  } catch (const std::exception& e) {
    // The folder refused, its lock or the data files unreadable: the index folder is the subject.
    print_error(opt.db, e.what());
    return kIndexError;
  }
  if (drawn) std::fprintf(stderr, "\n");
  if (g.json) {
    nlohmann::json j;
    j["indexed"] = s.indexed;
    j["unchanged"] = s.unchanged;
    j["duplicates"] = s.duplicates;
    j["pruned"] = s.pruned;
    j["failed"] = nlohmann::json::array();
    for (const auto& f : s.failed) {
      nlohmann::json one = {{"file", f.file}, {"error", f.error}};
      add_file_bytes(one);
      j["failed"].push_back(std::move(one));
    }
    j["undated"] = s.undated;
    j["seconds"] = s.seconds;
    j["interrupted"] = s.interrupted;
    j["skipped_failed"] = s.skipped_failed;
    j["prune_held"] = s.prune_held;
    if (!s.write_error.empty()) {
      j["error"] = s.write_error;
      j["committed"] = s.committed;
    }
    std::cout << json_text(j) << "\n";
  } else {
    // A note, not a failure: failures alone take the "kamerzoek: " form scripts count.
    for (const auto& f : s.undated)
      std::fprintf(stderr, "%s%s: %s\n", tr("let op: ", "note: ").c_str(), printable(f).c_str(),
                   tr("geen datum gevonden (datum: onbekend)", "no date found (date: unknown)").c_str());
    std::printf(tr("geïndexeerd: %zu, ongewijzigd: %zu, mislukt: %zu", "indexed: %zu, unchanged: %zu, failed: %zu").c_str(),
                s.indexed, s.unchanged, s.failed.size());
    if (s.duplicates) std::printf(tr(", dubbel: %zu", ", duplicates: %zu").c_str(), s.duplicates);
    if (s.pruned) std::printf(tr(", verwijderd: %zu", ", pruned: %zu").c_str(), s.pruned);
    if (s.skipped_failed)
      std::printf(tr(", overgeslagen (eerder mislukt, sindsdien ongewijzigd): %zu",
                     ", skipped (failed before, unchanged since): %zu").c_str(), s.skipped_failed);
    if (!s.undated.empty()) std::printf(tr(", zonder datum: %zu", ", undated: %zu").c_str(), s.undated.size());
    std::printf(" (%.2f s)\n", s.seconds);
    if (s.skipped_failed)
      std::printf("%s", tr("--retry-failed probeert de overgeslagen bestanden opnieuw\n", "--retry-failed tries the skipped files again\n").c_str());
  }
  if (!s.write_error.empty()) {
    print_error(opt.db, s.write_error);
    return kIndexError;
  }
  if (s.interrupted) {
    print_error(opt.db, "interrupted; everything finished so far is committed");
    return 130;
  }
  // Files gone but kept (more than half the index) need the user's word: as a failure does.
  return s.failed.empty() && s.prune_held == 0 ? kOk : kSomeFailed;
}

}  // namespace

void register_index(CLI::App& app, Globals& g, Action& action) {
  auto args = std::make_shared<IndexArgs>();
  auto* cmd = app.add_subcommand("index", "Index the PDFs under PATH... (recursively)");
  cmd->add_option("paths", args->paths, "Files or folders to index")->required();
  cmd->add_option("--db", g.dbs, "Index folder (default $KAMERZOEK_DB, else ./kamerzoek.db)");
  cmd->add_option("--jobs,-j", args->jobs,
                  "Worker processes (default: all cores; at most " + std::to_string(kMaxWorkersPerCore) + " per core)")
      ->check(whole_number(0, 1000000, "(0 = all cores)"));
  cmd->add_flag("--prune", args->prune, "Remove documents whose files are gone");
  cmd->add_flag("--force", args->force, "With --prune: remove them even when they are more than half the index");
  cmd->add_flag("--retry-failed", args->retry_failed, "Try again files that failed before and have not changed");
  cmd->add_option("--timeout", args->timeout, "Seconds allowed per file before it is stopped")
      ->check(whole_number(1, 86400, "seconds"));
  cmd->add_flag("--json", g.json, "Print the summary as JSON");
  cmd->callback([&g, args, &action] { action = [&g, args] { return run(g, *args); }; });
}

}  // namespace kz::cli
