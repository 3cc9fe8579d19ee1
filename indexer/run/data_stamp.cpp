// Hash of the data files extraction reads, and which documents were made with them; see
// data_stamp.h.
#include "indexer/run/data_stamp.h"

#include <algorithm>
#include <filesystem>

#include "indexer/run/content_hash.h"
#include "indexer/record/index_schema.h"
#include "indexer/record/missions.h"
#include "stemmer/analysis.h"
#include "stemmer/data_files.h"

namespace kz {

std::string data_stamp() {
  std::string all = "missions.tsv\n" + MissionTable::load_default().source_tsv();
  // The other tables of corpus/ (mission words, period cues, force words) and the analysis data.
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(analysis::stemmer_data_dir(), ec))
    if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path());
  for (const auto& e : std::filesystem::directory_iterator(analysis::data_dir() + "/corpus", ec))
    if (e.is_regular_file() && e.path().extension() == ".tsv" && e.path().filename() != "missions.tsv")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) all += "\n" + f.filename().string() + "\n" + sha256_file(f.string());
  return sha256_text(all).substr(0, 16);
}

StampCheck::StampCheck(const Xapian::Database& db, std::string stamp, const std::string& missions_tsv)
    : stamp_(std::move(stamp)) {
  const std::string prefix(schema::kDataStamp);
  std::string unstamped = db.get_metadata(std::string(schema::kMetaUnstampedData));
  if (unstamped.empty()) {
    // Documents indexed before stamps existed: current when the mission table they were tagged
    // with is today's (the only data file such an index recorded).
    if (db.get_doccount() == 0 || db.get_metadata(std::string(schema::kMetaMissions)) == missions_tsv) {
      unstamped = stamp_;
      unstamped_to_store_ = stamp_;
    } else {
      unstamped = "-";  // matches no stamp
      unstamped_to_store_ = unstamped;
    }
  }
  Xapian::doccount stamped = 0, current = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    stamped += t.get_termfreq();
    if (*t == prefix + stamp_) current += t.get_termfreq();
  }
  const Xapian::doccount docs = db.get_doccount();
  if (unstamped == stamp_) current += docs - std::min(docs, stamped);
  stale_ = docs - std::min(docs, current);
  all_current_ = stale_ == 0;
  if (all_current_) return;
  const bool unstamped_current = unstamped == stamp_;
  flags_.assign(db.get_lastdocid() + 1, unstamped_current ? 1 : 0);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const bool is_current = *t == prefix + stamp_;
    if (is_current == unstamped_current) continue;  // already what the flags say
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) flags_[*p] = is_current ? 1 : 0;
  }
}

}  // namespace kz
