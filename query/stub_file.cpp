// The stub file reader; see stub_file.h. Loops are caught by keeping the chain of stubs
// being read (canonical paths), so `auto <itself>` is an error, not endless recursion.
#include "query/stub_file.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "query/query.h"

namespace kz::query {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool port_number(const std::string& s, unsigned& port) {
  if (s.empty() || s.size() > 5 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  unsigned long v = std::stoul(s);
  if (v == 0 || v > 65535) return false;
  port = static_cast<unsigned>(v);
  return true;
}

// A stub is text; a single-file glass database starts with binary bytes. The first block
// decides, as Xapian's own check does with its magic number.
bool looks_like_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char buf[4096];
  in.read(buf, sizeof buf);
  std::streamsize n = in.gcount();
  for (std::streamsize i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(buf[i]);
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) return false;
  }
  return true;
}

class Opener {
 public:
  Xapian::Database open(const std::string& path, const std::string& named_by) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return Xapian::Database(path, Xapian::DB_BACKEND_GLASS);  // Xapian names the cause
    if (S_ISDIR(st.st_mode)) {
      auto has = [&](const char* name) {
        std::error_code ec;
        return fs::exists(fs::path(path) / name, ec);
      };
      if (has("iamchert")) return Xapian::Database(path, Xapian::DB_BACKEND_CHERT);
      if (!has("iamglass") && has("XAPIANDB")) return stub(path + "/XAPIANDB", path, named_by);
      return Xapian::Database(path, Xapian::DB_BACKEND_GLASS);
    }
    if (S_ISREG(st.st_mode) && looks_like_text(path)) return stub(path, fs::path(path).parent_path().string(), named_by);
    return Xapian::Database(path, Xapian::DB_BACKEND_GLASS);
  }

 private:
  Xapian::Database stub(const std::string& file, const std::string& base, const std::string& named_by) {
    std::error_code ec;
    std::string key = fs::weakly_canonical(file, ec).string();
    if (ec) key = file;
    if (!chain_.empty() && chain_.back() == key) throw IndexError(named_by, "stub file names itself");
    if (std::find(chain_.begin(), chain_.end(), key) != chain_.end())
      throw IndexError(named_by, "stub files name each other in a loop (" + file + " again)");
    if (static_cast<int>(chain_.size()) >= kMaxStubDepth)
      throw IndexError(named_by, "stub files nested more than " + std::to_string(kMaxStubDepth) + " deep");
    std::ifstream in(file);
    if (!in) throw IndexError(file, "cannot read stub file");
    chain_.push_back(key);
    Xapian::Database all;
    int count = 0, number = 0;
    std::string raw;
    while (std::getline(in, raw)) {
      ++number;
      std::string line = trim(raw);
      if (line.empty() || line[0] == '#') continue;
      std::string where = file + ":" + std::to_string(number);
      all.add_database(entry(line, base, where));
      ++count;
    }
    chain_.pop_back();
    if (count == 0) throw IndexError(file, "stub file names no database");
    return all;
  }

  Xapian::Database entry(const std::string& line, const std::string& base, const std::string& where) {
    std::size_t sp = line.find_first_of(" \t");
    std::string type = line.substr(0, sp);
    std::string rest = sp == std::string::npos ? "" : trim(line.substr(sp + 1));
    if (type == "prog" || (type == "remote" && rest.starts_with(":")))
      throw IndexError(where, "stub file asks to run a program ('" + line +
                                  "'); kamerzoek reads only local databases and 'remote HOST:PORT' or 'tcp HOST PORT' "
                                  "shards (xapian-tcpsrv)");
    if (type == "auto" || type == "glass" || type == "chert") {
      if (rest.empty()) throw IndexError(where, "'" + type + "' needs a path");
      fs::path p(rest);
      if (p.is_relative()) p = fs::path(base.empty() ? "." : base) / p;
      if (type == "auto") return open(p.string(), where);
      return Xapian::Database(p.string(), type == "glass" ? Xapian::DB_BACKEND_GLASS : Xapian::DB_BACKEND_CHERT);
    }
    std::string host, port_text;
    if (type == "remote") {
      std::size_t colon = rest.rfind(':');
      if (colon != std::string::npos) host = rest.substr(0, colon), port_text = rest.substr(colon + 1);
    } else if (type == "tcp") {
      std::size_t gap = rest.find_first_of(" \t");
      if (gap != std::string::npos) host = rest.substr(0, gap), port_text = trim(rest.substr(gap + 1));
    } else {
      throw IndexError(where, "cannot read stub line '" + line +
                                  "': expected auto|glass|chert PATH, remote HOST:PORT or tcp HOST PORT");
    }
    unsigned port = 0;
    if (host.empty() || !port_number(port_text, port))
      throw IndexError(where, "cannot read stub line '" + line + "': expected a host and a port from 1 to 65535");
    return Xapian::Remote::open(host, port);
  }

  std::vector<std::string> chain_;
};

}  // namespace

Xapian::Database open_database(const std::string& path) { return Opener().open(path, path); }

}  // namespace kz::query
