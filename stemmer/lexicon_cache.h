// Where the binary lexicon cache lives and how the Dutch lexicon is opened through it:
// parsing nl.dic/nl.aff costs tens of milliseconds, mapping the cache well under one, which
// matters for commands that run once per query. See stemmer/data/README.md.
#pragma once
#include <memory>
#include <string>

#include "stemmer/hunspell_lexicon.h"

namespace kz::analysis {

struct LexiconLocation {
  std::string dic, aff;   // the Hunspell files
  std::string prebuilt;   // cache made at build time, "" for none
  std::string cache_dir;  // where to find or write a cache made on first use, "" for none
};

// nl.dic/nl.aff under hunspell_dir(); the build tree's cache; the user cache directory
// $KAMERZOEK_CACHE, else $XDG_CACHE_HOME/kamerzoek, else ~/.cache/kamerzoek.
// KAMERZOEK_LEXICON_CACHE=0 turns both caches off (the files are parsed every time).
LexiconLocation default_lexicon_location();

// Cache file name in a cache directory for the files key describes.
std::string lexicon_cache_path(const std::string& cache_dir, const LexiconFilesKey& key);

// The prebuilt cache if it was made from these files, else the one in cache_dir, else the
// parsed files (then written to cache_dir for next time, when that works). how, when not
// null, is set to the cache file used or "parsed". Throws std::runtime_error when the
// Hunspell files cannot be read.
std::unique_ptr<HunspellLexicon> open_lexicon(const LexiconLocation& where, std::string* how = nullptr);

}  // namespace kz::analysis
