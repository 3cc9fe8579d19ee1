// The facts value slot (schema::kSlotFacts): what `costs`, `mandates` and `timeline` read per
// document, so they never parse a document's text. Written by the indexer, read by the query
// side; this is its one definition.
//
// Decoded, it is text lines:
//   line 1: {"id","date","title","doctype"} as JSON
//   then one line per cost or period that names a mission: "c" or "p", TAB, mission id, TAB,
//   the fact as JSON (keys sorted). JSON text has no raw newlines or tabs, so fields split safely.
// Stored zstd-compressed behind an 'S' and the decoded length (4 bytes, little-endian): values
// sit uncompressed in Xapian's postlist table, and sentences compress well. zstd decodes these
// small values about four times faster than zlib at the same size; values written with zlib
// behind a 'Z' (the first format) are still read.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace kz::fact_slot {

inline constexpr char kCost = 'c';
inline constexpr char kPeriod = 'p';

// From a document's data object ({"meta": ..., "facts": {"costs": [...], "periods": [...]}}).
std::string encode(const nlohmann::json& meta, const nlohmann::json& facts);

// The lines, or "" when the value is empty or damaged.
std::string decode(std::string_view value);

}  // namespace kz::fact_slot
