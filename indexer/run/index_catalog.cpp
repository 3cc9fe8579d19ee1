// File records are metadata entries "file:<path>" -> "sha\tsize\tmtime"; a document's paths
// live in its JSON data under "files" (first one also in the file value slot).
#include "indexer/run/index_catalog.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "indexer/run/content_hash.h"
#include "indexer/record/document_data.h"
#include "indexer/record/index_schema.h"

namespace kz {
namespace {

// Xapian refuses keys longer than about 245 bytes. A path that would make a longer key is
// keyed by its hash ("file:#<sha256 of the path>"; real paths start with '/') and its full
// form is kept at the end of the value.
constexpr std::size_t kMaxKeyBytes = 200;

std::string meta_key(std::string_view prefix, const std::string& path) {
  if (prefix.size() + path.size() <= kMaxKeyBytes) return std::string(prefix) + path;
  return std::string(prefix) + "#" + sha256_text(path);
}

bool hashed_key(std::string_view prefix, const std::string& path) { return prefix.size() + path.size() > kMaxKeyBytes; }

// The value's TAB-separated fields.
std::vector<std::string> fields(const std::string& v) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto tab = v.find('\t', start);
    out.push_back(v.substr(start, tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

}  // namespace

std::optional<FileRecord> Catalog::record(const std::string& path) const {
  std::string v = db_.get_metadata(meta_key(schema::kMetaFilePrefix, path));
  if (v.empty()) return std::nullopt;
  auto f = fields(v);
  if (f.size() < 3) return std::nullopt;
  if (hashed_key(schema::kMetaFilePrefix, path) && (f.size() < 4 || f[3] != path)) return std::nullopt;
  FileRecord r;
  r.sha256 = f[0];
  r.size = std::atoll(f[1].c_str());
  r.mtime_ns = std::atoll(f[2].c_str());
  return r;
}

void Catalog::set_record(const std::string& path, const FileRecord& rec) {
  std::string v = rec.sha256 + "\t" + std::to_string(rec.size) + "\t" + std::to_string(rec.mtime_ns);
  if (hashed_key(schema::kMetaFilePrefix, path)) v += "\t" + path;
  db_.set_metadata(meta_key(schema::kMetaFilePrefix, path), v);
}

std::vector<std::string> Catalog::recorded_paths() const {
  std::vector<std::string> out;
  std::string prefix(schema::kMetaFilePrefix);
  for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
    std::string rest = (*it).substr(prefix.size());
    if (rest.empty() || rest[0] != '#') {
      out.push_back(rest);
      continue;
    }
    auto f = fields(db_.get_metadata(*it));
    if (f.size() >= 4) out.push_back(f[3]);
  }
  return out;
}

std::optional<FailedFile> Catalog::failure(const std::string& path) const {
  std::string v = db_.get_metadata(meta_key(schema::kMetaFailedPrefix, path));
  if (v.empty()) return std::nullopt;
  auto f = fields(v);
  if (f.size() < 3) return std::nullopt;
  FailedFile r;
  r.size = std::atoll(f[0].c_str());
  r.mtime_ns = std::atoll(f[1].c_str());
  r.error = f[2];
  if (f.size() >= 5) r.limits = f[3];
  return r;
}

void Catalog::set_failure(const std::string& path, const FailedFile& failed) {
  std::string error = failed.error;
  for (char& c : error)
    if (c == '\t' || c == '\n') c = ' ';
  db_.set_metadata(meta_key(schema::kMetaFailedPrefix, path),
                   std::to_string(failed.size) + "\t" + std::to_string(failed.mtime_ns) + "\t" + error + "\t" +
                       failed.limits + "\t" + path);
}

void Catalog::clear_failure(const std::string& path) {
  std::string key = meta_key(schema::kMetaFailedPrefix, path);
  if (!db_.get_metadata(key).empty()) db_.set_metadata(key, "");
}

std::vector<std::string> Catalog::files_of(const std::string& sha256) const {
  std::vector<std::string> out;
  if (auto found = load(sha256)) {
    const auto& files = found->second[std::string(schema::kDataFiles)];
    if (files.is_array())
      for (const auto& f : files)
        if (f.is_string()) out.push_back(f.get<std::string>());
  }
  return out;
}

std::optional<Xapian::docid> Catalog::docid_of(const std::string& sha256) const {
  std::string term = schema::term(schema::kContent, sha256);
  auto it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  return *it;
}

bool Catalog::has_content(const std::string& sha256) const { return docid_of(sha256).has_value(); }

void Catalog::store(const std::string& sha256, Xapian::Document doc, const std::vector<std::string>& files,
                    const std::string& stamp) {
  std::string term = schema::term(schema::kContent, sha256);
  doc.add_boolean_term(term);
  if (!stamp.empty()) doc.add_boolean_term(std::string(schema::kDataStamp) + stamp);
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
  db_.set_metadata(meta_key(schema::kMetaFilePrefix, path), "");
}

}  // namespace kz
