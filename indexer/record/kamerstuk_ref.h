// The Kamerstuk reference grammar, in one place: used by the indexer to find citations in text
// and to read a document's own number, and by the query side to resolve what a user types.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/record/document_model.h"

namespace kz::ref {

// "kst-<dossier without spaces>-<nr>": {"29 521","481"} -> "kst-29521-481",
// {"21 501-02","2602"} -> "kst-21501-02-2602", {"34 775 IX","8"} -> "kst-34775-IX-8",
// {"33 328","AI"} -> "kst-33328-AI".
std::string kamerstuk_id(const KamerstukNumber& k);

// Dossier without spaces, lower case, for index terms: "29 521" -> "29521", "34 775 IX" -> "34775-ix".
std::string dossier_key(std::string_view dossier);

// What a user typed as REF -> candidate ids to look up, best first. Accepts every form in the
// spec: "kst-29521-481", "29521-481", "29 521, nr. 481", "Kamerstuk 29 521 nr 481",
// "29521 nr. 481", a kenmerk ("MINDEF20260027574"), a file-<sha12> id. Empty when nothing fits.
std::vector<std::string> resolve_user_ref(std::string_view typed);

// Parses a typed query that is nothing but a Kamerstuk reference ("29 521 nr 481").
std::optional<KamerstukNumber> parse_kamerstuk(std::string_view typed);

// Finds every citation of another Kamerstuk or kenmerk in a piece of running text:
// "Kamerstuk 29 521, nr. 481", "Kamerstukken 22 054 en 36 045, nr. 398",
// "(kenmerk 28 676 30 806, nr. 442)", "bijlage bij Kamerstuk 36 471, nr. 96", "Kamerbrief 29 521,
// nr. 481 van 6 mei 2024". `printed` is the span as printed; page/sentence are left for the caller.
std::vector<Citation> find_citations(std::string_view text);

// True for strings shaped like a ministry kenmerk / referentie ("MINDEF20260027574", "BS2025012345").
bool looks_like_kenmerk(std::string_view s);

}  // namespace kz::ref
