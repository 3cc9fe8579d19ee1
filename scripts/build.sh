#!/usr/bin/env bash
# Configures and builds kamerzoek into build/ (or $KZ_BUILD_DIR), with any extra CMake flags given.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${KZ_BUILD_DIR:-build}"
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="${KZ_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
