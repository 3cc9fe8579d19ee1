// Who signed a document: role lines ("De Minister van Defensie,", "DE MINISTER VAN DEFENSIE",
// "DE DIRECTEUR-GENERAAL BELEID") paired with the name printed below or above them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "indexer/document_model.h"
#include "indexer/metadata_lines.h"

namespace kz::meta {

// "DE MINISTER VAN BUITENLANDSE ZAKEN" / "De Minister van Defensie," -> the role without its
// article and comma, or empty when the line is not a signing role.
std::string role_of_line(std::string_view line);

// "DE MINISTER VAN BUITENLANDSE ZAKEN" -> "Minister van Buitenlandse Zaken".
std::string title_case_role(std::string_view role);

// "K.H. Ollongren", "Ruben Brekelmans", "J.A. Hennis-Plasschaert", "Van der Lee".
bool looks_like_name(std::string_view line);

// A closing block printed on one line: "De Minister van Defensie, F.H.G. de Grave", also two
// in a row ("De Minister van X, A. Naam De Minister van Y, B. Naam"). Empty unless the whole
// line is such a block.
std::vector<Signatory> inline_signatories(std::string_view line);

std::vector<Signatory> find_signatories(const Lines& lines);

}  // namespace kz::meta
