// The Xapian query for a question typed as free text: every content word, mission and named
// Kamerstuk counts, but a document need not hold all of them; BM25 ranks documents holding
// more of them, and rarer ones, higher. (Putting the documents that hold every part first did
// worse on the real questions among look-alike documents: 62 against 64 of 103.)
#pragma once
#include <xapian.h>

#include "query/query_parser.h"
#include "query/question.h"

namespace kz::query {

struct RelaxedQuery {
  Xapian::Query any;  // matches a document holding any part; BM25 plus the boosts below
  QueryTerms terms;   // the words, for snippets
  int parts = 0;      // content words plus missions
  bool usable() const { return !any.empty(); }
};

// `tag_missions`: a mission named in a question also matches documents tagged with it and
// weighs as such; years and references weigh too. Off for bare keywords, which keep their words.
RelaxedQuery relaxed_query(const QueryParser& parser, const Question& q, const Xapian::Database& db,
                           bool tag_missions);

}  // namespace kz::query
