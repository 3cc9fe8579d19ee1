// Reading a mission's documents and facts from the index; see facts_source.h.
#include "query/facts_source.h"

#include <algorithm>
#include <map>
#include <set>

#include "indexer/record/document_data.h"
#include "indexer/record/document_json.h"
#include "indexer/record/fact_slot.h"
#include "indexer/record/index_schema.h"
#include "indexer/record/mission_recognizer.h"
#include "query/index_retry.h"

namespace kz::query {
namespace {

using nlohmann::json;

// Facts repeated by a second copy of the same document are recognised by what they say: every
// field but the page.
std::string fact_key(const CostFact& c) {
  std::string key = "c\x1f" + std::to_string(c.amount_eur) + '\x1f' + c.text + '\x1f' +
                    (c.year ? std::to_string(*c.year) : "") + '\x1f' + c.period + '\x1f' + (c.estimate ? "1" : "0") +
                    '\x1f' + (c.part_of_total_eur ? std::to_string(*c.part_of_total_eur) : "") + '\x1f' + c.sentence;
  return key;
}

std::string fact_key(const PeriodFact& p) {
  return "p\x1f" + p.kind + '\x1f' + p.start + '\x1f' + p.end + '\x1f' + p.text + '\x1f' + p.sentence;
}

std::string fact_key(const ForceFact& x) {
  return "f\x1f" + std::to_string(x.count) + '\x1f' + x.what + '\x1f' + x.kind + '\x1f' + x.text + '\x1f' + x.sentence;
}

template <class Fact>
void add_facts(std::vector<Fact>& into, std::set<std::string>& seen, std::vector<Fact>& list) {
  for (auto& f : list)
    if (seen.insert(fact_key(f)).second) into.push_back(std::move(f));
}

}  // namespace

const Mission& resolve_mission(const Index& index, const std::string& typed) {
  if (const Mission* m = index.missions().resolve(typed)) return *m;
  auto nearest = index.missions().closest(typed);
  if (nearest.empty())
    throw UnknownError(typed, "unknown mission (`kamerzoek missions` lists the known ones)", {});
  throw UnknownError(typed, "unknown mission", std::move(nearest));
}

ResolvedMission resolve_mission_ranked(Index& index, const std::string& typed) {
  return with_reopen(index, [&] {
    const Xapian::Database& db = index.db();
    auto documents = [&](const Mission& m) {
      return static_cast<double>(db.get_termfreq(schema::term(schema::kMission, m.id)));
    };
    RecognizeOptions options;
    options.documents = documents;
    ResolvedMission r;
    const Mission* exact = index.missions().resolve_exact(typed);
    auto found = resolve_typed_mission(index.missions(), typed, options);
    if (!exact && !found) {
      resolve_mission(index, typed);  // throws with the closest names
      throw UnknownError(typed, "unknown mission", {});
    }
    std::vector<const Mission*> ranked;
    if (found) {
      ranked.push_back(found->mission);
      ranked.insert(ranked.end(), found->alternatives.begin(), found->alternatives.end());
    }
    // A whole name or alias wins; the recognizer's other readings stay only when they share it.
    if (exact && std::find(ranked.begin(), ranked.end(), exact) == ranked.end()) ranked = {exact};
    else if (exact) {
      ranked.erase(std::find(ranked.begin(), ranked.end(), exact));
      ranked.insert(ranked.begin(), exact);
    }
    r.mission = ranked.front();
    for (const Mission* m : ranked) r.candidates.push_back({m, static_cast<std::size_t>(documents(*m))});
    return r;
  });
}

void add_candidates(json& out, const ResolvedMission& r) {
  if (r.candidates.size() < 2) return;
  json list = json::array();
  for (const auto& [m, n] : r.candidates) list.push_back({{"id", m->id}, {"name", m->name}, {"documents", n}});
  out["candidates"] = std::move(list);
}

namespace {

// The same facts from the whole document data, in an index made before the slot (or should the
// slot be damaged). False when the data is damaged: such a record should not hide the others.
bool read_data_facts(const std::string& stored, const std::string& mission_id, fact_slot::Record& out) {
  const json data = document_data::split(stored).head;
  if (!data.is_object()) return false;
  const json meta = data.value("meta", json::object());
  if (meta.is_object())
    for (auto [key, field] : {std::pair{"id", &out.id}, std::pair{"date", &out.date}, std::pair{"title", &out.title},
                              std::pair{"doctype", &out.doctype}})
      *field = string_field(meta, key);
  const json facts = data.value(std::string(schema::kDataFacts), json::object());
  if (!facts.is_object()) return true;
  for (const auto& f : facts.value("costs", json::array()))
    if (f.is_object() && string_field(f, "mission") == mission_id) out.costs.push_back(cost_from_json(f));
  for (const auto& f : facts.value("periods", json::array()))
    if (f.is_object() && string_field(f, "mission") == mission_id) out.periods.push_back(period_from_json(f));
  for (const auto& f : facts.value("forces", json::array()))
    if (f.is_object() && string_field(f, "mission") == mission_id) out.forces.push_back(force_from_json(f));
  return true;
}

// The documents to read: all tagged with the mission, or those stating the wanted kind plus
// those indexed before the fact terms existed (they may state it too).
Xapian::Query documents_query(const std::string& mission_id, FactKinds kinds) {
  Xapian::Query tagged(schema::term(schema::kMission, mission_id));
  if (kinds == FactKinds::both) return tagged;
  const std::string_view prefix = kinds == FactKinds::costs     ? schema::kFactCost
                                  : kinds == FactKinds::periods ? schema::kFactPeriod
                                                                : schema::kFactForce;
  Xapian::Query stating(schema::term(prefix, mission_id));
  Xapian::Query unmarked(Xapian::Query::OP_AND_NOT, tagged, Xapian::Query(std::string(schema::kFactTerms)));
  return Xapian::Query(Xapian::Query::OP_OR, stating, unmarked);
}

}  // namespace

std::vector<MissionDocument> mission_documents(const Xapian::Database& db, const std::string& mission_id,
                                               FactKinds kinds) {
  Xapian::Enquire enquire(db);
  enquire.set_query(documents_query(mission_id, kinds));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
  std::map<std::string, MissionDocument> by_id;
  std::map<std::string, std::set<std::string>> seen;  // per id: fact keys already taken
  // Matches come in docid order, so the value streams are read front to back, not sought.
  Xapian::ValueIterator facts = db.valuestream_begin(schema::kSlotFacts), ids = db.valuestream_begin(schema::kSlotId);
  const Xapian::ValueIterator end;
  auto value_at = [&end](Xapian::ValueIterator& v, Xapian::docid did) {
    if (v == end) return std::string();
    v.skip_to(did);
    return v != end && v.get_docid() == did ? *v : std::string();
  };
  const fact_slot::Wanted wanted{mission_id, kinds == FactKinds::costs || kinds == FactKinds::both,
                                 kinds == FactKinds::periods || kinds == FactKinds::both,
                                 kinds == FactKinds::forces || kinds == FactKinds::both};
  fact_slot::Record r;
  for (auto m = matches.begin(); m != matches.end(); ++m) {
    if (!fact_slot::decode(value_at(facts, *m), wanted, r)) {
      r = fact_slot::Record();
      if (!read_data_facts(m.get_document().get_data(), mission_id, r)) continue;
    }
    std::string id = value_at(ids, *m);
    if (id.empty()) id = r.id;
    if (id.empty()) continue;
    MissionDocument& d = by_id[id];
    if (d.id.empty()) {
      d.id = id;
      d.date = std::move(r.date);
      d.title = std::move(r.title);
      d.doctype = std::move(r.doctype);
    }
    auto& keys = seen[id];
    add_facts(d.costs, keys, r.costs);
    add_facts(d.periods, keys, r.periods);
    add_facts(d.forces, keys, r.forces);
  }
  std::vector<MissionDocument> out;
  out.reserve(by_id.size());
  for (auto& [id, d] : by_id) out.push_back(std::move(d));
  std::stable_sort(out.begin(), out.end(), [](const MissionDocument& a, const MissionDocument& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    return a.id < b.id;
  });
  return out;
}

json fact_source(const MissionDocument& doc, int page, const std::string& sentence) {
  return {{"id", doc.id},
          {"date", null_if_empty(doc.date)},
          {"title", doc.title},
          {"page", page > 0 ? json(page) : json(nullptr)},
          {"sentence", sentence}};
}

}  // namespace kz::query
