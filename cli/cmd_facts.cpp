// `kamerzoek costs|mandates|timeline|missions`: the facts extracted per mission, resolved from
// any way a person writes the mission, printed as JSON or as tables with their sources.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/cmd_facts_print.h"
#include "cli/commands.h"
#include "cli/format_errors.h"
#include "cli/format_text.h"
#include "query/facts_dates.h"
#include "query/query.h"

namespace kz::cli {
namespace {

using nlohmann::json;

struct FactArgs {
  std::string mission;
  std::string from, to;  // YYYY, YYYY-MM or YYYY-MM-DD
};

using Query = std::function<json(query::Index&, const FactArgs&)>;
using Printer = std::string (*)(const json&, bool);

int run(const Globals& g, const FactArgs& a, const Query& ask, Printer print) {
  return run_query_command(g, [&] {
    query::Index index(g.resolved_dbs());
    json result = ask(index, a);
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

void add_range(CLI::App* cmd, const std::shared_ptr<FactArgs>& args, const std::string& what) {
  cmd->add_option("--from", args->from, "First " + what + " to show: YYYY, YYYY-MM or YYYY-MM-DD");
  cmd->add_option("--to", args->to, "Last " + what + " to show: YYYY, YYYY-MM or YYYY-MM-DD (--to 2024 = through 2024)");
}

}  // namespace

void register_facts(CLI::App& app, Globals& g, Action& action) {
  auto costs_args = std::make_shared<FactArgs>();
  auto* costs = add_command(
      app, g, action, "costs", "A mission's costs year by year, estimates and spent amounts, with their sources", true,
      [](query::Index& i, const FactArgs& a) {
        auto from = query::year_of(a.from, "--from"), to = query::year_of(a.to, "--to");
        if (from && to && *from > *to) throw query::QueryError("--from " + a.from, "comes after --to " + a.to);
        return query::costs(i, a.mission, from, to);
      },
      format_costs, costs_args);
  add_range(costs, costs_args, "year");

  auto mandates_args = std::make_shared<FactArgs>();
  auto* mandates = add_command(
      app, g, action, "mandates", "A mission's mandates, extensions, deployments and announcements by decision date",
      true,
      [](query::Index& i, const FactArgs& a) {
        query::DateRange r = query::date_range(a.from, a.to);
        return query::with_latest_end(query::mandates_within(query::mandates(i, a.mission), r));
      },
      format_mandates, mandates_args);
  add_range(mandates, mandates_args, "period");
  auto timeline_args = std::make_shared<FactArgs>();
  auto* timeline = add_command(
      app, g, action, "timeline", "The documents about a mission by date, with the facts each gives", true,
      [](query::Index& i, const FactArgs& a) {
        query::DateRange r = query::date_range(a.from, a.to);
        return query::timeline_within(query::timeline(i, a.mission), r);
      },
      format_timeline, timeline_args);
  add_range(timeline, timeline_args, "document date");
  add_command(
      app, g, action, "missions", "All known missions with how many documents discuss them and when", false,
      [](query::Index& i, const FactArgs&) { return query::missions(i); }, format_missions,
      std::make_shared<FactArgs>());
}

}  // namespace kz::cli
