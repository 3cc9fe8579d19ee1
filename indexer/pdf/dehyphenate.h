// Joining printed lines back into running text: undoes line-end hyphenation but keeps real
// hyphens ("drei-" + "ging" -> "dreiging"; "NAVO-" + "verdragsgebied" stays hyphenated).
#pragma once
#include <string>
#include <string_view>

namespace kz {

// Appends `next` (the following printed line) to `text` (running text so far).
void append_line(std::string& text, std::string_view next);

// A printed line may end with a soft hyphen (U+00AD, kept by print_form only there): the
// typesetter's own mark of a hyphenation break, so the word always continues on the next line.
// Removes it from the end of `text` and says whether it was there.
bool take_soft_hyphen(std::string& text);

// True when a hyphen at the end of `before` followed by `after` on the next line is a
// line-break hyphen to remove, false when it is a real hyphen to keep.
bool is_linebreak_hyphen(std::string_view before, std::string_view after);

}  // namespace kz
