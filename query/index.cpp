// Opening the index: one or more shards (directories or stub files naming remote shards)
// combined into one Xapian::Database, plus the mission table the indexer stored with them.
#include <filesystem>

#include "indexer/record/index_schema.h"
#include "query/query.h"
#include "query/stub_file.h"

namespace kz::query {
namespace {

Xapian::Database open_one(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw IndexError(path, "index missing or unreadable: no such file or directory (run `kamerzoek index` first)");
  try {
    // Never Xapian::Database(path): Xapian's stub reader would run programs a stub names.
    return open_database(path);
  } catch (const Xapian::DatabaseLockError& e) {
    throw IndexError(path, "index locked: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw IndexError(path, "index missing or unreadable: " + e.get_description());
  }
}

void check_schema(const Xapian::Database& db, const std::string& path) {
  std::string v = db.get_metadata(std::string(schema::kMetaSchema));
  if (v.empty()) return;
  int found = 0;
  try {
    found = std::stoi(v);
  } catch (const std::exception&) {
    throw IndexError(path, "index unreadable: bad schema version '" + v + "'");
  }
  if (found != schema::kVersion)
    throw IndexError(path, "index was built with schema version " + v + ", this kamerzoek reads version " +
                               std::to_string(schema::kVersion) + ": re-index");
}

MissionTable missions_of(const Xapian::Database& db) {
  std::string tsv;
  try {
    tsv = db.get_metadata(std::string(schema::kMetaMissions));
  } catch (const Xapian::Error&) {
    // Some remote backends do not serve metadata; the default table is the best we know.
  }
  if (!tsv.empty()) {
    try {
      return MissionTable::parse(tsv);
    } catch (const std::exception&) {
      // A damaged stored table should not make search unusable.
    }
  }
  return MissionTable::load_default();
}

}  // namespace

Index::Index(const std::vector<std::string>& paths) : paths_(paths) {
  if (paths_.empty()) throw IndexError("index", "index missing or unreadable: no database given");
  for (const auto& p : paths_) {
    Xapian::Database one = open_one(p);
    try {
      check_schema(one, p);
    } catch (const Xapian::Error& e) {
      throw IndexError(p, "index missing or unreadable: " + e.get_description());
    }
    try {
      analysis_.emplace_back(p, one.get_metadata(std::string(schema::kMetaAnalysis)));
    } catch (const Xapian::Error&) {
      // A remote backend that serves no metadata: nothing to compare.
    }
    db_.add_database(one);
  }
  missions_ = missions_of(db_);
}

void Index::reopen() {
  try {
    db_.reopen();
    return;
  } catch (const Xapian::Error&) {
    // Reopen can fail when the revision we held is gone; start from scratch instead.
  }
  Xapian::Database fresh;
  for (const auto& p : paths_) fresh.add_database(open_one(p));
  db_ = fresh;
}

}  // namespace kz::query
