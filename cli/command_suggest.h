// A misspelled subcommand ("serch") is answered with the one the user meant ("search").
#pragma once
#include <string>
#include <vector>

namespace kz::cli {

// The known command closest to `typed` by edit distance, or empty when none is close.
std::string nearest_command(const std::string& typed, const std::vector<std::string>& known);

}  // namespace kz::cli
