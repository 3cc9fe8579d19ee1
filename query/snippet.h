// Choosing the snippet for a hit: the ~30-word window of a page (or footnote) that holds
// the most query terms, matched through the same analysis chain as the index, with the
// byte ranges of the matched words for highlighting.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/query_parser.h"
#include "query/snippet_screen.h"

namespace kz::query {

struct Snippet {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // [begin, end) byte ranges in text
  int page = 0;
  int score = 0;  // how well it matched: distinct query terms first, then occurrences
};

class SnippetMaker {
 public:
  SnippetMaker(QueryTerms terms, std::size_t window_words = 30);

  // The best window of one piece of text (a page body or a footnote).
  Snippet best_in(std::string_view text, int page) const;

  // The best window over a document's pages (page 1 first) and its stored "footnotes" array.
  Snippet best_in_document(const std::vector<std::string_view>& pages, const nlohmann::json& footnotes) const;

 private:
  struct Match {
    int word = -1;    // which query word, -1 when none
    bool exact = false;  // the folded form itself, not only its stem or a compound part
  };
  // Which query word a folded word of the text matches: by its folded form, its stem, or
  // one of its compound parts. With `screen`, a word that contains none of the query's
  // leading letters is taken as no match without asking the stemmer.
  Match match(const std::string& norm, bool screen) const;
  Snippet best_in(std::string_view text, int page, bool screen, std::size_t from, std::size_t to) const;
  Snippet best_in_document(const std::vector<std::string_view>& pages, const nlohmann::json& footnotes,
                           bool screen) const;

  QueryTerms terms_;
  SnippetScreen screen_;
  std::size_t window_;
  mutable std::unordered_map<std::string, Match> cache_;
};

}  // namespace kz::query
