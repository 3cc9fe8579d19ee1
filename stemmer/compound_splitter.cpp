// Head-first compound splitting over the Hunspell lexicon (see compound_splitter.h).
#include "stemmer/compound_splitter.h"

#include <algorithm>

#include "stemmer/dutch_stemmer.h"
#include "stemmer/text_util.h"

namespace kz::analysis {
namespace {

constexpr std::size_t kMinPart = 3;
constexpr std::size_t kMaxWord = 64;
constexpr int kMaxDepth = 3;

char group(std::uint16_t flag) { return static_cast<char>(flag >> 8); }
bool inflection_flag(std::uint16_t flag) {
  char a = group(flag);
  return a == 'Z' || a == 'Y' || a == 'V' || (a == 'A' && static_cast<char>(flag & 0xff) != '0');
}

}  // namespace

// Short parts must be ordinary lower-case nouns ("zee", "lid"), never names, abbreviations or
// word fragments ("ion", "dse").
bool CompoundSplitter::part_ok(std::string_view p) const {
  if (p.size() < kMinPart || rules_.blocked_parts.count(std::string(p)) || is_particle(p)) return false;
  std::uint32_t c = lex_.classes(p);
  if (c != 0 && !(c & kLowerCase) && p.size() < 5) return false;
  if (p.size() == kMinPart) return (c & kNoun) && (c & kLowerCase);
  return true;
}

bool CompoundSplitter::known_form(std::string_view w) const {
  if (w.size() < kMinPart || !all_letters(w) || rules_.blocked_parts.count(std::string(w))) return false;
  std::uint32_t c = lex_.classes(w);
  if (c != 0) return c != kCompoundOnly;
  for (const Derivation& d : lex_.derive(w))
    if (d.prefix.empty() && inflection_flag(d.flag) && !rules_.blocked_parts.count(d.base)) return true;
  return false;
}

// The modifier as written and without a linking element. As written usually wins
// ("proces|verbaal"), but not for a word that takes a linking -s- ("staat|s|secretaris"):
// modifiers are almost never plural ("bataljon|s|staf").
std::pair<std::string_view, std::string_view> CompoundSplitter::modifier_candidates(std::string_view m) const {
  std::string_view first = m, second;
  if (ends_with(m, "s") || ends_with(m, "-") || ends_with(m, "e")) second = m.substr(0, m.size() - 1);
  if (!second.empty() && ends_with(m, "s") &&
      (lex_.has_flag(second, "Ch") || lex_.has_flag(second, "Cd") || (known_form(second) && !noun_like(m)) ||
       plural_of(m, second)))
    std::swap(first, second);
  return {first, second};
}

bool CompoundSplitter::plural_of(std::string_view form, std::string_view base) const {
  for (const Derivation& d : lex_.derive(form))
    if (d.prefix.empty() && group(d.flag) == 'Z' && d.base == base) return true;
  return !lex_.contains(form) ? false : (lex_.classes(form) & kNoun) == 0 && known_form(base);
}

// A noun or a plural/diminutive of one, in lower case.
bool CompoundSplitter::noun_like(std::string_view w) const {
  std::uint32_t c = lex_.classes(w);
  if (c != 0)
    return (c & kLowerCase) && ((c & kNoun) || ((c & (kCompoundable | kPlain)) && !(c & (kVerbStem | kInfinitive | kParticiple | kAdjective))));
  for (const Derivation& d : lex_.derive(w))
    if (d.prefix.empty() && (group(d.flag) == 'Z' || group(d.flag) == 'Y') && d.base.size() >= 4) return true;
  return false;
}

CompoundSplitter::Kind CompoundSplitter::classify(std::string_view word, std::string* lemma) const {
  const std::vector<Derivation> ds = lex_.derive(word);
  const Derivation* noun = nullptr;
  bool other = false;
  for (const Derivation& d : ds) {
    if (!d.prefix.empty()) {
      other = true;
    } else if (d.flag == 0) {
      std::uint32_t c = d.base_classes;
      if (!(c & kLowerCase) && ((c & kName) || !(c & (kNoun | kCompoundable)))) return Kind::NotNoun;  // "Duitsland"
      if (c & kAdjective) return Kind::NotNoun;     // "belangrijk" is not belang|rijk
      if ((c & kNoun) || (c & ~(kPlain | kCompoundable | kLowerCase | kParticleVerb)) == 0) noun = &d;
      else other = true;
    } else if (group(d.flag) == 'Z' || group(d.flag) == 'Y') {
      // The singular of a listed plural ("explosieven" -> explosief) unless the form is a noun itself.
      if (!noun || noun->flag != 0 || !(noun->base_classes & kNoun)) noun = &d;
    } else if (inflection_flag(d.flag)) {
      other = true;
    }
  }
  if (noun) {
    *lemma = noun->base;
    return Kind::Noun;
  }
  if (other || (is_verb_form_ && is_verb_form_(word))) return Kind::NotNoun;
  return Kind::Unknown;
}

bool CompoundSplitter::modifier_ok(std::string_view m, int depth, std::string* core, std::vector<std::string>* subparts) const {
  auto [first, second] = modifier_candidates(m);
  for (std::string_view c : {first, second}) {
    if (!c.empty() && part_ok(c) && known_form(c)) {
      *core = c;
      return true;
    }
  }
  if (depth >= kMaxDepth) return false;
  for (std::string_view c : {second, first}) {
    if (c.empty() || c.size() < 2 * kMinPart || !part_ok(c)) continue;
    if (auto sub = split_unknown(c, depth + 1)) {
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
  if (word.size() < 2 * kMinPart || word.size() > kMaxWord || !all_letters(word)) return std::nullopt;
  std::string lemma;
  switch (classify(word, &lemma)) {
    case Kind::NotNoun:
      return std::nullopt;
    case Kind::Noun: {
      // Split the singular, then report the head as written: kamerstukken -> kamer|stukken.
      auto s = split_listed_noun(lemma);
      if (!s || s->head_start >= word.size() || word.compare(0, s->head_start, lemma, 0, s->head_start) != 0)
        return std::nullopt;
      s->parts[1] = std::string(word.substr(s->head_start));
      return s;
    }
    case Kind::Unknown:
      break;
  }
  auto s = split_unknown(word, 0);
  if (!s) return s;
  // A listed compound head has parts of its own: "verkeersleiding" in luchtverkeersleiding.
  std::string_view head = word.substr(s->head_start);
  std::string head_lemma;
  if (head.size() >= 8 && classify(head, &head_lemma) == Kind::Noun)
    if (auto inner = split_listed_noun(head_lemma); inner && head.compare(0, inner->head_start, head_lemma, 0, inner->head_start) == 0) {
      s->parts.push_back(inner->parts[0]);
      s->parts.push_back(std::string(head.substr(inner->head_start)));
    }
  return s;
}

// Listed words are mostly lexicalized; split them only into two solid nouns ("kamer|stuk",
// "verantwoording|s|dag"), never at a derivational ending ("opera|tie", "waarde|ring").
std::optional<CompoundSplit> CompoundSplitter::split_listed_noun(std::string_view lemma) const {
  for (std::size_t start = 4; start + kMinPart <= lemma.size(); ++start) {
    std::string_view head = lemma.substr(start);
    if (!part_ok(head) || !noun_like(head)) continue;
    if (head.size() < 4 && start < 6) continue;
    // "bedrijf|s|leven", not "bedrijf|sleven": the -s- belongs to a modifier that takes it.
    if (head[0] == 's' && known_form(head.substr(1)) &&
        (lex_.has_flag(lemma.substr(0, start), "Ch") || lex_.has_flag(lemma.substr(0, start), "Cd")))
      continue;
    auto cands = modifier_candidates(lemma.substr(0, start));
    for (std::string_view c : {cands.first, cands.second}) {
      if (c.size() < 4 || !part_ok(c)) continue;
      std::uint32_t cls = lex_.classes(c);
      bool ok = ((cls & kLowerCase) && (cls & (kNoun | kAdjective | kCompoundable))) || (cls == 0 && noun_like(c));
      if (!ok && cls == 0 && c.size() >= 8 && (lex_.classes(lemma) & kNoun))
        ok = split_unknown(c, kMaxDepth - 1).has_value();  // "luchtmacht|basis"
      if (!ok) continue;
      CompoundSplit s;
      s.head_start = start;
      s.parts = {std::string(c), std::string(head)};
      return s;
    }
  }
  return std::nullopt;
}

std::optional<CompoundSplit> CompoundSplitter::split_unknown(std::string_view word, int depth) const {
  if (word.size() < 2 * kMinPart || !all_letters(word)) return std::nullopt;
  for (std::size_t start = kMinPart; start + kMinPart <= word.size(); ++start) {
    std::string_view head = word.substr(start);
    if (!part_ok(head) || !known_form(head)) continue;
    std::string_view before = word.substr(0, start);
    if (head[0] == 's' && known_form(head.substr(1)) && (lex_.has_flag(before, "Ch") || lex_.has_flag(before, "Cd"))) continue;
    std::string core;
    std::vector<std::string> sub;
    if (!modifier_ok(before, depth, &core, &sub)) continue;
    CompoundSplit s;
    s.head_start = start;
    s.parts = {core, std::string(head)};
    s.parts.insert(s.parts.end(), sub.begin(), sub.end());
    return s;
  }
  return std::nullopt;
}

}  // namespace kz::analysis
