// Holds the language chosen for human output; see lang.h.
#include "cli/lang.h"

namespace kz::cli {
namespace {
bool g_english = false;
}  // namespace

void set_english(bool english) { g_english = english; }
bool english() { return g_english; }

}  // namespace kz::cli
