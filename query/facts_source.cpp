// Reading a mission's documents and facts from the index; see facts_source.h.
#include "query/facts_source.h"

#include <algorithm>
#include <map>
#include <set>

#include "indexer/document_data.h"
#include "indexer/document_json.h"
#include "indexer/fact_slot.h"
#include "indexer/index_schema.h"

namespace kz::query {
namespace {

using nlohmann::json;

// Facts repeated by a second copy of the same document are recognised by what they say: the
// fact without its page, as stored JSON text (keys are sorted there, see fact_slot.h).
struct Fact {
  json value;
  std::string key;
};

std::string fact_key(const json& f) {
  json k = f;
  k.erase("page");
  return json_text(k);
}

std::string stored_key(std::string_view stored) {
  std::string key(stored);
  if (auto at = key.find("\"page\":"); at != std::string::npos) {
    auto end = key.find_first_of(",}", at);
    key.erase(at, end == std::string::npos ? std::string::npos : end - at);
  }
  return key;
}

void add_facts(std::vector<json>& into, std::set<std::string>& seen, std::vector<Fact>& list) {
  for (auto& f : list)
    if (seen.insert(std::move(f.key)).second) into.push_back(std::move(f.value));
}

}  // namespace

std::string text_field(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

const Mission& resolve_mission(const Index& index, const std::string& typed) {
  if (const Mission* m = index.missions().resolve(typed)) return *m;
  auto nearest = index.missions().closest(typed);
  if (nearest.empty())
    throw UnknownError(typed, "unknown mission (`kamerzoek missions` lists the known ones)", {});
  throw UnknownError(typed, "unknown mission", std::move(nearest));
}

namespace {

// A document's brief meta and its facts for one mission, from the facts slot: only the lines
// of that mission and of the asked kinds are parsed. False when the meta line is damaged.
bool read_slot_facts(std::string_view lines, const std::string& mission_id, FactKinds kinds, json& meta,
                     std::vector<Fact>& costs, std::vector<Fact>& periods) {
  auto line = [&] {
    auto nl = lines.find('\n');
    std::string_view l = lines.substr(0, nl);
    lines = nl == std::string_view::npos ? std::string_view() : lines.substr(nl + 1);
    return l;
  };
  meta = json::parse(line(), nullptr, false);
  if (!meta.is_object()) return false;
  const std::string wanted = std::string("\t") + mission_id + "\t";
  const bool want_costs = kinds != FactKinds::periods, want_periods = kinds != FactKinds::costs;
  while (!lines.empty()) {
    std::string_view l = line();
    if (l.size() < wanted.size() + 1 || l.substr(1, wanted.size()) != wanted) continue;
    if (!(l[0] == fact_slot::kCost ? want_costs : want_periods)) continue;
    std::string_view stored = l.substr(1 + wanted.size());
    json f = json::parse(stored, nullptr, false);
    if (!f.is_object()) continue;
    (l[0] == fact_slot::kCost ? costs : periods).push_back({std::move(f), stored_key(stored)});
  }
  return true;
}

// The same from the whole document data, in an index made before the slot (or should the slot
// be damaged). False when the data is damaged: such a record should not hide the others.
bool read_data_facts(const std::string& stored, const std::string& mission_id, json& meta, std::vector<Fact>& costs,
                     std::vector<Fact>& periods) {
  const json data = document_data::split(stored).head;
  if (!data.is_object()) return false;
  meta = data.value("meta", json::object());
  const json facts = data.value(std::string(schema::kDataFacts), json::object());
  if (!facts.is_object()) return true;
  for (auto [list, into] : {std::pair{"costs", &costs}, std::pair{"periods", &periods}}) {
    const json all = facts.value(list, json::array());
    if (!all.is_array()) continue;
    for (const auto& f : all)
      if (f.is_object() && text_field(f, "mission") == mission_id) into->push_back({f, fact_key(f)});
  }
  return true;
}

// The documents to read: all tagged with the mission, or those stating the wanted kind plus
// those indexed before the fact terms existed (they may state it too).
Xapian::Query documents_query(const std::string& mission_id, FactKinds kinds) {
  Xapian::Query tagged(schema::term(schema::kMission, mission_id));
  if (kinds == FactKinds::both) return tagged;
  Xapian::Query stating(schema::term(kinds == FactKinds::costs ? schema::kFactCost : schema::kFactPeriod, mission_id));
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
  for (auto m = matches.begin(); m != matches.end(); ++m) {
    json meta;
    std::vector<Fact> costs, periods;
    const std::string lines = fact_slot::decode(value_at(facts, *m));
    if (!(lines.empty() ? read_data_facts(m.get_document().get_data(), mission_id, meta, costs, periods)
                        : read_slot_facts(lines, mission_id, kinds, meta, costs, periods)))
      continue;
    std::string id = value_at(ids, *m);
    if (id.empty()) id = text_field(meta, "id");
    if (id.empty()) continue;
    MissionDocument& d = by_id[id];
    if (d.id.empty()) {
      d.id = id;
      d.date = text_field(meta, "date");
      d.title = text_field(meta, "title");
      d.doctype = text_field(meta, "doctype");
    }
    auto& keys = seen[id];
    add_facts(d.costs, keys, costs);
    add_facts(d.periods, keys, periods);
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

json fact_source(const MissionDocument& doc, const json& fact) {
  json page = fact.is_object() && fact.contains("page") ? fact["page"] : json(nullptr);
  return {{"id", doc.id},
          {"date", doc.date.empty() ? json(nullptr) : json(doc.date)},
          {"title", doc.title},
          {"page", page},
          {"sentence", text_field(fact, "sentence")}};
}

}  // namespace kz::query
