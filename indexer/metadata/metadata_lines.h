// Geometry helpers for reading a document's header: lines in page order, label/value pairs
// ("Datum" | "21 mei 2025", beside or below the label), wrapped values and caps lines.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/record/document_model.h"

namespace kz::meta {

// Every line of the document sorted by page, then top to bottom, then left to right.
class Lines {
 public:
  explicit Lines(const CleanText& text);
  const std::vector<const Line*>& all() const { return all_; }
  std::vector<const Line*> page(int p) const;
  // Index of a line in all(), or npos.
  std::size_t index_of(const Line* l) const;

 private:
  std::vector<const Line*> all_;
};

// Squeezed text of a line.
std::string text_of(const Line& l);

bool same_row(const Line& a, const Line& b);
// Below `above` on the same page, starting within `pitches` line heights of its top.
bool just_below(const Line& above, const Line& below, double pitches = 2.0);

// True when every letter is a capital and there are at least two letters.
bool is_caps(std::string_view s);

struct Value {
  std::string text;                    // value lines joined with spaces
  const Line* label = nullptr;         // null when the label was on the same line as the value
  std::vector<const Line*> lines;      // the value's lines
};

// The value printed with one of `labels` (case-insensitive, optional ':') on pages up to
// `max_page` (0 = all): the line right of the label on its row, else the line just below it
// in the same column, else the rest of a line that starts with the label when `inline_ok`.
// With `wrap`, lines continuing the value below in its column are joined to it.
std::optional<Value> value_of(const Lines& lines, const std::vector<std::string_view>& labels,
                              int max_page, bool wrap, bool inline_ok);

// All values of the labels, in document order (a side column repeats them on every page).
std::vector<Value> values_of(const Lines& lines, const std::vector<std::string_view>& labels,
                             bool inline_ok);

// Joins wrapped lines: a line ending in a hyphen before a letter keeps the hyphen but no space.
void append_wrapped(std::string& out, std::string_view line);

}  // namespace kz::meta
