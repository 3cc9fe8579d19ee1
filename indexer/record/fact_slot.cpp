// The facts value slot; see fact_slot.h.
#include "indexer/record/fact_slot.h"

#include <zlib.h>
#define ZSTD_STATIC_LINKING_ONLY  // for ZSTD_c_literalCompressionMode, see compressor()
#include <zstd.h>

#include <charconv>
#include <memory>

#include <nlohmann/json.hpp>

#include "indexer/record/document_json.h"

namespace kz::fact_slot {
namespace {

constexpr char kRows = 'R';
constexpr char kZstd = 'S';  // JSON lines; still read, no longer written
constexpr char kZlib = 'Z';  // the first format; still read, no longer written
constexpr char kCost = 'c';
constexpr char kPeriod = 'p';
constexpr char kForce = 'f';
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

// ---- writing ----

void put_text(std::string& out, std::string_view text) {
  out += '\t';
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
}

template <class T>
void put_number(std::string& out, std::optional<T> n) {
  out += '\t';
  if (n) out += std::to_string(*n);
}

// Literals are stored without Huffman coding: the fact commands decode a thousand values per
// question, and building each value's Huffman table was a third of decoding it. It costs 15% more
// bytes in the slot, less than the row format saved. An older zstd without the setting simply
// ignores it; any zstd decodes the result.
ZSTD_CCtx* compressor() {
  using Context = std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)>;
  thread_local Context cctx = [] {
    Context c(ZSTD_createCCtx(), &ZSTD_freeCCtx);
    if (c != nullptr) {
      ZSTD_CCtx_setParameter(c.get(), ZSTD_c_compressionLevel, kZstdLevel);
      ZSTD_CCtx_setParameter(c.get(), ZSTD_c_literalCompressionMode, ZSTD_ps_disable);
    }
    return c;
  }();
  return cctx.get();
}

std::string compress(const std::string& lines) {
  std::string out(5 + ZSTD_compressBound(lines.size()), '\0');
  out[0] = kRows;
  for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>((lines.size() >> (8 * i)) & 0xFF);
  ZSTD_CCtx* cctx = compressor();
  if (cctx == nullptr) return {};
  std::size_t packed = ZSTD_compress2(cctx, out.data() + 5, out.size() - 5, lines.data(), lines.size());
  if (ZSTD_isError(packed)) return {};
  out.resize(5 + packed);
  return out;
}

// ---- reading ----

// The stored bytes decoded, or "" when the value is empty or damaged.
std::string inflate_value(std::string_view value) {
  if (value.size() < 5 || (value[0] != kRows && value[0] != kZstd && value[0] != kZlib)) return {};
  std::size_t size = 0;
  for (int i = 0; i < 4; ++i) size |= static_cast<std::size_t>(static_cast<unsigned char>(value[1 + i])) << (8 * i);
  if (size > (64u << 20)) return {};  // no document has 64 MB of facts: damaged
  std::string out(size, '\0');
  thread_local Decoders decoders;
  bool ok = value[0] == kZlib ? decoders.zlib_all(value.substr(5), out) : decoders.zstd_all(value.substr(5), out);
  return ok ? out : std::string();
}

// Cuts `rest` at the next `sep`; the last piece is what remains.
std::string_view cut(std::string_view& rest, char sep) {
  auto at = rest.find(sep);
  std::string_view piece = rest.substr(0, at);
  rest = at == std::string_view::npos ? std::string_view() : rest.substr(at + 1);
  return piece;
}

// The fields of one line, unescaped; false when a field ends in a lone '\'.
bool fields_of(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  fields.emplace_back();
  while (true) {
    // A plain loop: find_first_of tests each byte with a memchr over the two separators.
    std::size_t at = 0;
    while (at < line.size() && line[at] != '\t' && line[at] != '\\') ++at;
    if (at == line.size()) at = std::string_view::npos;
    fields.back().append(line.substr(0, at));
    if (at == std::string_view::npos) return true;
    if (line[at] == '\t') {
      fields.emplace_back();
      line.remove_prefix(at + 1);
      continue;
    }
    if (at + 1 == line.size()) return false;
    const char e = line[at + 1];
    fields.back() += e == 't' ? '\t' : e == 'n' ? '\n' : e;
    line.remove_prefix(at + 2);
  }
}

template <class T>
bool read_number(const std::string& field, std::optional<T>& n) {
  if (field.empty()) {
    n.reset();
    return true;
  }
  T v{};
  auto [end, err] = std::from_chars(field.data(), field.data() + field.size(), v);
  if (err != std::errc() || end != field.data() + field.size()) return false;
  n = v;
  return true;
}

bool read_cost(std::vector<std::string>& f, CostFact& c) {
  if (f.size() != 10) return false;
  std::optional<long long> amount;
  std::optional<int> page;
  if (!read_number(f[2], amount) || !read_number(f[4], c.year) || !read_number(f[7], c.part_of_total_eur) ||
      !read_number(f[8], page) || (f[6] != "0" && f[6] != "1"))
    return false;
  c.mission = std::move(f[1]);
  c.amount_eur = amount.value_or(0);
  c.text = std::move(f[3]);
  c.period = std::move(f[5]);
  c.estimate = f[6] == "1";
  c.page = page.value_or(0);
  c.sentence = std::move(f[9]);
  return true;
}

bool read_period(std::vector<std::string>& f, PeriodFact& p) {
  if (f.size() != 8) return false;
  std::optional<int> page;
  if (!read_number(f[6], page)) return false;
  p.mission = std::move(f[1]);
  p.kind = std::move(f[2]);
  p.start = std::move(f[3]);
  p.end = std::move(f[4]);
  p.text = std::move(f[5]);
  p.page = page.value_or(0);
  p.sentence = std::move(f[7]);
  return true;
}

bool read_force(std::vector<std::string>& f, ForceFact& x) {
  if (f.size() != 11 || f[5].size() != 4) return false;
  std::optional<long long> count;
  std::optional<int> page;
  if (!read_number(f[2], count) || !read_number(f[7], x.year) || !read_number(f[9], page)) return false;
  for (char c : f[5])
    if (c != '0' && c != '1') return false;
  x.mission = std::move(f[1]);
  x.count = count.value_or(0);
  x.what = std::move(f[3]);
  x.kind = std::move(f[4]);
  x.max = f[5][0] == '1';
  x.about = f[5][1] == '1';
  x.extra = f[5][2] == '1';
  x.dutch = f[5][3] == '1';
  x.date = std::move(f[6]);
  x.text = std::move(f[8]);
  x.page = page.value_or(0);
  x.sentence = std::move(f[10]);
  return true;
}

// A fact line's kind, when it is of a wanted kind and mission (the mission is the second field).
char wanted_kind(std::string_view line, const Wanted& wanted) {
  if (line.size() < 3 || line[1] != '\t') return 0;
  const char kind = line[0];
  if (!(kind == kCost ? wanted.costs : kind == kPeriod ? wanted.periods : kind == kForce && wanted.forces)) return 0;
  if (!wanted.mission.empty()) {
    std::string_view rest = line.substr(2);
    if (cut(rest, '\t') != wanted.mission) return 0;
  }
  return kind;
}

bool read_rows(std::string_view lines, const Wanted& wanted, Record& out) {
  std::vector<std::string> f;
  if (!fields_of(cut(lines, '\n'), f) || f.size() != 4) return false;
  out.id = std::move(f[0]);
  out.date = std::move(f[1]);
  out.title = std::move(f[2]);
  out.doctype = std::move(f[3]);
  while (!lines.empty()) {
    std::string_view line = cut(lines, '\n');
    const char kind = wanted_kind(line, wanted);
    if (kind == 0 || !fields_of(line, f) || f[1].empty()) continue;
    if (kind == kCost) {
      CostFact c;
      if (read_cost(f, c)) out.costs.push_back(std::move(c));
    } else if (kind == kForce) {
      ForceFact x;
      if (read_force(f, x)) out.forces.push_back(std::move(x));
    } else {
      PeriodFact p;
      if (read_period(f, p)) out.periods.push_back(std::move(p));
    }
  }
  return true;
}

bool read_json_lines(std::string_view lines, const Wanted& wanted, Record& out) {
  const nlohmann::json meta = nlohmann::json::parse(cut(lines, '\n'), nullptr, false);
  if (!meta.is_object()) return false;
  out.id = string_field(meta, "id");
  out.date = string_field(meta, "date");
  out.title = string_field(meta, "title");
  out.doctype = string_field(meta, "doctype");
  while (!lines.empty()) {
    std::string_view line = cut(lines, '\n');
    const char kind = wanted_kind(line, wanted);
    if (kind == 0 || kind == kForce) continue;  // the JSON lines format had no force sizes
    std::string_view rest = line.substr(2);
    std::string mission(cut(rest, '\t'));
    if (mission.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(rest, nullptr, false);
    if (!j.is_object()) continue;
    if (kind == kCost) {
      out.costs.push_back(cost_from_json(j));
      out.costs.back().mission = std::move(mission);
    } else {
      out.periods.push_back(period_from_json(j));
      out.periods.back().mission = std::move(mission);
    }
  }
  return true;
}

}  // namespace

std::string encode(const Metadata& meta, const Facts& facts) {
  std::string lines;
  for (std::string_view field : {meta.id, meta.date, meta.title, meta.doctype}) put_text(lines, field);
  lines.erase(0, 1);  // the first field has no TAB before it
  for (const auto& c : facts.costs) {
    if (c.mission.empty()) continue;
    lines += '\n';
    lines += kCost;
    put_text(lines, c.mission);
    put_number<long long>(lines, c.amount_eur);
    put_text(lines, c.text);
    put_number(lines, c.year);
    put_text(lines, c.period);
    lines += c.estimate ? "\t1" : "\t0";
    put_number(lines, c.part_of_total_eur);
    put_number<int>(lines, c.page);
    put_text(lines, c.sentence);
  }
  for (const auto& p : facts.periods) {
    if (p.mission.empty()) continue;
    lines += '\n';
    lines += kPeriod;
    for (std::string_view field : {p.mission, p.kind, p.start, p.end, p.text}) put_text(lines, field);
    put_number<int>(lines, p.page);
    put_text(lines, p.sentence);
  }
  for (const auto& x : facts.forces) {
    if (x.mission.empty()) continue;
    lines += '\n';
    lines += kForce;
    put_text(lines, x.mission);
    put_number<long long>(lines, x.count);
    put_text(lines, x.what);
    put_text(lines, x.kind);
    lines += '\t';
    for (bool b : {x.max, x.about, x.extra, x.dutch}) lines += b ? '1' : '0';
    put_text(lines, x.date);
    put_number(lines, x.year);
    put_text(lines, x.text);
    put_number<int>(lines, x.page);
    put_text(lines, x.sentence);
  }
  return compress(lines);
}

bool decode(std::string_view value, const Wanted& wanted, Record& out) {
  out = Record();
  const std::string lines = inflate_value(value);
  if (lines.empty()) return false;
  return value[0] == kRows ? read_rows(lines, wanted, out) : read_json_lines(lines, wanted, out);
}

}  // namespace kz::fact_slot
