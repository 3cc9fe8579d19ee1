// The search query language: words, "phrases", AND/OR/NOT, -word, (groups) and field
// prefixes (dossier:, nr:, kenmerk:, missie:, jaar:, type:, van:, aan:), turned into a
// Xapian query over the index's terms through the same Dutch analysis chain as the indexer.
#pragma once
#include <xapian.h>

#include <map>
#include <string>
#include <string_view>

#include "indexer/record/missions.h"

namespace kz::query {

// What a matching word in a document's text looks like, for choosing and marking snippets.
// Each word the user typed is one "word"; its synonyms share its number, so a snippet
// is ranked by how many different things the user asked for it shows. Stop words are left out.
struct QueryTerms {
  std::map<std::string, int> norms;  // folded form -> word
  std::map<std::string, int> stems;  // stem -> word
  int words = 0;
  bool empty() const { return norms.empty() && stems.empty(); }
  // Records `norm` as a form of `word` (a new word when negative); returns the word.
  int add(const std::string& norm, int word = -1);
};

struct ParsedQuery {
  Xapian::Query query;  // MatchAll-free unless the user asked only for exclusions
  QueryTerms terms;
};

class QueryParser {
 public:
  explicit QueryParser(const MissionTable& missions) : missions_(missions) {}

  // Throws QueryError for text it cannot read, UnknownError for an unknown mission.
  ParsedQuery parse(std::string_view text) const;

  // The boolean filter for one field prefix ("dossier", "29521"); also used for --dossier,
  // --mission and --type. Throws QueryError for an unknown field or a malformed value.
  Xapian::Query field(std::string_view name, std::string_view value) const;

  // True when `name` (lower case, without the colon) is a field prefix.
  static bool is_field(std::string_view name);

 private:
  const MissionTable& missions_;
};

// The query for one folded word: its exact form (weighted up), its stem, and its synonyms.
Xapian::Query word_query(const std::string& norm, QueryTerms* terms);

}  // namespace kz::query
