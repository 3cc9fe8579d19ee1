// Choosing the snippet for a hit: the ~30-word window of a page (or footnote) that holds
// the most query terms, matched through the same analysis chain as the index, with the
// byte ranges of the matched words for highlighting.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/query_parser.h"

namespace kz::query {

struct Snippet {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // [begin, end) byte ranges in text
  int page = 0;
  int score = 0;  // how well it matched: distinct query terms first, then occurrences
};

class SnippetMaker {
 public:
  explicit SnippetMaker(const QueryTerms& terms, std::size_t window_words = 30)
      : terms_(terms), window_(window_words) {}

  // The best window of one piece of text (a page body or a footnote).
  Snippet best_in(const std::string& text, int page) const;

  // The best window over a document's stored data (its "pages" and "footnotes").
  Snippet best_in_document(const nlohmann::json& data) const;

 private:
  // The query term a folded word matches ("" when none): its norm, or its stem, or one of
  // its compound parts.
  const std::string& match_key(const std::string& norm) const;

  const QueryTerms& terms_;
  std::size_t window_;
  mutable std::unordered_map<std::string, std::string> cache_;
};

}  // namespace kz::query
