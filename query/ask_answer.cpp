// Dutch answer sentences for `ask`. Every amount and date printed is copied from a fact row
// (its printed amount text, its start or end) together with the paper and page it came from.
#include "query/ask_answer.h"

#include <cctype>
#include <map>

namespace kz::query {
namespace {

using nlohmann::json;

const char* const kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                               "juli",    "augustus", "september", "oktober", "november", "december"};

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string mission_of(const json& row, const std::map<std::string, std::string>& names) {
  auto it = names.find(str(row, "mission"));
  return it == names.end() ? str(row, "mission") : it->second;
}

// The cost rows' sentence: up to three amounts, each with its year and source.
std::optional<std::string> cost_answer(const json& rows, const std::map<std::string, std::string>& names) {
  std::string out;
  std::string current;
  int listed = 0, total = 0;
  for (const auto& r : rows) {
    if (str(r, "fact") != "cost") continue;
    ++total;
    if (listed == 3) continue;
    std::string name = mission_of(r, names);
    if (name != current) {
      out += std::string(out.empty() ? "" : "; ") + "kosten " + name + ": ";
      current = name;
    } else {
      out += "; ";
    }
    out += r.contains("amount_eur") && r["amount_eur"].is_number_integer() ? dutch_amount(r["amount_eur"].get<long long>())
                                                                         : str(r, "text");
    std::string detail;
    if (r.contains("year") && r["year"].is_number_integer()) detail = std::to_string(r["year"].get<int>());
    if (r.value("estimate", false)) detail += std::string(detail.empty() ? "" : ", ") + "raming";
    if (!detail.empty()) out += " (" + detail + ")";
    out += " — " + source_label(r["source"]);
    ++listed;
  }
  if (!listed) return std::nullopt;
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  if (total > listed) out += " (en " + std::string(total - listed == 1 ? "één bedrag" : "meer bedragen") + " hieronder)";
  return out + ".";
}

const json* pick_period(const json& rows, bool by_start, bool latest) {
  const json* best = nullptr;
  std::string best_date;
  for (const auto& r : rows) {
    if (str(r, "fact") != "period") continue;
    std::string d = str(r, by_start ? "start" : "end");
    if (d.empty()) continue;
    if (!best || (latest ? d > best_date : d < best_date)) {
      best = &r;
      best_date = d;
    }
  }
  return best;
}

std::optional<std::string> period_answer(const Question& q, const json& rows,
                                         const std::map<std::string, std::string>& names) {
  if (q.asks_start) {
    if (const json* r = pick_period(rows, true, false))
      return "De inzet voor " + mission_of(*r, names) + " begon op " + dutch_date(str(*r, "start")) + " — " +
             source_label((*r)["source"]) + ".";
  }
  if (const json* r = pick_period(rows, false, true)) {
    std::string kind = str(*r, "kind");
    std::string verb = kind == "extension" ? "is verlengd tot en met " : kind == "mandate" ? "loopt tot en met " : "loopt tot ";
    std::string subject = kind == "mandate" || kind == "extension" ? "Het mandaat voor " : "De inzet voor ";
    return subject + mission_of(*r, names) + " " + verb + dutch_date(str(*r, "end")) + " — " +
           source_label((*r)["source"]) + ".";
  }
  if (const json* r = pick_period(rows, true, false))
    return "De inzet voor " + mission_of(*r, names) + " begon op " + dutch_date(str(*r, "start")) + " — " +
           source_label((*r)["source"]) + ".";
  return std::nullopt;
}

std::optional<std::string> timeline_answer(const json& rows, const std::map<std::string, std::string>& names) {
  const json* first = pick_period(rows, true, false);
  const json* last = pick_period(rows, false, true);
  if (!first && !last) return std::nullopt;
  std::string name = mission_of(first ? *first : *last, names);
  std::string out = name + ":";
  if (first) out += " de vroegst genoemde periode begint op " + dutch_date(str(*first, "start")) + " (" +
                    source_label((*first)["source"]) + ")";
  if (first && last) out += ";";
  if (last) out += " het laatst genoemde einde is " + dutch_date(str(*last, "end")) + " (" +
                   source_label((*last)["source"]) + ")";
  return out + ".";
}

}  // namespace

std::string dutch_date(const std::string& iso) {
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  if (iso.size() >= 7 && iso[4] == '-' && num(0, 4) > 0 && num(5, 2) >= 1 && num(5, 2) <= 12) {
    std::string month = kMonths[num(5, 2) - 1];
    if (iso.size() == 10 && iso[7] == '-' && num(8, 2) > 0)
      return std::to_string(num(8, 2)) + " " + month + " " + iso.substr(0, 4);
    return month + " " + iso.substr(0, 4);
  }
  return iso;
}

std::string dutch_amount(long long euros) {
  auto with_dots = [](long long v) {
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i && (digits.size() - i) % 3 == 0) out += '.';
      out += digits[i];
    }
    return out;
  };
  for (auto [unit, name] : {std::pair<long long, const char*>{1000000000LL, "miljard"}, {1000000LL, "miljoen"}}) {
    // Only a figure that is whole tenths of the unit is written with it, so nothing is rounded.
    if (euros >= unit && euros % (unit / 10) == 0) {
      long long tenths = euros / (unit / 10);
      std::string n = std::to_string(tenths / 10);
      if (tenths % 10) n += "," + std::to_string(tenths % 10);
      return "€ " + n + " " + name;
    }
  }
  return "€ " + with_dots(euros);
}

std::string paper_name(const std::string& id) {
  if (id.rfind("kst-", 0) != 0) return id;
  std::string rest = id.substr(4);
  std::size_t last = rest.rfind('-');
  if (last == std::string::npos) return id;
  std::string dossier = rest.substr(0, last), nr = rest.substr(last + 1);
  std::size_t digits = 0;
  while (digits < dossier.size() && dossier[digits] >= '0' && dossier[digits] <= '9') ++digits;
  std::string printed = dossier;
  if (digits == 5) printed = dossier.substr(0, 2) + " " + dossier.substr(2);
  // "34775-IX" is printed "34 775 IX"; "21501-02" keeps its hyphen.
  for (std::size_t i = 0; i + 1 < printed.size(); ++i)
    if (printed[i] == '-' && std::isalpha(static_cast<unsigned char>(printed[i + 1]))) printed[i] = ' ';
  bool number = !nr.empty() && nr[0] >= '0' && nr[0] <= '9';
  return "Kamerstuk " + printed + (number ? ", nr. " : ", ") + nr;
}

std::string source_label(const json& source) {
  if (!source.is_object()) return "";
  std::string out = paper_name(str(source, "id"));
  if (std::string d = str(source, "date"); !d.empty()) out += ", " + dutch_date(d);
  if (source.contains("page") && source["page"].is_number_integer() && source["page"].get<int>() > 0)
    out += ", p. " + std::to_string(source["page"].get<int>());
  return out;
}

std::optional<std::string> answer_sentence(const Question& q, const json& rows,
                                           const std::map<std::string, std::string>& names) {
  if (!rows.is_array() || rows.empty()) return std::nullopt;
  switch (q.kind) {
    case QuestionKind::cost: return cost_answer(rows, names);
    case QuestionKind::mandate: return period_answer(q, rows, names);
    case QuestionKind::timeline: {
      auto t = timeline_answer(rows, names);
      return t ? t : cost_answer(rows, names);
    }
    default: return std::nullopt;
  }
}

std::string read_as(const Question& q) {
  static const std::map<QuestionKind, const char*> kinds = {
      {QuestionKind::cost, "kosten"},         {QuestionKind::mandate, "mandaat of periode"},
      {QuestionKind::timeline, "verloop"},    {QuestionKind::lookup, "opzoeken van een stuk"},
      {QuestionKind::count, "aantallen"},     {QuestionKind::search, "zoeken"}};
  std::string out = kinds.at(q.kind);
  for (const auto& m : q.missions) out += ", missie " + m.mission->name;
  for (const auto& r : q.refs) out += ", " + paper_name(r);
  if (q.from_year && q.to_year && *q.from_year == *q.to_year)
    out += ", " + std::to_string(*q.from_year);
  else if (q.from_year && q.to_year)
    out += ", " + std::to_string(*q.from_year) + "–" + std::to_string(*q.to_year);
  else if (q.from_year)
    out += ", vanaf " + std::to_string(*q.from_year);
  else if (q.to_year)
    out += ", tot en met " + std::to_string(*q.to_year);
  return out;
}

}  // namespace kz::query
