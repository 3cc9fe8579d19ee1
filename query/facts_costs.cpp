// `costs` and `mandates`: a mission's cost figures year by year and its periods (mandates,
// extensions, deployments, announcements), each with the sentence and page that state it.
#include <algorithm>
#include <map>
#include <set>

#include "indexer/record/document_json.h"
#include "query/facts_source.h"
#include "query/index_retry.h"

namespace kz::query {
namespace {

using nlohmann::json;

json cost_row(const MissionDocument& doc, const CostFact& c) {
  return {{"year", c.year ? json(*c.year) : json(nullptr)},
          {"period", c.period},
          {"amount_eur", c.amount_eur},
          {"text", c.text},
          {"estimate", c.estimate},
          {"part_of_total_eur", c.part_of_total_eur ? json(*c.part_of_total_eur) : json(nullptr)},
          {"source", fact_source(doc, c.page, c.sentence)}};
}

// A cost row before it becomes JSON, with what ordering and the yearly summary need.
struct Row {
  std::optional<int> year;
  std::size_t doc_order, fact_order;
  long long amount;
  bool estimate;
  json row;
};

// Per year: what each document says (its largest figure, since a total outranks its parts),
// the latest estimate and the latest spent figure, and whether documents disagree.
json year_summary(const std::vector<Row>& rows, const std::vector<MissionDocument>& docs) {
  struct Said {
    std::size_t doc;
    long long amount = 0;
    bool estimate = false;
  };
  std::map<int, std::vector<Said>> by_year;
  for (const auto& r : rows) {
    if (!r.year) continue;
    auto& list = by_year[*r.year];
    // Rows of one year come in document order, so a document's figures are adjacent.
    if (list.empty() || list.back().doc != r.doc_order)
      list.push_back({r.doc_order, r.amount, r.estimate});
    else if (r.amount > list.back().amount)
      list.back() = {r.doc_order, r.amount, r.estimate};
  }
  json years = json::array();
  for (const auto& [year, said] : by_year) {
    json y = {{"year", year}, {"estimate_eur", nullptr}, {"spent_eur", nullptr}};
    json sources = json::array();
    std::set<long long> amounts;
    for (const auto& s : said) {  // rows are in source-date order, so the last one wins
      y[s.estimate ? "estimate_eur" : "spent_eur"] = s.amount;
      amounts.insert(s.amount);
      const MissionDocument& d = docs[s.doc];
      sources.push_back({{"id", d.id}, {"date", null_if_empty(d.date)},
                         {"amount_eur", s.amount}, {"estimate", s.estimate}});
    }
    y["sources"] = std::move(sources);
    y["disagree"] = amounts.size() > 1;
    years.push_back(std::move(y));
  }
  return years;
}

json mission_header(const Mission& m) {
  return {{"mission", m.id}, {"name", m.name}};
}

}  // namespace

json costs(Index& index, const std::string& mission, std::optional<int> from, std::optional<int> to) {
  const ResolvedMission resolved = resolve_mission_ranked(index, mission);
  const Mission& m = *resolved.mission;
  auto docs = with_reopen(index, [&] { return mission_documents(index.db(), m.id, FactKinds::costs); });
  std::vector<Row> rows;
  for (std::size_t i = 0; i < docs.size(); ++i)
    for (std::size_t k = 0; k < docs[i].costs.size(); ++k) {
      const CostFact& c = docs[i].costs[k];
      // A figure without a year cannot be placed inside a requested range.
      if ((from || to) && !c.year) continue;
      if (from && *c.year < *from) continue;
      if (to && *c.year > *to) continue;
      rows.push_back({c.year, i, k, c.amount_eur, c.estimate, cost_row(docs[i], c)});
    }
  // Documents are already in date order; undated figures go after the dated ones.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.year.has_value() != b.year.has_value()) return a.year.has_value();
    if (a.year != b.year) return *a.year < *b.year;
    if (a.doc_order != b.doc_order) return a.doc_order < b.doc_order;
    return a.fact_order < b.fact_order;
  });
  json out = mission_header(m);
  out["years"] = year_summary(rows, docs);
  json& listed = out["rows"] = json::array();
  listed.get_ref<json::array_t&>().reserve(rows.size());
  for (auto& r : rows) listed.push_back(std::move(r.row));
  out["from"] = from ? json(*from) : json(nullptr);
  out["to"] = to ? json(*to) : json(nullptr);
  add_candidates(out, resolved);
  return out;
}

json mandates(Index& index, const std::string& mission) {
  const ResolvedMission resolved = resolve_mission_ranked(index, mission);
  const Mission& m = *resolved.mission;
  auto docs = with_reopen(index, [&] { return mission_documents(index.db(), m.id, FactKinds::periods); });
  json out = mission_header(m);
  out["rows"] = json::array();
  for (const auto& d : docs) {
    // Within one document the order of the text is kept: page, then as extracted.
    std::vector<PeriodFact> periods = d.periods;
    std::stable_sort(periods.begin(), periods.end(),
                     [](const PeriodFact& a, const PeriodFact& b) { return a.page < b.page; });
    for (const auto& p : periods) {
      out["rows"].push_back({{"start", null_if_empty(p.start)},
                             {"end", null_if_empty(p.end)},
                             {"kind", p.kind},
                             {"text", p.text},
                             {"source", fact_source(d, p.page, p.sentence)}});
    }
  }
  add_candidates(out, resolved);
  return out;
}

}  // namespace kz::query
