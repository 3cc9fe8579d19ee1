// Reads money amounts as printed in Dutch government letters into whole euros:
// "€ 42,4 miljoen", "23,5 miljoen euro", "EUR 500 miljoen", "€ 750.000,-", "1,2 miljard".
#include <cmath>

#include "indexer/facts/facts.h"

namespace kz {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool number_at(std::string_view t, std::size_t i) { return i < t.size() && digit(t[i]); }
const std::string_view kEuro = "\xE2\x82\xAC";

// Spaces between a currency sign, the number and its scale word: plain, no-break, thin.
std::size_t skip_spaces(std::string_view t, std::size_t i) {
  while (i < t.size()) {
    if (t[i] == ' ') ++i;
    else if (t.substr(i, 2) == "\xC2\xA0") i += 2;
    else if (t.substr(i, 3) == "\xE2\x80\xAF" || t.substr(i, 3) == "\xE2\x80\x89") i += 3;
    else break;
  }
  return i;
}

// Case-insensitive word at t[i] followed by a non-letter.
std::size_t word_at(std::string_view t, std::size_t i, std::string_view w) {
  if (i + w.size() > t.size()) return 0;
  for (std::size_t k = 0; k < w.size(); ++k) {
    char c = t[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != w[k]) return 0;
  }
  if (i + w.size() < t.size() && alpha(t[i + w.size()])) return 0;
  return w.size();
}

struct Scale {
  std::string_view word;
  double factor;
};
constexpr Scale kScales[] = {{"miljoen", 1e6}, {"miljard", 1e9}, {"mln", 1e6},     {"mio", 1e6},
                             {"mld", 1e9},     {"mrd", 1e9},     {"duizend", 1e3}, {"dzd", 1e3}};

// Where a currency word or sign ends just before position `i` (0 when there is none).
bool currency_before(std::string_view t, std::size_t i, std::size_t& start) {
  std::size_t j = i;
  while (j > 0 && (t[j - 1] == ' ')) --j;
  if (j >= 2 && t.substr(j - 2, 2) == "\xC2\xA0") j -= 2;
  while (j > 0 && (t[j - 1] == ' ')) --j;
  if (j >= 3 && t.substr(j - 3, 3) == kEuro) {
    start = j - 3;
    return true;
  }
  for (std::string_view w : {"EUR", "euro", "Euro"}) {
    if (j >= w.size() && t.substr(j - w.size(), w.size()) == w &&
        (j == w.size() || !alpha(t[j - w.size() - 1]))) {
      start = j - w.size();
      return true;
    }
  }
  return false;
}

bool foreign_currency_near(std::string_view t, std::size_t b, std::size_t e) {
  std::size_t from = b >= 5 ? b - 5 : 0;
  if (t.substr(from, b - from).find('$') != std::string_view::npos) return true;
  std::size_t k = skip_spaces(t, e);
  for (std::string_view w : {"dollar", "usd", "pond", "gbp"})
    if (word_at(t, k, w)) return true;
  return false;
}

// "(bedragen x € 1 miljoen)", "× € 1.000": the unit of a table, not an amount.
bool unit_label(std::string_view t, std::size_t b) {
  std::size_t j = b;
  while (j > 0 && t[j - 1] == ' ') --j;
  if (j >= 1 && (t[j - 1] == 'x' || t[j - 1] == 'X') && (j == 1 || !alpha(t[j - 2]))) return true;
  if (j >= 2 && t.substr(j - 2, 2) == "\xC3\x97") return true;  // ×
  return false;
}

}  // namespace

std::vector<Amount> find_amounts(std::string_view t) {
  std::vector<Amount> out;
  struct Raw {
    Amount a;
    double value;
    bool scaled;
  };
  std::vector<Raw> raws;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!digit(t[i])) continue;
    // "EUR2,3 miljoen": a currency word glued to the number still opens it.
    const bool glued_currency = i >= 3 && t.substr(i - 3, 3) == "EUR" && (i == 3 || !alpha(t[i - 4]));
    if (i > 0 && !glued_currency && (digit(t[i - 1]) || alpha(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == ',' ||
                  t[i - 1] == '-'))
      continue;
    // Number: "42,4", "750.000", "1.250.000,00", "1.5"
    std::size_t j = i;
    while (j < t.size() && digit(t[j])) ++j;
    std::string intpart(t.substr(i, j - i)), frac;
    bool grouped = false;
    // Thousands groups need a lead of at most three digits: "1.250.000", not "2025.100".
    const bool short_lead = j - i <= 3;
    while (short_lead && j + 3 < t.size() && t[j] == '.' && digit(t[j + 1]) && digit(t[j + 2]) &&
           digit(t[j + 3]) && (j + 4 >= t.size() || !digit(t[j + 4]))) {
      intpart += t.substr(j + 1, 3);
      j += 4;
      grouped = true;
    }
    // "€ 535 000": thousands grouped with spaces, only right after a currency sign.
    std::size_t sign_start = 0;
    if (!grouped && short_lead && currency_before(t, i, sign_start)) {
      while (true) {
        std::size_t g = skip_spaces(t, j);
        if (g == j || g - j > 3 || g + 3 > t.size() || !digit(t[g]) || !digit(t[g + 1]) || !digit(t[g + 2]) ||
            (g + 3 < t.size() && digit(t[g + 3])))
          break;
        intpart += t.substr(g, 3);
        j = g + 3;
        grouped = true;
      }
    }
    if (j + 1 < t.size() && t[j] == ',' && digit(t[j + 1])) {
      std::size_t k = j + 1;
      while (k < t.size() && digit(t[k])) ++k;
      frac = std::string(t.substr(j + 1, k - j - 1));
      j = k;
    } else if (!grouped && j + 1 < t.size() && t[j] == '.' && digit(t[j + 1])) {
      // "42.4 miljoen": a decimal point followed by one or two digits
      std::size_t k = j + 1;
      while (k < t.size() && digit(t[k])) ++k;
      if (k - j - 1 <= 2) {
        frac = std::string(t.substr(j + 1, k - j - 1));
        j = k;
      }
    }
    std::size_t num_end = j;
    if (j + 1 < t.size() && t[j] == ',' && t[j + 1] == '-') {  // "€ 750.000,-"
      j += 2;
      if (j < t.size() && t[j] == '-') ++j;
      num_end = j;
    }
    if (intpart.size() > 15 || frac.size() > 6) {  // no amount of money, and stod would overflow
      i = j;
      continue;
    }
    double value = std::stod(intpart + (frac.empty() ? "" : "." + frac));
    std::size_t end = num_end;
    bool scaled = false;
    std::size_t k = skip_spaces(t, j);
    for (const auto& sc : kScales) {
      if (std::size_t n = word_at(t, k, sc.word)) {
        value *= sc.factor;
        end = k + n;
        scaled = true;
        break;
      }
    }
    std::size_t begin = i;
    bool currency = false;
    std::size_t cur_start = 0;
    // The "euro" that ended the previous amount is not also the sign of this one:
    // "4,2 miljoen euro 150 militairen" holds one amount.
    std::size_t prev_end = raws.empty() ? 0 : raws.back().a.offset + raws.back().a.length;
    if (currency_before(t, i, cur_start) && cur_start >= prev_end) {
      currency = true;
      begin = cur_start;
    }
    std::size_t after = skip_spaces(t, end);
    // A currency after a bare number is the sign of the next number when one follows: "in 1994
    // EUR 403,0 miljoen" and "2026 € 3 miljoen" each hold one amount, not a year in euros too.
    // After a scale word it ends this amount: "4,2 miljoen euro 150 militairen".
    auto signs_next = [&](std::size_t sign_end) { return !scaled && number_at(t, skip_spaces(t, sign_end)); };
    std::size_t n = word_at(t, after, "euro");
    if (n == 0) n = word_at(t, after, "eur");
    if (n == 0 && !currency && t.substr(after, 3) == kEuro) n = 3;
    if (n > 0 && !signs_next(after + n)) {
      currency = true;
      end = after + n;
    }
    i = j;
    if (foreign_currency_near(t, begin, end)) continue;
    if (unit_label(t, begin)) continue;
    if (!currency && !scaled) continue;
    Amount a;
    a.offset = begin;
    a.length = end - begin;
    a.currency = currency;
    raws.push_back({a, value, scaled});
  }
  // "€ 12 tot € 15 miljoen", "€ 1,5 à 2 miljoen": the first number takes the second's scale.
  for (std::size_t k = 0; k + 1 < raws.size(); ++k) {
    auto& a = raws[k];
    const auto& b = raws[k + 1];
    if (a.scaled || !b.scaled) continue;
    std::size_t gap_b = a.a.offset + a.a.length, gap_e = b.a.offset;
    if (gap_e < gap_b || gap_e - gap_b > 8) continue;
    std::string gap(t.substr(gap_b, gap_e - gap_b));
    for (std::string_view sep : {" tot ", " a ", " à ", "-", " - ", "\xE2\x80\x93", " \xE2\x80\x93 ", " en "})
      if (gap == sep) {
        for (const auto& sc : kScales) {
          std::string_view bt = t.substr(b.a.offset, b.a.length);
          if (bt.find(sc.word) != std::string_view::npos) {
            a.value *= sc.factor;
            a.scaled = true;
            break;
          }
        }
        break;
      }
  }
  for (auto& r : raws) {
    // "99999999999999 miljard" is no amount of money and would overflow llround.
    if (!(r.value < 1e15)) continue;
    r.a.euros = std::llround(r.value);
    out.push_back(r.a);
  }
  return out;
}

}  // namespace kz
