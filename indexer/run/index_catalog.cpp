// File records are metadata entries "file:<path>" -> "sha\tsize\tmtime"; a document's paths
// live in its JSON data under "files" (first one also in the file value slot).
#include "indexer/run/index_catalog.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "indexer/record/document_data.h"
#include "indexer/record/index_schema.h"

namespace kz {
namespace {

std::string meta_key(const std::string& path) { return std::string(schema::kMetaFilePrefix) + path; }

}  // namespace

std::optional<FileRecord> Catalog::record(const std::string& path) const {
  std::string v = db_.get_metadata(meta_key(path));
  if (v.empty()) return std::nullopt;
  FileRecord r;
  auto t1 = v.find('\t'), t2 = v.find('\t', t1 + 1);
  if (t1 == std::string::npos || t2 == std::string::npos) return std::nullopt;
  r.sha256 = v.substr(0, t1);
  r.size = std::atoll(v.c_str() + t1 + 1);
  r.mtime_ns = std::atoll(v.c_str() + t2 + 1);
  return r;
}

void Catalog::set_record(const std::string& path, const FileRecord& rec) {
  db_.set_metadata(meta_key(path), rec.sha256 + "\t" + std::to_string(rec.size) + "\t" + std::to_string(rec.mtime_ns));
}

std::vector<std::string> Catalog::recorded_paths() const {
  std::vector<std::string> out;
  std::string prefix(schema::kMetaFilePrefix);
  for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it)
    out.push_back((*it).substr(prefix.size()));
  return out;
}

std::optional<Xapian::docid> Catalog::docid_of(const std::string& sha256) const {
  std::string term = schema::term(schema::kContent, sha256);
  auto it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  return *it;
}

bool Catalog::has_content(const std::string& sha256) const { return docid_of(sha256).has_value(); }

void Catalog::store(const std::string& sha256, Xapian::Document doc, const std::vector<std::string>& files) {
  std::string term = schema::term(schema::kContent, sha256);
  doc.add_boolean_term(term);
  // The worker records the one file it read; only a content met under several paths in this
  // run needs its data rewritten (parsing the data again costs as much as writing the document).
  if (files.size() != 1 || doc.get_value(schema::kSlotFile) != files.front()) {
    auto data = document_data::decode(doc.get_data());
    if (data.is_discarded()) data = nlohmann::json::object();
    data[std::string(schema::kDataFiles)] = files;
    doc.set_data(document_data::encode(std::move(data)));
  }
  if (!files.empty()) doc.add_value(schema::kSlotFile, files.front());
  db_.replace_document(term, doc);
}

// The document holding `sha256` and its parsed data, or nothing when there is none.
std::optional<std::pair<Xapian::Document, nlohmann::json>> Catalog::load(const std::string& sha256) const {
  auto id = docid_of(sha256);
  if (!id) return std::nullopt;
  Xapian::Document doc = db_.get_document(*id);
  auto data = document_data::decode(doc.get_data());
  if (data.is_discarded()) return std::nullopt;
  return std::make_pair(std::move(doc), std::move(data));
}

void Catalog::attach(const std::string& sha256, const std::string& path) {
  auto found = load(sha256);
  if (!found) return;
  auto& [doc, data] = *found;
  auto& files = data[std::string(schema::kDataFiles)];
  if (std::find(files.begin(), files.end(), path) != files.end()) return;
  files.push_back(path);
  doc.set_data(document_data::encode(std::move(data)));
  db_.replace_document(doc.get_docid(), doc);
}

void Catalog::detach(const std::string& sha256, const std::string& path) {
  auto found = load(sha256);
  if (!found) return;
  auto& [doc, data] = *found;
  auto& files = data[std::string(schema::kDataFiles)];
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& f : files)
    if (f != path) kept.push_back(f);
  if (kept.empty()) {
    db_.delete_document(doc.get_docid());
    return;
  }
  files = kept;
  doc.add_value(schema::kSlotFile, kept.front().get<std::string>());
  doc.set_data(document_data::encode(std::move(data)));
  db_.replace_document(doc.get_docid(), doc);
}

void Catalog::forget(const std::string& path) {
  if (auto rec = record(path)) detach(rec->sha256, path);
  db_.set_metadata(meta_key(path), "");
}

}  // namespace kz
