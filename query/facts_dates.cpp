// Date ranges and the latest end date for the fact commands; see facts_dates.h.
#include "query/facts_dates.h"

#include <algorithm>

#include "query/query.h"

namespace kz::query {
namespace {

using nlohmann::json;

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int days_in(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// "2024" -> 2024-01-01 / 2024-12-31, "2024-02" -> 2024-02-01 / 2024-02-29, a full date as is.
std::string bound(const std::string& typed, bool upper, const char* option) {
  std::string t = typed;
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(t.begin());
  if (t.empty()) return {};
  auto bad = [&] { return QueryError(std::string(option) + " " + typed, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"); };
  if (t.size() < 4 || !digits(t.substr(0, 4))) throw bad();
  int y = std::stoi(t.substr(0, 4));
  if (t.size() == 4) return t + (upper ? "-12-31" : "-01-01");
  if (t[4] != '-' || t.size() < 7 || !digits(t.substr(5, 2))) throw bad();
  int m = std::stoi(t.substr(5, 2));
  if (m < 1 || m > 12) throw bad();
  if (t.size() == 7) return t + (upper ? "-" + std::to_string(days_in(y, m)) : std::string("-01"));
  if (t.size() != 10 || t[7] != '-' || !digits(t.substr(8, 2))) throw bad();
  int d = std::stoi(t.substr(8, 2));
  if (d < 1 || d > days_in(y, m)) throw bad();
  return t;
}

std::string str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// A year alone ("2016") or a month stands for its whole span.
std::string widen(const std::string& d, bool upper) {
  if (d.size() == 4 || d.size() == 7) return bound(d, upper, "date");
  return d;
}

void mark_range(json& j, const DateRange& r) {
  j["from"] = r.lo.empty() ? json(nullptr) : json(r.lo);
  j["to"] = r.hi.empty() ? json(nullptr) : json(r.hi);
}

}  // namespace

DateRange date_range(const std::string& from, const std::string& to) {
  DateRange r{bound(from, false, "--from"), bound(to, true, "--to")};
  if (!r.lo.empty() && !r.hi.empty() && r.lo > r.hi) throw QueryError("--from " + from, "comes after --to " + to);
  return r;
}

std::optional<int> year_of(const std::string& typed, const char* option) {
  std::string b = bound(typed, false, option);
  if (b.empty()) return std::nullopt;
  return std::stoi(b.substr(0, 4));
}

json mandates_within(json m, const DateRange& r) {
  if (r.open()) return m;
  json kept = json::array();
  for (const auto& row : m["rows"]) {
    std::string s = widen(str(row, "start"), false), e = widen(str(row, "end"), true);
    // Without a start, the period is known from the document that states it: its date bounds it.
    std::string said = str(row["source"], "date");
    if (s.empty()) s = !e.empty() && !said.empty() && e < said ? e : said;
    if (e.empty() && str(row, "start").empty()) e = s;
    if (s.empty() && e.empty()) continue;  // nothing dates it
    bool ends_before = !r.lo.empty() && !e.empty() && e < r.lo;
    bool starts_after = !r.hi.empty() && !s.empty() && s > r.hi;
    if (!ends_before && !starts_after) kept.push_back(row);
  }
  m["rows"] = std::move(kept);
  mark_range(m, r);
  return m;
}

json timeline_within(json t, const DateRange& r) {
  if (r.open()) return t;
  json kept = json::array();
  long long undated = 0;
  for (const auto& d : t["documents"]) {
    std::string date = str(d, "date");
    if (date.empty()) {
      ++undated;
      continue;
    }
    if ((!r.lo.empty() && date < r.lo) || (!r.hi.empty() && date > r.hi)) continue;
    kept.push_back(d);
  }
  t["documents"] = std::move(kept);
  t["undated_left_out"] = undated;
  mark_range(t, r);
  return t;
}

json with_latest_end(json m) {
  std::string best, source;
  for (const auto& row : m["rows"]) {
    std::string e = widen(str(row, "end"), true);
    if (!e.empty() && e > best) best = e, source = str(row["source"], "id");
  }
  m["latest_end"] = best.empty() ? json(nullptr) : json({{"date", best}, {"source", source}});
  return m;
}

}  // namespace kz::query
