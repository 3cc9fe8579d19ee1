// Checks for numeric command-line options: a value out of range is a one-line usage error
// that says what is allowed, never a silent clamp to a nonsense value.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace kz::cli {

// A whole number from `lo` to `hi` (decimal digits, optional minus sign; nothing else).
CLI::Validator whole_number(long long lo, long long hi, const std::string& unit);

}  // namespace kz::cli
