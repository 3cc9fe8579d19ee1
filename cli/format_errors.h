// How the query-side commands report failures: the library's exceptions become the
// contract's one-line stderr message and exit code (1 usage/unknown, 2 index trouble).
#pragma once
#include <functional>

#include "cli/commands.h"

namespace kz::cli {

// Runs `body`, mapping kz::query::QueryError/UnknownError to kUsage and IndexError and
// Xapian errors to kIndexError. With --json an unknown reference also prints
// {"error", "subject", "suggestions"} on stdout so scripts can read the suggestions.
int run_query_command(const Globals& g, const std::function<int()>& body);

}  // namespace kz::cli
