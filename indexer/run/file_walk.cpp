// Directory walk with loop and escape protection (canonical paths of visited folders).
#include "indexer/run/file_walk.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace kz {
namespace {

bool has_pdf_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

bool is_within(const fs::path& p, const std::vector<fs::path>& roots) {
  for (const auto& r : roots) {
    auto rel = p.lexically_relative(r);
    if (!rel.empty() && *rel.begin() != "..") return true;
  }
  return false;
}

struct Walker {
  std::vector<fs::path> canonical_roots;
  std::set<fs::path> visited;
  WalkResult out;

  void problem(const fs::path& p, const std::string& cause) { out.problems.push_back({p.string(), cause}); }

  void walk_dir(const fs::path& dir) {
    std::error_code ec;
    fs::path canon = fs::canonical(dir, ec);
    if (ec) return problem(dir, "cannot resolve folder: " + ec.message());
    if (!visited.insert(canon).second) return problem(dir, "symlink loop, not followed");
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) return problem(dir, "cannot read folder: " + ec.message());
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        problem(dir, "cannot read folder: " + ec.message());
        break;
      }
      entries.push_back(*it);
    }
    for (const auto& e : entries) visit(e.path(), false);
  }

  void visit(const fs::path& p, bool named) {
    std::error_code ec;
    auto lst = fs::symlink_status(p, ec);
    if (ec) return problem(p, "cannot read: " + ec.message());  // e.g. a folder on the way without search right
    if (lst.type() == fs::file_type::not_found) return problem(p, "no such file or folder");
    if (lst.type() == fs::file_type::symlink) {
      fs::path target = fs::canonical(p, ec);
      if (ec) return problem(p, "broken symlink or symlink loop: " + ec.message());
      if (!named && !is_within(target, canonical_roots))
        return problem(p, "symlink leads outside the indexed paths, not followed");
    }
    auto st = fs::status(p, ec);
    if (ec) return problem(p, "cannot read: " + ec.message());
    if (st.type() == fs::file_type::directory) return walk_dir(p);
    if (st.type() != fs::file_type::regular) {
      if (named) problem(p, "not a regular file");
      return;
    }
    if (named || has_pdf_extension(p)) out.files.push_back(p.string());
  }
};

}  // namespace

WalkResult find_pdfs(const std::vector<std::string>& roots) {
  Walker w;
  for (const auto& r : roots) {
    std::error_code ec;
    fs::path c = fs::canonical(r, ec);
    if (!ec) w.canonical_roots.push_back(c);
  }
  for (const auto& r : roots) w.visit(fs::absolute(r).lexically_normal(), true);
  std::sort(w.out.files.begin(), w.out.files.end());
  w.out.files.erase(std::unique(w.out.files.begin(), w.out.files.end()), w.out.files.end());
  return w.out;
}

}  // namespace kz
