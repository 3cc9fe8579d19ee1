// The contract's JSON for search results, shared by `search` and `ask`.
#include "query/query.h"

namespace kz::query {

nlohmann::json search_json(const SearchResult& r) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : r.hits) {
    // Extra to the contract: the snippet's highlighted words, as printed.
    nlohmann::json matches = nlohmann::json::array();
    for (auto [b, e] : h.marks)
      if (b < e && e <= h.snippet.size()) matches.push_back(h.snippet.substr(b, e - b));
    hits.push_back({{"id", h.id},
                    {"title", h.title},
                    {"date", h.date},
                    {"page", h.page},
                    {"score", h.score},
                    {"snippet", h.snippet},
                    {"file", h.file},
                    {"matches", matches}});
  }
  return {{"query", r.query}, {"total_estimate", r.total_estimate}, {"total_exact", r.total_exact}, {"hits", hits}};
}

}  // namespace kz::query
