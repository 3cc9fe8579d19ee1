// Geometry helpers for reading a document's header; see metadata_lines.h.
#include "indexer/metadata/metadata_lines.h"

#include <algorithm>
#include <cmath>

#include "indexer/pdf/dehyphenate.h"
#include "indexer/dates/meta_text.h"

namespace kz::meta {
namespace {

using namespace kz::meta_text;

double pitch(const Line& l) { return l.height > 0 ? l.height : (l.font_size > 0 ? l.font_size : 10); }

// The label a line consists of, or the value after it on the same line when inline.
enum class LabelMatch { None, Whole, Inline };
LabelMatch match_label(std::string_view t, std::string_view label, std::string& rest) {
  if (!starts_with_ci(t, label)) return LabelMatch::None;
  std::string_view r = t.substr(label.size());
  if (!r.empty() && r.front() == ':') r.remove_prefix(1);
  if (trim(r).empty()) return LabelMatch::Whole;
  if (!is_space(r.front())) return LabelMatch::None;
  rest = std::string(trim(r));
  return LabelMatch::Inline;
}

// Lines continuing a value downwards in its column, stopping at a gap, at a line whose row
// also holds a label to its left (the next label/value pair), or at another column.
void add_wrapped(const Lines& lines, Value& v) {
  const Line* last = v.lines.back();
  const std::size_t start = lines.index_of(last);
  if (start == std::string::npos) return;
  for (std::size_t i = start + 1; i < lines.all().size() && v.lines.size() < 4; ++i) {
    const Line* l = lines.all()[i];
    if (l->page != last->page) break;
    if (same_row(*l, *last)) continue;
    // A value on the label's own line ("Betreft Geannoteerde agenda ...") continues indented.
    bool in_column = v.label ? std::fabs(l->x - v.lines.front()->x) <= 3
                             : l->x > v.lines.front()->x + 10 &&
                                   l->x < v.lines.front()->x + v.lines.front()->width / 2;
    if (!in_column) {
      if (l->y > last->y + pitch(*last) * 1.8) break;
      continue;
    }
    if (!just_below(*last, *l, 1.7)) break;
    bool row_has_label = false;
    for (const Line* o : lines.all())
      if (o != l && o->page == l->page && same_row(*o, *l) && o->x < l->x) row_has_label = true;
    if (row_has_label) break;
    append_wrapped(v.text, text_of(*l));
    v.lines.push_back(l);
    last = l;
  }
}

}  // namespace

Lines::Lines(const CleanText& text) {
  for (const auto& l : text.lines) all_.push_back(&l);
  // A strict order first (page, top, left), then rows: lines whose middles share a band are
  // one row, read left to right. Comparing "same row" inside the sort would not be transitive.
  std::stable_sort(all_.begin(), all_.end(), [](const Line* a, const Line* b) {
    if (a->page != b->page) return a->page < b->page;
    if (a->y != b->y) return a->y < b->y;
    return a->x < b->x;
  });
  for (std::size_t row = 0; row < all_.size();) {
    std::size_t end = row + 1;
    while (end < all_.size() && same_row(*all_[row], *all_[end])) ++end;
    std::stable_sort(all_.begin() + row, all_.begin() + end,
                     [](const Line* a, const Line* b) { return a->x < b->x; });
    row = end;
  }
}

std::vector<const Line*> Lines::page(int p) const {
  std::vector<const Line*> out;
  for (const Line* l : all_)
    if (l->page == p) out.push_back(l);
  return out;
}

std::size_t Lines::index_of(const Line* l) const {
  auto it = std::find(all_.begin(), all_.end(), l);
  return it == all_.end() ? std::string::npos : static_cast<std::size_t>(it - all_.begin());
}

std::string text_of(const Line& l) { return squeeze(l.text); }

bool same_row(const Line& a, const Line& b) {
  if (a.page != b.page) return false;
  double ca = a.y + a.height / 2, cb = b.y + b.height / 2;
  return std::fabs(ca - cb) <= std::max(1.0, std::min(pitch(a), pitch(b)) * 0.5);
}

bool just_below(const Line& above, const Line& below, double pitches) {
  if (above.page != below.page) return false;
  double d = below.y - above.y;
  return d > pitch(above) * 0.5 && d <= pitch(above) * pitches + 1;
}

bool is_caps(std::string_view s) {
  int letters = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_lower(c)) return false;
    if (is_upper(c)) ++letters;
    // Lower-case Latin-1 letters in UTF-8 (à..ÿ are C3 A0..C3 BF).
    if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) >= 0xA0)
      return false;
  }
  return letters >= 2;
}

void append_wrapped(std::string& out, std::string_view line) {
  line = trim(line);
  if (line.empty()) return;
  if (!out.empty()) {
    bool hyphen = take_soft_hyphen(out) || (out.back() == '-' && out.size() >= 2 && is_alpha(out[out.size() - 2]));
    if (!hyphen) out += ' ';
  }
  out += line;
}

std::vector<Value> values_of(const Lines& lines, const std::vector<std::string_view>& labels,
                             bool inline_ok) {
  std::vector<Value> out;
  const auto& all = lines.all();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Line* l = all[i];
    if (l->role == Line::Role::Footnote) continue;
    std::string t = text_of(*l), rest;
    for (std::string_view label : labels) {
      LabelMatch m = match_label(t, label, rest);
      if (m == LabelMatch::None) continue;
      if (m == LabelMatch::Inline) {
        // Running text may start a line with the same word; a label is capitalized.
        if (inline_ok && is_upper(t[0])) out.push_back(Value{rest, nullptr, {l}});
        break;
      }
      const Line* beside = nullptr;
      const Line* below = nullptr;
      std::size_t first = i;
      while (first > 0 && all[first - 1]->page == l->page) --first;
      for (std::size_t j = first; j < all.size() && all[j]->page == l->page; ++j) {
        const Line* o = all[j];
        if (o == l) continue;
        if (same_row(*o, *l) && o->x > l->x + l->width - 1 && o->x - (l->x + l->width) < 300 &&
            (!beside || o->x < beside->x))
          beside = o;
        if (!below && j > i && !same_row(*o, *l) && std::fabs(o->x - l->x) < 3 &&
            just_below(*l, *o, 2.2))
          below = o;
      }
      const Line* v = beside ? beside : below;
      if (v) out.push_back(Value{text_of(*v), l, {v}});
      break;
    }
  }
  return out;
}

std::optional<Value> value_of(const Lines& lines, const std::vector<std::string_view>& labels,
                              int max_page, bool wrap, bool inline_ok) {
  for (auto& v : values_of(lines, labels, inline_ok)) {
    if (max_page > 0 && v.lines.front()->page > max_page) break;
    if (wrap) add_wrapped(lines, v);
    return v;
  }
  return std::nullopt;
}

}  // namespace kz::meta
