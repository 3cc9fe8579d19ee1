// JSON form of a document's metadata and facts: how they are stored in the index's document
// data and what the query side reads back. Field names follow the `show --json` contract.
#pragma once
#include <nlohmann/json.hpp>

#include "indexer/record/document_model.h"

namespace kz {

// {"id","layout","kamerstuk":{"dossier","nr"}|null,"kenmerken","date","title","doctype",
//  "addressee","signatories":[{"name","role"}],"pages","cites":[id or printed...],
//  "citations":[{"printed","id","also","page","sentence"}],"report_period":{"start","end"}|null}
// "nr" is a number when it is all digits ("481" -> 481), else a string ("AI").
nlohmann::json metadata_to_json(const Metadata& m, int pages);

// {"missions":[ids],"costs":[{"mission","amount_eur","text","year"|null,"period","estimate",
//  "part_of_total_eur"|null,"page","sentence"}],"periods":[{"mission","kind","start"|null,
//  "end"|null,"text","page","sentence"}],"forces":[force_to_json...]}
nlohmann::json facts_to_json(const Facts& f);

// A JSON null for an empty text, as the stored and printed forms write an absent date or name.
nlohmann::json null_if_empty(const std::string& s);

// A text field of stored JSON, "" when it is absent, null or not text (older or damaged data).
std::string string_field(const nlohmann::json& j, const char* key);

// One fact in that form, and back (from an index written before the facts slot's row format;
// fields missing or of the wrong type read as empty).
nlohmann::json cost_to_json(const CostFact& c);
nlohmann::json period_to_json(const PeriodFact& p);
// {"mission","count","what","kind","max","about","extra","dutch","date"|null,"year"|null,"text",
//  "page","sentence"}
nlohmann::json force_to_json(const ForceFact& f);
CostFact cost_from_json(const nlohmann::json& j);
PeriodFact period_from_json(const nlohmann::json& j);
ForceFact force_from_json(const nlohmann::json& j);

// Compact JSON text with invalid UTF-8 replaced (U+FFFD), never an exception: how the index
// stores JSON and how the command line prints it. A PDF's bytes are not always valid UTF-8.
inline std::string json_text(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kz
