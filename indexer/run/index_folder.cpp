// The index folder's life: resolve, refuse, create, lock, compact, clear leftovers; see
// index_folder.h for the layout and why the switch is atomic.
#include "indexer/run/index_folder.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "indexer/run/index_lock.h"
#include "indexer/run/indexer.h"

namespace kz {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStub = "XAPIANDB";  // Xapian's name for a stub file inside a folder
constexpr const char* kStubTemp = "XAPIANDB.kamerzoek-tmp";
constexpr const char* kTablesPrefix = "kamerzoek-tables-";
constexpr const char* kVersionFile = "iamglass";

// The number N of a table folder name "kamerzoek-tables-N", or -1.
long tables_number(const std::string& name) {
  std::string prefix(kTablesPrefix);
  if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size() || name.size() > prefix.size() + 9) return -1;
  long n = 0;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return -1;
    n = n * 10 + (name[i] - '0');
  }
  return n;
}

// The table folder our stub names, or "" when there is no stub or it is not one we wrote.
std::string stub_target(const fs::path& dir) {
  std::ifstream in(dir / kStub);
  std::string kind, target, rest;
  if (!(in >> kind >> target) || (in >> rest)) return "";
  return kind == "glass" && tables_number(target) >= 0 ? target : "";
}

// Removes the Xapian files in `dir` (and `also`, when given), then the folder if that left it
// empty. Anything else stays where it is.
void remove_own_files(const fs::path& dir, const char* also = nullptr) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (is_xapian_table_file(name) || (also && name == also)) fs::remove(e.path(), ec);
  }
  ::rmdir(dir.c_str());  // fails, harmlessly, when something we did not write is left
}

void sync_folder(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

// Writes the stub naming `target` under a temporary name, syncs it and renames it into place.
bool write_stub(const fs::path& dir, const std::string& target) {
  fs::path tmp = dir / kStubTemp;
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::string text = "glass " + target + "\n";
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (ok) ok = ::rename(tmp.c_str(), (dir / kStub).c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  sync_folder(dir);
  return ok;
}

// `db` made absolute; a symlink is followed to the folder it names (the link stays).
fs::path resolve(const std::string& db) {
  fs::path p = fs::absolute(fs::path(db)).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();  // "db/" -> "db"
  std::error_code ec;
  if (fs::symlink_status(p, ec).type() == fs::file_type::symlink) {
    fs::path target = fs::canonical(p, ec);
    if (ec) throw IndexFolderRefused("symlink to nothing that exists (" + ec.message() + ")");
    return target;
  }
  return p;
}

// Refuses what cannot be an index folder; creates a new one.
void check_or_create(const fs::path& dir) {
  std::error_code ec;
  auto st = fs::status(dir, ec);
  if (st.type() == fs::file_type::not_found) {
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create index folder: " + ec.message());
    return;
  }
  if (ec) throw std::runtime_error("cannot read index folder: " + ec.message());
  if (st.type() != fs::file_type::directory)
    throw IndexFolderRefused("not a folder; choose an empty or new folder for the index");
  fs::directory_iterator it(dir, ec);
  if (ec) throw std::runtime_error("cannot read index folder: " + ec.message());
  bool empty = true;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) throw std::runtime_error("cannot read index folder: " + ec.message());
    if (it->path().filename() == kLockFile) return;  // every index kamerzoek made has its lock
    empty = false;
  }
  if (!empty) throw IndexFolderRefused("holds other files; choose an empty or new folder for the index");
}

}  // namespace

bool is_xapian_table_file(const std::string& name) {
  static const char* const kNames[] = {"iamglass",      "flintlock",      "v.tmp",         "v.rtmp",
                                       "postlist.glass", "termlist.glass", "position.glass", "docdata.glass",
                                       "spelling.glass", "synonym.glass"};
  for (const char* n : kNames)
    if (name == n) return true;
  return false;
}

IndexFolder::IndexFolder(const std::string& db) {
  fs::path dir = resolve(db);
  check_or_create(dir);
  path_ = dir.string();
  lock_ = std::make_unique<IndexLock>(path_);
  clear_leftovers();
}

IndexFolder::~IndexFolder() = default;

// What a kill can leave, by the moment it struck: a half-written table folder (the stub still
// names the old one), the old table folder (the stub names the new one), the flat tables
// without their version file (the first switch happened), a stub beside flat tables whose
// version file is still there (the first switch did not happen: the flat tables are the index),
// a temporary stub, and the sibling copy `.<name>.kz-compact` of earlier kamerzoek versions.
void IndexFolder::clear_leftovers() {
  const fs::path dir(path_);
  std::error_code ec;
  const bool flat = fs::exists(dir / kVersionFile, ec);
  std::string live = stub_target(dir);
  fs::remove(dir / kStubTemp, ec);
  if (flat && !live.empty()) {
    fs::remove(dir / kStub, ec);
    live.clear();
  }
  if (!flat && !live.empty()) {
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file() && is_xapian_table_file(e.path().filename().string())) fs::remove(e.path(), ec);
  }
  if (flat || !live.empty()) {
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string name = e.path().filename().string();
      if (tables_number(name) >= 0 && name != live && e.is_directory()) remove_own_files(e.path());
    }
  }
  fs::path old_copy = dir.parent_path() / ("." + dir.filename().string() + ".kz-compact");
  if (fs::is_directory(old_copy, ec)) remove_own_files(old_copy, kLockFile);
}

Xapian::WritableDatabase IndexFolder::open() const {
  // The stub is read here, never by Xapian: a stub may name a program to run, and the glass
  // backend named explicitly keeps Xapian from reading one.
  constexpr int kGlass = Xapian::DB_BACKEND_GLASS;
  std::error_code ec;
  if (fs::exists(fs::path(path_) / kStub, ec) && !fs::exists(fs::path(path_) / kVersionFile, ec)) {
    std::string live = stub_target(path_);
    if (live.empty()) throw std::runtime_error(std::string(kStub) + " in the index folder was not written by kamerzoek");
    return Xapian::WritableDatabase((fs::path(path_) / live).string(), Xapian::DB_OPEN | kGlass);
  }
  try {
    return Xapian::WritableDatabase(path_, Xapian::DB_CREATE_OR_OPEN | kGlass);
  } catch (const Xapian::DatabaseNotFoundError&) {
    // A kill while Xapian creates a new database can leave its table files without the
    // version file. Such a folder never held a committed index.
    if (fs::exists(fs::path(path_) / kVersionFile, ec) || ec) throw;
    return Xapian::WritableDatabase(path_, Xapian::DB_CREATE_OR_OVERWRITE | kGlass);
  }
}

std::string IndexFolder::compact(Xapian::WritableDatabase& db) {
  const fs::path dir(path_);
  std::error_code ec;
  const bool flat = fs::exists(dir / kVersionFile, ec);
  const std::string live = flat ? "" : stub_target(dir);
  if (!flat && live.empty()) return "not compacted: the folder's stub file was not written by kamerzoek";
  const std::string next = kTablesPrefix + std::to_string(flat ? 1 : tables_number(live) + 1);
  const fs::path next_dir = dir / next;
  if (fs::exists(next_dir, ec)) remove_own_files(next_dir);
  try {
    db.compact(next_dir.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    remove_own_files(next_dir);
    return "not compacted: " + e.get_description();
  }
  db.close();
  if (!write_stub(dir, next)) {
    std::string cause = std::strerror(errno);
    remove_own_files(next_dir);
    return "not compacted: cannot write " + std::string(kStub) + ": " + cause;
  }
  if (flat) {
    // Xapian opens the flat tables while their version file exists: removing it is the switch.
    if (::unlink((dir / kVersionFile).c_str()) != 0) {
      std::string cause = std::strerror(errno);
      fs::remove(dir / kStub, ec);
      remove_own_files(next_dir);
      return "not compacted: cannot switch tables: " + cause;
    }
    sync_folder(dir);
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file() && is_xapian_table_file(e.path().filename().string())) fs::remove(e.path(), ec);
  } else {
    remove_own_files(dir / live);
  }
  return "";
}

}  // namespace kz
