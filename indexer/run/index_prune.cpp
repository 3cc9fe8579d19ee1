// Guarded pruning; see index_prune.h.
#include "indexer/run/index_prune.h"

#include <filesystem>
#include <map>

namespace kz {
namespace {

namespace fs = std::filesystem;

// The same absolute, normal form the walk gives the paths it records.
std::string normal(const std::string& p) {
  fs::path n = fs::absolute(p).lexically_normal();
  if (n.filename().empty()) n = n.parent_path();
  return n.string();
}

bool is_under(const std::string& path, const std::string& folder) {
  if (path == folder) return true;
  if (folder == "/") return !path.empty() && path[0] == '/';
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

}  // namespace

PruneOutcome prune_gone(Catalog& catalog, const std::vector<std::string>& roots,
                        const std::vector<IndexFailure>& not_walked, bool force) {
  PruneOutcome out;
  std::vector<std::string> walked_roots, skipped;
  for (const auto& p : not_walked) skipped.push_back(normal(p.file));
  for (const auto& r : roots) {
    std::string n = normal(r);
    bool failed = false;
    for (const auto& s : skipped) failed = failed || s == n;
    if (!failed) walked_roots.push_back(n);
  }
  std::map<std::string, std::size_t> kept_below;  // not-walked path -> recorded paths kept
  std::size_t unchecked = 0;
  std::string unchecked_example, unchecked_cause;
  std::vector<std::string> gone;
  const auto recorded = catalog.recorded_paths();
  for (const auto& path : recorded) {
    bool under_root = false;
    for (const auto& r : walked_roots) under_root = under_root || is_under(path, r);
    const std::string* blocked = nullptr;
    for (const auto& s : skipped)
      if (is_under(path, s)) blocked = &s;
    if (blocked) ++kept_below[*blocked];
    if (!under_root || blocked) continue;
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (ec) {  // not "not found": a folder on the way cannot be read, an I/O error
      if (unchecked++ == 0) unchecked_example = path, unchecked_cause = ec.message();
      continue;
    }
    if (!exists) gone.push_back(path);
  }
  for (const auto& [folder, n] : kept_below)
    out.notes.push_back({folder, "not read in this run; nothing below it pruned (" + std::to_string(n) + " files kept)"});
  if (unchecked)
    out.notes.push_back({unchecked_example, "cannot check whether it still exists (" + unchecked_cause + "); kept, with " +
                                                std::to_string(unchecked - 1) + " more like it"});
  if (!force && gone.size() * 2 > recorded.size()) {
    out.held = gone.size();
    out.notes.push_back({std::string(),  // the caller names the index
                         "--prune would remove " + std::to_string(gone.size()) + " of the index's " +
                             std::to_string(recorded.size()) + " files; nothing pruned (add --force to remove them)"});
    return out;
  }
  for (const auto& path : gone) {
    catalog.forget(path);
    ++out.pruned;
  }
  return out;
}

}  // namespace kz
