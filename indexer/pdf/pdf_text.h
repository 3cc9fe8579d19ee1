// Reads a PDF with Poppler (page by page) and rebuilds clean running text: lines into
// paragraphs, line-end hyphenation undone, page headers/footers and footnotes separated.
#pragma once
#include <stdexcept>
#include <string>

#include "indexer/record/document_model.h"

namespace kz {

// Why a file could not be read; `what()` is the one-line cause shown to the user.
class PdfError : public std::runtime_error {
 public:
  enum class Kind { Unreadable, Empty, NotPdf, Damaged, Encrypted, NoPages, NoText, TooLarge };
  PdfError(Kind kind, const std::string& cause) : std::runtime_error(cause), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// Throws PdfError. Memory use is bounded by the largest page, not the page count.
CleanText read_pdf(const std::string& path);

// The layout stage on its own (used by read_pdf and by tests/fuzzers on synthetic lines):
// assigns roles to positioned lines and builds paragraphs and footnotes.
CleanText rebuild_text(std::vector<Line> lines, int pages);

}  // namespace kz
