// The life of an index folder in one place: which folder `--db` means, whether it may be used,
// its writer lock, compaction, and clearing what a killed run left. Its rule: it removes or
// replaces only files it created itself; a folder holding anything else is refused, never
// emptied.
//
// Layout. A new index starts as Xapian's tables directly in the folder. Compaction writes the
// compacted tables into a subfolder `kamerzoek-tables-N` and points Xapian at it with a stub
// file `XAPIANDB` inside the folder (Xapian opens a folder holding that file through the stub).
// The switch is one atomic rename of the stub (or, the first time, the removal of the flat
// tables' `iamglass`, which Xapian looks for before the stub), so a reader or a kill sees the
// old tables or the new ones, never a mix. The folder itself is never renamed or replaced, so
// a symlink stays a link and a mount point compacts like any folder.
#pragma once
#include <xapian.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace kz {

class IndexLock;

// The folder named by `--db` cannot hold an index (it holds other files, or is not a folder).
class IndexFolderRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class IndexFolder {
 public:
  // Resolves `db` (a symlink leads to its target), refuses a folder that holds files other
  // than an index (IndexFolderRefused), creates a new one, takes the writer lock (throws
  // IndexLocked) and removes what a killed run or compaction left behind.
  explicit IndexFolder(const std::string& db);
  ~IndexFolder();
  IndexFolder(const IndexFolder&) = delete;
  IndexFolder& operator=(const IndexFolder&) = delete;

  // The resolved folder (absolute).
  const std::string& path() const { return path_; }

  // The index for writing; a folder where a kill interrupted the creation of a new index
  // (table files without Xapian's version file) is started afresh.
  Xapian::WritableDatabase open() const;

  // Writes a compacted copy of `db`'s committed state into a new table folder and switches
  // to it; `db` is closed. Returns an empty string, or why the index was left uncompacted
  // (no room, no right to write, a stub file kamerzoek did not write).
  std::string compact(Xapian::WritableDatabase& db);

 private:
  void clear_leftovers();

  std::string path_;
  std::unique_ptr<IndexLock> lock_;
};

// The file names Xapian's glass backend writes in a database folder (tables, version file,
// its lock and temporary version files): the only files compaction replaces or removes.
bool is_xapian_table_file(const std::string& name);

}  // namespace kz
