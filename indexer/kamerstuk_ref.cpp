// The Kamerstuk reference grammar: ids, dossier keys, user-typed references and citations in text.
#include "indexer/kamerstuk_ref.h"

namespace kz::ref {

std::string kamerstuk_id(const KamerstukNumber& k) {
  std::string out = "kst-";
  for (char c : k.dossier) out += (c == ' ') ? '-' : c;
  return out + "-" + k.nr;
}

std::string dossier_key(std::string_view dossier) { return std::string(dossier); }

std::vector<std::string> resolve_user_ref(std::string_view typed) { return {std::string(typed)}; }

std::optional<KamerstukNumber> parse_kamerstuk(std::string_view) { return std::nullopt; }

std::vector<Citation> find_citations(std::string_view) { return {}; }

bool looks_like_kenmerk(std::string_view) { return false; }

}  // namespace kz::ref
