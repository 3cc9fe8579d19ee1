// Public interface of kamerzoek's Dutch analysis chain. The same chain serves the indexer
// (terms for documents) and the query side (terms for what a user typed), so both agree.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kz::analysis {

// NFKC (ligatures -> letters), typographic quotes/dashes/spaces mapped to their plain forms.
// Keeps case and diacritics: this is the text snippets and facts quote.
std::string normalize(std::string_view utf8);

// Matching form: normalize + case fold + diacritics removed ("Geïnformeerd" -> "geinformeerd").
std::string fold(std::string_view utf8);

struct Token {
  std::string text;        // as in the input
  std::string norm;        // fold(text)
  std::size_t offset = 0;  // byte offset of text in the input
  std::size_t length = 0;  // byte length of text in the input
  bool joined_hyphen = false;  // true for the synthetic whole-compound token of "NAVO-verdragsgebied"
};

// ICU word-boundary tokenization; words and numbers only (no punctuation/space tokens).
// A hyphenated compound yields its parts as tokens plus, after them, one token for the whole
// (joined_hyphen = true, norm "navo-verdragsgebied") with the offset of the first part.
std::vector<Token> tokenize(std::string_view utf8);

// Everything index and query need to know about one folded word.
struct WordAnalysis {
  std::string norm;                    // folded form
  std::string stem;                    // conflation key: equal stems mean the same word
  std::vector<std::string> parts;      // compound parts (folded), empty when not a compound
  std::vector<std::string> synonyms;   // folded synonyms/abbreviation expansions (query time)
  bool stopword = false;
};

class Analyzer {
 public:
  // Loads data files (stop words, stemmer exceptions, synonyms, lexicon) from the data dir:
  // $KAMERZOEK_DATA, else the source tree the binary was built from. The Dutch lexicon
  // (hunspell-nl: nl.dic/nl.aff in $KAMERZOEK_HUNSPELL_DIR or /usr/share/hunspell) is read
  // lazily, on the first word that needs it. Thread-safe; results are cached per thread.
  // See stemmer/data/README.md.
  static const Analyzer& instance();
  // An analyzer of its own, for checks of how the lexicon is loaded: lexicon_cache false
  // parses nl.dic/nl.aff; true goes through the binary lexicon cache as instance() does.
  static std::unique_ptr<Analyzer> create(bool lexicon_cache);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  std::string stem(std::string_view norm) const;
  std::vector<std::string> compound_parts(std::string_view norm) const;
  std::vector<std::string> synonyms(std::string_view norm) const;
  bool is_stopword(std::string_view norm) const;
  WordAnalysis analyze(std::string_view word) const;  // word need not be folded yet

  // Identifies what the chain was built from (lexicon size, data file contents). Stems from
  // chains with different fingerprints may differ, so an index can store it and a query warn.
  std::string fingerprint() const;

 private:
  explicit Analyzer(bool lexicon_cache);
  struct Impl;
  Impl* impl_;
};

// Directory with user-editable data files (corpus/missions.tsv, stemmer/data/...).
std::string data_dir();

}  // namespace kz::analysis
