// Builds the relaxed query of a question: each content word through the query parser (so
// stems, synonyms and compounds behave as in a strict search), a named mission as its words or
// its tag, and fixed boosts for a named Kamerstuk, the papers citing it, and the years asked.
#include "query/relaxed_query.h"

#include "indexer/record/index_schema.h"
#include "query/query.h"

namespace kz::query {
namespace {

// A named paper outweighs any sum of word weights; the papers citing it come right after it.
constexpr double kNamedWeight = 1000.0;
constexpr double kCitingWeight = 100.0;
// A document tagged with a named mission weighs like a few rare words; a year asked like one
// common word, enough to order otherwise equal documents.
constexpr double kMissionWeight = 6.0;
constexpr double kYearWeight = 1.0;
// Year boosts only for a range a person would name; a wider one says nothing about order.
constexpr int kMaxBoostedYears = 12;

Xapian::Query boost(const std::string& term, double weight) {
  auto* fixed = new Xapian::FixedWeightPostingSource(weight);
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()), Xapian::Query(term));
}

// The strict query of some typed words, or an empty query when nothing is left of them.
std::optional<ParsedQuery> words_query(const QueryParser& parser, const std::string& text) {
  try {
    return parser.parse(text);
  } catch (const QueryError&) {
    return std::nullopt;
  } catch (const UnknownError&) {
    return std::nullopt;
  }
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

RelaxedQuery relaxed_query(const QueryParser& parser, const Question& q, const Xapian::Database& db,
                           bool tag_missions) {
  RelaxedQuery r;
  std::vector<Xapian::Query> parts, boosts;
  std::vector<std::string> all_words = q.content;
  for (const auto& w : q.content)
    if (auto p = words_query(parser, w)) parts.push_back(p->query);
  for (const auto& m : q.missions) {
    auto words = words_query(parser, joined(m.words));
    all_words.insert(all_words.end(), m.words.begin(), m.words.end());
    if (!tag_missions) {
      if (words) parts.push_back(words->query);
      continue;
    }
    Xapian::Query tag = boost(schema::term(schema::kMission, m.mission->id), kMissionWeight);
    parts.push_back(words ? Xapian::Query(Xapian::Query::OP_OR, tag, words->query) : tag);
  }
  r.parts = static_cast<int>(parts.size());
  if (tag_missions) {
    for (const auto& id : q.refs) {
      std::string key = schema::key_value(id);
      for (auto prefix : {schema::kId, schema::kKenmerk})
        if (db.term_exists(schema::term(prefix, key))) boosts.push_back(boost(schema::term(prefix, key), kNamedWeight));
      if (db.term_exists(schema::term(schema::kCites, key)))
        boosts.push_back(boost(schema::term(schema::kCites, key), kCitingWeight));
    }
    if (q.from_year && q.to_year && *q.to_year - *q.from_year < kMaxBoostedYears)
      for (int y = *q.from_year; y <= *q.to_year; ++y)
        boosts.push_back(boost(schema::term(schema::kYear, std::to_string(y)), kYearWeight));
  }
  if (auto p = words_query(parser, joined(all_words))) r.terms = p->terms;
  if (parts.empty() && boosts.empty()) return r;
  std::vector<Xapian::Query> any = parts;
  any.insert(any.end(), boosts.begin(), boosts.end());
  r.any = any.size() == 1 ? any.front() : Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
  return r;
}

}  // namespace kz::query
