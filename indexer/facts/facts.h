// Reads facts from a document's clean text: which missions it discusses, every money amount
// (with mission, year, estimate/spent, total) and every mandate/extension/deployment period.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "indexer/record/document_model.h"
#include "indexer/record/missions.h"

namespace kz {

Facts extract_facts(const CleanText& text, const Metadata& meta, const MissionTable& missions);

// "€ 42,4 miljoen", "23,5 miljoen euro", "EUR 500 miljoen", "€1,4 miljoen", "1,2 miljard" -> euros.
struct Amount {
  long long euros = 0;
  std::size_t offset = 0, length = 0;  // span in the input
  bool currency = false;               // € / EUR / euro printed; false for a bare "1,2 miljard"
};
std::vector<Amount> find_amounts(std::string_view text);

}  // namespace kz
