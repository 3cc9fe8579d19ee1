// The printed form of PDF text: NFKC (ligatures become letters, compatibility spaces become
// spaces) with invisible characters dropped, but typographic quotes and dashes kept, so that
// quoted sentences read exactly as printed. Matching goes through analysis::fold instead.
#pragma once
#include <string>
#include <string_view>

namespace kz {

std::string print_form(std::string_view utf8);

}  // namespace kz
