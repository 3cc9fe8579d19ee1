#!/usr/bin/env bash
# The second command of the README (and what CI runs): install what is missing, build, and
# run every test: the unit and end-to-end suites, then the sanitizer build and the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
if [ -x scripts/test-hardening.sh ] && [ "${KZ_SKIP_HARDENING:-0}" != 1 ]; then
  scripts/test-hardening.sh
fi
