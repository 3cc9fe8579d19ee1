// `kamerzoek show REF`: one document's metadata, citations both ways and, with --text, its
// clean text by page; REF may be written any way a person writes a Kamerstuk or kenmerk.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/cmd_facts_print.h"
#include "cli/commands.h"
#include "cli/format_errors.h"
#include "cli/format_text.h"
#include "cli/lang.h"
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

// The facts read from the document, each with its page and sentence, so they can be checked.
std::string facts_section(const json& d, bool color) {
  if (!d.contains("facts") || !d["facts"].is_object()) return "";
  std::ostringstream out;
  auto page = [](const json& f) {
    std::string p = str(f.value("page", json(nullptr)));
    return p.empty() || p == "0" ? std::string() : "  p." + p;
  };
  auto sentence = [&](const json& f) {
    std::string s = str(f.value("sentence", json("")));
    return s.empty() ? std::string() : dim(wrap("“" + s + "”", 100, "      "), color);
  };
  std::size_t n = 0;
  for (const auto& [kind, list] : d["facts"].items()) {
    if (!list.is_array()) continue;
    for (const auto& f : list) {
      std::string mission = str(f.value("mission", json("")));
      std::string line;
      if (kind == "costs") {
        line = tr("kosten", "cost") + (f["year"].is_null() ? std::string() : " " + str(f["year"])) + ": " +
               str(f.value("text", json(""))) + " (" + (f.value("estimate", false) ? tr("raming", "estimate") : tr("uitgegeven", "spent")) + ")";
      } else if (kind == "periods") {
        std::string s = str(f.value("start", json(""))), e = str(f.value("end", json("")));
        line = kind_label(str(f.value("kind", json("")))) + ": " + (s.empty() ? "…" : s) + " → " + (e.empty() ? "…" : e);
      } else if (kind == "forces") {
        line = tr("omvang: ", "force: ") + force_summary(f);
      } else {
        line = kind + ": " + str(f.value("text", json("")));
      }
      if (!mission.empty()) line += "  [" + mission + "]";
      out << "  " << line << page(f) << "\n" << sentence(f);
      ++n;
    }
  }
  if (n == 0) return "";
  return "\n" + bold(tr("feiten", "facts"), color) + "\n" + out.str();
}

void print_human(const json& d, bool with_text, bool color) {
  std::ostringstream out;
  out << bold(printable(str(d["id"])), color) << "  " << printable(str(d["title"])) << "\n";
  std::vector<std::vector<std::string>> rows;
  auto row = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) rows.push_back({label, printable(value)});
  };
  if (d["kamerstuk"].is_object())
    row("kamerstuk", str(d["kamerstuk"].value("dossier", json(""))) + ", nr. " + str(d["kamerstuk"].value("nr", json(""))));
  row(tr("kenmerken", "references"), list(d["kenmerken"]));
  // A date that could not be read is said so: such a document sorts last and date filters drop it.
  std::string date = str(d["date"]);
  row(tr("datum", "date"), date.empty() ? tr("onbekend", "unknown") : date);
  row(tr("soort", "type"), str(d["doctype"]));
  row(tr("aan", "to"), str(d["addressee"]));
  std::string by;
  if (d["signatories"].is_array())
    for (const auto& s : d["signatories"]) {
      std::string name = str(s.value("name", json(""))), role = str(s.value("role", json("")));
      std::string one = name.empty() ? role : (role.empty() ? name : name + " (" + role + ")");
      by += (by.empty() ? "" : "; ") + one;
    }
  row(tr("van", "from"), by);
  row(tr("pagina's", "pages"), str(d["pages"]));
  row(tr("bestand", "file"), str(d["file"]));
  row(tr("missies", "missions"), list(d["missions"]));
  std::string table_text = table({"", ""}, rows, false);
  out << table_text.substr(table_text.find('\n') + 1);

  const json& detail = d["cites_detail"];
  if (detail.is_array() && !detail.empty()) {
    out << "\n" << bold(tr("verwijst naar", "cites"), color) << "\n";
    for (const auto& c : detail) {
      std::string ref = str(c.value("ref", json(""))), printed = str(c.value("printed", json("")));
      out << "  " << printable(ref);
      if (!printed.empty() && printed != ref) out << "  " << dim("\"" + printable(printed) + "\"", color);
      if (!c.value("in_index", false)) out << "  " << dim(tr("(niet in de index)", "(not in index)"), color);
      out << "\n";
    }
  }
  if (d["cited_by"].is_array() && !d["cited_by"].empty()) {
    out << "\n" << bold(tr("aangehaald door", "cited by"), color) << "\n";
    for (const auto& c : d["cited_by"]) out << "  " << printable(str(c)) << "\n";
  }
  out << facts_section(d, color);
  if (with_text && d.contains("text")) {
    for (const auto& p : d["text"]) {
      out << "\n" << bold("── " + tr("pagina ", "page ") + str(p["page"]) + " ──", color) << "\n\n" << str(p["body"]) << "\n";
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
      add_file_bytes(d);
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
