// Snippet selection and highlight ranges; see snippet.h.
#include "query/snippet.h"

#include <algorithm>
#include <set>

#include "stemmer/analysis.h"

namespace kz::query {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Copies text[b, e) with runs of white space (line and paragraph breaks) made one space,
// carrying byte ranges along.
Snippet squeeze(std::string_view text, std::size_t b, std::size_t e,
                const std::vector<std::pair<std::size_t, std::size_t>>& marks) {
  Snippet s;
  std::vector<std::size_t> at(e - b + 1, 0);
  bool in_space = false;
  for (std::size_t i = b; i < e; ++i) {
    at[i - b] = s.text.size();
    auto c = static_cast<unsigned char>(text[i]);
    if (is_space(c)) {
      if (!in_space) s.text += ' ';
      in_space = true;
    } else {
      s.text += text[i];
      in_space = false;
    }
  }
  at[e - b] = s.text.size();
  for (auto [mb, me] : marks) {
    if (mb < b || me > e || mb >= me) continue;
    s.marks.emplace_back(at[mb - b], at[me - b]);
  }
  return s;
}

void merge(std::vector<std::pair<std::size_t, std::size_t>>& marks) {
  std::sort(marks.begin(), marks.end());
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (auto m : marks) {
    if (!out.empty() && m.first <= out.back().second) {
      out.back().second = std::max(out.back().second, m.second);
    } else {
      out.push_back(m);
    }
  }
  marks = std::move(out);
}

}  // namespace

// Only the most promising texts of a document (pages, notes) are tokenized when screening.
constexpr std::size_t kPromisingTexts = 2;

SnippetMaker::SnippetMaker(QueryTerms terms, std::size_t window_words)
    : terms_(std::move(terms)), screen_(terms_), window_(window_words) {}

SnippetMaker::Match SnippetMaker::match(const std::string& norm, bool screen) const {
  auto it = cache_.find(norm);
  if (it != cache_.end()) return it->second;
  if (screen && !screen_.may_match(norm)) return {};
  Match m;
  const auto& a = analysis::Analyzer::instance();
  if (auto n = terms_.norms.find(norm); n != terms_.norms.end()) {
    m = {n->second, true};
  } else if (!a.is_stopword(norm)) {
    if (auto st = terms_.stems.find(a.stem(norm)); st != terms_.stems.end()) m.word = st->second;
    // A compound in the text matches a query word that is one of its parts.
    for (const auto& part : m.word < 0 ? a.compound_parts(norm) : std::vector<std::string>{}) {
      if (auto n = terms_.norms.find(part); n != terms_.norms.end()) {
        m.word = n->second;
        break;
      }
      if (auto st = terms_.stems.find(a.stem(part)); st != terms_.stems.end()) {
        m.word = st->second;
        break;
      }
    }
  }
  return cache_.emplace(norm, m).first->second;
}

Snippet SnippetMaker::best_in(std::string_view text, int page) const {
  return best_in(text, page, false, 0, text.size());
}

Snippet SnippetMaker::best_in(std::string_view text, int page, bool screen, std::size_t from, std::size_t to) const {
  auto tokens = analysis::tokenize(text.substr(from, to - from));
  for (auto& t : tokens) t.offset += from;
  std::vector<const analysis::Token*> words;
  std::vector<Match> keys;
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  std::vector<std::pair<std::size_t, std::size_t>> joined;
  for (const auto& t : tokens) {
    if (t.joined_hyphen) {
      joined.emplace_back(t.offset, t.offset + t.length);
      if (!terms_.empty() && match(t.norm, screen).word >= 0) marks.emplace_back(t.offset, t.offset + t.length);
      continue;
    }
    words.push_back(&t);
    Match k = terms_.empty() ? Match{} : match(t.norm, screen);
    keys.push_back(k);
    if (k.word >= 0) marks.emplace_back(t.offset, t.offset + t.length);
  }
  if (words.empty()) return {};
  // "verdragsgebied" found inside "NAVO-verdragsgebied": mark the whole printed compound.
  for (auto [jb, je] : joined)
    for (auto [mb, me] : std::vector(marks))
      if (mb >= jb && me <= je) marks.emplace_back(jb, je);
  merge(marks);

  const std::size_t n = words.size(), w = std::min(window_, n);
  // Slide the window one word at a time, keeping per-query-word counts, so a page costs one
  // pass rather than one pass per window position.
  std::vector<int> seen(static_cast<std::size_t>(std::max(terms_.words, 1)) + 1, 0);
  int distinct = 0, hits = 0;
  auto enter = [&](const Match& k, int sign) {
    if (k.word < 0) return;
    auto& c = seen[static_cast<std::size_t>(k.word) % seen.size()];
    if (sign > 0 && c++ == 0) ++distinct;
    if (sign < 0 && --c == 0) --distinct;
    hits += sign * (k.exact ? 3 : 1);
  };
  for (std::size_t i = 0; i < w; ++i) enter(keys[i], +1);
  std::size_t best = 0;
  int best_score = distinct * 100 + hits;
  for (std::size_t b = 1; b + w <= n; ++b) {
    enter(keys[b - 1], -1);
    enter(keys[b + w - 1], +1);
    int s = distinct * 100 + hits;
    if (s > best_score) best_score = s, best = b;
  }
  // Centre the matched words in the window rather than starting at the first of them.
  std::size_t first = n, last = 0;
  for (std::size_t i = best; i < best + w; ++i)
    if (keys[i].word >= 0) first = std::min(first, i), last = std::max(last, i);
  if (first < n) {
    std::size_t pad = (w - (last - first + 1)) / 2;
    best = first > pad ? first - pad : 0;
    if (best + w > n) best = n - w;
  }
  std::size_t b = words[best]->offset;
  std::size_t e = words[best + w - 1]->offset + words[best + w - 1]->length;
  // Do not cut a hyphenated compound or a word's trailing punctuation in two.
  for (auto [jb, je] : joined) {
    if (jb < b && je > b) b = jb;
    if (jb < e && je > e) e = je;
  }
  while (e < text.size() && !is_space(static_cast<unsigned char>(text[e])) && e - words[best + w - 1]->offset < 64) ++e;
  Snippet s = squeeze(text, b, e, marks);
  auto blank = [&](std::size_t b2, std::size_t e2) {
    for (std::size_t i = b2; i < e2; ++i)
      if (!is_space(static_cast<unsigned char>(text[i]))) return false;
    return true;
  };
  if (best > 0 || !blank(0, from)) {
    s.text.insert(0, "… ");
    for (auto& m : s.marks) m.first += 4, m.second += 4;
  }
  if (best + w < n || !blank(to, text.size())) s.text += " …";
  s.page = page;
  s.score = best_score;
  return s;
}

Snippet SnippetMaker::best_in_document(const std::vector<std::string_view>& pages, const nlohmann::json& footnotes) const {
  Snippet s = best_in_document(pages, footnotes, true);
  if (s.score < 100 && !terms_.empty()) s = best_in_document(pages, footnotes, false);
  return s;
}

Snippet SnippetMaker::best_in_document(const std::vector<std::string_view>& pages, const nlohmann::json& footnotes,
                                       bool screen) const {
  std::vector<std::pair<std::string_view, int>> texts;  // text, page
  for (std::size_t i = 0; i < pages.size(); ++i) texts.emplace_back(pages[i], static_cast<int>(i) + 1);
  if (footnotes.is_array())
    for (const auto& fn : footnotes)
      if (auto t = fn.is_object() ? fn.find("text") : fn.end(); fn.is_object() && t != fn.end() && t->is_string())
        texts.emplace_back(t->get_ref<const std::string&>(), fn.value("page", 0));
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // per text: the stretch to tokenize
  for (auto [text, page] : texts) ranges.emplace_back(0, text.size());
  if (screen) {
    std::vector<std::pair<int, std::size_t>> ranked;  // promise, index
    std::vector<std::vector<SnippetScreen::Hit>> hits;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      hits.push_back(screen_.hits(texts[i].first));
      if (int p = screen_.promise(hits.back()); p > 0) ranked.emplace_back(-p, i);
    }
    std::stable_sort(ranked.begin(), ranked.end());
    if (ranked.size() > kPromisingTexts) ranked.resize(kPromisingTexts);
    std::sort(ranked.begin(), ranked.end(), [](auto a, auto b) { return a.second < b.second; });
    std::vector<std::pair<std::string_view, int>> kept;
    std::vector<std::pair<std::size_t, std::size_t>> kept_ranges;
    for (auto [p, i] : ranked) {
      kept.push_back(texts[i]);
      kept_ranges.push_back(screen_.region(texts[i].first, hits[i]));
    }
    texts = std::move(kept);
    ranges = std::move(kept_ranges);
  }
  Snippet best;
  bool have = false;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto [text, page] = texts[i];
    if (text.empty()) continue;
    Snippet s = best_in(text, page, screen, ranges[i].first, ranges[i].second);
    if (s.text.empty()) continue;
    if (!have || s.score > best.score) {
      best = std::move(s);
      have = true;
    }
  }
  return best;
}

}  // namespace kz::query
