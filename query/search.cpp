// `search`: the user's query plus the option filters (--from/--to/--dossier/--mission/--type)
// run over all shards, one hit per document id, each with its best snippet.
#include <algorithm>
#include <cctype>
#include <set>

#include "indexer/record/document_data.h"
#include "indexer/record/index_schema.h"
#include "indexer/record/kamerstuk_ref.h"
#include "query/index_retry.h"
#include "query/query.h"
#include "query/query_parser.h"
#include "query/question.h"
#include "query/relaxed_query.h"
#include "query/snippet.h"

namespace kz::query {
namespace {

// A typed reference outweighs any sum of word weights, so its document comes first.
constexpr double kReferenceWeight = 1000.0;
// Up to this many matches the count is exact (Xapian checks them all); beyond, an estimate.
constexpr Xapian::doccount kExactCountUpTo = 250;

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

// "2024" -> "20240101" (from) / "20241231" (to); "2024-03" -> "20240301" / "20240331";
// a full date as is. Comparing the stored YYYYMMDD strings needs no real month lengths.
std::string date_bound(const std::string& typed, bool upper, const char* option) {
  std::string t = trim(typed);
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  bool ok = false;
  std::string out;
  if (t.size() == 4 && digits(t)) {
    out = t + (upper ? "1231" : "0101");
    ok = true;
  } else if (t.size() == 7 && t[4] == '-' && digits(t.substr(0, 4)) && digits(t.substr(5, 2))) {
    out = t.substr(0, 4) + t.substr(5, 2) + (upper ? "31" : "01");
    ok = t.substr(5, 2) >= "01" && t.substr(5, 2) <= "12";
  } else if (t.size() == 10 && t[4] == '-' && t[7] == '-' && digits(t.substr(0, 4)) && digits(t.substr(5, 2)) &&
             digits(t.substr(8, 2))) {
    out = t.substr(0, 4) + t.substr(5, 2) + t.substr(8, 2);
    int year = std::stoi(t.substr(0, 4)), month = std::stoi(t.substr(5, 2)), day = std::stoi(t.substr(8, 2));
    ok = month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
    if (!ok && month >= 1 && month <= 12 && day >= 1 && day <= 31)
      throw QueryError(std::string(option) + " " + typed, "no such date: " + t.substr(0, 7) + " has " +
                                                              std::to_string(days_in_month(year, month)) + " days");
  }
  if (!ok) throw QueryError(std::string(option) + " " + typed, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
  return out;
}

// When the whole query is a reference ("29 521 nr 481", "kst-29521-481", a kenmerk), the
// stored id of the document it names, if that document is in the index.
std::string referenced_id(const Xapian::Database& db, const std::string& typed) {
  std::vector<std::string> candidates;
  if (auto k = ref::parse_kamerstuk(typed)) candidates.push_back(ref::kamerstuk_id(*k));
  if (ref::looks_like_kenmerk(typed)) candidates.push_back(typed);
  for (const auto& c : candidates) {
    for (auto prefix : {schema::kId, schema::kKenmerk}) {
      std::string term = schema::term(prefix, schema::key_value(c));
      if (prefix == schema::kKenmerk) term.erase(std::remove(term.begin(), term.end(), ' '), term.end());
      Xapian::PostingIterator p = db.postlist_begin(term);
      if (p != db.postlist_end(term)) return db.get_document(*p).get_value(schema::kSlotId);
    }
  }
  return {};
}

// About the first thirty words of a page, cut at a space so no character is split.
std::string opening_words(std::string_view page) {
  constexpr std::size_t kBytes = 200;
  std::string out;
  for (char c : page) {
    if (out.size() >= kBytes && (c == ' ' || (out.size() >= 2 * kBytes && (c & 0xC0) != 0x80))) break;
    out += (c == '\n' || c == '\t') ? ' ' : c;
  }
  return trim(out);
}

Hit make_hit(const Xapian::MSetIterator& m, const SnippetMaker& snippets) {
  Xapian::Document doc = m.get_document();
  Hit h;
  h.id = doc.get_value(schema::kSlotId);
  h.file = doc.get_value(schema::kSlotFile);
  h.score = m.get_weight();
  const std::string stored = doc.get_data();
  document_data::Parts data = document_data::split(stored);
  if (data.head.is_object()) {
    const auto meta = data.head.value(std::string(schema::kDataMeta), nlohmann::json::object());
    if (meta.is_object()) {
      if (h.id.empty()) h.id = meta.value("id", std::string());
      if (meta.value("title", nlohmann::json()).is_string()) h.title = meta.value("title", std::string());
      if (meta.value("date", nlohmann::json()).is_string()) h.date = meta.value("date", std::string());
    }
    if (h.file.empty()) {
      auto files = data.head.value(std::string(schema::kDataFiles), nlohmann::json::array());
      if (files.is_array() && !files.empty() && files[0].is_string()) h.file = files[0].get<std::string>();
    }
    Snippet s = snippets.best_in_document(
        data.pages, data.head.value(std::string(schema::kDataFootnotes), nlohmann::json::array()));
    h.snippet = std::move(s.text);
    h.marks = std::move(s.marks);
    h.page = s.page;
    if (h.snippet.empty() && !data.pages.empty()) {
      // Nothing to match (a filter alone): the opening words of the first page.
      h.page = 1;
      h.snippet = opening_words(data.pages.front());
    }
  }
  return h;
}

}  // namespace

SearchResult search(Index& index, const SearchOptions& o) {
  index.check_analysis();
  QueryParser parser(index.missions());
  SearchResult result;
  result.query = o.query;
  if (o.limit < 0) throw QueryError("--limit " + std::to_string(o.limit), "the limit cannot be negative");

  std::vector<Xapian::Query> filters;
  if (!trim(o.from).empty() || !trim(o.to).empty()) {
    std::string lo = trim(o.from).empty() ? "" : date_bound(o.from, false, "--from");
    std::string hi = trim(o.to).empty() ? "" : date_bound(o.to, true, "--to");
    if (!lo.empty() && !hi.empty() && lo > hi) throw QueryError("--from " + o.from, "comes after --to " + o.to);
    if (hi.empty()) {
      filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, lo);
    } else if (lo.empty()) {
      // Documents without a date store an empty value; they must not pass an upper bound.
      filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, "0", hi);
    } else {
      filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
    }
  }
  if (!trim(o.dossier).empty()) filters.push_back(parser.field("dossier", o.dossier));
  if (!trim(o.mission).empty()) filters.push_back(parser.field("missie", o.mission));
  if (!trim(o.type).empty()) filters.push_back(parser.field("type", o.type));

  const std::string typed = trim(o.query);
  const bool plain = !typed.empty() && is_plain_text(typed);
  ParsedQuery parsed;
  bool scored = !typed.empty();
  if (scored) {
    try {
      parsed = parser.parse(typed);
    } catch (const QueryError&) {
      if (!plain) throw;  // a question of only question words is read below
    }
  } else if (filters.empty()) {
    throw QueryError("search", "empty query: give words to search for, or a filter such as --dossier");
  }

  return with_reopen(index, [&] {
    const Xapian::Database& db = index.db();
    // The tiers run in order; each later one leaves out what an earlier one matched.
    std::vector<Xapian::Query> tiers;
    QueryTerms terms = parsed.terms;
    std::string ref_id = scored ? referenced_id(db, typed) : std::string();
    if (plain && ref_id.empty()) {
      ReadOptions ro;
      ro.documents = [&db](const Mission& m) {
        return static_cast<double>(db.get_termfreq(schema::term(schema::kMission, m.id)));
      };
      Question qn = read_question(index.missions(), typed, ro);
      RelaxedQuery rq = relaxed_query(parser, qn, db, qn.filler_seen);
      if (rq.usable() && qn.filler_seen) {
        // A question: ranked by how many of its parts a document holds, and how well.
        tiers.push_back(rq.any);
        terms = rq.terms;
      } else if (rq.usable() && rq.parts >= 2 && !parsed.query.empty()) {
        // Keywords keep their strict meaning first; documents with some of them follow.
        tiers.push_back(parsed.query);
        tiers.push_back(rq.any);
      }
    }
    if (tiers.empty()) {
      if (scored && parsed.query.empty()) throw QueryError(typed, "empty query: give at least one word, phrase or field");
      Xapian::Query q = scored ? parsed.query : Xapian::Query::MatchAll;
      if (!ref_id.empty()) {
        auto* boost = new Xapian::ValueMapPostingSource(schema::kSlotId);
        boost->add_mapping(ref_id, kReferenceWeight);
        boost->set_default_weight(0);
        Xapian::Query named(Xapian::Query::OP_FILTER, Xapian::Query(boost->release()),
                            Xapian::Query(schema::term(schema::kId, schema::key_value(ref_id))));
        q = Xapian::Query(Xapian::Query::OP_OR, named, q);
      }
      tiers.push_back(q);
    }
    SnippetMaker snippets(terms);
    Xapian::Query filter;
    if (!filters.empty())
      filter = filters.size() == 1 ? filters.front() : Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
    SearchResult r;
    r.query = o.query;
    std::set<std::string> seen;
    bool exact = true;
    Xapian::Query earlier;
    for (const auto& tier : tiers) {
      Xapian::Query q = earlier.empty() ? tier : Xapian::Query(Xapian::Query::OP_AND_NOT, tier, earlier);
      earlier = earlier.empty() ? tier : Xapian::Query(Xapian::Query::OP_OR, earlier, tier);
      if (!filter.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
      Xapian::Enquire enquire(db);
      enquire.set_query(q);
      enquire.set_collapse_key(schema::kSlotId);
      // Without words to rank by, newest first is the useful order.
      if (!scored) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
      const auto wanted = static_cast<Xapian::doccount>(o.limit) - static_cast<Xapian::doccount>(r.hits.size());
      // Counting every match of a small result costs little and makes the count exact.
      // Xapian's estimate counts a document stored from two files twice unless the copies were
      // collapsed on the way, so up to kExactCountUpTo matches are listed (ids and weights only;
      // a document is read only for the hits shown) and counted one per id.
      const Xapian::doccount listed = std::max<Xapian::doccount>(wanted, kExactCountUpTo);
      Xapian::MSet mset = enquire.get_mset(0, listed, listed);
      if (mset.size() < listed) {
        r.total_estimate += static_cast<long long>(mset.size());
      } else {
        r.total_estimate += static_cast<long long>(mset.get_matches_estimated());
        exact = false;
      }
      std::size_t taken = 0;
      for (auto m = mset.begin(); m != mset.end() && taken < wanted; ++m, ++taken) {
        Hit h = make_hit(m, snippets);
        if (seen.insert(h.id.empty() ? h.file : h.id).second) r.hits.push_back(std::move(h));
      }
    }
    r.total_exact = exact;
    return r;
  });
}

}  // namespace kz::query
