// Turns one PDF into a finished Xapian document: clean text, metadata, facts, terms, values
// and the JSON document data. Runs inside the extraction worker.
#pragma once
#include <xapian.h>

#include <string>

#include "indexer/record/document_model.h"
#include "indexer/record/missions.h"

namespace kz {

struct BuiltDocument {
  Xapian::Document doc;
  std::string id;
};

// Throws PdfError when the PDF cannot be read.
BuiltDocument build_document(const std::string& path, const std::string& sha256_hex, const MissionTable& missions);

// The term-generation step on its own: adds positional word terms, stem terms and compound
// parts for `text` starting after position `pos`, and returns the last position used.
Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, Xapian::termpos pos);

}  // namespace kz
