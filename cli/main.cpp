// Entry point of the kamerzoek command: global options, subcommand dispatch, and the mapping
// of library exceptions to the contract's exit codes.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "cli/command_suggest.h"
#include "cli/commands.h"
#include "cli/lang.h"
#include "cli/format_text.h"
#include "query/query.h"

namespace kz::cli {

std::vector<std::string> Globals::resolved_dbs() const {
  if (!dbs.empty()) return dbs;
  if (const char* env = std::getenv("KAMERZOEK_DB"); env && *env) return {env};
  return {"./kamerzoek.db"};
}

void print_error(const std::string& subject, const std::string& cause) {
  // Subjects are file names, stub lines and typed text; causes quote them: both escaped.
  std::cerr << "kamerzoek: " << printable(subject) << ": " << printable(cause) << "\n";
}

bool is_tty(int fd) { return isatty(fd) == 1; }

}  // namespace kz::cli

int main(int argc, char** argv) {
  CLI::App app{"kamerzoek: search and fact extraction for Dutch parliamentary papers"};
  app.require_subcommand(1);
  kz::query::set_warning_handler(
      [](const std::string& subject, const std::string& cause) { kz::cli::print_error(subject, "warning: " + cause); });
  kz::cli::Globals g;
  kz::cli::Action action;
  // A global option, also after the command: subcommands pass it up (set before they exist).
  std::string lang = "nl";
  app.add_option("--lang", lang, "Language of human output: nl (default) or en")
      ->check(CLI::IsMember({"nl", "en"}));
  app.fallthrough();
  kz::cli::register_index(app, g, action);
  kz::cli::register_search(app, g, action);
  kz::cli::register_show(app, g, action);
  kz::cli::register_facts(app, g, action);
  kz::cli::register_forces(app, g, action);
  kz::cli::register_analyze(app, g, action);
  kz::cli::register_ask(app, g, action);
  // The first word that is no option names the command; a misspelled one gets a suggestion.
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang") {
      ++i;
      continue;
    }
    if (a.empty() || a[0] == '-') continue;
    std::vector<std::string> known;
    for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; })) known.push_back(sub->get_name());
    if (std::find(known.begin(), known.end(), a) != known.end()) break;
    bool en = false;
    for (int k = 1; k < argc; ++k)
      if (std::string(argv[k]) == "--lang=en" || (std::string(argv[k]) == "--lang" && k + 1 < argc && std::string(argv[k + 1]) == "en"))
        en = true;
    kz::cli::set_english(en);
    std::string near = kz::cli::nearest_command(a, known);
    std::string cause = kz::cli::tr("onbekend commando", "unknown command");
    if (!near.empty()) cause += kz::cli::tr("; bedoelde u '", "; did you mean '") + near + "'?";
    else {
      cause += kz::cli::tr("; commando's: ", "; commands: ");
      for (std::size_t k = 0; k < known.size(); ++k) cause += (k ? ", " : "") + known[k];
    }
    kz::cli::print_error(a, cause);
    return kz::cli::kUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    // One line, as every other error: "--limit: '-1' is not allowed: ..." names its option.
    std::string what = e.what();
    if (what.starts_with("-"))
      std::cerr << "kamerzoek: " << kz::cli::printable(what) << "\n";
    else
      kz::cli::print_error("usage", what + " (see --help)");
    return kz::cli::kUsage;
  }
  kz::cli::set_english(lang == "en");
  try {
    return action ? action() : kz::cli::kUsage;
  } catch (const std::exception& e) {
    kz::cli::print_error("error", e.what());
    return kz::cli::kIndexError;
  }
}
