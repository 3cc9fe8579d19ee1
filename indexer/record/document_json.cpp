// Serializes metadata and facts into the JSON stored with each indexed document.
#include "indexer/record/document_json.h"

#include <algorithm>

namespace kz {
namespace {

nlohmann::json nr_value(const std::string& nr) {
  bool digits = !nr.empty() && nr.size() < 10 && std::all_of(nr.begin(), nr.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? nlohmann::json(std::stoll(nr)) : nlohmann::json(nr);
}

}  // namespace

nlohmann::json null_if_empty(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

std::string string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

nlohmann::json metadata_to_json(const Metadata& m, int pages) {
  nlohmann::json j;
  j["id"] = m.id;
  j["layout"] = m.layout;
  if (m.kamerstuk)
    j["kamerstuk"] = {{"dossier", m.kamerstuk->dossier}, {"nr", nr_value(m.kamerstuk->nr)}};
  else
    j["kamerstuk"] = nullptr;
  j["kenmerken"] = m.kenmerken;
  j["date"] = null_if_empty(m.date);
  j["title"] = m.title;
  j["doctype"] = m.doctype;
  j["addressee"] = m.addressee;
  j["signatories"] = nlohmann::json::array();
  for (const auto& s : m.signatories) j["signatories"].push_back({{"name", null_if_empty(s.name)}, {"role", s.role}});
  j["pages"] = pages;
  j["cites"] = nlohmann::json::array();
  j["citations"] = nlohmann::json::array();
  for (const auto& c : m.cites) {
    std::string key = c.id.empty() ? c.printed : c.id;
    if (std::find(j["cites"].begin(), j["cites"].end(), key) == j["cites"].end()) j["cites"].push_back(key);
    j["citations"].push_back({{"printed", c.printed}, {"id", null_if_empty(c.id)}, {"also", c.also},
                              {"page", c.page}, {"sentence", c.sentence}});
  }
  if (!m.report_start.empty() || !m.report_end.empty())
    j["report_period"] = {{"start", null_if_empty(m.report_start)}, {"end", null_if_empty(m.report_end)}};
  else
    j["report_period"] = nullptr;
  return j;
}

nlohmann::json cost_to_json(const CostFact& c) {
  return {{"mission", null_if_empty(c.mission)},
          {"amount_eur", c.amount_eur},
          {"text", c.text},
          {"year", c.year ? nlohmann::json(*c.year) : nlohmann::json(nullptr)},
          {"period", c.period},
          {"estimate", c.estimate},
          {"part_of_total_eur", c.part_of_total_eur ? nlohmann::json(*c.part_of_total_eur) : nlohmann::json(nullptr)},
          {"page", c.page},
          {"sentence", c.sentence}};
}

nlohmann::json period_to_json(const PeriodFact& p) {
  return {{"mission", null_if_empty(p.mission)},
          {"kind", p.kind},
          {"start", null_if_empty(p.start)},
          {"end", null_if_empty(p.end)},
          {"text", p.text},
          {"page", p.page},
          {"sentence", p.sentence}};
}

nlohmann::json force_to_json(const ForceFact& f) {
  return {{"mission", null_if_empty(f.mission)},
          {"count", f.count},
          {"what", f.what},
          {"kind", f.kind},
          {"max", f.max},
          {"about", f.about},
          {"extra", f.extra},
          {"dutch", f.dutch},
          {"date", null_if_empty(f.date)},
          {"year", f.year ? nlohmann::json(*f.year) : nlohmann::json(nullptr)},
          {"text", f.text},
          {"page", f.page},
          {"sentence", f.sentence}};
}

nlohmann::json facts_to_json(const Facts& f) {
  nlohmann::json j;
  j["missions"] = f.missions;
  j["costs"] = nlohmann::json::array();
  for (const auto& c : f.costs) j["costs"].push_back(cost_to_json(c));
  j["periods"] = nlohmann::json::array();
  for (const auto& p : f.periods) j["periods"].push_back(period_to_json(p));
  j["forces"] = nlohmann::json::array();
  for (const auto& x : f.forces) j["forces"].push_back(force_to_json(x));
  return j;
}

namespace {

// Stored JSON may come from an older or damaged index: a field of the wrong type reads as absent.
template <class T>
std::optional<T> number_at(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<T>();
}

}  // namespace

CostFact cost_from_json(const nlohmann::json& j) {
  CostFact c;
  if (!j.is_object()) return c;
  c.mission = string_field(j, "mission");
  c.amount_eur = number_at<long long>(j, "amount_eur").value_or(0);
  c.text = string_field(j, "text");
  c.year = number_at<int>(j, "year");
  c.period = string_field(j, "period");
  auto e = j.find("estimate");
  c.estimate = e != j.end() && e->is_boolean() && e->get<bool>();
  c.part_of_total_eur = number_at<long long>(j, "part_of_total_eur");
  c.page = number_at<int>(j, "page").value_or(0);
  c.sentence = string_field(j, "sentence");
  return c;
}

PeriodFact period_from_json(const nlohmann::json& j) {
  PeriodFact p;
  if (!j.is_object()) return p;
  p.mission = string_field(j, "mission");
  p.kind = string_field(j, "kind");
  p.start = string_field(j, "start");
  p.end = string_field(j, "end");
  p.text = string_field(j, "text");
  p.page = number_at<int>(j, "page").value_or(0);
  p.sentence = string_field(j, "sentence");
  return p;
}

ForceFact force_from_json(const nlohmann::json& j) {
  ForceFact f;
  if (!j.is_object()) return f;
  auto flag = [&j](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
  };
  f.mission = string_field(j, "mission");
  f.count = number_at<long long>(j, "count").value_or(0);
  f.what = string_field(j, "what");
  f.kind = string_field(j, "kind");
  f.max = flag("max");
  f.about = flag("about");
  f.extra = flag("extra");
  f.dutch = flag("dutch");
  f.date = string_field(j, "date");
  f.year = number_at<int>(j, "year");
  f.text = string_field(j, "text");
  f.page = number_at<int>(j, "page").value_or(0);
  f.sentence = string_field(j, "sentence");
  return f;
}

}  // namespace kz
