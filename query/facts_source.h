// What the fact commands share: resolving the MISSION a user typed, and reading the documents
// tagged with a mission once per document id (the same id may be stored from several files
// or shards), with their facts for that mission.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "indexer/record/document_model.h"
#include "query/query.h"

namespace kz::query {

// The mission for a user's spelling; throws UnknownError with the closest names.
const Mission& resolve_mission(const Index& index, const std::string& typed);

// A user's spelling read by the mission recognizer, ambiguous readings ranked by how many
// documents each mission has in the index ("Irak", "Bosnië", "Rode Zee").
struct ResolvedMission {
  const Mission* mission = nullptr;
  // Every mission the spelling may mean with its document count, the chosen one first; more
  // than one entry only when the spelling was ambiguous.
  std::vector<std::pair<const Mission*, std::size_t>> candidates;
};
// Throws UnknownError with the closest names when nothing is recognised.
ResolvedMission resolve_mission_ranked(Index& index, const std::string& typed);

// Adds "candidates": [{"id", "name", "documents"}] to a fact command's object when the
// spelling was ambiguous (the first is the one answered for).
void add_candidates(nlohmann::json& out, const ResolvedMission& r);

// One document id and the facts its stored copies give for one mission, each fact once.
struct MissionDocument {
  std::string id, date, title, doctype;  // date "YYYY-MM-DD" or empty
  std::vector<CostFact> costs;           // stored costs whose mission is the one asked
  std::vector<PeriodFact> periods;       // stored periods likewise
  std::vector<ForceFact> forces;         // stored force sizes likewise (read for `forces` and `timeline`)
};

// Which facts a command lists; documents that state none of them are not read.
enum class FactKinds { costs, periods, both, forces };

// Every document tagged with `mission_id` (only those stating `kinds` for it, unless `both`,
// which reads costs, periods and force sizes),
// ordered by date (undated last), then id.
std::vector<MissionDocument> mission_documents(const Xapian::Database& db, const std::string& mission_id,
                                               FactKinds kinds = FactKinds::both);

// The contract's source object for a fact of `doc` read on `page` (0: unknown).
nlohmann::json fact_source(const MissionDocument& doc, int page, const std::string& sentence);

}  // namespace kz::query
