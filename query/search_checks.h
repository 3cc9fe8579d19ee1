// Checks and counts around `search` that the command line reports next to the hits: a --type
// the index does not know (with the known types), and how many undated documents a date
// filter left out.
#pragma once
#include <string>
#include <vector>

#include "query/query.h"

namespace kz::query {

// The document types stored in the index ("brief", "nieuwsbericht", "verslag", ...), sorted.
std::vector<std::string> known_types(Index& index);

// Throws QueryError naming the known types when no document has type `typed`.
void check_type(Index& index, const std::string& typed);

// With --from/--to: how many documents without a date would match the rest of the search.
// 0 without a date filter.
long long undated_left_out(Index& index, const SearchOptions& options);

}  // namespace kz::query
