// Internal building blocks of the Kamerstuk reference grammar (kamerstuk_ref.h): reading a
// dossier number, its "nr." part and the words that announce a reference, at a text position.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kz::ref::scan {

struct Dossier {
  std::string dossier;        // normalized: "29 521", "21 501-02", "34 775 IX"
  std::size_t begin = 0, end = 0;
};

// A dossier number starting exactly at pos: "29 521", "29521", "21 501-02", "34 775 IX",
// "36 200 A". `typed` also accepts lower-case suffixes ("34775 ix"), as users type them.
std::optional<Dossier> dossier_at(std::string_view s, std::size_t pos, bool typed = false);

// One or more dossiers followed by their number: "29 521, nr. 481", "22 054 en 36 045, nr. 398",
// "28 676 30 806, nr. 442", "29 521, nrs. 335 en 343", "33 328, AI" (letters only when
// `letters_ok`, i.e. a keyword announced the reference).
struct Ref {
  std::vector<std::string> dossiers;
  std::vector<std::string> nrs;
  std::size_t begin = 0, end = 0;
};
std::optional<Ref> ref_at(std::string_view s, std::size_t pos, bool keyword_before);

// If a word that announces a reference ("Kamerstuk", "Kamerstukken II 2016/17,", "kenmerk",
// "Kamerbrief", "bijlage bij Kamerstuk") ends right before pos, the position where it starts.
std::optional<std::size_t> keyword_before(std::string_view s, std::size_t pos);

// "kst-29521-481", "kst-21501-02-2602", "kst-34775-IX-8" at pos (case-insensitive "kst").
std::optional<Ref> kst_id_at(std::string_view s, std::size_t pos);

// Splits a "29521-481" / "21501-02-2602" / "34775-IX-8" body (no "kst-") into dossier and nr.
std::optional<std::pair<std::string, std::string>> split_compact(std::string_view body);

}  // namespace kz::ref::scan
