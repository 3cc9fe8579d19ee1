// Screening for the snippet maker; see snippet_screen.h.
#include "query/snippet_screen.h"

#include <algorithm>
#include <set>

namespace kz::query {
namespace {

// Leading bytes of a form or stem that a matching word contains ("geïnformeerd" ~ "informeer",
// "voortgangsrapportage" ~ "rapportage").
constexpr std::size_t kKeyBytes = 4;

// Latin-1 letters (UTF-8 C3 80..BF) without their accents, in lower case; '\0' for the rest.
constexpr char kLatin1Base[65] = "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts" "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";

// Keys this short are only looked for at the start of a word.
constexpr std::size_t kShortKey = 2;

// A byte of a word in the folded text: an ASCII letter or digit (accented Latin-1 letters are
// folded to theirs). Other multi-byte characters in Dutch text are mostly punctuation: ’ € –.
bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// The text in ASCII lower case with Latin-1 accents dropped, as analysis::fold would give for
// Dutch words. An accented letter is two bytes in UTF-8 and one here; `shrunk` lists where that
// happened, so an offset can be mapped back without keeping one offset per byte.
struct Folded {
  std::string text;
  std::vector<std::size_t> shrunk;  // folded offsets of letters that were two bytes

  std::size_t original(std::size_t at) const {
    return at + static_cast<std::size_t>(std::lower_bound(shrunk.begin(), shrunk.end(), at) - shrunk.begin());
  }
};

Folded fold_bytes(std::string_view raw) {
  Folded f;
  f.text.resize(raw.size());
  std::size_t n = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    auto c = static_cast<unsigned char>(raw[i]);
    if (c == 0xC3 && i + 1 < raw.size()) {
      auto d = static_cast<unsigned char>(raw[i + 1]);
      if (d >= 0x80 && d <= 0xBF && kLatin1Base[d - 0x80]) {
        f.shrunk.push_back(n);
        f.text[n++] = kLatin1Base[d - 0x80];
        ++i;
        continue;
      }
    }
    f.text[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  f.text.resize(n);
  return f;
}

}  // namespace

SnippetScreen::SnippetScreen(const QueryTerms& terms) : words_(terms.words) {
  std::set<std::pair<std::string, int>> seen;
  auto add = [&](const std::string& text, int word, int weight) {
    if (!text.empty() && seen.insert({text, word}).second) keys_.push_back({text, word, weight});
  };
  for (const auto& [norm, word] : terms.norms) {
    if (norm.size() > kKeyBytes) add(norm, word, 3);
    add(norm.substr(0, kKeyBytes), word, norm.size() > kKeyBytes ? 1 : 3);
  }
  for (const auto& [stem, word] : terms.stems) add(stem.substr(0, kKeyBytes), word, 1);
  for (std::size_t k = 0; k < keys_.size(); ++k) by_first_[static_cast<unsigned char>(keys_[k].text.front())].push_back(k);
}

bool SnippetScreen::may_match(const std::string& norm) const {
  return std::any_of(keys_.begin(), keys_.end(), [&](const Key& k) {
    return k.text.size() <= kKeyBytes && norm.find(k.text) != std::string::npos;
  });
}

std::vector<SnippetScreen::Hit> SnippetScreen::hits(std::string_view text) const {
  Folded f = fold_bytes(text);
  std::vector<Hit> out;
  // One pass over the text, trying only the keys that start with the byte at hand: a search per
  // key would stop at every "e" of a Dutch page for each key that starts with one.
  const std::string_view t = f.text;
  for (std::size_t i = 0; i < t.size(); ++i)
    for (std::size_t k : by_first_[static_cast<unsigned char>(t[i])]) {
      const std::string& key = keys_[k].text;
      // The second byte settles most candidates without a call to memcmp (an "e" starts a
      // sixth of Dutch letters).
      if (key.size() > t.size() - i || (key.size() > 1 && t[i + 1] != key[1])) continue;
      // A key of one or two bytes ("f" of "F-35") counts only where a word starts: inside
      // words it is everywhere, and would make every page look as promising as any other.
      if (key.size() <= kShortKey && i > 0 && word_byte(static_cast<unsigned char>(t[i - 1]))) continue;
      if (t.compare(i, key.size(), key) == 0) out.push_back({f.original(i), &keys_[k]});
    }
  return out;
}

int SnippetScreen::promise(const std::vector<Hit>& all) const {
  std::vector<char> found(static_cast<std::size_t>(words_) + 1, 0);
  int distinct = 0, weight = 0;
  for (const auto& h : all) {
    auto& f = found[static_cast<std::size_t>(h.key->word) % found.size()];
    if (!f) f = 1, ++distinct;
    weight += h.key->weight;
  }
  return distinct * 100 + std::min(weight, 99);
}

std::pair<std::size_t, std::size_t> SnippetScreen::region(std::string_view text, const std::vector<Hit>& all) const {
  constexpr std::size_t kCluster = 300, kBefore = 400, kAfter = 700;
  if (text.size() <= kBefore + kAfter || all.empty()) return {0, text.size()};
  // The 300-byte stretch with the most query words, then the most weight.
  std::vector<int> count(static_cast<std::size_t>(words_) + 1, 0);
  int distinct = 0, weight = 0, best = -1;
  std::size_t centre = all.front().offset;
  for (std::size_t lo = 0, hi = 0; hi < all.size(); ++hi) {
    if (count[static_cast<std::size_t>(all[hi].key->word) % count.size()]++ == 0) ++distinct;
    weight += all[hi].key->weight;
    while (all[hi].offset - all[lo].offset > kCluster) {
      if (--count[static_cast<std::size_t>(all[lo].key->word) % count.size()] == 0) --distinct;
      weight -= all[lo++].key->weight;
    }
    if (distinct * 100 + weight > best) best = distinct * 100 + weight, centre = all[lo].offset;
  }
  std::size_t from = centre > kBefore ? centre - kBefore : 0;
  std::size_t to = std::min(text.size(), centre + kAfter);
  while (from > 0 && !space(static_cast<unsigned char>(text[from - 1]))) --from;
  while (to < text.size() && !space(static_cast<unsigned char>(text[to]))) ++to;
  return {from, to};
}

}  // namespace kz::query
