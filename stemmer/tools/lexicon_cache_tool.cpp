// kz_lexicon_cache DIC AFF OUT: parses the Hunspell files and writes the binary lexicon cache
// the analysis chain maps at start-up. Run by the build; see stemmer/data/README.md.
#include <exception>
#include <iostream>

#include "stemmer/hunspell_lexicon.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: kz_lexicon_cache NL.DIC NL.AFF OUT.kzlex\n";
    return 2;
  }
  try {
    kz::analysis::HunspellLexicon lex(argv[1], argv[2]);
    lex.write_cache(argv[3], kz::analysis::LexiconFilesKey::of(argv[1], argv[2]));
  } catch (const std::exception& e) {
    std::cerr << "kz_lexicon_cache: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
