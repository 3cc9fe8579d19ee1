// `show`: one document by any reference a person writes, as the contract's show object,
// with the documents that cite it (across all shards) and, on request, its clean text.
#include <algorithm>
#include <cctype>
#include <set>

#include "indexer/record/document_data.h"
#include "indexer/record/document_json.h"
#include "indexer/record/fact_slot.h"
#include "indexer/record/index_schema.h"
#include "indexer/record/kamerstuk_ref.h"
#include "query/index_retry.h"
#include "query/query.h"

namespace kz::query {
namespace {

using nlohmann::json;

std::string squeeze_spaces(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
  return s;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Lower-case forms to look up, best first: what the reference grammar makes of the typed
// text, then the text itself (an id typed exactly).
std::vector<std::string> lookup_forms(const std::string& typed) {
  std::vector<std::string> out;
  for (const auto& c : ref::resolve_user_ref(typed)) out.push_back(schema::key_value(trim(c)));
  out.push_back(schema::key_value(trim(typed)));
  return out;
}

std::optional<Xapian::docid> first_with(const Xapian::Database& db, const std::string& term) {
  if (term.size() <= 3) return std::nullopt;
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return std::nullopt;
  return *p;
}

std::optional<Xapian::docid> find_document(const Xapian::Database& db, const std::string& typed) {
  for (const auto& f : lookup_forms(typed)) {
    if (f.empty()) continue;
    if (auto d = first_with(db, schema::term(schema::kId, f))) return d;
    if (auto d = first_with(db, schema::term(schema::kKenmerk, squeeze_spaces(f)))) return d;
  }
  return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// The ids in the index closest to what was typed (in any of its resolved forms).
std::vector<std::string> nearest_ids(const Xapian::Database& db, const std::string& typed, std::size_t n = 5) {
  auto forms = lookup_forms(typed);
  std::vector<std::pair<std::size_t, std::string>> scored;
  const std::string prefix(schema::kId);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    std::string id = (*t).substr(prefix.size());
    std::size_t best = std::string::npos;
    for (const auto& f : forms) best = std::min(best, edit_distance(f, id));
    scored.emplace_back(best, *t);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < n; ++i) {
    // The stored id keeps its printed case ("kst-34775-IX-8"); the term is lower case.
    Xapian::PostingIterator p = db.postlist_begin(scored[i].second);
    std::string id = db.get_document(*p).get_value(schema::kSlotId);
    out.push_back(id.empty() ? scored[i].second.substr(prefix.size()) : id);
  }
  return out;
}

bool has_id(const Xapian::Database& db, const std::string& id) {
  return !id.empty() && db.term_exists(schema::term(schema::kId, schema::key_value(id)));
}

json cited_by(const Xapian::Database& db, const std::string& id, const json& kenmerken) {
  std::vector<std::string> keys{schema::key_value(id)};
  if (kenmerken.is_array())
    for (const auto& k : kenmerken)
      if (k.is_string()) keys.push_back(squeeze_spaces(schema::key_value(k.get<std::string>())));
  std::set<std::string> ids;
  for (const auto& k : keys) {
    std::string term = schema::term(schema::kCites, k);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      std::string other = db.get_document(*p).get_value(schema::kSlotId);
      if (!other.empty() && other != id) ids.insert(other);
    }
  }
  return json(std::vector<std::string>(ids.begin(), ids.end()));
}

json cites_detail(const Xapian::Database& db, const json& meta) {
  json out = json::array();
  auto citations = meta.value("citations", json::array());
  if (citations.is_array() && !citations.empty()) {
    for (const auto& c : citations) {
      if (!c.is_object()) continue;
      std::string id = c.value("id", json()).is_string() ? c.value("id", std::string()) : "";
      std::string printed = c.value("printed", json()).is_string() ? c.value("printed", std::string()) : "";
      out.push_back({{"ref", id.empty() ? printed : id},
                     {"in_index", has_id(db, id)},
                     {"printed", printed},
                     {"page", c.value("page", json())},
                     {"sentence", c.value("sentence", json())}});
    }
    return out;
  }
  auto cites = meta.value("cites", json::array());
  if (cites.is_array())
    for (const auto& c : cites)
      if (c.is_string()) {
        std::string r = c.get<std::string>();
        bool is_id = r.rfind("kst-", 0) == 0 || ref::looks_like_kenmerk(r);
        out.push_back({{"ref", r}, {"in_index", is_id && has_id(db, r)}, {"printed", r}, {"page", nullptr}, {"sentence", nullptr}});
      }
  return out;
}

json text_of(const json& data) {
  json out = json::array();
  auto pages = data.value(std::string(schema::kDataPages), json::array());
  auto notes = data.value(std::string(schema::kDataFootnotes), json::array());
  for (std::size_t i = 0; pages.is_array() && i < pages.size(); ++i) {
    int page = static_cast<int>(i) + 1;
    json fns = json::array();
    if (notes.is_array())
      for (const auto& f : notes)
        if (f.is_object() && f.value("page", 0) == page)
          fns.push_back({{"marker", f.value("marker", json(""))}, {"text", f.value("text", json(""))}});
    out.push_back({{"page", page}, {"body", pages[i].is_string() ? pages[i] : json("")}, {"footnotes", fns}});
  }
  return out;
}

json field_or(const json& o, const char* key, json fallback) {
  auto it = o.find(key);
  return (it == o.end() || it->is_null()) ? fallback : *it;
}

json show_object(const Xapian::Database& db, Xapian::docid did, bool with_text) {
  Xapian::Document doc = db.get_document(did);
  json data = document_data::decode(doc.get_data());
  if (!data.is_object()) data = json::object();
  json meta = field_or(data, "meta", json::object());
  json facts = field_or(data, "facts", json::object());
  json files = field_or(data, "files", json::array());
  if (!meta.is_object()) meta = json::object();
  if (!facts.is_object()) facts = json::object();

  std::string id = doc.get_value(schema::kSlotId);
  if (id.empty()) id = meta.value("id", std::string());
  std::string file = doc.get_value(schema::kSlotFile);
  if (file.empty() && files.is_array() && !files.empty() && files[0].is_string()) file = files[0].get<std::string>();
  json pages = field_or(meta, "pages", json());
  if (!pages.is_number()) pages = data.value("pages", json::array()).size();

  json out = {
      {"id", id},
      {"file", file},
      {"kamerstuk", field_or(meta, "kamerstuk", nullptr)},
      {"kenmerken", field_or(meta, "kenmerken", json::array())},
      {"date", field_or(meta, "date", "")},
      {"title", field_or(meta, "title", "")},
      {"doctype", field_or(meta, "doctype", "")},
      {"addressee", field_or(meta, "addressee", "")},
      {"signatories", field_or(meta, "signatories", json::array())},
      {"pages", pages},
      {"missions", field_or(facts, "missions", json::array())},
      {"cites", field_or(meta, "cites", json::array())},
      {"cited_by", cited_by(db, id, field_or(meta, "kenmerken", json::array()))},
      {"cites_detail", cites_detail(db, meta)},
      {"files", files},
      {"layout", field_or(meta, "layout", "")},
      {"report_period", field_or(meta, "report_period", nullptr)},
      {"sha256", field_or(data, "sha256", "")},
  };
  // The facts read from this document: those stored with its data, else its facts value slot.
  json own_facts = facts;
  own_facts.erase("missions");
  // An index of this version keeps costs, periods and force sizes only in the facts slot.
  fact_slot::Record rec;
  if (own_facts.empty() && fact_slot::decode(doc.get_value(schema::kSlotFacts), fact_slot::Wanted{"", true, true, true}, rec)) {
    own_facts["costs"] = json::array();
    own_facts["periods"] = json::array();
    own_facts["forces"] = json::array();
    for (const auto& c : rec.costs) own_facts["costs"].push_back(cost_to_json(c));
    for (const auto& p : rec.periods) own_facts["periods"].push_back(period_to_json(p));
    for (const auto& f : rec.forces) own_facts["forces"].push_back(force_to_json(f));
  }
  out["facts"] = own_facts;
  if (with_text) out["text"] = text_of(data);
  return out;
}

}  // namespace

nlohmann::json show(Index& index, const std::string& ref, bool with_text) {
  if (trim(ref).empty()) throw QueryError("show", "give a reference: an id, a Kamerstuk number or a kenmerk");
  return with_reopen(index, [&] {
    const Xapian::Database& db = index.db();
    auto did = find_document(db, ref);
    if (!did) {
      // A document that is cited but was never indexed: say who cites it.
      std::string cause = "no document with this reference in the index";
      json citing = json::array();
      for (const auto& f : lookup_forms(ref))
        if (citing.empty()) citing = cited_by(db, f, json::array());
      if (!citing.empty()) {
        cause += " (cited by ";
        for (std::size_t i = 0; i < citing.size(); ++i) cause += (i ? ", " : "") + citing[i].get<std::string>();
        cause += ")";
      }
      throw UnknownError(ref, cause, nearest_ids(db, ref));
    }
    return show_object(db, *did, with_text);
  });
}

}  // namespace kz::query
