// Cheap looks at a document's texts before the snippet maker tokenizes and stems them:
// which texts and which stretch of a page hold the query's words, and which words cannot
// match at all. Stemming every word of ten documents costs more than the search itself.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/query_parser.h"

namespace kz::query {

class SnippetScreen {
 public:
  explicit SnippetScreen(const QueryTerms& terms);

  // False when the folded word contains none of the query's leading letters, so neither it,
  // its stem nor a compound part of it can be a query word. Irregular forms ("deed" ~ "doen")
  // are screened out too; the snippet maker reads a document again unscreened when nothing
  // in it matched.
  bool may_match(const std::string& norm) const;

  struct Key {
    std::string text;  // folded letters
    int word;          // the query word it stands for
    int weight;        // 3 for a whole exact form, 1 for a leading part
  };
  const std::vector<Key>& keys() const { return keys_; }

  struct Hit {
    std::size_t offset;  // in the original text
    const Key* key;
  };
  // Where the query's keys occur in a text (ASCII lower case, Latin-1 accents dropped), in
  // text order; a key of one or two letters only where a word starts. promise() and region()
  // both work from this one scan.
  std::vector<Hit> hits(std::string_view text) const;

  // How promising a text looks: query words found in it (x100) plus their weighted occurrences;
  // the query's exact forms weigh more than stems and prefixes, as in the snippet's own score.
  int promise(const std::vector<Hit>& hits) const;

  // The byte range of `text` around its most promising stretch, cut at spaces: enough words on
  // both sides for a snippet window, far less than a page to tokenize. The whole text when short.
  std::pair<std::size_t, std::size_t> region(std::string_view text, const std::vector<Hit>& hits) const;

 private:
  std::vector<Key> keys_;
  std::array<std::vector<std::size_t>, 256> by_first_;  // indexes into keys_, by the key's first byte
  int words_ = 0;
};

}  // namespace kz::query
