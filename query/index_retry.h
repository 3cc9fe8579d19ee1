// Runs a read against the index again after reopening it when a concurrent writer's commit
// invalidated the revision being read (Xapian::DatabaseModifiedError).
#pragma once
#include <xapian.h>

#include "query/query.h"

namespace kz::query {

// A writer may commit several times while a long read runs; a handful of reopens is plenty.
inline constexpr int kReadAttempts = 5;

template <typename F>
auto with_reopen(Index& index, F&& read) -> decltype(read()) {
  for (int attempt = 1;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kReadAttempts) throw;
      index.reopen();
    }
  }
}

}  // namespace kz::query
