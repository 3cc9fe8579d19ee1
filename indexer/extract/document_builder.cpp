// Assembles the Xapian document for one PDF: runs the text, metadata and fact stages and
// records their results as terms, values and JSON document data (layout in index_schema.h).
#include "indexer/extract/document_builder.h"

#include <nlohmann/json.hpp>

#include "indexer/record/document_data.h"
#include "indexer/record/document_json.h"
#include "indexer/record/fact_slot.h"
#include "indexer/facts/facts.h"
#include "indexer/record/index_schema.h"
#include "indexer/record/kamerstuk_ref.h"
#include "indexer/metadata/metadata.h"
#include "indexer/pdf/pdf_text.h"
#include "stemmer/analysis.h"

namespace kz {
namespace {

void add_word_terms(Xapian::Document& doc, std::string_view prefix, std::string_view text) {
  for (const auto& tok : analysis::tokenize(text)) doc.add_boolean_term(schema::term(prefix, tok.norm));
}

void add_boolean_terms(Xapian::Document& doc, const Metadata& m, const Facts& f) {
  doc.add_boolean_term(schema::term(schema::kId, schema::key_value(m.id)));
  if (m.kamerstuk) {
    doc.add_boolean_term(schema::term(schema::kDossier, ref::dossier_key(m.kamerstuk->dossier)));
    doc.add_boolean_term(schema::term(schema::kNr, schema::key_value(m.kamerstuk->nr)));
  }
  for (const auto& k : m.kenmerken) {
    std::string key;
    for (char c : schema::key_value(k))
      if (c != ' ') key.push_back(c);
    doc.add_boolean_term(schema::term(schema::kKenmerk, key));
  }
  if (m.date.size() >= 4) doc.add_boolean_term(schema::term(schema::kYear, m.date.substr(0, 4)));
  if (!m.doctype.empty()) doc.add_boolean_term(schema::term(schema::kType, analysis::fold(m.doctype)));
  if (!m.layout.empty()) doc.add_boolean_term(schema::term(schema::kLayout, m.layout));
  for (const auto& s : m.signatories) {
    add_word_terms(doc, schema::kSignatory, s.name);
    add_word_terms(doc, schema::kSignatory, s.role);
  }
  add_word_terms(doc, schema::kAddressee, m.addressee);
  for (const auto& id : f.missions) doc.add_boolean_term(schema::term(schema::kMission, id));
  doc.add_boolean_term(std::string(schema::kFactTerms));
  for (const auto& c : f.costs)
    if (!c.mission.empty()) doc.add_boolean_term(schema::term(schema::kFactCost, c.mission));
  for (const auto& p : f.periods)
    if (!p.mission.empty()) doc.add_boolean_term(schema::term(schema::kFactPeriod, p.mission));
  for (const auto& x : f.forces)
    if (!x.mission.empty()) doc.add_boolean_term(schema::term(schema::kFactForce, x.mission));
  for (const auto& c : m.cites) {
    if (!c.id.empty()) doc.add_boolean_term(schema::term(schema::kCites, schema::key_value(c.id)));
    for (const auto& also : c.also) doc.add_boolean_term(schema::term(schema::kCites, schema::key_value(also)));
  }
}

}  // namespace

BuiltDocument build_document(const std::string& path, const std::string& sha256_hex, const MissionTable& missions) {
  CleanText text = read_pdf(path);
  Metadata meta = extract_metadata(text, sha256_hex);
  Facts facts = extract_facts(text, meta, missions);

  Xapian::Document doc;
  Xapian::termpos pos = 0;
  nlohmann::json pages = text.body_text_by_page();
  // Paragraphs are separated by a gap in positions so phrases do not run across them.
  for (const auto& para : text.body) pos = index_text(doc, para.text, pos) + 5;
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& n : text.footnotes) {
    pos = index_text(doc, n.text, pos) + 5;
    notes.push_back({{"page", n.page}, {"marker", n.marker}, {"text", n.text}});
  }
  // Titles and names are searchable words too, even when they sit in the side column.
  pos = index_text(doc, meta.title, pos) + 5;
  for (const auto& s : meta.signatories) pos = index_text(doc, s.name + " " + s.role, pos) + 5;

  add_boolean_terms(doc, meta, facts);
  std::string ymd;
  for (char c : meta.date)
    if (c != '-') ymd.push_back(c);
  doc.add_value(schema::kSlotDate, ymd);
  doc.add_value(schema::kSlotId, meta.id);
  doc.add_value(schema::kSlotFile, path);

  nlohmann::json data;
  data[std::string(schema::kDataMeta)] = metadata_to_json(meta, text.pages);
  nlohmann::json facts_json = facts_to_json(facts);
  doc.add_value(schema::kSlotFacts, fact_slot::encode(meta, facts));
  data[std::string(schema::kDataFacts)] = {{"missions", facts_json["missions"]}};
  data[std::string(schema::kDataFiles)] = nlohmann::json::array({path});
  data["sha256"] = sha256_hex;
  data[std::string(schema::kDataPages)] = std::move(pages);
  data[std::string(schema::kDataFootnotes)] = std::move(notes);
  doc.set_data(document_data::encode(std::move(data)));
  return {std::move(doc), meta.id};
}

}  // namespace kz
