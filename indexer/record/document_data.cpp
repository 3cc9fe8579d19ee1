// The stored document record; see document_data.h.
#include "indexer/record/document_data.h"

#include "indexer/record/document_json.h"
#include "indexer/record/index_schema.h"

namespace kz::document_data {
namespace {

constexpr char kMark = '\x02';  // JSON text never starts with it
constexpr char kHeadEnd = '\0';
constexpr char kPageEnd = '\f';

const std::string& pages_key() {
  static const std::string key(schema::kDataPages);
  return key;
}

}  // namespace

std::string encode(nlohmann::json record) {
  nlohmann::json pages = nlohmann::json::array();
  if (record.is_object()) {
    if (auto it = record.find(pages_key()); it != record.end()) {
      pages = std::move(*it);
      record.erase(it);
    }
  }
  std::string out(1, kMark);
  out += json_text(record);
  out += kHeadEnd;
  if (pages.is_array())
    for (const auto& p : pages) {
      if (p.is_string()) {
        const auto& text = p.get_ref<const std::string&>();
        std::size_t at = out.size();
        out += text;
        for (std::size_t i = at; i < out.size(); ++i)
          if (out[i] == kPageEnd || out[i] == kHeadEnd) out[i] = ' ';
      }
      out += kPageEnd;
    }
  return out;
}

Parts split(std::string_view stored) {
  Parts parts;
  if (stored.empty() || stored.front() != kMark) {
    // The older format: one JSON object with the pages inside.
    parts.head = nlohmann::json::parse(stored, nullptr, false);
    if (!parts.head.is_object()) {
      parts.head = nlohmann::json(nlohmann::json::value_t::discarded);
      return parts;
    }
    if (auto it = parts.head.find(pages_key()); it != parts.head.end()) {
      if (it->is_array())
        for (auto& p : *it) parts.owned.push_back(p.is_string() ? std::move(p.get_ref<std::string&>()) : std::string());
      parts.head.erase(it);
    }
    parts.pages.assign(parts.owned.begin(), parts.owned.end());
    return parts;
  }
  std::size_t end = stored.find(kHeadEnd);
  if (end == std::string_view::npos) {
    parts.head = nlohmann::json(nlohmann::json::value_t::discarded);
    return parts;
  }
  parts.head = nlohmann::json::parse(stored.substr(1, end - 1), nullptr, false);
  if (!parts.head.is_object()) {
    parts.head = nlohmann::json(nlohmann::json::value_t::discarded);
    return parts;
  }
  std::string_view rest = stored.substr(end + 1);
  // Each page ends in a form feed; bytes after the last one are a cut-off record's tail.
  for (std::size_t at = rest.find(kPageEnd); at != std::string_view::npos; at = rest.find(kPageEnd)) {
    parts.pages.push_back(rest.substr(0, at));
    rest.remove_prefix(at + 1);
  }
  return parts;
}

nlohmann::json decode(std::string_view stored) {
  Parts parts = split(stored);
  if (parts.head.is_discarded()) return parts.head;
  nlohmann::json pages = nlohmann::json::array();
  for (auto p : parts.pages) pages.push_back(std::string(p));
  parts.head[pages_key()] = std::move(pages);
  return std::move(parts.head);
}

}  // namespace kz::document_data
