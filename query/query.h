// Public interface of the query side: open one or more index shards and answer search,
// show, costs, mandates, timeline and missions. Results are plain data; cli/ formats them.
#pragma once
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/record/missions.h"

namespace kz::query {

// The index is missing, locked beyond waiting, or unreadable (exit code 2).
class IndexError : public std::runtime_error {
 public:
  IndexError(std::string subject, const std::string& cause)
      : std::runtime_error(cause), subject_(std::move(subject)) {}
  const std::string& subject() const { return subject_; }

 private:
  std::string subject_;
};

// A reference or mission the index does not know (exit code 1); `suggestions` are the nearest.
class UnknownError : public std::runtime_error {
 public:
  UnknownError(std::string subject, const std::string& cause, std::vector<std::string> suggestions)
      : std::runtime_error(cause), subject_(std::move(subject)), suggestions_(std::move(suggestions)) {}
  const std::string& subject() const { return subject_; }
  const std::vector<std::string>& suggestions() const { return suggestions_; }

 private:
  std::string subject_;
  std::vector<std::string> suggestions_;
};

// A query the parser cannot read (unbalanced quotes or parentheses, empty, a bad date or
// field value): bad usage, exit code 1. `subject` is what the user typed.
class QueryError : public std::runtime_error {
 public:
  QueryError(std::string subject, const std::string& cause)
      : std::runtime_error(cause), subject_(std::move(subject)) {}
  const std::string& subject() const { return subject_; }

 private:
  std::string subject_;
};

// Something the user should know that does not stop the command, such as an index made with
// another analysis chain; the command line prints it on stderr. Each cause is reported once.
using WarningHandler = std::function<void(const std::string& subject, const std::string& cause)>;
void set_warning_handler(WarningHandler handler);

// One or more databases searched as one: local directories or Xapian stub files naming
// remote shards. Reopens transparently when a concurrent writer commits.
class Index {
 public:
  explicit Index(const std::vector<std::string>& paths);  // throws IndexError
  const Xapian::Database& db() const { return db_; }
  void reopen();
  // The mission table stored by the indexer, else the default data file.
  const MissionTable& missions() const { return missions_; }
  // Warns (set_warning_handler) when a shard was indexed with another analysis chain than
  // this build's: its stems may differ from the query's, so recall may suffer. A warning, not
  // a refusal: exact words and fields still match, and a remote shard is not ours to rebuild.
  void check_analysis() const;

 private:
  std::vector<std::string> paths_;
  std::vector<std::pair<std::string, std::string>> analysis_;  // shard path, stored fingerprint
  Xapian::Database db_;
  MissionTable missions_;
};

struct SearchOptions {
  std::string query;
  std::string from, to;   // YYYY[-MM[-DD]]
  std::string dossier, mission, type;
  int limit = 10;
};

struct Hit {
  std::string id, title, date, file;
  int page = 0;
  double score = 0;
  std::string snippet;                                  // plain text
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // byte ranges in snippet to highlight
};

struct SearchResult {
  std::string query;
  long long total_estimate = 0;
  bool total_exact = false;  // every match was counted (small results), not estimated
  std::vector<Hit> hits;
};

SearchResult search(Index& index, const SearchOptions& options);  // throws UnknownError for a bad mission

// The contract's search object (plus each hit's highlighted "matches").
nlohmann::json search_json(const SearchResult& result);

// `ask`: a Dutch question read and answered from stored facts and the best documents, as the
// contract's object (plus "read_as", how the question was read, in Dutch). `this_year` anchors
// "vorig jaar" (0: today). Throws QueryError for an empty question.
struct AskOptions {
  std::string question;
  int limit = 10;
  int this_year = 0;
};
nlohmann::json ask(Index& index, const AskOptions& options);

// The spec's show object (plus "text": [{"page", "body", "footnotes"}] when with_text).
// Throws UnknownError with the nearest ids.
nlohmann::json show(Index& index, const std::string& ref, bool with_text);

// The spec's objects for the fact commands. Throw UnknownError for an unknown mission.
nlohmann::json costs(Index& index, const std::string& mission, std::optional<int> from, std::optional<int> to);
nlohmann::json mandates(Index& index, const std::string& mission);
nlohmann::json timeline(Index& index, const std::string& mission);
// A mission's force sizes: {"mission","name","rows":[{"count","what","kind" (personnel, ship,
// aircraft, unit),"max","about","extra","dutch","date"|null,"year"|null,"text","source"}]} in
// source-date order. `dutch` rows speak of the Dutch contribution; `max` is a ceiling.
nlohmann::json forces(Index& index, const std::string& mission);
nlohmann::json missions(Index& index);

}  // namespace kz::query
