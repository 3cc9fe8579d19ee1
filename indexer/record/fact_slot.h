// The facts value slot (schema::kSlotFacts): what `costs`, `mandates` and `timeline` read per
// document, so they never parse a document's text. Written by the indexer, read by the query
// side; this is its one definition.
//
// Decoded, it is text lines of TAB-separated fields:
//   line 1: id, date, title, doctype
//   then one line per cost or period that names a mission, "c" or "p" first, the mission second:
//     c  mission  amount_eur  text  year  period  estimate(0/1)  part_of_total_eur  page  sentence
//     p  mission  kind  start  end  text  page  sentence
//     f  mission  count  what  kind  flags  date  year  text  page  sentence
//   where flags are four 0/1 characters: max, about, extra, dutch. Readers skip a line kind
//   they do not know, so a value with force lines stays readable by older builds, and an
//   older value simply has none.
//   An absent number is an empty field. In text, '\' TAB and newline are written \\ \t \n.
// Plain fields, not JSON: the fact commands read thousands of these per question, and a JSON
// parser building objects took most of their time. Stored zstd-compressed behind an 'R' and the
// decoded length (4 bytes, little-endian): values sit uncompressed in Xapian's postlist table,
// and sentences compress well. Older values are still read: JSON lines behind an 'S' (zstd) or a
// 'Z' (zlib, the first format): line 1 {"id","date","title","doctype"}, then "c" or "p", TAB,
// mission id, TAB, the fact as JSON.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "indexer/record/document_model.h"

namespace kz::fact_slot {

// A document's brief meta and the facts read from its value.
struct Record {
  std::string id, date, title, doctype;
  std::vector<CostFact> costs;
  std::vector<PeriodFact> periods;
  std::vector<ForceFact> forces;
};

// Which facts to read: those of one mission (every mission's when empty), of the asked kinds.
struct Wanted {
  std::string_view mission;
  bool costs = true, periods = true, forces = false;
};

// The value for a document; facts without a mission are left out (the commands ask by mission).
std::string encode(const Metadata& meta, const Facts& facts);

// False when the value is empty or damaged. A fact line that cannot be read is passed over.
bool decode(std::string_view value, const Wanted& wanted, Record& out);

}  // namespace kz::fact_slot
