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
  struct Data;
  std::unique_ptr<Data> d_;
};

// Where the Dutch lexicon is read from: $KAMERZOEK_HUNSPELL_DIR or /usr/share/hunspell
// (Debian package hunspell-nl), files nl.dic and nl.aff.
std::string hunspell_dir();

}  // namespace kz::analysis
