// The query parser: a small lexer for what users type into `kamerzoek search` and a
// recursive-descent parser over it. Words go through kz::analysis exactly as the indexer's
// text does, so folded forms, stems, compound parts and phrases line up with the index.
#include "query/query_parser.h"

#include <algorithm>
#include <vector>

#include "indexer/record/index_schema.h"
#include "indexer/record/kamerstuk_ref.h"
#include "query/query.h"
#include "stemmer/analysis.h"

namespace kz::query {
namespace {

// An exact (folded) word says more than a word that merely shares its stem.
constexpr double kExactWeight = 2.0;
constexpr double kSynonymWeight = 0.7;
// Nesting deeper than this is not a query a person typed; refuse it before the stack does.
constexpr int kMaxDepth = 64;

struct Lexeme {
  enum Kind { Word, Phrase, Field, Open, Close, And, Or, Not, End } kind = End;
  std::string text;   // word, phrase contents, or field value
  std::string field;  // for Field
  bool negated = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string text) : s_(std::move(text)) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    while (true) {
      while (i_ < s_.size() && is_space(s_[i_])) ++i_;
      if (i_ >= s_.size()) break;
      bool negated = false;
      if ((s_[i_] == '-' || s_[i_] == '+') && i_ + 1 < s_.size() && !is_space(s_[i_ + 1])) {
        negated = s_[i_] == '-';
        ++i_;
      }
      char c = s_[i_];
      Lexeme l;
      l.negated = negated;
      if (c == '(') {
        l.kind = Lexeme::Open;
        ++i_;
      } else if (c == ')') {
        l.kind = Lexeme::Close;
        ++i_;
      } else if (c == '"') {
        l.kind = Lexeme::Phrase;
        l.text = quoted();
      } else {
        std::size_t b = i_;
        while (i_ < s_.size() && !is_space(s_[i_]) && s_[i_] != '(' && s_[i_] != ')' && s_[i_] != '"') ++i_;
        std::string chunk = s_.substr(b, i_ - b);
        std::size_t colon = chunk.find(':');
        std::string name = colon == std::string::npos ? "" : lower_ascii(chunk.substr(0, colon));
        if (!name.empty() && QueryParser::is_field(name)) {
          l.kind = Lexeme::Field;
          l.field = name;
          l.text = chunk.substr(colon + 1);
          if (l.text.empty()) l.text = detached_value();
          if (l.text.empty()) throw QueryError(chunk, "field '" + name + ":' needs a value");
        } else if (!negated && (chunk == "AND" || chunk == "&&")) {
          l.kind = Lexeme::And;
        } else if (!negated && (chunk == "OR" || chunk == "||")) {
          l.kind = Lexeme::Or;
        } else if (!negated && chunk == "NOT") {
          l.kind = Lexeme::Not;
        } else {
          l.kind = Lexeme::Word;
          l.text = chunk;
        }
      }
      out.push_back(std::move(l));
    }
    out.push_back(Lexeme{});
    return out;
  }

 private:
  // The value of a field written with a space after its colon ("missie: \"MNBG Litouwen\""
  // as people type it, and as the README shows): the next phrase or word.
  std::string detached_value() {
    std::size_t j = i_;
    while (j < s_.size() && is_space(s_[j])) ++j;
    if (j >= s_.size() || s_[j] == '(' || s_[j] == ')') return "";
    i_ = j;
    if (s_[i_] == '"') return quoted();
    std::size_t b = i_;
    while (i_ < s_.size() && !is_space(s_[i_]) && s_[i_] != '(' && s_[i_] != ')' && s_[i_] != '"') ++i_;
    return s_.substr(b, i_ - b);
  }

  std::string quoted() {
    std::size_t open = i_++;
    std::size_t close = s_.find('"', i_);
    if (close == std::string::npos)
      throw QueryError(s_, "unbalanced quote: the \" at character " + std::to_string(open + 1) + " is never closed");
    std::string inner = s_.substr(i_, close - i_);
    i_ = close + 1;
    return inner;
  }

  std::string s_;
  std::size_t i_ = 0;
};

// A parsed piece of query. Filters only narrow (no weight); Empty pieces (punctuation,
// nothing left after analysis) drop out of their group.
struct Node {
  enum Kind { Empty, Scored, Filter } kind = Empty;
  Xapian::Query q;
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
  if (qs.size() == 1) return qs.front();
  return Xapian::Query(op, qs.begin(), qs.end());
}

// Stop words are indexed without positions (they were over a third of all positions), so a
// phrase is matched on its other words, in order, within the span the stop words leave:
// "minister van defensie" finds "Minister van Defensie" and also "minister voor Defensie".
Xapian::Query phrase_of(const std::vector<std::string>& norms) {
  const auto& a = analysis::Analyzer::instance();
  std::vector<Xapian::Query> kept, all;
  std::size_t first = 0, last = 0;
  for (std::size_t i = 0; i < norms.size(); ++i) {
    all.emplace_back(schema::term("", norms[i]));
    if (a.is_stopword(norms[i])) continue;
    if (kept.empty()) first = i;
    last = i;
    kept.push_back(all.back());
  }
  // Only stop words: they can be found, but not placed.
  if (kept.empty()) return all.size() == 1 ? all.front() : Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
  if (kept.size() == 1) return kept.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, kept.begin(), kept.end(), static_cast<Xapian::termcount>(last - first + 1));
}

// Folded words of a piece of text in index order; the synthetic whole-compound token of a
// hyphenated word is left out because its parts already stand at consecutive positions.
std::vector<std::string> phrase_words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : analysis::tokenize(analysis::normalize(text)))
    if (!t.joined_hyphen && !t.norm.empty()) out.push_back(t.norm);
  return out;
}

void note_words(const std::vector<std::string>& norms, QueryTerms* terms, int word = -1) {
  if (!terms) return;
  for (const auto& n : norms) terms->add(n, word);
}

class Parser {
 public:
  Parser(const QueryParser& qp, std::vector<Lexeme> lx, std::string text)
      : qp_(qp), lx_(std::move(lx)), text_(std::move(text)) {}

  ParsedQuery run() {
    ParsedQuery out;
    Node n = or_expr(0, &out.terms);
    if (peek().kind == Lexeme::Close) throw QueryError(text_, "unbalanced parenthesis: ')' without '('");
    if (peek().kind != Lexeme::End) throw QueryError(text_, "cannot read the query near '" + peek().text + "'");
    if (n.kind == Node::Empty) throw QueryError(text_, "empty query: give at least one word, phrase or field");
    out.query = n.q;
    return out;
  }

 private:
  const Lexeme& peek() const { return lx_[pos_]; }
  const Lexeme& take() { return lx_[pos_++]; }

  Node or_expr(int depth, QueryTerms* terms) {
    std::vector<Node> alts;
    alts.push_back(and_expr(depth, terms));
    while (peek().kind == Lexeme::Or) {
      take();
      if (starts_operand()) {
        alts.push_back(and_expr(depth, terms));
      } else {
        throw QueryError(text_, "OR needs a term on both sides");
      }
    }
    std::vector<Xapian::Query> qs;
    bool all_filters = true;
    for (const auto& a : alts) {
      if (a.kind == Node::Empty) continue;
      qs.push_back(a.q);
      if (a.kind != Node::Filter) all_filters = false;
    }
    if (qs.empty()) return {};
    return {all_filters ? Node::Filter : Node::Scored, combine(Xapian::Query::OP_OR, qs)};
  }

  bool starts_operand() const {
    auto k = peek().kind;
    return k == Lexeme::Word || k == Lexeme::Phrase || k == Lexeme::Field || k == Lexeme::Open || k == Lexeme::Not;
  }

  Node and_expr(int depth, QueryTerms* terms) {
    std::vector<Xapian::Query> scored, filters, excluded;
    bool any = false;
    while (true) {
      if (peek().kind == Lexeme::And) {
        take();
        if (!starts_operand()) throw QueryError(text_, "AND needs a term on both sides");
        continue;
      }
      if (!starts_operand()) break;
      bool negated = false;
      while (peek().kind == Lexeme::Not) {
        take();
        negated = !negated;
        if (!starts_operand()) throw QueryError(text_, "NOT needs a term after it");
      }
      if (peek().negated) negated = !negated;
      Node n = unary(depth, negated ? nullptr : terms);
      any = true;
      if (n.kind == Node::Empty) continue;
      if (negated) {
        excluded.push_back(n.q);
      } else if (n.kind == Node::Filter) {
        filters.push_back(n.q);
      } else {
        scored.push_back(n.q);
      }
    }
    if (!any && peek().kind != Lexeme::Close && peek().kind != Lexeme::End && peek().kind != Lexeme::Or)
      throw QueryError(text_, "cannot read the query");
    Node out;
    if (!scored.empty()) {
      out = {Node::Scored, combine(Xapian::Query::OP_AND, scored)};
      if (!filters.empty())
        out.q = Xapian::Query(Xapian::Query::OP_FILTER, out.q, combine(Xapian::Query::OP_AND, filters));
    } else if (!filters.empty()) {
      out = {Node::Filter, combine(Xapian::Query::OP_AND, filters)};
    } else if (!excluded.empty()) {
      out = {Node::Filter, Xapian::Query::MatchAll};
    }
    if (!excluded.empty())
      out.q = Xapian::Query(Xapian::Query::OP_AND_NOT, out.q, combine(Xapian::Query::OP_OR, excluded));
    return out;
  }

  Node unary(int depth, QueryTerms* terms) {
    const Lexeme& l = take();
    switch (l.kind) {
      case Lexeme::Open: {
        if (depth >= kMaxDepth) throw QueryError(text_, "parentheses nested too deeply");
        Node n = or_expr(depth + 1, terms);
        if (peek().kind != Lexeme::Close) throw QueryError(text_, "unbalanced parenthesis: '(' is never closed");
        take();
        return n;
      }
      case Lexeme::Phrase: {
        auto words = phrase_words(l.text);
        if (words.empty()) return {};
        note_words(words, terms);
        return {Node::Scored, phrase_of(words)};
      }
      case Lexeme::Field:
        return {Node::Filter, qp_.field(l.field, l.text)};
      case Lexeme::Word:
        return word(l.text, terms);
      default:
        throw QueryError(text_, "cannot read the query");
    }
  }

  // A chunk without spaces: one word, or a hyphenated compound / dotted abbreviation that
  // the tokenizer splits into several words.
  Node word(const std::string& chunk, QueryTerms* terms) {
    auto tokens = analysis::tokenize(analysis::normalize(chunk));
    std::vector<std::string> parts;
    std::string joined;
    for (const auto& t : tokens) {
      if (t.norm.empty()) continue;
      if (t.joined_hyphen) {
        if (joined.empty()) joined = t.norm;
      } else {
        parts.push_back(t.norm);
      }
    }
    if (parts.empty()) return {};
    if (parts.size() == 1) return {Node::Scored, word_query(parts.front(), terms)};
    note_words(parts, terms);
    // A hyphenated word is indexed whole as well, so that term alone says its parts stand
    // together; a phrase of the parts would only add the spelled-apart form ("F 35") at the
    // price of reading positions of every document holding both parts (2 of the 3.8 ms Xapian
    // took for "inzet F-35 Estland" at 10,000 documents). Spelled apart, it still matches below.
    Xapian::Query q = joined.empty()
                          ? phrase_of(parts)
                          : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(schema::term("", joined)), kExactWeight);
    // Inflected compounds ("NAVO-bondgenoten" for "NAVO-bondgenoot") match through the stems
    // of their parts, ranked below the exact form (or the phrase).
    std::vector<Xapian::Query> stemmed;
    for (const auto& p : parts) stemmed.push_back(word_query(p, nullptr));
    q = Xapian::Query(Xapian::Query::OP_OR, q,
                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, combine(Xapian::Query::OP_AND, stemmed), 0.5));
    return {Node::Scored, q};
  }

  const QueryParser& qp_;
  std::vector<Lexeme> lx_;
  std::size_t pos_ = 0;
  std::string text_;
};

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!is_space(c)) out += c;
  return out;
}

Xapian::Query words_filter(std::string_view prefix, std::string_view value, std::string_view field) {
  std::vector<Xapian::Query> qs;
  for (const auto& w : phrase_words(value)) qs.emplace_back(schema::term(prefix, w));
  if (qs.empty()) throw QueryError(std::string(field) + ":" + std::string(value), "no words to match");
  return combine(Xapian::Query::OP_AND, qs);
}

}  // namespace

Xapian::Query word_query(const std::string& norm, QueryTerms* terms) {
  const auto& a = analysis::Analyzer::instance();
  std::vector<Xapian::Query> alts;
  alts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(schema::term("", norm)), kExactWeight);
  bool stop = a.is_stopword(norm);
  if (!stop) alts.emplace_back(schema::term(schema::kStem, a.stem(norm)));
  int word = terms ? terms->add(norm) : -1;
  for (const auto& syn : a.synonyms(norm)) {
    auto words = phrase_words(syn);
    if (words.empty() || (words.size() == 1 && words.front() == norm)) continue;
    note_words(words, terms, word);
    Xapian::Query sq = phrase_of(words);
    if (words.size() == 1 && !a.is_stopword(words.front()))
      sq = Xapian::Query(Xapian::Query::OP_OR, sq, Xapian::Query(schema::term(schema::kStem, a.stem(words.front()))));
    alts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, sq, kSynonymWeight);
  }
  return combine(Xapian::Query::OP_OR, alts);
}

int QueryTerms::add(const std::string& norm, int word) {
  const auto& a = analysis::Analyzer::instance();
  if (norm.empty() || a.is_stopword(norm)) return word;
  if (word < 0) {
    auto it = norms.find(norm);
    word = it != norms.end() ? it->second : words++;
  }
  norms.emplace(norm, word);
  stems.emplace(a.stem(norm), word);
  return word;
}

bool QueryParser::is_field(std::string_view name) {
  static const char* const names[] = {"dossier", "nr", "kenmerk", "missie", "mission", "jaar", "type", "van", "aan"};
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return name == n; });
}

Xapian::Query QueryParser::field(std::string_view name_in, std::string_view value_in) const {
  std::string name = lower_ascii(name_in);
  std::string value = analysis::normalize(value_in);
  std::string subject = name + ":" + std::string(value_in);
  while (!value.empty() && is_space(value.front())) value.erase(value.begin());
  while (!value.empty() && is_space(value.back())) value.pop_back();
  if (value.empty()) throw QueryError(subject, "field needs a value");
  if (name == "dossier") {
    std::string key = schema::key_value(ref::dossier_key(value));
    if (key.find(' ') != std::string::npos) key = without_spaces(key);
    return Xapian::Query(schema::term(schema::kDossier, key));
  }
  if (name == "nr") {
    std::string v = schema::key_value(without_spaces(value));
    if (v.rfind("nr.", 0) == 0) v = v.substr(3);
    return Xapian::Query(schema::term(schema::kNr, v));
  }
  if (name == "kenmerk") return Xapian::Query(schema::term(schema::kKenmerk, schema::key_value(without_spaces(value))));
  if (name == "missie" || name == "mission") {
    const Mission* m = missions_.resolve(value);
    if (!m) throw UnknownError(value, "unknown mission", missions_.closest(value));
    return Xapian::Query(schema::term(schema::kMission, m->id));
  }
  if (name == "jaar") {
    bool ok = value.size() == 4 && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!ok) throw QueryError(subject, "a year is four digits, e.g. jaar:2025");
    return Xapian::Query(schema::term(schema::kYear, value));
  }
  if (name == "type") {
    // The whole folded type is one term; its words also match, for an index that stores those.
    Xapian::Query whole(schema::term(schema::kType, analysis::fold(value)));
    auto words = phrase_words(value);
    if (words.size() < 2) return whole;
    return Xapian::Query(Xapian::Query::OP_OR, whole, words_filter(schema::kType, value, name));
  }
  if (name == "van") return words_filter(schema::kSignatory, value, name);
  if (name == "aan") return words_filter(schema::kAddressee, value, name);
  throw QueryError(subject, "unknown field; known: dossier, nr, kenmerk, missie, jaar, type, van, aan");
}

ParsedQuery QueryParser::parse(std::string_view text) const {
  // Typographic quotes and dashes become plain ones, so „phrases” work as "phrases".
  std::string t = analysis::normalize(text);
  auto lexemes = Lexer(t).run();
  return Parser(*this, std::move(lexemes), t).run();
}

}  // namespace kz::query
