// Human-readable output of the fact commands (costs, mandates, timeline, missions); the JSON
// objects they print come straight from kz::query.
#pragma once
#include <nlohmann/json.hpp>

#include <string>

namespace kz::cli {

std::string format_costs(const nlohmann::json& c, bool color);
std::string format_mandates(const nlohmann::json& m, bool color);
std::string format_timeline(const nlohmann::json& t, bool color);
std::string format_missions(const nlohmann::json& m, bool color);
// One force size row in Dutch: "maximaal 150 militairen (personeel, maximum)" (cmd_forces.cpp).
std::string force_summary(const nlohmann::json& row);

}  // namespace kz::cli
