// The Analyzer: stems, compound parts, synonyms and stop words for folded words.
#include <xapian.h>

#include <mutex>
#include <unordered_map>

#include "stemmer/analysis.h"

namespace kz::analysis {

struct Analyzer::Impl {};

Analyzer::Analyzer() : impl_(new Impl) {}

const Analyzer& Analyzer::instance() {
  static const Analyzer a;
  return a;
}

std::string Analyzer::stem(std::string_view norm) const {
  thread_local Xapian::Stem s("dutch");
  return s(std::string(norm));
}

std::vector<std::string> Analyzer::compound_parts(std::string_view) const { return {}; }

std::vector<std::string> Analyzer::synonyms(std::string_view) const { return {}; }

bool Analyzer::is_stopword(std::string_view) const { return false; }

WordAnalysis Analyzer::analyze(std::string_view word) const {
  WordAnalysis w;
  w.norm = fold(word);
  w.stem = stem(w.norm);
  w.parts = compound_parts(w.norm);
  w.synonyms = synonyms(w.norm);
  w.stopword = is_stopword(w.norm);
  return w;
}

}  // namespace kz::analysis
