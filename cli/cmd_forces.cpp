// `kamerzoek forces MISSION`: the force sizes the documents state for a mission (personnel,
// ships, aircraft, units), each with the sentence it was read from; JSON from kz::query::forces.
#include <iostream>
#include <memory>

#include "cli/cmd_facts_print.h"
#include "cli/commands.h"
#include "cli/format_errors.h"
#include "cli/format_text.h"
#include "cli/lang.h"
#include "query/query.h"

namespace kz::cli {
namespace {

using nlohmann::json;

std::string text_of(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string force_kind_label(const std::string& kind) {
  if (kind == "personnel") return tr("personeel", "personnel");
  if (kind == "ship") return tr("schip", "ship");
  if (kind == "aircraft") return tr("luchtvaartuig", "aircraft");
  if (kind == "unit") return tr("eenheid", "unit");
  return kind;
}

std::string format_forces(const json& f, bool color) {
  std::string out = bold(text_of(f, "mission"), color) + "  " + text_of(f, "name") + "\n\n";
  const json& rows = f["rows"];
  if (rows.empty()) return out + tr("Geen omvang van de inzet gevonden voor deze missie.\n", "No force sizes found for this mission.\n");
  for (const auto& r : rows) {
    const json& s = r["source"];
    std::string src = text_of(s, "id");
    if (std::string p = text_of(s, "page"); !p.empty()) src += " p." + p;
    out += "  " + (text_of(s, "date").empty() ? tr("ongedateerd", "undated") : text_of(s, "date")) + "  " +
           force_summary(r) + "  " + cyan(src, color) + "\n";
    out += dim(wrap("“" + text_of(s, "sentence") + "”", 100, "      "), color);
  }
  return out;
}

}  // namespace

std::string force_summary(const json& r) {
  std::string line = text_of(r, "text") + " (" + force_kind_label(text_of(r, "kind"));
  if (r.value("max", false)) line += ", maximum";
  if (r.value("about", false)) line += tr(", ongeveer", ", about");
  if (r.value("extra", false)) line += ", extra";
  if (!r.value("dutch", true)) line += tr(", niet per se Nederlands", ", not necessarily Dutch");
  return line + ")";
}

void register_forces(CLI::App& app, Globals& g, Action& action) {
  auto mission = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("forces", "A mission's force sizes: personnel, ships, aircraft and units, with their sources");
  cmd->add_option("mission", *mission, "The mission: its id, name or any alias (\"MNBG Litouwen\", \"MQ-9\")")->required();
  cmd->add_option("--db", g.dbs, "Index folder or Xapian stub file; repeat for shards (default $KAMERZOEK_DB, else ./kamerzoek.db)")
      ->allow_extra_args(false);
  cmd->add_flag("--json", g.json, "Print the result as JSON");
  cmd->callback([&g, &action, mission] {
    action = [&g, mission] {
      return run_query_command(g, [&] {
        query::Index index(g.resolved_dbs());
        json result = query::forces(index, *mission);
        std::cout << (g.json ? json_line(result) : format_forces(result, is_tty(1)));
        return kOk;
      });
    };
  });
}

}  // namespace kz::cli
