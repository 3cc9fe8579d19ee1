// `kamerzoek costs|mandates|timeline|missions`: the facts extracted per mission, resolved from
// any way a person writes the mission, printed as JSON or as tables with their sources.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/cmd_facts_print.h"
#include "cli/commands.h"
#include "cli/format_errors.h"
#include "cli/format_text.h"
#include "query/query.h"

namespace kz::cli {
namespace {

using nlohmann::json;

struct FactArgs {
  std::string mission;
  std::optional<int> from, to;
};

using Query = std::function<json(query::Index&, const FactArgs&)>;
using Printer = std::string (*)(const json&, bool);

// An ambiguous MISSION ("Irak", "Rode Zee") is answered for the candidate with most documents;
// the user is told which, and what else it may mean, so they can be more specific.
void note_candidates(const std::string& typed, const json& result) {
  if (!result.contains("candidates")) return;
  const json& c = result["candidates"];
  std::cerr << "kamerzoek: " << typed << ": meerdere missies mogelijk; gekozen: " << c[0].value("name", "")
            << " (" << c[0].value("documents", 0) << " documenten); ook:";
  for (std::size_t i = 1; i < c.size() && i < 6; ++i)
    std::cerr << (i > 1 ? "," : "") << " " << c[i].value("name", "") << " (" << c[i].value("documents", 0) << ")";
  std::cerr << "\n";
}

int run(const Globals& g, const FactArgs& a, const Query& ask, Printer print) {
  return run_query_command(g, [&] {
    query::Index index(g.resolved_dbs());
    json result = ask(index, a);
    if (!g.json) note_candidates(a.mission, result);
    std::cout << (g.json ? json_line(result) : print(result, is_tty(1)));
    return kOk;
  });
}

void add_db_and_json(CLI::App* cmd, Globals& g) {
  cmd->add_option("--db", g.dbs, "Index folder or Xapian stub file; repeat for shards (default $KAMERZOEK_DB, else ./kamerzoek.db)")
      ->allow_extra_args(false);
  cmd->add_flag("--json", g.json, "Print the result as JSON");
}

CLI::App* add_command(CLI::App& app, Globals& g, Action& action, const char* name, const char* help, bool takes_mission,
                      Query ask, Printer print, std::shared_ptr<FactArgs> args) {
  auto* cmd = app.add_subcommand(name, help);
  if (takes_mission)
    cmd->add_option("mission", args->mission, "The mission: its id, name or any alias (\"MNBG Litouwen\", \"MQ-9\")")
        ->required();
  add_db_and_json(cmd, g);
  cmd->callback([&g, &action, args, ask, print] { action = [&g, args, ask, print] { return run(g, *args, ask, print); }; });
  return cmd;
}

}  // namespace

void register_facts(CLI::App& app, Globals& g, Action& action) {
  auto costs_args = std::make_shared<FactArgs>();
  auto* costs = add_command(
      app, g, action, "costs", "A mission's costs year by year, estimates and spent amounts, with their sources", true,
      [](query::Index& i, const FactArgs& a) { return query::costs(i, a.mission, a.from, a.to); }, format_costs,
      costs_args);
  costs->add_option("--from", costs_args->from, "First year to show (YYYY)")->check(CLI::Range(1000, 9999));
  costs->add_option("--to", costs_args->to, "Last year to show (YYYY)")->check(CLI::Range(1000, 9999));

  add_command(
      app, g, action, "mandates", "A mission's mandates, extensions, deployments and announcements by decision date",
      true, [](query::Index& i, const FactArgs& a) { return query::mandates(i, a.mission); }, format_mandates,
      std::make_shared<FactArgs>());
  add_command(
      app, g, action, "timeline", "The documents about a mission by date, with the facts each gives", true,
      [](query::Index& i, const FactArgs& a) { return query::timeline(i, a.mission); }, format_timeline,
      std::make_shared<FactArgs>());
  add_command(
      app, g, action, "missions", "All known missions with how many documents discuss them and when", false,
      [](query::Index& i, const FactArgs&) { return query::missions(i); }, format_missions,
      std::make_shared<FactArgs>());
}

}  // namespace kz::cli
