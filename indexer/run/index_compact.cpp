// Compaction of the index after a large run; see index_compact.h.
#include "indexer/run/index_compact.h"

#include <fcntl.h>
#include <stdio.h>

#include <filesystem>

#include "indexer/run/index_lock.h"

namespace kz {
namespace {

namespace fs = std::filesystem;

fs::path folder(const std::string& dir) {
  fs::path p = fs::absolute(fs::path(dir)).lexically_normal();
  return p.filename().empty() ? p.parent_path() : p;  // "db/" -> "db"
}

fs::path sibling(const fs::path& folder) {
  return folder.parent_path() / ("." + folder.filename().string() + ".kz-compact");
}

}  // namespace

bool worth_compacting(std::size_t added, std::size_t total) { return added > 0 && added * 4 >= total; }

bool compact_in_place(const std::string& dir, Xapian::WritableDatabase& db) {
  const fs::path target = folder(dir), tmp = sibling(target);
  std::error_code ec;
  fs::remove_all(tmp, ec);  // left by a compaction that was killed
  if (ec) return false;
  try {
    db.compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error&) {
    // No room or no right to write beside the index: it stays as it is, uncompacted.
    fs::remove_all(tmp, ec);
    return false;
  }
  db.close();
  // Writers look for the lock in the index folder; the swapped-in copy must have one too.
  if (FILE* lock = std::fopen((tmp / kLockFile).c_str(), "a")) std::fclose(lock);
  bool swapped = renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0;
  fs::remove_all(tmp, ec);  // the old tables when swapped, else the unused copy
  return swapped;
}

}  // namespace kz
