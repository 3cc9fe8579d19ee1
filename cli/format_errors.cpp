// Exception-to-exit-code mapping for search, show and analyze; see format_errors.h.
#include "cli/format_errors.h"

#include <iostream>

#include "cli/format_text.h"
#include "query/query.h"

namespace kz::cli {
namespace {

// A subject is what the user typed; a pasted page of text should not flood the terminal.
std::string short_subject(const std::string& s) {
  constexpr std::size_t kMax = 80;
  if (s.size() <= kMax) return s;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// The index folders of the command: the subject of an error Xapian raised while reading them.
std::string index_subject(const Globals& g) {
  std::string out;
  for (const auto& db : g.resolved_dbs()) out += (out.empty() ? "" : ", ") + db;
  return out;
}

}  // namespace

int run_query_command(const Globals& g, const std::function<int()>& body) {
  try {
    return body();
  } catch (const query::UnknownError& e) {
    std::string cause = e.what();
    if (!e.suggestions().empty()) {
      cause += "; nearest: ";
      for (std::size_t i = 0; i < e.suggestions().size(); ++i) cause += (i ? ", " : "") + e.suggestions()[i];
    }
    print_error(short_subject(e.subject()), cause);
    if (g.json)
      std::cout << json_line({{"error", e.what()}, {"subject", e.subject()}, {"suggestions", e.suggestions()}});
    return kUsage;
  } catch (const query::QueryError& e) {
    print_error(short_subject(e.subject()), e.what());
    return kUsage;
  } catch (const query::IndexError& e) {
    print_error(e.subject(), e.what());
    return kIndexError;
  } catch (const Xapian::DatabaseError& e) {
    print_error(index_subject(g), "index unreadable: " + e.get_description());
    return kIndexError;
  } catch (const Xapian::NetworkError& e) {
    print_error(index_subject(g), "remote shard unreachable: " + e.get_description());
    return kIndexError;
  } catch (const Xapian::Error& e) {
    print_error(index_subject(g), e.get_description());
    return kIndexError;
  }
}

}  // namespace kz::cli
