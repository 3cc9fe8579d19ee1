#!/usr/bin/env bash
# Hardening checks run after the main suites (scripts/test.sh calls this): the libFuzzer targets
# for the parsers of untrusted text (kept crash inputs replayed as regressions, then a short
# bounded fuzzing run each), and the whole test suite built with AddressSanitizer + UBSan.
#   KZ_FUZZ_SECONDS  seconds per fuzzer (default 40); 0 replays the regressions only
#   KZ_SKIP_FUZZ=1 / KZ_SKIP_ASAN=1  leave out one part
# A crash input a fuzzer finds is written to build-fuzz/crashes/; once the bug is fixed, keep it
# under tests/fuzz/regressions/<target>/ so it is replayed on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
fuzz_seconds=${KZ_FUZZ_SECONDS:-40}
failed=()
t0=$SECONDS
stage() { echo "== hardening: $* [$((SECONDS - t0)) s]" >&2; }

# -O1 with line tables: half the build time of -O2 -g, same test run time, stacks with lines.
quick_flags="-O1 -g1"

# Builds in $1 (further arguments go to cmake --build); the compiler's output is shown only when
# the build fails.
quiet_build() {
  local dir=$1
  shift
  if ! cmake --build "$dir" -j"$jobs" "$@" >"$dir/build.log" 2>&1; then
    grep -E "error|Error" "$dir/build.log" | head -40 >&2
    echo "hardening: build in $dir failed (full log: $dir/build.log)" >&2
    exit 1
  fi
}

# Sanitizer reports must fail the run, with a stack to act on.
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0"

run_fuzzers() {
  stage "building the fuzz targets (clang, libFuzzer, ASan + UBSan)"
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DKZ_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$quick_flags" >/dev/null
  quiet_build build-fuzz --target fuzzers
  local targets
  targets=$(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')

  # Seeds from the sample texts: each paragraph (for the short-text parsers) and each whole
  # letter (for the document pipeline), next to the committed seeds in tests/fuzz/corpus/.
  local seeds=build-fuzz/seeds
  rm -rf "$seeds"
  mkdir -p "$seeds/paragraphs" "$seeds/letters"
  for pdf in corpus/*.pdf; do
    local name
    name=$(basename "$pdf" .pdf)
    pdftotext -layout "$pdf" "$seeds/letters/$name.txt"
    pdftotext "$pdf" - | awk -v out="$seeds/paragraphs/$name" 'BEGIN { RS = "" } { f = out "-" NR; print > f; close(f) }'
  done

  stage "replaying kept crash inputs"
  for t in $targets; do
    local dir=tests/fuzz/regressions/$t
    [ -d "$dir" ] || continue
    mapfile -t inputs < <(find "$dir" -type f ! -name '*.md' | sort)
    [ ${#inputs[@]} -gt 0 ] || continue
    if build-fuzz/fuzz/"$t" "${inputs[@]}" >"build-fuzz/$t.regressions.log" 2>&1; then
      echo "   $t: ${#inputs[@]} regression inputs pass" >&2
    else
      tail -40 "build-fuzz/$t.regressions.log" >&2
      failed+=("$t regression inputs")
    fi
  done

  [ "$fuzz_seconds" -gt 0 ] || return 0
  stage "fuzzing each target for ${fuzz_seconds} s, $jobs at a time"
  mkdir -p build-fuzz/crashes build-fuzz/logs
  local running=0
  declare -A pids=()
  for t in $targets; do
    # Inputs about as long as the real thing: a query, a paragraph, a whole letter.
    local extra=("$seeds/paragraphs") max_len=4096
    case $t in
      fuzz_text_pipeline | fuzz_layout) extra=("$seeds/letters" "$seeds/paragraphs") max_len=65536 ;;
      fuzz_query_parser) max_len=512 ;;
    esac
    local work=build-fuzz/work/$t
    mkdir -p "$work"
    local seed_dirs=("${extra[@]}")
    [ -d "tests/fuzz/corpus/$t" ] && seed_dirs+=("tests/fuzz/corpus/$t")
    build-fuzz/fuzz/"$t" "$work" "${seed_dirs[@]}" -max_total_time="$fuzz_seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 \
      -artifact_prefix="build-fuzz/crashes/$t-" >"build-fuzz/logs/$t.log" 2>&1 &
    pids[$t]=$!
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
      wait -n || true
      running=$((running - 1))
    fi
  done
  for t in "${!pids[@]}"; do
    if ! wait "${pids[$t]}"; then
      echo "-- $t found a crash:" >&2
      grep -E "ERROR|runtime error|check failed|Test unit written|SUMMARY" "build-fuzz/logs/$t.log" | head -20 >&2
      failed+=("$t")
    fi
  done
  for t in $targets; do
    local runs
    runs=$(grep -E '^stat::number_of_executed_units' "build-fuzz/logs/$t.log" | awk '{ print $2 }' || true)
    echo "   $t: ${runs:-?} inputs tried" >&2
  done
}

run_asan_suite() {
  stage "building the test suite with ASan + UBSan"
  cmake -S . -B build-asan -DKZ_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$quick_flags" >/dev/null
  quiet_build build-asan
  stage "running the test suite under ASan + UBSan"
  # handle_segv=0: a reader that crashes must die by its signal, as the isolation tests expect
  # (ASan would turn SIGSEGV into exit code 1); any crash still fails its test.
  if ! (cd build-asan && ASAN_OPTIONS="$ASAN_OPTIONS:handle_segv=0" ctest --output-on-failure -j"$jobs"); then
    failed+=("test suite under ASan + UBSan")
  fi
}

[ "${KZ_SKIP_FUZZ:-0}" = 1 ] || run_fuzzers
[ "${KZ_SKIP_ASAN:-0}" = 1 ] || run_asan_suite
stage "done"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'hardening: FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
