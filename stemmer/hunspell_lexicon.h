// Read-only view of a Hunspell dictionary (.dic + .aff), folded like the analysis chain, with
// just enough affix logic to say which dictionary word a form comes from.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kz::analysis {

// Word classes derived from the OpenTaal nl affix flags.
enum WordClass : std::uint32_t {
  kNoun = 1u << 0,        // has a plural or diminutive rule (Z*, Y*)
  kVerbStem = 1u << 1,    // first person stem: "verleng" (V3, Vp, Vq, Va, Vb)
  kInfinitive = 1u << 2,  // "verlengen" (Vi)
  kParticiple = 1u << 3,  // "verlengd", "geïnformeerd" (Ve)
  kAdjective = 1u << 4,   // A* rules
  kCompoundable = 1u << 5,  // may take part in a compound (C*)
  kCompoundOnly = 1u << 6,  // only inside a compound
  kPlain = 1u << 7,       // listed without any flag: invariable words ("maart", "alleen")
  kParticleVerb = 1u << 8,  // verb form that takes separable particles (P*): "gaat", "bestaat"
  kLowerCase = 1u << 9,   // some entry is written in lower case (not only a name or abbreviation)
  kName = 1u << 10,       // name flags (PN genitive, Sv, G*): "Duitsland", "Noorwegen"
};

// Identifies the nl.dic/nl.aff a lexicon was read from, by size, modification time and inode,
// so a binary cache made from other files (an updated hunspell-nl) is never used.
struct LexiconFilesKey {
  std::uint64_t dic_size = 0, dic_mtime_ns = 0, dic_inode = 0;
  std::uint64_t aff_size = 0, aff_mtime_ns = 0, aff_inode = 0;
  // Throws std::runtime_error naming a file that cannot be stat'ed.
  static LexiconFilesKey of(const std::string& dic_path, const std::string& aff_path);
  bool operator==(const LexiconFilesKey&) const = default;
  std::string hex() const;  // short hash of the fields, for cache file names
};

struct LexiconTables;

// One way to derive a form from a dictionary word.
struct Derivation {
  std::string base;         // the dictionary word (folded)
  std::uint32_t base_classes = 0;
  std::string prefix;       // particle prefix split off ("aan" in "aangaf"), else empty
  std::uint16_t flag = 0;   // affix flag applied; 0 = the form is itself listed
  std::uint32_t kind = 0;   // class of the derived form (kNoun for plurals, kVerbStem for -t ...)
  std::size_t suffix_len = 0;  // bytes of the form the suffix rule added (longer = more specific)
};

class HunspellLexicon {
 public:
  // Throws std::runtime_error naming the file when it cannot be read.
  HunspellLexicon(const std::string& dic_path, const std::string& aff_path);
  ~HunspellLexicon();

  // A lexicon mapped read-only from a cache file that write_cache made from the files key
  // describes; null when there is no such usable file. Answers exactly like a parsed one.
  static std::unique_ptr<HunspellLexicon> open_cache(const std::string& cache_path, const LexiconFilesKey& key);
  // Writes the binary cache (atomically). Throws std::runtime_error naming the path.
  void write_cache(const std::string& cache_path, const LexiconFilesKey& key) const;
  bool mapped() const;  // read from a cache file

  // Classes of a listed word (0 when not listed).
  std::uint32_t classes(std::string_view folded) const;
  bool contains(std::string_view folded) const { return classes(folded) != 0; }
  // Whether a listed word carries an affix flag, e.g. "Ch" (takes a linking -s- in compounds).
  bool has_flag(std::string_view folded, std::string_view flag) const;
  // All derivations of form from listed words by one suffix rule, one particle prefix, or both.
  std::vector<Derivation> derive(std::string_view form) const;
  std::size_t size() const;

  static std::string flag_name(std::uint16_t flag);

 private:
  explicit HunspellLexicon(std::unique_ptr<LexiconTables> tables);
  std::unique_ptr<LexiconTables> d_;
};

// Where the Dutch lexicon is read from: $KAMERZOEK_HUNSPELL_DIR or /usr/share/hunspell
// (Debian package hunspell-nl), files nl.dic and nl.aff.
std::string hunspell_dir();

}  // namespace kz::analysis
