// `kamerzoek ask QUESTION`: the answer first, then the fact rows behind it with their
// sentences, then the best documents; or the contract's JSON.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "cli/format_errors.h"
#include "cli/format_text.h"
#include "query/query.h"

namespace kz::cli {
namespace {

using nlohmann::json;

struct AskArgs {
  std::vector<std::string> words;
  int limit = 10;
};

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string row_line(const json& r) {
  const json& src = r.contains("source") ? r["source"] : json::object();
  std::string what;
  if (str(r, "fact") == "cost") {
    if (r.contains("year") && r["year"].is_number_integer()) what = std::to_string(r["year"].get<int>()) + "  ";
    std::string amount = str(r, "amount_text");
    what += (amount.empty() ? str(r, "text") : amount) + (r.value("estimate", false) ? " (raming)" : "");
  } else {
    std::string s = str(r, "start"), e = str(r, "end");
    what = (s.empty() ? "…" : s) + " – " + (e.empty() ? "…" : e) + "  " + str(r, "kind");
  }
  std::string where = str(src, "id");
  if (!str(src, "date").empty()) where += ", " + str(src, "date");
  if (src.contains("page") && src["page"].is_number_integer()) where += ", p. " + std::to_string(src["page"].get<int>());
  return what + "  [" + where + "]";
}

void print_human(const json& r, bool color) {
  std::ostringstream out;
  const json& answer = r["answer"];
  if (answer.is_string()) {
    out << bold(answer.get<std::string>(), color) << "\n";
  } else {
    out << "Geen opgeslagen feit beantwoordt deze vraag; hieronder de best passende documenten.\n";
  }
  if (!answer.is_string() || !r.value("sure", false)) out << dim("gelezen als: " + str(r, "read_as"), color) << "\n";
  const json& rows = r["rows"];
  if (!rows.empty()) {
    out << "\n" << bold("Feiten", color) << "\n";
    for (const auto& row : rows) {
      out << "  " << row_line(row) << "\n";
      std::string sentence = str(row.contains("source") ? row["source"] : json::object(), "sentence");
      if (!sentence.empty()) out << wrap("“" + sentence + "”", 96, "      ");
    }
  }
  const json& hits = r["hits"];
  if (!hits.empty()) {
    out << "\n" << bold("Documenten", color) << "\n";
    int rank = 0;
    for (const auto& h : hits) {
      std::string date = str(h, "date");
      out << "  " << ++rank << ". " << bold(printable(str(h, "id")), color) << "  "
          << cyan(date.empty() ? "(geen datum)" : printable(date), color) << "  " << printable(str(h, "title")) << "\n";
      std::string snippet = str(h, "snippet");
      if (!snippet.empty())
        out << "     " << dim("p. " + std::to_string(h.value("page", 0)), color) << "  " << snippet << "\n";
    }
  }
  std::cout << out.str();
}

int run(const Globals& g, const AskArgs& a) {
  return run_query_command(g, [&] {
    query::AskOptions o;
    for (const auto& w : a.words) o.question += (o.question.empty() ? "" : " ") + w;
    o.limit = a.limit;
    query::Index index(g.resolved_dbs());
    json r = query::ask(index, o);
    for (auto& hit : r["hits"]) add_file_bytes(hit);
    std::cout << (g.json ? json_line(r) : (print_human(r, is_tty(1)), std::string()));
    return kOk;
  });
}

}  // namespace

void register_ask(CLI::App& app, Globals& g, Action& action) {
  auto args = std::make_shared<AskArgs>();
  auto* cmd = app.add_subcommand("ask", "Answer a Dutch question from the stored facts and documents");
  cmd->add_option("question", args->words, "The question, e.g. \"Tot wanneer loopt het mandaat van MINUSMA?\"");
  cmd->add_option("--limit", args->limit, "Number of documents (default 10)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--db", g.dbs, "Index folder or Xapian stub file; repeat for shards (default $KAMERZOEK_DB, else ./kamerzoek.db)")
      ->allow_extra_args(false);
  cmd->add_flag("--json", g.json, "Print the result as JSON");
  cmd->callback([&g, args, &action] { action = [&g, args] { return run(g, *args); }; });
}

}  // namespace kz::cli
