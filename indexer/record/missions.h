// The table of military missions (corpus/missions.tsv): ids, names, aliases. Users extend it by
// editing the file and re-indexing; the indexer stores the table in the index for the query side.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kz {

struct Mission {
  std::string id;                    // "efp-litouwen"
  std::string name;                  // "enhanced Forward Presence / Multinational Battlegroup Litouwen"
  std::vector<std::string> aliases;  // every way a letter or a user writes it
  std::vector<std::string> places;   // where it operates or against whom: "Irak", "ISIS", "Rode Zee"
  std::vector<std::string> means;    // platforms, units and tasks: "F-16", "Patriot", "battlegroup"
  int first_year = 0, last_year = 0; // Dutch participation; 0 when unknown or ongoing
};

class MissionTable {
 public:
  static MissionTable parse(std::string_view tsv);  // throws std::runtime_error naming the line
  static MissionTable load_default();               // <data dir>/corpus/missions.tsv
  const std::vector<Mission>& missions() const { return missions_; }
  const Mission* by_id(std::string_view id) const;
  // Resolves a user's spelling: id, name or alias (resolve_exact), case/diacritic/space/hyphen-
  // insensitive, else what the mission recognizer reads in it (mission_recognizer.h).
  const Mission* resolve(std::string_view typed) const;
  const Mission* resolve_exact(std::string_view typed) const;
  // Closest known names to an unknown spelling, best first.
  std::vector<std::string> closest(std::string_view typed, std::size_t n = 5) const;
  // The same ranking as missions (closest() returns their names).
  std::vector<const Mission*> closest_missions(std::string_view typed, std::size_t n = 5) const;
  const std::string& source_tsv() const { return tsv_; }

 private:
  std::vector<Mission> missions_;
  std::string tsv_;
};

}  // namespace kz
