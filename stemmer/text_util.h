// Small UTF-8 helpers shared by the analysis sources.
#pragma once
#include <string>
#include <string_view>

namespace kz::analysis {

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view cps);
bool ends_with(std::string_view s, std::string_view suffix);
bool starts_with(std::string_view s, std::string_view prefix);
bool is_vowel(char c);  // a e i o u y, folded ASCII
bool all_letters(std::string_view folded);  // only a-z (after folding); no digits, hyphens, quotes

}  // namespace kz::analysis
