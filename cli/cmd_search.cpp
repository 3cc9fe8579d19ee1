// `kamerzoek search QUERY`: ranked hits with highlighted snippets, or the contract's JSON.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "cli/format_errors.h"
#include "cli/format_text.h"
#include "cli/lang.h"
#include "query/query.h"
#include "query/search_checks.h"

namespace kz::cli {
namespace {

struct SearchArgs {
  std::vector<std::string> words;
  query::SearchOptions options;
};

nlohmann::json to_json(const query::SearchResult& r) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : r.hits) {
    // Extra to the contract: the snippet's highlighted words, as printed.
    nlohmann::json matches = nlohmann::json::array();
    for (auto [b, e] : h.marks)
      if (b < e && e <= h.snippet.size()) matches.push_back(h.snippet.substr(b, e - b));
    hits.push_back({{"id", h.id},
                    {"title", h.title},
                    {"date", h.date},
                    {"page", h.page},
                    {"score", h.score},
                    {"snippet", h.snippet},
                    {"file", h.file},
                    {"matches", matches}});
  }
  return {{"query", r.query}, {"total_estimate", r.total_estimate}, {"hits", hits}};
}

void print_human(const query::SearchResult& r, bool color) {
  std::ostringstream out;
  if (r.hits.empty()) {
    out << "No documents match " << r.query << "\n";
  } else {
    out << dim("about " + std::to_string(r.total_estimate) + " matching document" + (r.total_estimate == 1 ? "" : "s") +
                   ", showing " + std::to_string(r.hits.size()),
               color)
        << "\n\n";
  }
  int rank = 0;
  for (const auto& h : r.hits) {
    ++rank;
    std::string who = h.id.empty() ? h.file : h.id;
    out << bold(std::to_string(rank) + ". " + who, color) << "  " << cyan(h.date.empty() ? "(no date)" : h.date, color)
        << "  " << (h.title.empty() ? "(untitled)" : h.title) << "\n";
    out << "   " << dim("p. " + std::to_string(h.page) + "  " + h.file, color) << "\n";
    if (!h.snippet.empty()) out << "   " << highlight(h.snippet, h.marks, color) << "\n";
    out << "\n";
  }
  std::cout << out.str();
}

int run(const Globals& g, SearchArgs& a) {
  return run_query_command(g, [&] {
    std::string q;
    for (const auto& w : a.words) q += (q.empty() ? "" : " ") + w;
    a.options.query = q;
    query::Index index(g.resolved_dbs());
    query::check_type(index, a.options.type);
    query::SearchResult r = query::search(index, a.options);
    long long undated = query::undated_left_out(index, a.options);
    if (g.json) {
      nlohmann::json j = to_json(r);
      if (!a.options.from.empty() || !a.options.to.empty()) j["undated_left_out"] = undated;
      std::cout << json_line(j);
    } else {
      print_human(r, is_tty(1));
    }
    if (undated > 0)
      std::cerr << tr("let op: ", "note: ") << undated
                << tr(" document(en) zonder datum weggelaten door --from/--to\n",
                      " undated document(s) left out by --from/--to\n");
    return kOk;
  });
}

}  // namespace

void register_search(CLI::App& app, Globals& g, Action& action) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand("search", "Full-text search: words, \"phrases\", AND/OR/NOT and field prefixes");
  cmd->add_option("query", args->words,
                  "The query; field prefixes: dossier: nr: kenmerk: missie: jaar: type: van: aan: (put -- before a query "
                  "that starts with -)");
  cmd->add_option("--from", args->options.from, "Only documents dated on or after YYYY[-MM[-DD]]");
  cmd->add_option("--to", args->options.to, "Only documents dated on or before YYYY[-MM[-DD]] (--to 2024 = through 2024-12-31)");
  cmd->add_option("--dossier", args->options.dossier, "Only documents in this Kamerstuk dossier (29521, \"29 521\")");
  cmd->add_option("--mission", args->options.mission, "Only documents about this mission (id, name or alias)");
  cmd->add_option("--type", args->options.type, "Only documents of this type (brief, nota, geannoteerde agenda, ...)");
  cmd->add_option("--limit", args->options.limit, "Number of hits (default 10)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--db", g.dbs, "Index folder or Xapian stub file; repeat for shards (default $KAMERZOEK_DB, else ./kamerzoek.db)")
      ->allow_extra_args(false);
  cmd->add_flag("--json", g.json, "Print the result as JSON");
  cmd->callback([&g, args, &action] { action = [&g, args] { return run(g, *args); }; });
}

}  // namespace kz::cli
