// The facts value slot; see fact_slot.h.
#include "indexer/fact_slot.h"

#include <zlib.h>

namespace kz::fact_slot {
namespace {

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string encode(const nlohmann::json& meta, const nlohmann::json& facts) {
  nlohmann::json brief = nlohmann::json::object();
  for (const char* key : {"id", "date", "title", "doctype"})
    if (auto it = meta.find(key); it != meta.end()) brief[key] = *it;
  std::string lines = dump(brief);
  for (auto [list, kind] : {std::pair{"costs", kCost}, std::pair{"periods", kPeriod}})
    for (const auto& f : facts.value(list, nlohmann::json::array())) {
      auto m = f.find("mission");
      if (m == f.end() || !m->is_string()) continue;  // the fact commands ask by mission
      lines += '\n';
      lines += kind;
      lines += '\t';
      lines += m->get<std::string>();
      lines += '\t';
      lines += dump(f);
    }
  uLongf packed = compressBound(static_cast<uLong>(lines.size()));
  std::string out(5 + packed, '\0');
  out[0] = 'Z';
  for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>((lines.size() >> (8 * i)) & 0xFF);
  if (compress2(reinterpret_cast<Bytef*>(out.data() + 5), &packed, reinterpret_cast<const Bytef*>(lines.data()),
                static_cast<uLong>(lines.size()), Z_BEST_COMPRESSION) != Z_OK)
    return {};
  out.resize(5 + packed);
  return out;
}

std::string decode(std::string_view value) {
  if (value.size() < 5 || value[0] != 'Z') return {};
  std::size_t size = 0;
  for (int i = 0; i < 4; ++i) size |= static_cast<std::size_t>(static_cast<unsigned char>(value[1 + i])) << (8 * i);
  if (size > (64u << 20)) return {};  // no document has 64 MB of facts: damaged
  std::string out(size, '\0');
  uLongf got = static_cast<uLongf>(size);
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &got, reinterpret_cast<const Bytef*>(value.data() + 5),
                 static_cast<uLong>(value.size() - 5)) != Z_OK || got != size)
    return {};
  return out;
}

}  // namespace kz::fact_slot
