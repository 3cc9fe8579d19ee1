// Opening what --db names: an index folder, a single-file index, or a stub file listing
// shards. Stub files are read here, never by Xapian, because Xapian's own reader honours
// `remote :PROGRAM` and `prog PROGRAM` lines, which run a program named by a data file: a
// `kamerzoek.db` in an unpacked archive could then run that archive's code on any query.
#pragma once
#include <xapian.h>

#include <string>

namespace kz::query {

// Stubs naming stubs nest no deeper than this; deeper is almost surely a mistake.
inline constexpr int kMaxStubDepth = 8;

// Opens `path` as one database: a glass or chert folder, a single-file glass database, or a
// stub file (or a folder holding a XAPIANDB stub) whose lines are `auto|glass|chert PATH`
// (relative to the stub's folder), `remote HOST:PORT` or `tcp HOST PORT` (xapian-tcpsrv).
// Program lines, unknown lines, loops and over-deep nesting throw IndexError naming the stub
// file and line. Xapian errors opening a listed database propagate.
Xapian::Database open_database(const std::string& path);

}  // namespace kz::query
