// The language of human output: Dutch by default (the users and the documents are Dutch),
// English with the global option `--lang en`. JSON output never depends on it.
#pragma once
#include <string>

namespace kz::cli {

void set_english(bool english);
bool english();

// The label in the chosen language.
inline std::string tr(const char* nl, const char* en) { return english() ? en : nl; }

}  // namespace kz::cli
