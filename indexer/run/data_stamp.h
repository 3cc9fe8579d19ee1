// The stamp of the data files extraction depends on: the mission table (corpus/missions.tsv)
// and the analysis data (stemmer/data/*). Each document carries the stamp it was extracted
// with (schema::kDataStamp), so editing a data file makes the next `index` run extract the
// documents again instead of keeping their old mission tags and terms.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

namespace kz {

// A short hash of the contents of those files (16 hex digits). Throws std::runtime_error when
// the mission table cannot be read.
std::string data_stamp();

// Which documents of an index were extracted with today's data files. Read once per run: when
// every document is current (the usual case) a check costs nothing; otherwise one pass over
// the stamp terms' postings.
class StampCheck {
 public:
  StampCheck(const Xapian::Database& db, std::string stamp, const std::string& missions_tsv);
  const std::string& stamp() const { return stamp_; }
  bool current(Xapian::docid id) const { return all_current_ || id >= flags_.size() || flags_[id]; }
  std::size_t stale() const { return stale_; }
  // What the index's kMetaUnstampedData should now hold ("" to leave it as it is).
  const std::string& unstamped_to_store() const { return unstamped_to_store_; }

 private:
  std::string stamp_, unstamped_to_store_;
  bool all_current_ = true;
  std::size_t stale_ = 0;
  std::vector<char> flags_;  // by docid, when some are stale
};

}  // namespace kz
