// `kamerzoek analyze TEXT`: what the Dutch analysis chain makes of each word, exactly as the
// indexer and the query parser use it. Needs no index.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/format_errors.h"
#include "cli/format_text.h"
#include "stemmer/analysis.h"

namespace kz::cli {
namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

int run(const Globals& g, const std::vector<std::string>& words) {
  return run_query_command(g, [&] {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    const auto& analyzer = analysis::Analyzer::instance();
    nlohmann::json tokens = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : analysis::tokenize(analysis::normalize(text))) {
      analysis::WordAnalysis w = analyzer.analyze(t.text);
      tokens.push_back({{"text", t.text},
                        {"norm", w.norm},
                        {"stem", w.stem},
                        {"parts", w.parts},
                        {"synonyms", w.synonyms},
                        {"stopword", w.stopword},
                        {"joined_hyphen", t.joined_hyphen}});
      rows.push_back({t.text, w.norm, w.stopword ? w.stem + " (stop word)" : w.stem, joined(w.parts), joined(w.synonyms)});
    }
    if (g.json) {
      std::cout << json_line({{"tokens", tokens}});
    } else if (rows.empty()) {
      std::cout << "No words in the text.\n";
    } else {
      std::cout << table({"text", "norm", "stem", "parts", "synonyms"}, rows, is_tty(1));
    }
    return kOk;
  });
}

}  // namespace

void register_analyze(CLI::App& app, Globals& g, Action& action) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("analyze", "Show norm, stem, compound parts and synonyms of each word of TEXT");
  cmd->add_option("text", *words, "Dutch text")->required();
  cmd->add_flag("--json", g.json, "Print the analysis as JSON");
  cmd->callback([&g, words, &action] { action = [&g, words] { return run(g, *words); }; });
}

}  // namespace kz::cli
