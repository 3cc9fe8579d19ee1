// Human-readable output helpers; see format_text.h.
#include "cli/format_text.h"

#include <algorithm>

#include "indexer/record/document_json.h"

namespace kz::cli {
namespace {

std::string styled(std::string_view s, const char* code, bool color) {
  if (!color) return std::string(s);
  return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
}

}  // namespace

std::string bold(std::string_view s, bool color) { return styled(s, "1", color); }
std::string dim(std::string_view s, bool color) { return styled(s, "2", color); }
std::string cyan(std::string_view s, bool color) { return styled(s, "36", color); }

std::string highlight(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& marks, bool color) {
  if (!color) return std::string(text);
  std::string out;
  std::size_t at = 0;
  for (auto [b, e] : marks) {
    if (b < at || e > text.size() || b >= e) continue;
    out.append(text.substr(at, b - at));
    out += styled(text.substr(b, e - b), "1;33", true);
    at = e;
  }
  out.append(text.substr(at));
  return out;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows, bool color) {
  std::vector<std::size_t> width(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) width[i] = display_width(header[i]);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  auto line = [&](const std::vector<std::string>& cells, bool head) {
    std::string out;
    for (std::size_t i = 0; i < width.size(); ++i) {
      std::string cell = i < cells.size() ? cells[i] : "";
      bool last = i + 1 == width.size();
      std::string pad = last ? "" : std::string(width[i] - display_width(cell) + 2, ' ');
      out += (head ? bold(cell, color) : cell) + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header, true);
  for (const auto& r : rows) out += line(r, false);
  return out;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::string out, line(indent);
  std::size_t used = display_width(indent), start = used;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
    if (b == i) break;
    std::string_view word = text.substr(b, i - b);
    std::size_t w = display_width(word);
    if (used > start && used + 1 + w > width) {
      out += line + "\n";
      line = std::string(indent);
      used = start;
    }
    if (used > start) line += ' ', ++used;
    line += word;
    used += w;
  }
  if (used > start) out += line + "\n";
  return out;
}

std::string json_line(const nlohmann::json& j) {
  return json_text(j) + "\n";
}

}  // namespace kz::cli
