// Entry point of the kamerzoek command: global options, subcommand dispatch, and the mapping
// of library exceptions to the contract's exit codes.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

namespace kz::cli {

std::vector<std::string> Globals::resolved_dbs() const {
  if (!dbs.empty()) return dbs;
  if (const char* env = std::getenv("KAMERZOEK_DB"); env && *env) return {env};
  return {"./kamerzoek.db"};
}

void print_error(const std::string& subject, const std::string& cause) {
  std::cerr << "kamerzoek: " << subject << ": " << cause << "\n";
}

bool is_tty(int fd) { return isatty(fd) == 1; }

}  // namespace kz::cli

int main(int argc, char** argv) {
  CLI::App app{"kamerzoek: search and fact extraction for Dutch parliamentary papers"};
  app.require_subcommand(1);
  kz::cli::Globals g;
  kz::cli::Action action;
  kz::cli::register_index(app, g, action);
  kz::cli::register_search(app, g, action);
  kz::cli::register_show(app, g, action);
  kz::cli::register_facts(app, g, action);
  kz::cli::register_forces(app, g, action);
  kz::cli::register_analyze(app, g, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kz::cli::kUsage;
  }
  try {
    return action ? action() : kz::cli::kUsage;
  } catch (const std::exception& e) {
    kz::cli::print_error("error", e.what());
    return kz::cli::kIndexError;
  }
}
