// Opens the Dutch lexicon through its binary cache: the one the build made, else one in the
// user's cache directory, else parses nl.dic/nl.aff and leaves a cache behind for next time.
#include "stemmer/lexicon_cache.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace kz::analysis {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

void stat_file(const std::string& path, std::uint64_t* size, std::uint64_t* mtime_ns, std::uint64_t* inode) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) throw std::runtime_error("cannot read " + path + " (install hunspell-nl or set KAMERZOEK_HUNSPELL_DIR)");
  *size = static_cast<std::uint64_t>(st.st_size);
  *mtime_ns = static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000ull + static_cast<std::uint64_t>(st.st_mtim.tv_nsec);
  *inode = static_cast<std::uint64_t>(st.st_ino);
}

}  // namespace

LexiconFilesKey LexiconFilesKey::of(const std::string& dic_path, const std::string& aff_path) {
  LexiconFilesKey k;
  stat_file(dic_path, &k.dic_size, &k.dic_mtime_ns, &k.dic_inode);
  stat_file(aff_path, &k.aff_size, &k.aff_mtime_ns, &k.aff_inode);
  return k;
}

std::string LexiconFilesKey::hex() const {
  std::uint64_t h = 1469598103934665603ull;
  for (std::uint64_t v : {dic_size, dic_mtime_ns, dic_inode, aff_size, aff_mtime_ns, aff_inode})
    for (int i = 0; i < 8; ++i) h = (h ^ ((v >> (8 * i)) & 0xff)) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

LexiconLocation default_lexicon_location() {
  LexiconLocation where;
  const std::string dir = hunspell_dir();
  where.dic = dir + "/nl.dic";
  where.aff = dir + "/nl.aff";
  std::string off = env("KAMERZOEK_LEXICON_CACHE");
  if (off == "0" || off == "off") return where;
#ifdef KZ_LEXICON_CACHE
  where.prebuilt = KZ_LEXICON_CACHE;
#endif
  if (std::string c = env("KAMERZOEK_CACHE"); !c.empty()) {
    where.cache_dir = c;
  } else if (std::string x = env("XDG_CACHE_HOME"); !x.empty()) {
    where.cache_dir = x + "/kamerzoek";
  } else if (std::string home = env("HOME"); !home.empty()) {
    where.cache_dir = home + "/.cache/kamerzoek";
  }
  return where;
}

std::string lexicon_cache_path(const std::string& cache_dir, const LexiconFilesKey& key) {
  return cache_dir + "/lexicon-nl-" + key.hex() + ".kzlex";
}

std::unique_ptr<HunspellLexicon> open_lexicon(const LexiconLocation& where, std::string* how) {
  auto parse = [&] {
    if (how) *how = "parsed";
    return std::make_unique<HunspellLexicon>(where.dic, where.aff);
  };
  if (where.prebuilt.empty() && where.cache_dir.empty()) return parse();
  LexiconFilesKey key;
  try {
    key = LexiconFilesKey::of(where.dic, where.aff);
  } catch (const std::runtime_error&) {
    return parse();  // let the parser report the missing file
  }
  for (const std::string& path : {where.prebuilt, where.cache_dir.empty() ? std::string() : lexicon_cache_path(where.cache_dir, key)}) {
    if (path.empty()) continue;
    if (auto lex = HunspellLexicon::open_cache(path, key)) {
      if (how) *how = path;
      return lex;
    }
  }
  auto lex = parse();
  if (!where.cache_dir.empty()) {
    // A cache that cannot be written (read-only home, full disk) only costs speed.
    std::error_code ec;
    std::filesystem::create_directories(where.cache_dir, ec);
    try {
      lex->write_cache(lexicon_cache_path(where.cache_dir, key), key);
    } catch (const std::runtime_error&) {
    }
  }
  return lex;
}

}  // namespace kz::analysis
