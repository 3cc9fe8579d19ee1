// A document's stored record (Xapian document data): its metadata, files, facts and page text,
// written by the indexer and read by the query side. This is the one definition of its bytes.
//
// Written now: byte 0x02, the record as compact JSON without "pages", byte 0x00, then each
// page's text followed by a form feed. The pages stay out of the JSON so that a search hit can
// take its title and snippet without unescaping every page of the document (that parse was
// about a tenth of a search). Records written before (the whole object as JSON, pages
// included) are still read.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kz::document_data {

// The stored bytes for a record object whose "pages" is an array of strings. A form feed or a
// NUL inside a page (they carry no meaning in clean text) is stored as a space.
std::string encode(nlohmann::json record);

// The whole record object, "pages" included; a discarded value when the bytes are damaged.
nlohmann::json decode(std::string_view stored);

// The record without its pages, and the pages as views: into the stored bytes for the current
// format, into `owned` for the older one. `head` is discarded when the bytes are damaged.
struct Parts {
  nlohmann::json head;
  std::vector<std::string_view> pages;
  std::vector<std::string> owned;
};
Parts split(std::string_view stored);

}  // namespace kz::document_data
