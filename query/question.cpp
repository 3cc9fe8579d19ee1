// The question reader: splits typed text into words with their places, takes out what names a
// Kamerstuk, a mission or a year, drops question words and filler (stemmer/data/
// question_words.tsv), and decides from cue phrases what kind of answer is asked for.
#include "query/question.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <mutex>
#include <set>

#include "indexer/record/kamerstuk_ref.h"
#include "indexer/record/mission_recognizer.h"
#include "stemmer/analysis.h"
#include "stemmer/data_files.h"

namespace kz::query {
namespace {

struct Cue {
  std::string role;
  std::vector<std::string> words;  // folded
};

// The cue table, longest phrases first so "tot en met" wins over "tot".
const std::vector<Cue>& cues() {
  static const std::vector<Cue> table = [] {
    std::vector<Cue> out;
    for (auto& row : analysis::read_tsv(analysis::stemmer_data_dir() + "/question_words.tsv", true)) {
      if (row.size() < 2) continue;
      Cue c{row[0], {}};
      std::size_t pos = 0;
      const std::string& p = row[1];
      while (pos < p.size()) {
        std::size_t next = p.find(' ', pos);
        if (next == std::string::npos) next = p.size();
        if (next > pos) c.words.push_back(p.substr(pos, next - pos));
        pos = next + 1;
      }
      if (!c.words.empty()) out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
    return out;
  }();
  return table;
}

struct Chunk {
  std::string typed, key;  // surface form without edge punctuation; folded
  std::size_t begin = 0, end = 0;
  bool used = false;  // part of a reference, mission or year, or filler
};

bool edge_punct(char c) {
  return c == '?' || c == '!' || c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' ||
         c == ']' || c == '"' || c == '\'' || c == '<' || c == '>';
}

std::vector<Chunk> chunks_of(const std::string& s) {
  std::vector<Chunk> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t b = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t e = i;
    while (b < e && edge_punct(s[b])) ++b;
    while (e > b && edge_punct(s[e - 1])) --e;
    if (b >= e) continue;
    Chunk c;
    c.typed = s.substr(b, e - b);
    c.key = analysis::fold(c.typed);
    c.begin = b;
    c.end = e;
    out.push_back(std::move(c));
  }
  return out;
}

// The length of `cue` matched at chunk i, 0 when it does not match.
std::size_t match_at(const std::vector<Chunk>& cs, std::size_t i, const Cue& cue) {
  if (i + cue.words.size() > cs.size()) return 0;
  for (std::size_t k = 0; k < cue.words.size(); ++k) {
    const std::string& key = cs[i + k].key;
    // "VN-mandaat" says "mandaat": a one-word cue also matches the last part of a compound.
    std::size_t dash = key.rfind('-');
    bool tail = cue.words.size() == 1 && dash != std::string::npos && key.substr(dash + 1) == cue.words[k];
    if (key != cue.words[k] && !tail) return 0;
  }
  return cue.words.size();
}

void mark_span(std::vector<Chunk>& cs, std::size_t b, std::size_t e) {
  for (auto& c : cs)
    if (c.begin < e && c.end > b) c.used = true;
}

std::optional<int> year_of(const std::string& key) {
  if (key.size() != 4 || !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int y = std::stoi(key);
  if (y < 1945 || y > 2100) return std::nullopt;
  return y;
}

int clock_year() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now);
  return static_cast<int>(std::chrono::year_month_day(days).year());
}

void add_ref(Question& q, const std::string& id) {
  if (!id.empty() && std::find(q.refs.begin(), q.refs.end(), id) == q.refs.end()) q.refs.push_back(id);
}

}  // namespace

const char* kind_name(QuestionKind k) {
  switch (k) {
    case QuestionKind::cost: return "cost";
    case QuestionKind::mandate: return "mandate";
    case QuestionKind::timeline: return "timeline";
    case QuestionKind::lookup: return "lookup";
    case QuestionKind::count: return "count";
    case QuestionKind::search: return "search";
  }
  return "search";
}

bool is_plain_text(std::string_view text) {
  static const std::set<std::string> fields = {"dossier", "nr", "kenmerk", "missie", "mission", "jaar", "type", "van", "aan"};
  std::string s = analysis::normalize(text);
  // Parentheses alone group nothing a question needs; with AND/OR/NOT they are caught below.
  if (s.find('"') != std::string::npos) return false;
  for (const auto& c : chunks_of(s)) {
    if (c.typed == "AND" || c.typed == "OR" || c.typed == "NOT" || c.typed == "&&" || c.typed == "||") return false;
    std::size_t colon = c.typed.find(':');
    if (colon != std::string::npos && fields.count(analysis::fold(c.typed.substr(0, colon)))) return false;
  }
  // -word and +word: a sign right before a word, not a hyphen inside one.
  for (std::size_t i = 0; i + 1 < s.size(); ++i)
    if ((s[i] == '-' || s[i] == '+') && (i == 0 || std::isspace(static_cast<unsigned char>(s[i - 1]))) &&
        !std::isspace(static_cast<unsigned char>(s[i + 1])))
      return false;
  return true;
}

Question read_question(const MissionTable& table, std::string_view text, const ReadOptions& options) {
  Question q;
  q.text = analysis::normalize(text);
  std::vector<Chunk> cs = chunks_of(q.text);
  if (cs.empty()) return q;
  const int this_year = options.this_year ? options.this_year : clock_year();

  // Kamerstukken and kenmerken named in the text.
  for (const auto& cit : ref::find_citations(q.text)) {
    add_ref(q, cit.id);
    for (const auto& a : cit.also) add_ref(q, a);
    if (std::size_t at = q.text.find(cit.printed); at != std::string::npos && !cit.id.empty())
      mark_span(cs, at, at + cit.printed.size());
  }
  if (q.refs.empty())
    if (auto k = ref::parse_kamerstuk(q.text)) add_ref(q, ref::kamerstuk_id(*k));
  for (auto& c : cs) {
    if (c.used || q.refs.size() > 0) continue;
    // Only a dossier of five digits, written together with its number ("32706-10", "kst-29521-248").
    std::string_view t = c.key;
    if (t.rfind("kst-", 0) == 0) t.remove_prefix(4);
    std::size_t digits = 0;
    while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
    auto k = digits == 5 && t.find('-') != std::string_view::npos ? ref::parse_kamerstuk(c.typed) : std::nullopt;
    if (k) {
      add_ref(q, ref::kamerstuk_id(*k));
      c.used = true;
    }
  }
  for (auto& c : cs)
    if (!c.used && ref::looks_like_kenmerk(c.typed)) {
      add_ref(q, c.typed);
      c.used = true;
    }

  // Cue phrases: the kind, and how a year is bounded.
  std::set<std::string> roles;
  std::map<std::size_t, std::string> bound_before;  // chunk index of a year -> since/until/between
  std::vector<bool> filler(cs.size(), false);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    for (const auto& cue : cues()) {
      std::size_t n = match_at(cs, i, cue);
      if (!n) continue;
      if (cue.role == "filler") {
        for (std::size_t k = i; k < i + n; ++k) filler[k] = true;
      } else if (cue.role == "since" || cue.role == "until" || cue.role == "between") {
        if (i + n < cs.size() && year_of(cs[i + n].key) && !bound_before.count(i + n)) bound_before[i + n] = cue.role;
      } else if (cue.role == "lastyear" || cue.role == "thisyear" || cue.role == "nextyear") {
        int y = this_year + (cue.role == "lastyear" ? -1 : cue.role == "nextyear" ? 1 : 0);
        q.from_year = q.from_year ? std::min(*q.from_year, y) : y;
        q.to_year = q.to_year ? std::max(*q.to_year, y) : y;
        for (std::size_t k = i; k < i + n; ++k) cs[k].used = true;
      } else {
        roles.insert(cue.role);
      }
    }
  }

  // Years: a range from the lowest to the highest named, open where "sinds"/"tot" say so.
  std::vector<int> years;
  bool open_end = false, open_start = false;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    std::vector<std::string> parts{cs[i].key};
    if (cs[i].key.size() == 9 && cs[i].key[4] == '-') parts = {cs[i].key.substr(0, 4), cs[i].key.substr(5)};
    bool any = false;
    for (const auto& p : parts)
      if (auto y = year_of(p); y && !cs[i].used) {
        years.push_back(*y);
        any = true;
      }
    if (!any) continue;
    cs[i].used = true;
    auto b = bound_before.find(i);
    if (b != bound_before.end() && parts.size() == 1 && years.size() == 1) {
      if (b->second == "since") open_end = true;
      if (b->second == "until") open_start = true;
    }
  }
  if (!years.empty()) {
    int lo = *std::min_element(years.begin(), years.end()), hi = *std::max_element(years.begin(), years.end());
    if (years.size() == 1 && open_end) {
      q.from_year = lo;
    } else if (years.size() == 1 && open_start) {
      q.to_year = hi;
    } else {
      q.from_year = q.from_year ? std::min(*q.from_year, lo) : lo;
      q.to_year = q.to_year ? std::max(*q.to_year, hi) : hi;
    }
  }

  // Missions, however they are written.
  RecognizeOptions ro;
  ro.typed = true;
  ro.year = q.from_year.value_or(q.to_year.value_or(0));
  ro.documents = options.documents;
  const auto& a = analysis::Analyzer::instance();
  for (const auto& m : recognize_missions(table, q.text, ro)) {
    // "is" is not the Islamic State in "Wat is ...": a mention of question words alone is no name.
    bool only_filler = true;
    for (std::size_t k = 0; k < cs.size(); ++k)
      if (cs[k].begin < m.end && cs[k].end > m.begin && !filler[k] && !a.is_stopword(cs[k].key)) only_filler = false;
    if (only_filler) continue;
    QuestionMission qm{m.mission, {}, m.score};
    for (auto& c : cs)
      if (c.begin < m.end && c.end > m.begin && !c.used) {
        qm.words.push_back(c.typed);
        c.used = true;
      }
    bool seen = std::any_of(q.missions.begin(), q.missions.end(),
                            [&](const QuestionMission& x) { return x.mission == m.mission; });
    if (!seen) q.missions.push_back(std::move(qm));
  }

  // What is left says what the question is about.
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (filler[i]) q.filler_seen = true;
    if (cs[i].used || filler[i]) continue;
    if (a.is_stopword(cs[i].key)) {
      q.filler_seen = true;
      continue;
    }
    q.content.push_back(cs[i].typed);
  }
  if (q.text.find('?') != std::string::npos) q.filler_seen = true;

  // The kind: a named paper asked about, else the strongest cue.
  auto has = [&](const char* r) { return roles.count(r) > 0; };
  q.asks_start = has("start");
  bool range = q.from_year && q.to_year && *q.to_year > *q.from_year;
  q.kind_cued = true;
  if (!q.refs.empty() && (has("lookup") || !(has("cost") || has("mandate") || has("timeline") || has("count"))))
    q.kind = QuestionKind::lookup;
  else if (has("cost"))
    q.kind = QuestionKind::cost;
  else if (has("timeline"))
    q.kind = QuestionKind::timeline;
  else if (has("mandate"))
    q.kind = QuestionKind::mandate;
  else if (has("count"))
    q.kind = QuestionKind::count;
  else if (range && !q.missions.empty())
    q.kind = QuestionKind::timeline;
  else {
    q.kind = QuestionKind::search;
    q.kind_cued = false;
  }
  return q;
}

}  // namespace kz::query
