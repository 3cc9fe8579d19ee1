// Fuzzes the Kamerstuk reference grammar (citations in text, what a user types as REF, the
// number of a Kamerstuk): no crash on any bytes, and an id made from a parsed reference is
// again understood as that reference.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "indexer/record/kamerstuk_ref.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  for (const auto& c : kz::ref::find_citations(text)) {
    KZ_FUZZ_CHECK(c.printed.size() <= text.size() + 64);  // a span of the text, not a runaway
  }
  auto ids = kz::ref::resolve_user_ref(text);
  for (const auto& id : ids) KZ_FUZZ_CHECK(!id.empty());
  kz::ref::looks_like_kenmerk(text);

  if (auto k = kz::ref::parse_kamerstuk(text)) {
    KZ_FUZZ_CHECK(!k->dossier.empty() && !k->nr.empty());
    std::string id = kz::ref::kamerstuk_id(*k);
    auto again = kz::ref::resolve_user_ref(id);
    KZ_FUZZ_CHECK(std::find(again.begin(), again.end(), id) != again.end());
    kz::ref::dossier_key(k->dossier);
  }
  return 0;
}
