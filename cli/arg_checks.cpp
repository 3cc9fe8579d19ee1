// Numeric option checks; see arg_checks.h.
#include "cli/arg_checks.h"

#include <cerrno>
#include <cstdlib>

namespace kz::cli {

CLI::Validator whole_number(long long lo, long long hi, const std::string& unit) {
  std::string range = std::to_string(lo) + " to " + std::to_string(hi) + (unit.empty() ? "" : " " + unit);
  return CLI::Validator(
      [lo, hi, range](std::string& value) -> std::string {
        const char* s = value.c_str();
        char* end = nullptr;
        errno = 0;
        long long v = std::strtoll(s, &end, 10);
        bool number = *s != '\0' && *end == '\0' && errno == 0 && (*s == '-' || (*s >= '0' && *s <= '9'));
        if (number && v >= lo && v <= hi) return {};
        return "'" + value + "' is not allowed: expected a whole number from " + range;
      },
      "INT in " + std::to_string(lo) + ".." + std::to_string(hi), "whole_number");
}

}  // namespace kz::cli
