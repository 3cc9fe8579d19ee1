// The facts value slot; see fact_slot.h.
#include "indexer/fact_slot.h"

#include <zlib.h>
#include <zstd.h>

#include <memory>

#include "indexer/document_json.h"

namespace kz::fact_slot {
namespace {

constexpr char kZstd = 'S';
constexpr char kZlib = 'Z';  // the first format; still read, no longer written
constexpr int kZstdLevel = 12;

// Decoding contexts live for the thread: the fact commands decode thousands of small values,
// and setting up a decoder for each cost about as much as decoding.
struct Decoders {
  Decoders() : zstd(ZSTD_createDCtx()) { zlib_ok = inflateInit(&zlib) == Z_OK; }
  ~Decoders() {
    ZSTD_freeDCtx(zstd);
    if (zlib_ok) inflateEnd(&zlib);
  }
  Decoders(const Decoders&) = delete;
  Decoders& operator=(const Decoders&) = delete;

  bool zstd_all(std::string_view in, std::string& out) {
    if (zstd == nullptr) return false;
    std::size_t got = ZSTD_decompressDCtx(zstd, out.data(), out.size(), in.data(), in.size());
    return !ZSTD_isError(got) && got == out.size();
  }
  bool zlib_all(std::string_view in, std::string& out) {
    if (!zlib_ok || inflateReset(&zlib) != Z_OK) return false;
    zlib.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zlib.avail_in = static_cast<uInt>(in.size());
    zlib.next_out = reinterpret_cast<Bytef*>(out.data());
    zlib.avail_out = static_cast<uInt>(out.size());
    return inflate(&zlib, Z_FINISH) == Z_STREAM_END && zlib.avail_out == 0;
  }

  ZSTD_DCtx* zstd;
  z_stream zlib{};
  bool zlib_ok = false;
};

}  // namespace

std::string encode(const nlohmann::json& meta, const nlohmann::json& facts) {
  nlohmann::json brief = nlohmann::json::object();
  for (const char* key : {"id", "date", "title", "doctype"})
    if (auto it = meta.find(key); it != meta.end()) brief[key] = *it;
  std::string lines = json_text(brief);
  for (auto [list, kind] : {std::pair{"costs", kCost}, std::pair{"periods", kPeriod}})
    for (const auto& f : facts.value(list, nlohmann::json::array())) {
      auto m = f.find("mission");
      if (m == f.end() || !m->is_string()) continue;  // the fact commands ask by mission
      lines += '\n';
      lines += kind;
      lines += '\t';
      lines += m->get<std::string>();
      lines += '\t';
      lines += json_text(f);
    }
  std::string out(5 + ZSTD_compressBound(lines.size()), '\0');
  out[0] = kZstd;
  for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>((lines.size() >> (8 * i)) & 0xFF);
  thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> cctx(ZSTD_createCCtx(), &ZSTD_freeCCtx);
  if (cctx == nullptr) return {};
  std::size_t packed = ZSTD_compressCCtx(cctx.get(), out.data() + 5, out.size() - 5, lines.data(), lines.size(), kZstdLevel);
  if (ZSTD_isError(packed)) return {};
  out.resize(5 + packed);
  return out;
}

std::string decode(std::string_view value) {
  if (value.size() < 5 || (value[0] != kZstd && value[0] != kZlib)) return {};
  std::size_t size = 0;
  for (int i = 0; i < 4; ++i) size |= static_cast<std::size_t>(static_cast<unsigned char>(value[1 + i])) << (8 * i);
  if (size > (64u << 20)) return {};  // no document has 64 MB of facts: damaged
  std::string out(size, '\0');
  thread_local Decoders decoders;
  bool ok = value[0] == kZstd ? decoders.zstd_all(value.substr(5), out) : decoders.zlib_all(value.substr(5), out);
  return ok ? out : std::string();
}

}  // namespace kz::fact_slot
