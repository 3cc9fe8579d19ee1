// The Dutch sentences of `ask`: the one-line answer built only from fact rows (never a figure
// that is not in them), and "gelezen als", how a question was read.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "query/question.h"

namespace kz::query {

// "2016-12-31" -> "31 december 2016"; "2016-12" -> "december 2016"; other text as is.
std::string dutch_date(const std::string& iso);

// Whole euros as a person writes them: 2300000 -> "€ 2,3 miljoen", 335000 -> "€ 335.000".
std::string dutch_amount(long long euros);

// "kst-29521-293" -> "Kamerstuk 29 521, nr. 293"; other ids as they are.
std::string paper_name(const std::string& id);

// "Kamerstuk 29 521, nr. 293, 19 juni 2015, p. 1" for a row's source object.
std::string source_label(const nlohmann::json& source);

// The answer for `rows` (cost and period rows as `ask` returns them), or nullopt when they
// answer nothing. `names` maps mission ids to their names.
std::optional<std::string> answer_sentence(const Question& q, const nlohmann::json& rows,
                                           const std::map<std::string, std::string>& names);

// "kosten, missie MINUSMA, 2014–2019".
std::string read_as(const Question& q);

}  // namespace kz::query
