// Known document types and the undated documents a date filter leaves out; see search_checks.h.
#include "query/search_checks.h"

#include "indexer/index_schema.h"
#include "query/index_retry.h"
#include "query/query_parser.h"
#include "stemmer/analysis.h"

namespace kz::query {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

}  // namespace

std::vector<std::string> known_types(Index& index) {
  return with_reopen(index, [&] {
    std::vector<std::string> out;
    const std::string prefix(schema::kType);
    const Xapian::Database& db = index.db();
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) out.push_back((*t).substr(prefix.size()));
    return out;
  });
}

void check_type(Index& index, const std::string& typed) {
  if (blank(typed)) return;
  std::string want = analysis::fold(typed);
  while (!want.empty() && want.back() == ' ') want.pop_back();
  while (!want.empty() && want.front() == ' ') want.erase(want.begin());
  auto types = known_types(index);
  for (const auto& t : types)
    if (t == want || (" " + t + " ").find(" " + want + " ") != std::string::npos) return;
  std::string known;
  for (const auto& t : types) known += (known.empty() ? "" : ", ") + t;
  throw QueryError("--type " + typed, "no document has this type; known types: " + (known.empty() ? "(none)" : known));
}

long long undated_left_out(Index& index, const SearchOptions& o) {
  if (blank(o.from) && blank(o.to)) return 0;
  QueryParser parser(index.missions());
  std::vector<Xapian::Query> parts;
  if (!blank(o.query)) parts.push_back(parser.parse(o.query).query);
  if (!blank(o.dossier)) parts.push_back(parser.field("dossier", o.dossier));
  if (!blank(o.mission)) parts.push_back(parser.field("missie", o.mission));
  if (!blank(o.type)) parts.push_back(parser.field("type", o.type));
  return with_reopen(index, [&] {
    const Xapian::Database& db = index.db();
    Xapian::Query q = parts.empty() ? Xapian::Query::MatchAll
                                    : Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    // Every stored date is eight digits; a document without one has an empty value.
    Xapian::Query dated(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "0", "99999999");
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, q, dated));
    enquire.set_collapse_key(schema::kSlotId);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
    return static_cast<long long>(m.size());
  });
}

}  // namespace kz::query
