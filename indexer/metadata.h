// Reads a document's metadata from its clean text: layout, Kamerstuk number, kenmerken, date,
// title, doctype, addressee, signatories, citations. Patterns for the layout, not for one letter.
#pragma once
#include <string>

#include "indexer/document_model.h"

namespace kz {

// sha256_hex is the file's content hash, used for the file-<sha12> id fallback.
Metadata extract_metadata(const CleanText& text, const std::string& sha256_hex);

// Dutch dates as printed: "25 oktober 2023", "21 mei 2025", "1 maart 2026" -> "YYYY-MM-DD".
// Empty when the text is not a full date.
std::string parse_dutch_date(std::string_view text);

}  // namespace kz
