// Matching keys for mission names: the folded, punctuation-free forms under which a user's
// spelling and the table's names and aliases are compared.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kz {

// fold(s) with everything but letters and digits removed: "MQ-9 Roemenië" -> "mq9roemenie".
std::string mission_key(std::string_view s);

// fold(s) split into words, with letters and digits split too: "eVA MQ9" -> {"eva","mq","9"}.
std::vector<std::string> mission_key_tokens(std::string_view s);

// The words of running text as mission names are matched in it: runs of letters or of digits
// (so "MQ9" is "MQ" and "9"), with their byte span and folded form.
struct WordSpan {
  std::string text, folded;
  std::size_t offset = 0, length = 0;
};
std::vector<WordSpan> word_spans(std::string_view text);

}  // namespace kz
