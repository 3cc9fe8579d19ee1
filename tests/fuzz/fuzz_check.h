// A check for fuzz targets that stays on in release builds: a broken promise of the code under
// test aborts, so libFuzzer records the input like any crash.
#pragma once
#include <cstdio>
#include <cstdlib>

#define KZ_FUZZ_CHECK(cond)                                                          \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)
