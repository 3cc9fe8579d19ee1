// Reads a document's metadata from its clean text.
#include "indexer/metadata.h"

namespace kz {

Metadata extract_metadata(const CleanText&, const std::string& sha256_hex) {
  Metadata m;
  m.layout = "unknown";
  m.id = "file-" + sha256_hex.substr(0, 12);
  return m;
}

}  // namespace kz
