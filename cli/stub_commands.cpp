// Fallback registrations (weak symbols) so the binary links while a subcommand's own file is
// absent from a build; each cmd_*.cpp provides the real one.
#include "cli/commands.h"
namespace kz::cli {
__attribute__((weak)) void register_search(CLI::App&, Globals&, Action&) {}
__attribute__((weak)) void register_show(CLI::App&, Globals&, Action&) {}
__attribute__((weak)) void register_analyze(CLI::App&, Globals&, Action&) {}
__attribute__((weak)) void register_ask(CLI::App&, Globals&, Action&) {}
__attribute__((weak)) void register_facts(CLI::App&, Globals&, Action&) {}
}  // namespace kz::cli
