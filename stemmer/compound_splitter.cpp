// Head-first compound splitting over the Hunspell lexicon (see compound_splitter.h).
#include "stemmer/compound_splitter.h"

#include "stemmer/dutch_stemmer.h"
#include "stemmer/text_util.h"

namespace kz::analysis {
namespace {

constexpr std::size_t kMinPart = 3;
constexpr int kMaxDepth = 3;

bool inflection_flag(std::uint16_t flag) {
  char a = static_cast<char>(flag >> 8);
  return a == 'Z' || a == 'Y' || a == 'V' || a == 'A';
}

}  // namespace

bool CompoundSplitter::known_form(std::string_view w) const {
  if (w.size() < kMinPart || !all_letters(w) || rules_.blocked_parts.count(std::string(w))) return false;
  std::uint32_t c = lex_.classes(w);
  if (c != 0) return (c & ~(kCompoundOnly | kCompoundable)) != 0 || (c & kCompoundable);
  for (const Derivation& d : lex_.derive(w))
    if (d.prefix.empty() && inflection_flag(d.flag) && !rules_.blocked_parts.count(d.base)) return true;
  return false;
}

// The modifier may carry a linking element; core receives the word without it.
bool CompoundSplitter::modifier_ok(std::string_view m, bool strict, int depth, std::string* core,
                                   std::vector<std::string>* subparts) const {
  std::string_view whole = m, stripped;
  if (ends_with(m, "s") || ends_with(m, "-") || ends_with(m, "e")) stripped = m.substr(0, m.size() - 1);
  auto usable = [&](std::string_view c) {
    // Particles make derivations, not compounds: "uit|zenden", "over|wegingen".
    return c.size() >= kMinPart && !rules_.blocked_parts.count(std::string(c)) && !is_particle(c);
  };
  // A modifier that is a word as written wins ("proces|verbaal"); then one without the
  // linking element ("verdrag|s|gebied").
  for (std::string_view c : {whole, stripped}) {
    if (!usable(c)) continue;
    if (strict) {
      // Inside a listed word only noun or adjective modifiers make a real compound ("kamer|stuk").
      if (c.size() >= 4 && (lex_.classes(c) & (kNoun | kAdjective))) {
        *core = c;
        return true;
      }
    } else if (known_form(c)) {
      *core = c;
      return true;
    }
  }
  if (strict || depth >= kMaxDepth) return false;
  for (std::string_view c : {stripped, whole}) {
    if (!usable(c) || c.size() < 2 * kMinPart) continue;
    if (auto sub = split_at_depth(c, depth + 1)) {
      *core = c;
      *subparts = sub->parts;
      return true;
    }
  }
  return false;
}

std::optional<CompoundSplit> CompoundSplitter::split(std::string_view word) const {
  if (auto it = rules_.fixed.find(std::string(word)); it != rules_.fixed.end()) {
    if (it->second.empty()) return std::nullopt;
    CompoundSplit s;
    s.parts = it->second;
    const std::string& head = it->second.back();
    s.head_start = ends_with(word, head) ? word.size() - head.size() : 0;
    return s;
  }
  return split_at_depth(word, 0);
}

std::optional<CompoundSplit> CompoundSplitter::split_at_depth(std::string_view word, int depth) const {
  if (word.size() < 2 * kMinPart || !all_letters(word)) return std::nullopt;
  // Listed words are mostly lexicalized; only split them into noun + word.
  bool strict = lex_.contains(word);
  if (!strict)
    for (const Derivation& d : lex_.derive(word))
      if (d.prefix.empty() && inflection_flag(d.flag)) strict = true;
  for (std::size_t start = kMinPart; start + kMinPart <= word.size(); ++start) {
    std::string_view head = word.substr(start);
    if (strict && head.size() < 4) break;
    if (!known_form(head)) continue;
    std::string core;
    std::vector<std::string> sub;
    if (!modifier_ok(word.substr(0, start), strict, depth, &core, &sub)) continue;
    CompoundSplit s;
    s.head_start = start;
    s.parts = {core, std::string(head)};
    s.parts.insert(s.parts.end(), sub.begin(), sub.end());
    return s;
  }
  return std::nullopt;
}

}  // namespace kz::analysis
