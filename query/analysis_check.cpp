// Comparing the analysis chain an index was built with against this build's, and saying in
// words what differs (the Dutch dictionary or the data files), since "fingerprint differs"
// tells a user nothing about what to do.
#include <map>
#include <mutex>
#include <set>

#include "query/query.h"
#include "stemmer/analysis.h"

namespace kz::query {
namespace {

std::mutex g_mutex;
WarningHandler g_handler;
std::set<std::string> g_said;

// "kz-analysis-1 lexicon=N data=H" -> {"lexicon": "N", "data": "H"}
std::map<std::string, std::string> fields(const std::string& fp) {
  std::map<std::string, std::string> out;
  std::size_t i = 0;
  while (i < fp.size()) {
    std::size_t e = fp.find(' ', i);
    if (e == std::string::npos) e = fp.size();
    std::string word = fp.substr(i, e - i);
    if (auto eq = word.find('='); eq != std::string::npos) out[word.substr(0, eq)] = word.substr(eq + 1);
    i = e + 1;
  }
  return out;
}

std::string dictionary(const std::string& lexicon) {
  if (lexicon == "none" || lexicon.empty()) return "Snowball only (no hunspell-nl dictionary)";
  return "the hunspell-nl dictionary (" + lexicon + " words)";
}

std::string cause(const std::string& stored, const std::string& ours) {
  auto a = fields(stored), b = fields(ours);
  std::string out;
  if (a["lexicon"] != b["lexicon"]) {
    out = "index built with " + dictionary(a["lexicon"]) + ", this build has " + dictionary(b["lexicon"]) +
          ": recall may suffer; re-index";
    if (b["lexicon"] == "none") out += " or install hunspell-nl";
    return out;
  }
  if (a["data"] != b["data"])
    return "index built with other analysis data files (stemmer/data: stop words, stems, compounds, synonyms) than "
           "this build's: recall may suffer; re-index";
  return "index built with another analysis chain (" + stored + ", this build: " + ours + "): recall may suffer; re-index";
}

}  // namespace

void set_warning_handler(WarningHandler handler) {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_handler = std::move(handler);
}

void Index::check_analysis() const {
  std::string ours;
  for (const auto& [path, stored] : analysis_) {
    if (stored.empty()) continue;  // made before the fingerprint was stored: unknown, not wrong
    if (ours.empty()) ours = analysis::Analyzer::instance().fingerprint();
    if (stored == ours) continue;
    std::string why = cause(stored, ours);
    std::lock_guard<std::mutex> lock(g_mutex);
    if (g_handler && g_said.insert(why).second) g_handler(path, why);
  }
}

}  // namespace kz::query
