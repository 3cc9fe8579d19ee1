// The language of human output: Dutch by default (the users and the documents are Dutch),
// English with the global option `--lang en`. JSON output never depends on it.
#pragma once
#include <string>

namespace kz::cli {

void set_english(bool english);
bool english();

// The label in the chosen language.
inline std::string tr(const char* nl, const char* en) { return english() ? en : nl; }

// The fact kinds of the JSON ("mandate", "extension", ...) named in the language of the output.
inline std::string kind_label(const std::string& kind) {
  if (kind == "mandate") return tr("mandaat", "mandate");
  if (kind == "extension") return tr("verlenging", "extension");
  if (kind == "deployment") return tr("inzet", "deployment");
  if (kind == "announcement") return tr("aankondiging", "announcement");
  return kind;
}

}  // namespace kz::cli
