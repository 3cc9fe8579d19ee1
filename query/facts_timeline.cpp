// `timeline` and `missions`: the documents of one mission in date order with their facts, and
// the table of all known missions with how many documents discuss each and when.
#include <algorithm>
#include <set>

#include "indexer/record/document_json.h"
#include "indexer/record/index_schema.h"
#include "query/facts_source.h"
#include "query/index_retry.h"

namespace kz::query {
namespace {

using nlohmann::json;

std::string iso_date(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return "";
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

json fact_entry(const char* type, json fact) {
  fact.erase("mission");  // the whole timeline is about one mission
  fact["type"] = type;
  if (fact["page"] == 0) fact["page"] = nullptr;  // not known: stored before pages were kept
  return fact;
}

struct Usage {
  std::set<std::string> ids;
  std::string first, last;  // YYYYMMDD
};

// One pass over a mission's postings: distinct ids and the date range, from value slots only.
Usage usage_of(const Xapian::Database& db, const std::string& mission_id) {
  Usage u;
  const std::string term = schema::term(schema::kMission, mission_id);
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    Xapian::Document doc = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
    std::string id = doc.get_value(schema::kSlotId);
    u.ids.insert(id.empty() ? "#" + std::to_string(*p) : id);
    std::string date = doc.get_value(schema::kSlotDate);
    if (date.size() != 8) continue;
    if (u.first.empty() || date < u.first) u.first = date;
    if (u.last.empty() || date > u.last) u.last = date;
  }
  return u;
}

json mission_row(const Mission& m, const Usage& u) {
  return {{"id", m.id},
          {"name", m.name},
          {"aliases", m.aliases},
          {"documents", u.ids.size()},
          {"first", u.first.empty() ? json(nullptr) : json(iso_date(u.first))},
          {"last", u.last.empty() ? json(nullptr) : json(iso_date(u.last))}};
}

}  // namespace

json timeline(Index& index, const std::string& mission) {
  const ResolvedMission resolved = resolve_mission_ranked(index, mission);
  const Mission& m = *resolved.mission;
  auto docs = with_reopen(index, [&] { return mission_documents(index.db(), m.id); });
  json out = {{"mission", m.id}, {"name", m.name}, {"documents", json::array()}};
  for (const auto& d : docs) {
    json facts = json::array();
    for (const auto& p : d.periods) facts.push_back(fact_entry("period", period_to_json(p)));
    for (const auto& c : d.costs) facts.push_back(fact_entry("cost", cost_to_json(c)));
    for (const auto& f : d.forces) facts.push_back(fact_entry("force", force_to_json(f)));
    // In the order a reader meets them in the document.
    std::stable_sort(facts.begin(), facts.end(), [](const json& a, const json& b) {
      auto page = [](const json& f) { return f.contains("page") && f["page"].is_number_integer() ? f["page"].get<int>() : 0; };
      return page(a) < page(b);
    });
    out["documents"].push_back({{"id", d.id},
                                {"date", null_if_empty(d.date)},
                                {"title", d.title},
                                {"doctype", d.doctype},
                                {"facts", std::move(facts)}});
  }
  add_candidates(out, resolved);
  return out;
}

json missions(Index& index) {
  return with_reopen(index, [&] {
    const Xapian::Database& db = index.db();
    json rows = json::array();
    std::set<std::string> listed;
    for (const auto& m : index.missions().missions()) {
      rows.push_back(mission_row(m, usage_of(db, m.id)));
      listed.insert(m.id);
    }
    // Ids tagged by an older mission table still deserve a line, named by their id.
    const std::string prefix(schema::kMission);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      std::string id = (*t).substr(prefix.size());
      if (listed.count(id)) continue;
      Mission unlisted;
      unlisted.id = unlisted.name = id;
      rows.push_back(mission_row(unlisted, usage_of(db, id)));
    }
    return json{{"missions", std::move(rows)}};
  });
}

}  // namespace kz::query
