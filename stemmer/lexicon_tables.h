// The lexicon's tables in a flat layout (one string buffer, fixed-size entries, an open
// addressing hash table, a flag pool) so the same lookup code works on tables just parsed
// from nl.dic and on tables mapped read-only from a binary cache file. Affix rules are few
// (hundreds) and are rebuilt into maps on load, in the order they were parsed, so a cached
// lexicon answers exactly like a parsed one.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stemmer/hunspell_lexicon.h"

namespace kz::analysis {

// One element of a Hunspell affix condition: ".", "x", "[abc]" or "[^abc]".
struct CondChar {
  bool any = false, negated = false;
  std::u32string set;
  bool matches(char32_t c) const {
    if (any) return true;
    bool in = set.find(c) != std::u32string::npos;
    return negated ? !in : in;
  }
};

struct Rule {
  std::uint16_t flag = 0;
  bool cross = false;
  std::string strip;
  std::vector<CondChar> cond;
};

// A listed word; the layout is part of the cache file format.
struct LexEntry {
  std::uint32_t text_at = 0;  // into the text buffer
  std::uint32_t text_len = 0;
  std::uint32_t classes = 0;
  std::uint32_t flag_at = 0;  // into the flag pool
  std::uint32_t flag_count = 0;
};

struct LexiconTables {
  // Views of the word tables: into the owned vectors below, or into a mapped cache file.
  const char* text = nullptr;
  std::size_t text_len = 0;
  const LexEntry* entries = nullptr;
  std::size_t entry_count = 0;
  const std::uint32_t* slots = nullptr;  // entry index + 1, 0 = empty; size is a power of two
  std::size_t slot_count = 0;
  const std::uint16_t* flags = nullptr;
  std::size_t flag_count = 0;

  std::vector<std::unique_ptr<std::string>> rule_keys;
  std::unordered_map<std::string_view, std::vector<Rule>> suffixes, prefixes;  // keyed by the added text
  std::size_t max_suffix = 0;
  // Rules in the order they were added; the cache stores them in this order.
  struct AddedRule {
    bool suffix;
    std::string key;
    Rule rule;
  };
  std::vector<AddedRule> rule_log;

  // Storage of tables built in memory.
  std::string own_text;
  std::vector<LexEntry> own_entries;
  std::vector<std::uint32_t> own_slots;
  std::vector<std::uint16_t> own_flags;
  // Keeps a mapped cache file alive; unmaps it when the tables go away.
  std::shared_ptr<const void> mapping;

  void add_rule(bool suffix, std::string key, Rule r);

  // Building from a parsed dictionary: returns the entry for w, adding it when new.
  void reserve_words(std::size_t n);
  LexEntry& entry_for(std::string_view w);
  void append_flags(LexEntry& e, const std::uint16_t* f, std::size_t n);
  void point_at_owned();  // call when building is done

  const LexEntry* find(std::string_view w) const;
  bool has(const LexEntry& e, std::uint16_t f) const;
  std::string_view word(const LexEntry& e) const { return {text + e.text_at, e.text_len}; }
};

// Writes tables and the key of the files they came from to path, via a temporary file and
// a rename so readers never see half a file. Throws std::runtime_error naming the path.
void write_lexicon_cache(const LexiconTables& t, const LexiconFilesKey& key, const std::string& path);

// Maps a cache file read-only. Returns null when it is missing, malformed, from another
// format version, or made from files other than key describes.
std::unique_ptr<LexiconTables> map_lexicon_cache(const std::string& path, const LexiconFilesKey& key);

}  // namespace kz::analysis
