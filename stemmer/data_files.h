// Readers for the user-editable analysis data in stemmer/data/ (word lists and TSV tables).
// Lines starting with '#' and blank lines are ignored; every value is folded on reading so
// users may write "NAVO" or "Geïnformeerd" as they like.
#pragma once
#include <string>
#include <vector>

namespace kz::analysis {

// Rows of a TSV file, fields folded. Missing file: throws std::runtime_error naming it,
// unless optional (then returns no rows).
std::vector<std::vector<std::string>> read_tsv(const std::string& path, bool optional = false);

// stemmer/data under data_dir().
std::string stemmer_data_dir();

}  // namespace kz::analysis
