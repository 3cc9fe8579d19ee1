// The three layouts a document's header comes in, and the readers for each: the published
// Kamerstuk ("kst"), the ministerial letter ("brief") and the internal beslisnota ("nota").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "indexer/document_model.h"
#include "indexer/metadata_lines.h"

namespace kz::meta {

// "kst", "brief", "nota" or "unknown".
std::string detect_layout(const Lines& lines);

void read_kst(const Lines& lines, Metadata& m);
void read_letter(const Lines& lines, Metadata& m);
void read_nota(const Lines& lines, Metadata& m);
// A page printed from the web (news item, document page, Aanhangsel): a line of fields split by
// bars near the top of page 1. False, and `m` untouched, when there is none.
bool read_web_page(const Lines& lines, Metadata& m);
// "2024-03-22" when that is all `s` holds and it is a real date, else empty.
std::string iso_date_in(std::string_view s);

// "BRIEF VAN DE MINISTER VAN DEFENSIE" -> "brief", "MOTIE VAN HET LID ..." -> "motie".
std::string doctype_from_kst_title(std::string_view title);
// A letter's subject line: "Geannoteerde agenda ..." -> "geannoteerde agenda", else "brief".
std::string doctype_from_subject(std::string_view subject);

// Every kenmerk/referentie printed with a label (own references only, not "Uw kenmerk").
std::vector<std::string> read_kenmerken(const Lines& lines);

// "Tweede Kamer" / "Eerste Kamer" when the text names one of the houses, else empty.
std::string house_in(std::string_view text);

// A date following "Den Haag," / "'s-Gravenhage," on a line of the first `max_page` pages.
std::string place_date(const Lines& lines, int max_page);

}  // namespace kz::meta
