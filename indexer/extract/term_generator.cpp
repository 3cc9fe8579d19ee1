// Word terms for a piece of text, through the shared Dutch analysis chain: folded words with
// positions (phrases), stems for ranking, compound parts as plain terms. Parts and stop words
// carry no positions: a phrase is matched against the words as printed, leaving room for its
// stop words; parts' positions took 9% of the position table, stop words' over a third.
#include <vector>

#include "indexer/extract/document_builder.h"
#include "indexer/record/index_schema.h"
#include "stemmer/analysis.h"

namespace kz {

Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, Xapian::termpos pos) {
  const auto& analyzer = analysis::Analyzer::instance();
  std::vector<std::pair<std::size_t, Xapian::termpos>> recent;  // token offset -> position
  for (const auto& tok : analysis::tokenize(text)) {
    if (tok.norm.empty() || tok.norm.size() > schema::kMaxTermBytes) continue;
    if (tok.joined_hyphen) {
      // The whole of "NAVO-verdragsgebied" stands where its first part stands.
      Xapian::termpos at = pos;
      for (auto it = recent.rbegin(); it != recent.rend(); ++it)
        if (it->first == tok.offset) {
          at = it->second;
          break;
        }
      doc.add_posting(tok.norm, at);
      doc.add_term(schema::term(schema::kStem, analyzer.stem(tok.norm)));
      continue;
    }
    ++pos;
    recent.emplace_back(tok.offset, pos);
    if (recent.size() > 16) recent.erase(recent.begin());
    if (analyzer.is_stopword(tok.norm)) {
      // Searchable, but without a position: stop words were over a third of all positions, and
      // a phrase is matched on its other words within the span the stop words leave (the
      // position counter still steps over them).
      doc.add_term(tok.norm);
      continue;
    }
    doc.add_posting(tok.norm, pos);
    doc.add_term(schema::term(schema::kStem, analyzer.stem(tok.norm)));
    for (const auto& part : analyzer.compound_parts(tok.norm)) {
      doc.add_term(part);
      doc.add_term(schema::term(schema::kStem, analyzer.stem(part)));
    }
  }
  return pos;
}

}  // namespace kz
