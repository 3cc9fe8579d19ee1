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

}  // namespace kz
