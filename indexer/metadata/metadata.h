// Reads a document's metadata from its clean text: layout, Kamerstuk number, kenmerken, date,
// title, doctype, addressee, signatories, citations. Patterns for the layout, not for one letter.
#pragma once
#include <string>

#include "indexer/record/document_model.h"

namespace kz {

// sha256_hex is the file's content hash, used for the file-<sha12> id fallback.
Metadata extract_metadata(const CleanText& text, const std::string& sha256_hex);

}  // namespace kz
