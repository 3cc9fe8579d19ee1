// `ask`: reads a question (query/question.h), gathers the cost and period rows of the missions
// it names exactly as `costs` and `mandates` give them, narrowed to the years it asks about,
// runs the relaxed search for the documents, and says the answer in one Dutch sentence.
#include <map>

#include "indexer/record/index_schema.h"
#include "query/ask_answer.h"
#include "query/index_retry.h"
#include "query/query.h"
#include "query/question.h"

namespace kz::query {
namespace {

using nlohmann::json;

// More missions than this in one question is a list, not a question about each.
constexpr std::size_t kMaxMissions = 4;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int year_of(const std::string& iso) { return iso.size() >= 4 ? std::atoi(iso.substr(0, 4).c_str()) : 0; }

// A row belongs to the years asked when its year (a cost), its period, or else the date of the
// paper stating it falls inside them.
bool in_years(const json& row, const Question& q) {
  const int lo = q.from_year.value_or(0), hi = q.to_year.value_or(9999);
  if (row.contains("year") && row["year"].is_number_integer()) {
    int y = row["year"].get<int>();
    return y >= lo && y <= hi;
  }
  int start = year_of(str(row, "start")), end = year_of(str(row, "end"));
  if (start || end) {
    if ((start ? start : end) <= hi && (end ? end : start) >= lo) return true;
  }
  int said = year_of(str(row.value("source", json::object()), "date"));
  return said && said >= lo && said <= hi;
}

// The rows of one command for one mission, each marked with its fact kind and mission.
void add_rows(json& rows, const json& result, const char* fact, const std::string& mission) {
  for (const auto& r : result.value("rows", json::array())) {
    json row = r;
    row["fact"] = fact;
    row["mission"] = mission;
    // Extra to the contract: the amount as a person writes it, from amount_eur.
    if (row.contains("amount_eur") && row["amount_eur"].is_number_integer())
      row["amount_text"] = dutch_amount(row["amount_eur"].get<long long>());
    rows.push_back(std::move(row));
  }
}

json date_or_null(const std::optional<int>& year, bool end) {
  if (!year) return nullptr;
  return std::to_string(*year) + (end ? "-12-31" : "-01-01");
}

}  // namespace

json ask(Index& index, const AskOptions& o) {
  ReadOptions ro;
  ro.this_year = o.this_year;
  ro.documents = [&index](const Mission& m) {
    return static_cast<double>(index.db().get_termfreq(schema::term(schema::kMission, m.id)));
  };
  Question q = with_reopen(index, [&] { return read_question(index.missions(), o.question, ro); });
  if (q.text.find_first_not_of(" \t\r\n?.!") == std::string::npos)
    throw QueryError("ask", "empty question: ask something, e.g. \"Wat kostte MINUSMA in 2015?\"");

  // Fact rows for the kinds the question asks about.
  const bool want_costs = q.kind == QuestionKind::cost || q.kind == QuestionKind::timeline;
  const bool want_periods =
      q.kind == QuestionKind::mandate || q.kind == QuestionKind::timeline || q.kind == QuestionKind::count;
  json all_rows = json::array();
  std::map<std::string, std::string> names;
  for (std::size_t i = 0; i < q.missions.size() && i < kMaxMissions; ++i) {
    const Mission& m = *q.missions[i].mission;
    names[m.id] = m.name;
    if (want_costs) add_rows(all_rows, costs(index, m.id, std::nullopt, std::nullopt), "cost", m.id);
    if (want_periods) add_rows(all_rows, mandates(index, m.id), "period", m.id);
  }
  // The years asked narrow the rows; when none fall inside them, all are shown (and the answer
  // says which years they are).
  json rows = json::array();
  if (q.from_year || q.to_year)
    for (const auto& r : all_rows)
      if (in_years(r, q)) rows.push_back(r);
  if (rows.empty()) rows = all_rows;

  SearchOptions so;
  so.query = q.text;
  so.limit = o.limit;
  SearchResult found;
  try {
    found = search(index, so);
  } catch (const QueryError&) {
    // Nothing searchable left (only question words): the question still gets its reading.
  }

  std::string query_read;
  for (const auto& w : q.content) query_read += (query_read.empty() ? "" : " ") + w;
  for (const auto& m : q.missions)
    for (const auto& w : m.words) query_read += (query_read.empty() ? "" : " ") + w;
  json refs = json::array();
  for (const auto& r : q.refs) refs.push_back(r);
  json missions = json::array();
  for (const auto& m : q.missions) missions.push_back(m.mission->id);

  auto answer = answer_sentence(q, rows, names);
  bool sure = q.kind_cued && (q.kind == QuestionKind::search || q.kind == QuestionKind::lookup || !q.missions.empty());
  for (const auto& m : q.missions) sure = sure && m.score >= 0.8;
  return {{"question", std::string(o.question)},
          {"understood",
           {{"kind", kind_name(q.kind)},
            {"missions", missions},
            {"from", date_or_null(q.from_year, false)},
            {"to", date_or_null(q.to_year, true)},
            {"refs", refs},
            {"query", query_read}}},
          {"answer", answer ? json(*answer) : json(nullptr)},
          {"read_as", read_as(q)},
          {"sure", sure},
          {"rows", rows},
          {"hits", search_json(found)["hits"]}};
}

}  // namespace kz::query
