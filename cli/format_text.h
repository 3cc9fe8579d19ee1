// Human-readable output helpers shared by search, show and analyze: ANSI styling (only when
// the caller says the stream is a terminal), highlighted snippets, aligned tables.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kz::cli {

std::string bold(std::string_view s, bool color);
std::string dim(std::string_view s, bool color);
std::string cyan(std::string_view s, bool color);

// `text` with the byte ranges in `marks` (sorted, non-overlapping) shown bold yellow. Without
// colour the text is returned unchanged: piped output stays plain text.
std::string highlight(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& marks, bool color);

// Width on screen of UTF-8 text, counting code points (the corpus is Latin script).
std::size_t display_width(std::string_view utf8);

// Rows under a header, columns padded to their widest cell, two spaces apart.
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows, bool color);

// Words of `text` re-flowed to lines of at most `width` code points, each starting with `indent`.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent);

// Text from outside (file names, stub lines, what the user typed, a document's title) made
// safe to print on a terminal or in a log: control characters (C0, DEL, C1), line and
// paragraph separators, bidirectional overrides and bytes that are not UTF-8 become \xNN
// escapes, and a backslash becomes \\, so the form is also reversible. A file name can then
// neither forge a line ("\nkamerzoek: ...") nor send escape sequences to the terminal.
// Every path printed for a person goes through this one function.
std::string printable(std::string_view text);

// True when `text` is well-formed UTF-8.
bool valid_utf8(std::string_view text);

// For a JSON object with a "file" that is not valid UTF-8 (printed with U+FFFD, which no longer
// names the file): adds "file_bytes", the name in printable()'s reversible form.
void add_file_bytes(nlohmann::json& object);

// JSON to stdout as one line; invalid UTF-8 from a damaged PDF is replaced, not fatal.
std::string json_line(const nlohmann::json& j);

}  // namespace kz::cli
