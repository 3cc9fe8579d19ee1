// Readers for the user-editable analysis data in stemmer/data/.
#include "stemmer/data_files.h"

#include <fstream>
#include <stdexcept>

#include "stemmer/analysis.h"

namespace kz::analysis {
namespace {

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \r\n");
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of(" \r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::vector<std::vector<std::string>> read_tsv(const std::string& path, bool optional) {
  std::ifstream in(path);
  if (!in) {
    if (optional) return {};
    throw std::runtime_error("cannot read analysis data file " + path +
                             " (set KAMERZOEK_DATA to the directory holding stemmer/data)");
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    std::size_t start = 0;
    while (start <= line.size()) {
      std::size_t tab = line.find('\t', start);
      std::string field = trim(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (!field.empty()) row.push_back(fold(field));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (!row.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

std::string stemmer_data_dir() { return data_dir() + "/stemmer/data"; }

}  // namespace kz::analysis
