// Flat lexicon tables: building them from parsed words, looking words up, and the binary
// cache file (header, word tables, affix rules) written once and mapped read-only after.
#include "stemmer/lexicon_tables.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <type_traits>

namespace kz::analysis {
namespace {

// FNV-1a: stable across builds and platforms, unlike std::hash, because it is part of the file.
std::uint64_t fnv(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

constexpr char kMagic[8] = {'K', 'Z', 'L', 'E', 'X', 'v', '0', '1'};
constexpr std::uint64_t kByteOrder = 0x0102030405060708ull;

struct CacheHeader {
  char magic[8];
  std::uint64_t byte_order;
  LexiconFilesKey key;
  std::uint64_t text_off, text_len, entries_off, entry_count, slots_off, slot_count, flags_off, flag_count;
  std::uint64_t rules_off, rules_len, max_suffix;
  std::uint64_t file_len;  // a cut-off file is told by its length
};
static_assert(std::is_trivially_copyable_v<CacheHeader> && std::is_trivially_copyable_v<LexEntry>);

class Writer {
 public:
  std::string bytes;
  template <class T>
  void put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put_str(std::string_view s) {
    put(static_cast<std::uint32_t>(s.size()));
    bytes.append(s);
  }
  void align() { bytes.resize((bytes.size() + 7) / 8 * 8, '\0'); }
};

class Reader {
 public:
  Reader(const char* p, std::size_t n) : p_(p), end_(p + n) {}
  template <class T>
  T get() {
    T v{};
    need(sizeof v);
    std::memcpy(&v, p_, sizeof v);
    p_ += sizeof v;
    return v;
  }
  std::string get_str() {
    auto n = get<std::uint32_t>();
    need(n);
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  bool done() const { return p_ == end_; }

 private:
  void need(std::size_t n) const {
    if (static_cast<std::size_t>(end_ - p_) < n) throw std::runtime_error("truncated rules");
  }
  const char* p_;
  const char* end_;
};

std::string serialize_rules(const LexiconTables& t) {
  Writer w;
  w.put(static_cast<std::uint32_t>(t.rule_log.size()));
  for (const auto& a : t.rule_log) {
    w.put(static_cast<std::uint8_t>(a.suffix));
    w.put_str(a.key);
    w.put(a.rule.flag);
    w.put(static_cast<std::uint8_t>(a.rule.cross));
    w.put_str(a.rule.strip);
    w.put(static_cast<std::uint32_t>(a.rule.cond.size()));
    for (const CondChar& c : a.rule.cond) {
      w.put(static_cast<std::uint8_t>(c.any | (c.negated << 1)));
      w.put(static_cast<std::uint32_t>(c.set.size()));
      for (char32_t ch : c.set) w.put(static_cast<std::uint32_t>(ch));
    }
  }
  return w.bytes;
}

void deserialize_rules(const char* p, std::size_t n, LexiconTables* t) {
  Reader r(p, n);
  auto count = r.get<std::uint32_t>();
  for (std::uint32_t i = 0; i < count; ++i) {
    bool suffix = r.get<std::uint8_t>() != 0;
    std::string key = r.get_str();
    Rule rule;
    rule.flag = r.get<std::uint16_t>();
    rule.cross = r.get<std::uint8_t>() != 0;
    rule.strip = r.get_str();
    auto conds = r.get<std::uint32_t>();
    if (conds > n) throw std::runtime_error("bad condition count");
    for (std::uint32_t c = 0; c < conds; ++c) {
      CondChar cc;
      auto bits = r.get<std::uint8_t>();
      cc.any = bits & 1;
      cc.negated = (bits & 2) != 0;
      auto len = r.get<std::uint32_t>();
      if (len > n) throw std::runtime_error("bad condition set");
      for (std::uint32_t k = 0; k < len; ++k) cc.set.push_back(static_cast<char32_t>(r.get<std::uint32_t>()));
      rule.cond.push_back(std::move(cc));
    }
    t->add_rule(suffix, std::move(key), std::move(rule));
  }
  if (!r.done()) throw std::runtime_error("trailing bytes after rules");
}

struct Mapping {
  void* addr = MAP_FAILED;
  std::size_t len = 0;
  ~Mapping() {
    if (addr != MAP_FAILED) munmap(addr, len);
  }
};

bool section_ok(std::uint64_t off, std::uint64_t count, std::uint64_t elem, std::size_t file_len) {
  if (off % 8 != 0 || off > file_len) return false;
  return count <= (file_len - off) / elem;
}

}  // namespace

void LexiconTables::add_rule(bool suffix, std::string key, Rule r) {
  rule_log.push_back({suffix, key, r});
  if (suffix) max_suffix = std::max(max_suffix, key.size());
  auto& map = suffix ? suffixes : prefixes;
  auto it = map.find(key);
  if (it == map.end()) {
    rule_keys.push_back(std::make_unique<std::string>(std::move(key)));
    it = map.emplace(*rule_keys.back(), std::vector<Rule>{}).first;
  }
  it->second.push_back(std::move(r));
}

void LexiconTables::reserve_words(std::size_t n) {
  std::size_t slots_needed = 16;
  while (slots_needed < 2 * n) slots_needed *= 2;
  own_slots.assign(slots_needed, 0);
  own_entries.reserve(n);
  own_text.reserve(n * 12);
  own_flags.reserve(n * 4);
  point_at_owned();
}

void LexiconTables::point_at_owned() {
  text = own_text.data();
  text_len = own_text.size();
  entries = own_entries.data();
  entry_count = own_entries.size();
  slots = own_slots.data();
  slot_count = own_slots.size();
  flags = own_flags.data();
  flag_count = own_flags.size();
}

LexEntry& LexiconTables::entry_for(std::string_view w) {
  std::size_t mask = own_slots.size() - 1;
  for (std::size_t i = fnv(w) & mask;; i = (i + 1) & mask) {
    std::uint32_t s = own_slots[i];
    if (s == 0) {
      if (own_entries.size() * 2 >= own_slots.size()) throw std::runtime_error("lexicon word table is full");
      LexEntry e;
      e.text_at = static_cast<std::uint32_t>(own_text.size());
      e.text_len = static_cast<std::uint32_t>(w.size());
      own_text.append(w);
      own_entries.push_back(e);
      own_slots[i] = static_cast<std::uint32_t>(own_entries.size());
      text = own_text.data();
      return own_entries.back();
    }
    LexEntry& e = own_entries[s - 1];
    if (std::string_view(own_text.data() + e.text_at, e.text_len) == w) return e;
  }
}

void LexiconTables::append_flags(LexEntry& e, const std::uint16_t* f, std::size_t n) {
  // A homonym's flags are copied to the pool's end so each entry's flags stay contiguous.
  auto at = static_cast<std::uint32_t>(own_flags.size());
  for (std::uint32_t i = 0; i < e.flag_count; ++i) own_flags.push_back(own_flags[e.flag_at + i]);
  own_flags.insert(own_flags.end(), f, f + n);
  e.flag_at = at;
  e.flag_count = static_cast<std::uint32_t>(own_flags.size() - at);
}

const LexEntry* LexiconTables::find(std::string_view w) const {
  if (slot_count == 0) return nullptr;
  std::size_t mask = slot_count - 1;
  // Bounded probing and range checks keep a damaged cache file from reading out of bounds.
  for (std::size_t i = fnv(w) & mask, probes = 0; probes < slot_count; i = (i + 1) & mask, ++probes) {
    std::uint32_t s = slots[i];
    if (s == 0 || s > entry_count) return nullptr;
    const LexEntry& e = entries[s - 1];
    if (e.text_len == w.size() && e.text_at <= text_len && e.text_len <= text_len - e.text_at &&
        std::memcmp(text + e.text_at, w.data(), w.size()) == 0)
      return &e;
  }
  return nullptr;
}

bool LexiconTables::has(const LexEntry& e, std::uint16_t f) const {
  if (e.flag_at > flag_count || e.flag_count > flag_count - e.flag_at) return false;
  const std::uint16_t* b = flags + e.flag_at;
  return std::find(b, b + e.flag_count, f) != b + e.flag_count;
}

void write_lexicon_cache(const LexiconTables& t, const LexiconFilesKey& key, const std::string& path) {
  CacheHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.byte_order = kByteOrder;
  h.key = key;
  Writer w;
  w.put(h);
  w.align();
  auto section = [&w](const void* data, std::size_t bytes, std::uint64_t* off) {
    *off = w.bytes.size();
    w.bytes.append(static_cast<const char*>(data), bytes);
    w.align();
  };
  section(t.entries, t.entry_count * sizeof(LexEntry), &h.entries_off);
  section(t.slots, t.slot_count * sizeof(std::uint32_t), &h.slots_off);
  section(t.flags, t.flag_count * sizeof(std::uint16_t), &h.flags_off);
  section(t.text, t.text_len, &h.text_off);
  std::string rules = serialize_rules(t);
  section(rules.data(), rules.size(), &h.rules_off);
  h.text_len = t.text_len;
  h.entry_count = t.entry_count;
  h.slot_count = t.slot_count;
  h.flag_count = t.flag_count;
  h.rules_len = rules.size();
  h.max_suffix = t.max_suffix;
  h.file_len = w.bytes.size();
  std::memcpy(w.bytes.data(), &h, sizeof h);

  std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(w.bytes.data(), static_cast<std::streamsize>(w.bytes.size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      throw std::runtime_error("cannot write lexicon cache " + tmp);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot move lexicon cache into place at " + path);
  }
}

std::unique_ptr<LexiconTables> map_lexicon_cache(const std::string& path, const LexiconFilesKey& key) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  auto m = std::make_shared<Mapping>();
  if (fstat(fd, &st) == 0 && st.st_size >= static_cast<off_t>(sizeof(CacheHeader))) {
    m->len = static_cast<std::size_t>(st.st_size);
    // Mapped lazily: a query stems a few dozen words and touches a few dozen of its pages;
    // populating all 7 MB up front cost a search 3-4 ms.
    m->addr = mmap(nullptr, m->len, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  close(fd);
  if (m->addr == MAP_FAILED) return nullptr;

  const char* base = static_cast<const char*>(m->addr);
  CacheHeader h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.byte_order != kByteOrder || !(h.key == key) ||
      h.file_len != m->len)
    return nullptr;
  if (!section_ok(h.entries_off, h.entry_count, sizeof(LexEntry), m->len) ||
      !section_ok(h.slots_off, h.slot_count, sizeof(std::uint32_t), m->len) ||
      !section_ok(h.flags_off, h.flag_count, sizeof(std::uint16_t), m->len) || !section_ok(h.text_off, h.text_len, 1, m->len) ||
      !section_ok(h.rules_off, h.rules_len, 1, m->len) || (h.slot_count & (h.slot_count - 1)) != 0)
    return nullptr;

  auto t = std::make_unique<LexiconTables>();
  t->entries = reinterpret_cast<const LexEntry*>(base + h.entries_off);
  t->entry_count = h.entry_count;
  t->slots = reinterpret_cast<const std::uint32_t*>(base + h.slots_off);
  t->slot_count = h.slot_count;
  t->flags = reinterpret_cast<const std::uint16_t*>(base + h.flags_off);
  t->flag_count = h.flag_count;
  t->text = base + h.text_off;
  t->text_len = h.text_len;
  try {
    deserialize_rules(base + h.rules_off, h.rules_len, t.get());
  } catch (const std::runtime_error&) {
    return nullptr;
  }
  if (t->max_suffix != h.max_suffix) return nullptr;
  t->mapping = std::move(m);
  return t;
}

}  // namespace kz::analysis
