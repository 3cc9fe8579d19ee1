// `kamerzoek show REF`: one document's metadata, citations both ways and, with --text, its
// clean text by page; REF may be written any way a person writes a Kamerstuk or kenmerk.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/cmd_facts_print.h"
#include "cli/commands.h"
#include "cli/format_errors.h"
#include "cli/format_text.h"
#include "query/query.h"

namespace kz::cli {
namespace {

using nlohmann::json;

struct ShowArgs {
  std::string ref;
  bool text = false;
};

std::string str(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  return j.dump();
}

std::string list(const json& j) {
  std::string out;
  if (j.is_array())
    for (const auto& v : j) out += (out.empty() ? "" : ", ") + str(v);
  return out;
}

void print_human(const json& d, bool with_text, bool color) {
  std::ostringstream out;
  out << bold(str(d["id"]), color) << "  " << str(d["title"]) << "\n";
  std::vector<std::vector<std::string>> rows;
  auto row = [&](const char* label, const std::string& value) {
    if (!value.empty()) rows.push_back({label, value});
  };
  if (d["kamerstuk"].is_object())
    row("kamerstuk", str(d["kamerstuk"].value("dossier", json(""))) + ", nr. " + str(d["kamerstuk"].value("nr", json(""))));
  row("kenmerken", list(d["kenmerken"]));
  row("date", str(d["date"]));
  row("type", str(d["doctype"]));
  row("to", str(d["addressee"]));
  std::string by;
  if (d["signatories"].is_array())
    for (const auto& s : d["signatories"]) {
      std::string name = str(s.value("name", json(""))), role = str(s.value("role", json("")));
      std::string one = name.empty() ? role : (role.empty() ? name : name + " (" + role + ")");
      by += (by.empty() ? "" : "; ") + one;
    }
  row("from", by);
  row("pages", str(d["pages"]));
  row("file", str(d["file"]));
  row("missions", list(d["missions"]));
  std::string table_text = table({"", ""}, rows, false);
  out << table_text.substr(table_text.find('\n') + 1);

  const json& detail = d["cites_detail"];
  if (detail.is_array() && !detail.empty()) {
    out << "\n" << bold("cites", color) << "\n";
    for (const auto& c : detail) {
      std::string ref = str(c.value("ref", json(""))), printed = str(c.value("printed", json("")));
      out << "  " << ref;
      if (!printed.empty() && printed != ref) out << "  " << dim("\"" + printed + "\"", color);
      if (!c.value("in_index", false)) out << "  " << dim("(not in index)", color);
      out << "\n";
    }
  }
  if (d["cited_by"].is_array() && !d["cited_by"].empty()) {
    out << "\n" << bold("cited by", color) << "\n";
    for (const auto& c : d["cited_by"]) out << "  " << str(c) << "\n";
  }
  if (d.contains("forces") && d["forces"].is_array() && !d["forces"].empty()) {
    out << "\n" << bold("omvang van de inzet", color) << "\n";
    for (const auto& f : d["forces"]) out << "  " << str(f.value("mission", json(""))) << ": " << force_summary(f) << "\n";
  }
  if (with_text && d.contains("text")) {
    for (const auto& p : d["text"]) {
      out << "\n" << bold("── page " + str(p["page"]) + " ──", color) << "\n\n" << str(p["body"]) << "\n";
      for (const auto& f : p["footnotes"]) out << "\n" << dim("[" + str(f["marker"]) + "]", color) << " " << str(f["text"]) << "\n";
    }
  }
  std::cout << out.str();
}

int run(const Globals& g, const ShowArgs& a) {
  return run_query_command(g, [&] {
    query::Index index(g.resolved_dbs());
    json d = query::show(index, a.ref, a.text);
    if (g.json) {
      std::cout << json_line(d);
    } else {
      print_human(d, a.text, is_tty(1));
    }
    return kOk;
  });
}

}  // namespace

void register_show(CLI::App& app, Globals& g, Action& action) {
  auto args = std::make_shared<ShowArgs>();
  auto* cmd = app.add_subcommand("show", "Show one document: kst-29521-481, \"29 521, nr. 481\", a kenmerk or an id");
  cmd->add_option("ref", args->ref, "The document reference, in any form")->required();
  cmd->add_flag("--text", args->text, "Also print the clean text, page by page, with footnotes");
  cmd->add_option("--db", g.dbs, "Index folder or Xapian stub file; repeat for shards (default $KAMERZOEK_DB, else ./kamerzoek.db)")
      ->allow_extra_args(false);
  cmd->add_flag("--json", g.json, "Print the document as JSON");
  cmd->callback([&g, args, &action] { action = [&g, args] { return run(g, *args); }; });
}

}  // namespace kz::cli
