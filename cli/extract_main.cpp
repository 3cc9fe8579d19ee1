// Entry point of kamerzoek-extract, the PDF extraction worker that `kamerzoek index` starts
// (one per core). It speaks the worker protocol on descriptors 3 and 4 and is not meant to be run by hand.
#include <cstdio>
#include <string>

#include "indexer/extract/extract_worker.h"

int main(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) != kz::kWorkerArgument) {
    std::fprintf(stderr, "kamerzoek-extract: the PDF reader of `kamerzoek index`; run `kamerzoek index` instead\n");
    return 1;
  }
  return kz::run_extract_worker();
}
