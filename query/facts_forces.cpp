// `forces`: a mission's force sizes (personnel, ships, aircraft, units) as the documents state
// them, each with the sentence and page it was read from, in source-date order.
#include <algorithm>

#include "indexer/record/document_json.h"
#include "query/facts_source.h"
#include "query/index_retry.h"

namespace kz::query {

namespace {

using nlohmann::json;

// The stored form of the fact, with its page and sentence as the row's source.
json force_row(const MissionDocument& doc, const ForceFact& f) {
  json row = force_to_json(f);
  for (const char* key : {"mission", "page", "sentence"}) row.erase(key);
  row["source"] = fact_source(doc, f.page, f.sentence);
  return row;
}

}  // namespace

using nlohmann::json;

json forces(Index& index, const std::string& mission) {
  const Mission& m = resolve_mission(index, mission);
  auto docs = with_reopen(index, [&] { return mission_documents(index.db(), m.id, FactKinds::forces); });
  json out = {{"mission", m.id}, {"name", m.name}, {"rows", json::array()}};
  for (const auto& d : docs) {
    std::vector<ForceFact> forces = d.forces;
    std::stable_sort(forces.begin(), forces.end(), [](const ForceFact& a, const ForceFact& b) { return a.page < b.page; });
    for (const auto& f : forces) out["rows"].push_back(force_row(d, f));
  }
  return out;
}

}  // namespace kz::query
