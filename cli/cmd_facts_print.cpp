// Human output of costs, mandates, timeline and missions: aligned tables with the quoted
// sentence under each fact, so a reader can check every figure against its source.
#include "cli/cmd_facts_print.h"

#include <sstream>
#include <vector>

#include "cli/format_text.h"
#include "cli/lang.h"

namespace kz::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kWidth = 100;

std::string str(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  return j.dump();
}

std::string field(const json& j, const char* key) {
  return j.is_object() && j.contains(key) ? str(j[key]) : "";
}

// Whole euros with Dutch thousands separators: € 42.400.000.
std::string euros(const json& amount) {
  if (!amount.is_number()) return "";
  long long v = amount.get<long long>();
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return std::string("€ ") + (v < 0 ? "-" : "") + out;
}

std::string page_ref(const json& source) {
  std::string p = field(source, "page");
  return p.empty() || p == "0" ? "" : "p." + p;
}

std::string quoted(const std::string& sentence, bool color) {
  if (sentence.empty()) return "";
  return dim(wrap("“" + sentence + "”", kWidth, "      "), color);
}

// A table whose every row is followed by extra lines (the quoted sentence).
std::string table_with_notes(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                             const std::vector<std::string>& notes, bool color) {
  std::istringstream lines(table(header, rows, color));
  std::string out, line;
  std::getline(lines, line);
  out += line + "\n";
  for (std::size_t i = 0; std::getline(lines, line); ++i) out += line + "\n" + (i < notes.size() ? notes[i] : "");
  return out;
}

std::string heading(const json& j, const char* id_key, bool color) {
  return bold(field(j, id_key), color) + "  " + field(j, "name") + "\n\n";
}

// The --from/--to a result was cut to, and the undated documents that left out.
std::string range_note(const json& j) {
  if (!j.contains("from") && !j.contains("to")) return "";
  std::string f = field(j, "from"), t = field(j, "to");
  std::string out = tr("periode: ", "range: ") + (f.empty() ? "…" : f) + " → " + (t.empty() ? "…" : t);
  long long undated = j.value("undated_left_out", 0LL);
  if (undated > 0)
    out += tr("; ", "; ") + std::to_string(undated) + tr(" document(en) zonder datum weggelaten", " undated document(s) left out");
  return out + "\n\n";
}

std::string cost_kind(const json& r) { return r.value("estimate", false) ? tr("raming", "estimate") : tr("uitgegeven", "spent"); }

std::string range(const json& r) {
  std::string s = field(r, "start"), e = field(r, "end");
  return (s.empty() ? "…" : s) + " → " + (e.empty() ? "…" : e);
}

}  // namespace

std::string format_costs(const json& c, bool color) {
  std::string out = heading(c, "mission", color);
  const json& rows = c["rows"];
  if (rows.empty()) return out + tr("Geen bedragen gevonden voor deze missie.\n", "No cost figures found for this mission.\n");
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> notes;
  for (const auto& r : rows) {
    const json& s = r["source"];
    std::string what = cost_kind(r);
    std::string year = r["year"].is_null() ? "?" : str(r["year"]);
    std::string period = field(r, "period");
    cells.push_back({year, euros(r["amount_eur"]), what, field(s, "id"), field(s, "date"), page_ref(s), period});
    std::string note = quoted(field(s, "sentence"), color);
    if (r.contains("part_of_total_eur") && r["part_of_total_eur"].is_number())
      note += dim(tr("      deel van een totaal van ", "      part of a total of ") + euros(r["part_of_total_eur"]) + "\n", color);
    notes.push_back(note);
  }
  out += table_with_notes({tr("jaar", "year"), tr("bedrag", "amount"), tr("soort", "kind"), "document", tr("datum", "date"),
                           tr("pagina", "page"), tr("periode", "period")},
                          cells, notes, color);
  if (!c.contains("years") || c["years"].empty()) return out;
  out += "\n" + bold(tr("per jaar", "per year"), color) + "\n";
  std::vector<std::vector<std::string>> summary;
  for (const auto& y : c["years"]) {
    std::string est = y["estimate_eur"].is_null() ? "" : euros(y["estimate_eur"]);
    std::string spent = y["spent_eur"].is_null() ? "" : euros(y["spent_eur"]);
    summary.push_back({str(y["year"]), est, spent, std::to_string(y["sources"].size())});
  }
  out += table({tr("jaar", "year"), tr("geraamd", "estimated"), tr("uitgegeven", "spent"), tr("documenten", "documents")},
               summary, color);
  for (const auto& y : c["years"]) {
    if (!y.value("disagree", false)) continue;
    std::string line = tr("let op: documenten verschillen over ", "note: documents disagree about ") + str(y["year"]) + ":";
    bool first = true;
    for (const auto& s : y["sources"]) {
      line += std::string(first ? " " : "; ") + euros(s["amount_eur"]) + " (" + cost_kind(s) + ", " + field(s, "id") + " " +
              field(s, "date") + ")";
      first = false;
    }
    out += wrap(line, kWidth, "");
  }
  return out;
}

std::string format_mandates(const json& m, bool color) {
  std::string out = heading(m, "mission", color);
  const json& rows = m["rows"];
  if (rows.empty())
    return out + range_note(m) + tr("Geen mandaten of perioden gevonden voor deze missie.\n", "No mandates or periods found for this mission.\n");
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> notes;
  for (const auto& r : rows) {
    const json& s = r["source"];
    std::string src = field(s, "id");
    if (!page_ref(s).empty()) src += " " + page_ref(s);
    cells.push_back({field(s, "date"), kind_label(field(r, "kind")), range(r), src});
    notes.push_back(quoted(field(s, "sentence"), color));
  }
  out += range_note(m) +
         table_with_notes({tr("besloten", "decided"), tr("soort", "kind"), tr("periode", "period"), tr("bron", "source")}, cells,
                          notes, color);
  if (m.contains("latest_end") && m["latest_end"].is_object())
    out += "\n" + bold(tr("laatst bekende einddatum: ", "latest known end date: ") + field(m["latest_end"], "date"), color) +
           " (" + field(m["latest_end"], "source") + ")\n";
  return out;
}

std::string format_timeline(const json& t, bool color) {
  std::string out = heading(t, "mission", color);
  const json& docs = t["documents"];
  out += range_note(t);
  if (docs.empty()) out += tr("Geen documenten gevonden voor deze missie.\n", "No documents found for this mission.\n");
  std::string year;
  for (const auto& d : docs) {
    std::string date = field(d, "date");
    std::string y = date.size() >= 4 ? date.substr(0, 4) : tr("zonder datum", "undated");
    if (y != year) {
      out += (year.empty() ? "" : "\n") + bold(y, color) + "\n";
      year = y;
    }
    out += "  " + (date.empty() ? std::string("          ") : date) + "  " + cyan(field(d, "id"), color) + "  " +
           field(d, "title") + "\n";
    for (const auto& f : d["facts"]) {
      std::string line;
      if (field(f, "type") == "cost") {
        line = tr("kosten ", "cost ") + (f["year"].is_null() ? std::string("?") : str(f["year"])) + ": " +
               euros(f["amount_eur"]) + " (" + cost_kind(f) + ")";
      } else if (field(f, "type") == "force") {
        line = tr("omvang: ", "force: ") + force_summary(f);
      } else if (f.contains("kind")) {
        line = kind_label(field(f, "kind")) + ": " + range(f);
      } else {
        line = field(f, "type") + ": " + field(f, "text");
      }
      std::string p = field(f, "page");
      if (!p.empty() && p != "0") line += "  p." + p;
      out += "      " + line + "\n";
      out += dim(wrap("“" + field(f, "sentence") + "”", kWidth, "        "), color);
    }
  }
  return out;
}

std::string format_missions(const json& m, bool color) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& r : m["missions"])
    cells.push_back({field(r, "id"), str(r["documents"]), field(r, "first"), field(r, "last"), field(r, "name")});
  return table({tr("missie", "mission"), tr("documenten", "documents"), tr("eerste", "first"), tr("laatste", "last"),
                tr("naam", "name")},
               cells, color);
}

}  // namespace kz::cli
