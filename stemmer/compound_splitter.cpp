// Head-first compound splitting over the Hunspell lexicon (see compound_splitter.h).
#include "stemmer/compound_splitter.h"

#include <algorithm>

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
  std::string_view first = m, second;
  if (ends_with(m, "s") || ends_with(m, "-") || ends_with(m, "e")) second = m.substr(0, m.size() - 1);
  // A word as written usually wins ("proces|verbaal"), but not over a word the lexicon says
  // takes a linking -s- ("staat|s|secretaris", "minister|s|overleg").
  // Dutch modifiers are almost never plural, so "bataljons" is bataljon + linking -s- too.
  if (!second.empty() && ends_with(m, "s") &&
      (lex_.has_flag(second, "Ch") || lex_.has_flag(second, "Cd") || (!lex_.contains(m) && known_form(second))))
    std::swap(first, second);
  auto usable = [&](std::string_view c) {
    // Particles make derivations, not compounds: "uit|zenden", "over|wegingen".
    return c.size() >= (strict ? 4 : kMinPart) && !rules_.blocked_parts.count(std::string(c)) && !is_particle(c);
  };
  for (std::string_view c : {first, second}) {
    if (c.empty() || !usable(c)) continue;
    // Inside a listed word only noun-like modifiers make a real compound ("kamer|stuk").
    bool ok = strict ? (lex_.classes(c) & (kNoun | kAdjective | kCompoundable)) != 0 || (!lex_.contains(c) && known_form(c))
                     : known_form(c);
    if (ok) {
      *core = c;
      return true;
    }
  }
  if (depth >= kMaxDepth) return false;
  for (std::string_view c : {second, first}) {
    if (c.empty() || !usable(c) || c.size() < 2 * kMinPart) continue;
    if (auto sub = split_at_depth(c, depth + 1)) {
      // Inside a listed word a modifier compound needs solid parts ("lucht|macht"), not
      // fragments like "ver|len" in "verlenging".
      if (strict && std::any_of(sub->parts.begin(), sub->parts.end(), [](const std::string& p) { return p.size() < 4; }))
        continue;
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
  if (word.size() < 2 * kMinPart || word.size() > 64 || !all_letters(word)) return std::nullopt;
  // Listed words are mostly lexicalized; only split them into noun + word.
  bool strict = lex_.contains(word);
  if (!strict)
    for (const Derivation& d : lex_.derive(word))
      if (d.prefix.empty() && inflection_flag(d.flag)) strict = true;
  for (std::size_t start = kMinPart; start + kMinPart <= word.size(); ++start) {
    std::string_view head = word.substr(start);
    if (strict && head.size() < 4 && (start < 6 || !(lex_.classes(head) & kNoun))) continue;
    if (!known_form(head)) continue;
    std::string core;
    std::vector<std::string> sub;
    if (!modifier_ok(word.substr(0, start), strict, depth, &core, &sub)) continue;
    CompoundSplit s;
    s.head_start = start;
    s.parts = {core, std::string(head)};
    s.parts.insert(s.parts.end(), sub.begin(), sub.end());
    // A listed compound head has parts of its own: "verkeersleiding" in luchtverkeersleiding.
    if (depth == 0 && !strict && head.size() >= 8)
      if (auto inner = split_at_depth(head, kMaxDepth); inner && inner->parts.size() == 2)
        s.parts.insert(s.parts.end(), inner->parts.begin(), inner->parts.end());
    return s;
  }
  return std::nullopt;
}

}  // namespace kz::analysis
