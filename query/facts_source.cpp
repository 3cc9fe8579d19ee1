// Reading a mission's documents and facts from the index; see facts_source.h.
#include "query/facts_source.h"

#include <algorithm>
#include <map>
#include <set>

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

// What one stored copy of a document says: its brief meta and its facts for the asked mission.
struct Stored {
  std::string id;           // the id slot, or "" (then meta's id)
  std::string lines, data;  // the decoded facts slot; the document data only when that is empty
  bool ok = false;
  json meta;
  std::vector<Fact> costs, periods;
};

// From the facts slot, parsing only the lines of the asked mission and kinds, or from the whole
// document data in an index made before the slot (or should the slot be damaged).
void read_facts(Stored& s, const std::string& mission_id, FactKinds kinds) {
  if (s.lines.empty()) {
    json data = json::parse(s.data, nullptr, false);
    if (!data.is_object()) return;  // a damaged record should not hide the others
    s.ok = true;
    s.meta = data.value("meta", json::object());
    const json facts = data.value(std::string(schema::kDataFacts), json::object());
    if (!facts.is_object()) return;
    for (auto [list, into] : {std::pair{"costs", &s.costs}, std::pair{"periods", &s.periods}}) {
      const json all = facts.value(list, json::array());
      if (!all.is_array()) continue;
      for (const auto& f : all)
        if (f.is_object() && text_field(f, "mission") == mission_id) into->push_back({f, fact_key(f)});
    }
    return;
  }
  std::string_view rest(s.lines);
  auto line = [&] {
    auto nl = rest.find('\n');
    std::string_view l = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    return l;
  };
  s.meta = json::parse(line(), nullptr, false);
  if (!s.meta.is_object()) return;
  s.ok = true;
  const std::string wanted = std::string("\t") + mission_id + "\t";
  const bool want_costs = kinds != FactKinds::periods, want_periods = kinds != FactKinds::costs;
  while (!rest.empty()) {
    std::string_view l = line();
    if (l.size() < wanted.size() + 1 || l.substr(1, wanted.size()) != wanted) continue;
    if (!(l[0] == fact_slot::kCost ? want_costs : want_periods)) continue;
    std::string_view stored = l.substr(1 + wanted.size());
    json f = json::parse(stored, nullptr, false);
    if (!f.is_object()) continue;
    (l[0] == fact_slot::kCost ? s.costs : s.periods).push_back({std::move(f), stored_key(stored)});
  }
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
  auto take = [&](Stored& s) {
    if (!s.ok) return;
    std::string id = s.id.empty() ? text_field(s.meta, "id") : s.id;
    if (id.empty()) return;
    MissionDocument& d = by_id[id];
    if (d.id.empty()) {
      d.id = id;
      d.date = text_field(s.meta, "date");
      d.title = text_field(s.meta, "title");
      d.doctype = text_field(s.meta, "doctype");
    }
    auto& keys = seen[id];
    add_facts(d.costs, keys, s.costs);
    add_facts(d.periods, keys, s.periods);
  };
  // Matches come in docid order, so the value streams are read front to back, not sought.
  Xapian::ValueIterator facts = db.valuestream_begin(schema::kSlotFacts), ids = db.valuestream_begin(schema::kSlotId);
  auto value_at = [&db](Xapian::ValueIterator& v, Xapian::docid did) {
    if (v == db.valuestream_end(0)) return std::string();
    v.skip_to(did);
    return v != db.valuestream_end(0) && v.get_docid() == did ? *v : std::string();
  };
  for (auto m = matches.begin(); m != matches.end(); ++m) {
    Stored s;
    s.lines = fact_slot::decode(value_at(facts, *m));
    s.id = value_at(ids, *m);
    if (s.lines.empty()) s.data = m.get_document().get_data();
    read_facts(s, mission_id, kinds);
    take(s);
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
