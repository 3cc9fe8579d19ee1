// How the kamerzoek subcommands plug into the command line: each cmd_*.cpp registers its
// subcommand on the CLI11 app and returns the exit code when run.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace kz::cli {

// Exit codes of the contract.
inline constexpr int kOk = 0;
inline constexpr int kUsage = 1;       // bad usage, unknown reference or mission
inline constexpr int kIndexError = 2;  // index missing, locked or unreadable
inline constexpr int kSomeFailed = 3;  // index finished but some files failed

struct Globals {
  std::vector<std::string> dbs;  // --db, may repeat; empty means $KAMERZOEK_DB or ./kamerzoek.db
  bool json = false;
  std::vector<std::string> resolved_dbs() const;
};

// A subcommand's action; set by the register function, run by main after parsing.
using Action = std::function<int()>;

void register_index(CLI::App& app, Globals& g, Action& action);
void register_search(CLI::App& app, Globals& g, Action& action);
void register_show(CLI::App& app, Globals& g, Action& action);
void register_facts(CLI::App& app, Globals& g, Action& action);    // costs, mandates, timeline, missions
void register_analyze(CLI::App& app, Globals& g, Action& action);
void register_ask(CLI::App& app, Globals& g, Action& action);
void register_forces(CLI::App& app, Globals& g, Action& action);    // forces

// One-line error on stderr in the contract's form: "kamerzoek: <subject>: <cause>".
void print_error(const std::string& subject, const std::string& cause);

// True when stdout (fd 1) or stderr (fd 2) is a terminal: colours and progress bars only then.
bool is_tty(int fd);

}  // namespace kz::cli
