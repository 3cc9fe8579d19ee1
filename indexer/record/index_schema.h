// The one place where index writer and query side agree on the Xapian layout:
// term prefixes, value slots, metadata keys and the shape of the document data.
#pragma once
#include <string>
#include <string_view>

namespace kz::schema {

inline constexpr int kVersion = 1;

// Terms. Unprefixed terms are folded words with positions (phrases); kStem terms are stems
// (ranking, no positions). Boolean filter terms carry folded values after their prefix.
inline constexpr std::string_view kStem = "Z";
inline constexpr std::string_view kContent = "Q";        // Q<sha256 of the file bytes>: one doc per content
inline constexpr std::string_view kId = "XID";           // XID<id, lower case>
inline constexpr std::string_view kDossier = "XDOS";     // XDOS<dossier without spaces, lower case>: 29521, 21501-02, 34775-ix
inline constexpr std::string_view kNr = "XNR";           // XNR<nr, lower case>
inline constexpr std::string_view kKenmerk = "XKEN";     // XKEN<kenmerk, lower case, no spaces>
inline constexpr std::string_view kYear = "XJAAR";       // XJAAR2025
inline constexpr std::string_view kType = "XTYPE";       // XTYPEbrief, XTYPEgeannoteerde agenda
inline constexpr std::string_view kSignatory = "XVAN";   // XVAN<each folded word of each signatory name and role>
inline constexpr std::string_view kAddressee = "XAAN";   // XAAN<each folded word of the addressee>
inline constexpr std::string_view kMission = "XMIS";     // XMIS<mission id>
inline constexpr std::string_view kCites = "XCITE";      // XCITE<cited id, lower case>
inline constexpr std::string_view kLayout = "XLAY";      // XLAYkst, XLAYbrief, XLAYnota
// The fact commands read only the documents that state what they list: XFC<mission id> when
// the document gives a cost for that mission, XFP<mission id> a period. kFactTerms marks every
// document indexed with them; documents without the mark (older indexes) are read in full.
inline constexpr std::string_view kFactCost = "XFC";
inline constexpr std::string_view kFactPeriod = "XFP";
inline constexpr std::string_view kFactForce = "XFF";  // the document gives a force size
inline constexpr std::string_view kFactTerms = "XFT";
// XDATA<stamp>: the data files (mission table, analysis data) a document was extracted with,
// as a hash; a document whose stamp differs from today's data is extracted again.
inline constexpr std::string_view kDataStamp = "XDATA";

// Value slots.
inline constexpr unsigned kSlotDate = 0;   // "YYYYMMDD" (sortable string), empty when unknown
inline constexpr unsigned kSlotId = 1;     // the document id (collapse key: one hit per id)
inline constexpr unsigned kSlotFile = 2;   // first path the content was indexed from
// The fact commands' share of the document data (format in fact_slot.h): a few hundred
// compressed bytes per document. Empty in indexes made before it (readers then use the data).
inline constexpr unsigned kSlotFacts = 3;

// Database metadata keys.
// file:<path> -> "<sha256>\t<size>\t<mtime ns>"; a path too long for a key: file:#<sha256 of
// the path> -> "...\t<path>" (index_catalog.cpp).
inline constexpr std::string_view kMetaFilePrefix = "file:";
inline constexpr std::string_view kMetaMissions = "missions"; // the mission table (TSV) in force when indexed
inline constexpr std::string_view kMetaSchema = "schema";
// failed:<path> -> "<size>\t<mtime ns>\t<error>\t<limits>\t<path>": a file that failed, skipped
// until it changes or the reader's limits do.
inline constexpr std::string_view kMetaFailedPrefix = "failed:";
// The data stamp taken by documents indexed before stamps existed (set once, when the stored
// mission table still matched the data files of that run).
inline constexpr std::string_view kMetaUnstampedData = "unstamped_data";
// The analysis chain the terms were made with (kz::analysis::Analyzer::fingerprint()): a
// query made with another chain (say without hunspell-nl) warns that recall may suffer.
inline constexpr std::string_view kMetaAnalysis = "analysis";

// Document data is one record (its bytes are defined in document_data.h):
// {"meta": {show fields...}, "files": [path...], "sha256": "...",
//  "pages": ["clean body text of page 1", ...], "footnotes": [{"page","marker","text"}...],
//  "facts": {"missions": [...]}}  (costs and periods are in the facts slot; indexes made before
//  it hold them here as "costs" and "periods")
inline constexpr std::string_view kDataMeta = "meta";
inline constexpr std::string_view kDataFiles = "files";
inline constexpr std::string_view kDataPages = "pages";
inline constexpr std::string_view kDataFootnotes = "footnotes";
inline constexpr std::string_view kDataFacts = "facts";

// Xapian terms are limited in length; longer values are cut to this many bytes.
inline constexpr std::size_t kMaxTermBytes = 240;

// Values of boolean terms (ids, dossiers, nrs, kenmerken, cited ids) are stored in ASCII lower
// case, so "kst-34775-IX-8" and a user's "kst-34775-ix-8" meet on the same term.
inline std::string key_value(std::string_view v) {
  std::string out(v);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t.append(value.substr(0, kMaxTermBytes - prefix.size()));
  return t;
}

}  // namespace kz::schema
