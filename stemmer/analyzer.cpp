// The Analyzer: loads the data files once, builds the stemmer and compound splitter over the
// Hunspell lexicon (read lazily, on the first word that needs it), and caches per-word results
// because the indexer asks about every token of every document.
#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "stemmer/analysis.h"
#include "stemmer/compound_splitter.h"
#include "stemmer/data_files.h"
#include "stemmer/dutch_stemmer.h"
#include "stemmer/hunspell_lexicon.h"
#include "stemmer/lexicon_cache.h"
#include "stemmer/text_util.h"

namespace kz::analysis {
namespace {

constexpr std::size_t kCacheLimit = 150000;  // entries per thread before the cache starts over

// Per thread and per analyzer: a cache filled by one analyzer is dropped when the thread
// asks another one (ids, unlike addresses, are never reused).
template <class V>
struct WordCache {
  std::unordered_map<std::string, V> map;
  std::uint64_t owner = 0;
  WordCache& of(std::uint64_t id) {
    if (owner != id) {
      map.clear();
      owner = id;
    }
    return *this;
  }
  const V* find(std::string_view k) const {
    auto it = map.find(std::string(k));
    return it == map.end() ? nullptr : &it->second;
  }
  const V& put(std::string_view k, V v) {
    if (map.size() >= kCacheLimit) map.clear();
    return map.insert_or_assign(std::string(k), std::move(v)).first->second;
  }
};

}  // namespace

std::atomic<std::uint64_t> next_analyzer_id{1};

struct Analyzer::Impl {
  const std::uint64_t id = next_analyzer_id++;
  bool lexicon_cache = true;
  StemRules stem_rules;
  CompoundRules compound_rules;
  std::unordered_set<std::string> stopwords;
  std::vector<std::vector<std::string>> synonym_groups;
  std::unordered_map<std::string, std::vector<std::size_t>> synonym_index;  // term -> groups

  std::once_flag lexicon_once;
  std::unique_ptr<HunspellLexicon> lexicon;  // null when hunspell-nl is missing
  std::unique_ptr<CompoundSplitter> splitter;
  std::unique_ptr<DutchStemmer> stemmer;
  DutchStemmer plain_stemmer{nullptr, nullptr, stem_rules};

  std::uint64_t data_hash = 1469598103934665603ull;  // FNV-1a over all data rows

  void hash_rows(const std::vector<std::vector<std::string>>& rows) {
    for (const auto& row : rows)
      for (const std::string& f : row) {
        for (unsigned char c : f) data_hash = (data_hash ^ c) * 1099511628211ull;
        data_hash = (data_hash ^ 0x1f) * 1099511628211ull;
      }
  }

  std::vector<std::vector<std::string>> rows(const std::string& file) {
    auto r = read_tsv(stemmer_data_dir() + "/" + file);
    hash_rows(r);
    return r;
  }

  void load_data() {
    for (auto& row : rows("stopwords.txt")) stopwords.insert(row[0]);
    for (auto& row : rows("stem_exceptions.tsv"))
      if (row.size() >= 2) stem_rules.exceptions[row[0]] = row[1];
    for (auto& row : rows("irregular_verbs.tsv"))
      for (std::size_t i = 1; i < row.size(); ++i) {
        std::istringstream forms(row[i]);
        for (std::string f; std::getline(forms, f, ',');)
          if (!f.empty() && f != row[0]) {
            stem_rules.irregular.emplace(f, row[0]);
            stem_rules.irregular_forms[row[0]].insert(f);
          }
      }
    for (auto& row : rows("compound_blocked_parts.txt")) compound_rules.blocked_parts.insert(row[0]);
    for (auto& row : rows("compound_exceptions.tsv")) {
      std::vector<std::string> parts;
      if (row.size() >= 2 && row[1] != "-") {
        std::istringstream in(row[1]);
        for (std::string p; in >> p;) parts.push_back(p);
      }
      compound_rules.fixed[row[0]] = parts;
    }
    synonym_groups = rows("synonyms.tsv");
    for (std::size_t g = 0; g < synonym_groups.size(); ++g)
      for (const std::string& term : synonym_groups[g]) synonym_index[term].push_back(g);
  }

  const DutchStemmer& full_stemmer() {
    std::call_once(lexicon_once, [this] {
      LexiconLocation where = default_lexicon_location();
      if (!lexicon_cache) where.prebuilt = where.cache_dir = "";
      try {
        lexicon = open_lexicon(where);
      } catch (const std::exception&) {
        return;  // degrade to exceptions + Snowball; fingerprint() tells index and query apart
      }
      splitter = std::make_unique<CompoundSplitter>(*lexicon, compound_rules);
      stemmer = std::make_unique<DutchStemmer>(lexicon.get(), splitter.get(), stem_rules);
      splitter->set_verb_form_test([st = stemmer.get()](std::string_view w) { return st->is_verb_form(w); });
    });
    return stemmer ? *stemmer : plain_stemmer;
  }
};

Analyzer::Analyzer(bool lexicon_cache) : impl_(new Impl) {
  impl_->lexicon_cache = lexicon_cache;
  impl_->load_data();
}

Analyzer::~Analyzer() { delete impl_; }

const Analyzer& Analyzer::instance() {
  // Never destroyed: worker threads may still analyze while the process exits.
  static const Analyzer* a = new Analyzer(true);
  return *a;
}

std::unique_ptr<Analyzer> Analyzer::create(bool lexicon_cache) { return std::unique_ptr<Analyzer>(new Analyzer(lexicon_cache)); }

std::string Analyzer::stem(std::string_view norm) const {
  thread_local WordCache<std::string> caches;
  auto& cache = caches.of(impl_->id);
  if (const std::string* hit = cache.find(norm)) return *hit;
  return cache.put(norm, impl_->full_stemmer().key(norm));
}

std::vector<std::string> Analyzer::compound_parts(std::string_view norm) const {
  if (norm.find('-') != std::string_view::npos) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start < norm.size()) {
      std::size_t h = norm.find('-', start);
      if (h == std::string_view::npos) h = norm.size();
      if (h > start) pieces.emplace_back(norm.substr(start, h - start));
      start = h + 1;
    }
    if (pieces.size() < 2) pieces.clear();
    return pieces;
  }
  if (norm.size() < 6 || !all_letters(norm)) return {};
  thread_local WordCache<std::vector<std::string>> caches;
  auto& cache = caches.of(impl_->id);
  if (const auto* hit = cache.find(norm)) return *hit;
  impl_->full_stemmer();
  std::vector<std::string> parts;
  if (impl_->splitter)
    if (auto split = impl_->splitter->split(norm)) parts = std::move(split->parts);
  return cache.put(norm, std::move(parts));
}

std::vector<std::string> Analyzer::synonyms(std::string_view norm) const {
  std::string key(norm);
  auto it = impl_->synonym_index.find(key);
  if (it == impl_->synonym_index.end() && ends_with(key, "'s")) it = impl_->synonym_index.find(key.substr(0, key.size() - 2));
  if (it == impl_->synonym_index.end()) return {};
  std::vector<std::string> out;
  for (std::size_t g : it->second)
    for (const std::string& term : impl_->synonym_groups[g])
      if (term != key && std::find(out.begin(), out.end(), term) == out.end()) out.push_back(term);
  return out;
}

std::string Analyzer::fingerprint() const {
  impl_->full_stemmer();
  std::ostringstream out;
  out << "kz-analysis-1 lexicon=" << (impl_->lexicon ? std::to_string(impl_->lexicon->size()) : "none") << " data=" << std::hex
      << impl_->data_hash;
  return out.str();
}

bool Analyzer::is_stopword(std::string_view norm) const { return impl_->stopwords.count(std::string(norm)) > 0; }

WordAnalysis Analyzer::analyze(std::string_view word) const {
  thread_local WordCache<WordAnalysis> caches;
  auto& cache = caches.of(impl_->id);
  if (const WordAnalysis* hit = cache.find(word)) return *hit;
  WordAnalysis w;
  w.norm = fold(word);
  w.stem = stem(w.norm);
  w.parts = compound_parts(w.norm);
  w.synonyms = synonyms(w.norm);
  w.stopword = is_stopword(w.norm);
  return cache.put(word, std::move(w));
}

}  // namespace kz::analysis
