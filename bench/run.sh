#!/usr/bin/env bash
# Benchmarks kamerzoek against the pdftotext floor, omindex and recollindex on one synthesized
# corpus and prints a markdown table. See bench/README.md. Usage: bench/run.sh [--quick] [--docs N] ...
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
docs=1000; seed=1; jobs="$(nproc)"; reps=20; quick=0; setup=1; peers="omindex,recoll"; limit=3600
build="$root/build-bench"; work=""
usage() {
  cat <<EOF
usage: bench/run.sh [--quick] [--docs N] [--jobs N] [--seed S] [--reps R] [--peers LIST] [--no-setup]
                    [--timeout SECONDS] [--work DIR]
  --quick        100 documents, 5 repetitions per query (a smoke run of a minute or two)
  --docs N       corpus size (default 1000; 10000 for the long run)
  --jobs N       parallelism for kamerzoek, the pdftotext floor and the synthesizer (default: nproc)
  --reps R       runs of each query for the latency percentiles (default 20)
  --peers LIST   comma-separated peers to run: omindex,recoll (default both; "" for none)
  --no-setup     do not call scripts/setup.sh --bench
  --timeout S    give up on one indexer after S seconds (default 3600)
  --work DIR     where corpus, indexes and logs go (default build-bench/bench-run)
EOF
}
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; docs=100; reps=5 ;;
    --docs) docs="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    --reps) reps="$2"; shift ;;
    --peers) peers="$2"; shift ;;
    --no-setup) setup=0 ;;
    --timeout) limit="$2"; shift ;;
    --work) work="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 1 ;;
  esac
  shift
done
work="${work:-$build/bench-run}"
mkdir -p "$work"
log() { echo "run.sh: $*" >&2; }

# --- tools -------------------------------------------------------------------------------------
if [ "$setup" = 1 ]; then
  "$root/scripts/setup.sh" --bench || log "scripts/setup.sh --bench failed; going on with what is installed"
fi
gtime=/usr/bin/time
[ -x "$gtime" ] || { log "GNU time (/usr/bin/time, package 'time') is missing"; exit 1; }
log "building synth_corpus and kamerzoek in $build"
cmake -S "$root" -B "$build" -DKZ_BENCH=ON -DCMAKE_BUILD_TYPE=Release > "$work/cmake.log" 2>&1 \
  || { log "cmake failed, see $work/cmake.log"; exit 1; }
cmake --build "$build" -j"$jobs" --target synth_corpus > "$work/build-synth.log" 2>&1 \
  || { log "synth_corpus did not build, see $work/build-synth.log"; exit 1; }
kz="$build/kamerzoek"
cmake --build "$build" -j"$jobs" --target kamerzoek > "$work/build-kamerzoek.log" 2>&1 \
  || { log "kamerzoek did not build (see $work/build-kamerzoek.log); measuring the others"; kz=""; }
have() { command -v "$1" > /dev/null 2>&1; }

# --- corpus (reused when the same size, seed and synthesizer made it) --------------------------
corpus="$work/corpus-$docs-s$seed"
stamp="$docs $seed $(md5sum < "$build/bench/synth_corpus" | cut -c1-12) $(cat "$root"/bench/*.tsv "$root"/bench/sentences.txt "$root"/corpus/missions.tsv | md5sum | cut -c1-12)"
synth_s="reused from an earlier run"
if [ "$(cat "$corpus.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$corpus" "$corpus.stamp"
  log "synthesizing $docs documents (seed $seed) into $corpus"
  t0=$EPOCHREALTIME
  "$build/bench/synth_corpus" --out "$corpus" --docs "$docs" --seed "$seed" --jobs "$jobs" \
    --manifest "$corpus.manifest.tsv" 2> "$work/synth.log" || { cat "$work/synth.log" >&2; exit 1; }
  synth_s=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "synthesized in %.1f s", b-a}')
  echo "$stamp" > "$corpus.stamp"
fi
pages=$(awk -F'\t' 'NR>1{p+=$8} END{print p+0}' "$corpus.manifest.tsv")
pdf_mb=$(du -sm "$corpus" | cut -f1)
# Every tool then reads from a warm page cache, the floor included.
find "$corpus" -name '*.pdf' -print0 | xargs -0 cat > /dev/null

mb() { du -sk "$1" 2>/dev/null | awk '{printf "%.1f", $1/1024}'; }

# --- indexing ----------------------------------------------------------------------------------
declare -A wall rss size status note
# measure NAME COMMAND...: wall seconds and peak RSS (largest single process, as GNU time reports).
measure() {
  local name="$1"; shift
  log "indexing with $name"
  "$gtime" -f "%e %M" -o "$work/$name.time" timeout "$limit" "$@" > "$work/$name.out" 2> "$work/$name.err"
  local rc=$?
  status[$name]=$rc
  read -r w m < <(tail -n 1 "$work/$name.time")
  wall[$name]=$w; rss[$name]=$(awk -v k="$m" 'BEGIN{printf "%.0f", k/1024}')
  [ "$rc" = 124 ] && note[$name]="timed out after ${limit}s"
  return 0
}

measure floor bash -c 'find "$1" -name "*.pdf" -print0 | xargs -0 -P "$2" -n 16 sh -c '\''for f; do pdftotext -q "$f" /dev/null || exit 255; done'\'' sh' sh "$corpus" "$jobs"
[ "${status[floor]}" = 0 ] || note[floor]="pdftotext failed on some file (see $work/floor.err)"

if [ -n "$kz" ]; then
  rm -rf "$work/kamerzoek.db"
  measure kamerzoek "$kz" index "$corpus" --db "$work/kamerzoek.db" --jobs "$jobs" --json
  size[kamerzoek]=$(mb "$work/kamerzoek.db")
  indexed=$(grep -o '"indexed": *[0-9]*' "$work/kamerzoek.out" | grep -o '[0-9]*$')
  nfailed=$(grep -o '"file"' "$work/kamerzoek.out" | wc -l)
  case "${status[kamerzoek]}" in
    0) note[kamerzoek]="${indexed:-?} indexed" ;;
    3) first=$(grep -o '"error": *"[^"]*"' "$work/kamerzoek.out" | head -n 1 | sed 's/^"error": *//')
       note[kamerzoek]="${indexed:-?} indexed, $nfailed failed (first: $first)" ;;
    *) note[kamerzoek]="exit ${status[kamerzoek]} (see $work/kamerzoek.err)" ;;
  esac
else
  note[kamerzoek]="not available (build failed)"
fi

if [[ ",$peers," == *,omindex,* ]] && have omindex; then
  rm -rf "$work/omega.db"
  measure omindex omindex --db "$work/omega.db" --url / --stemmer=dutch "$corpus"
  size[omindex]=$(mb "$work/omega.db")
  n=$(xapian-delve "$work/omega.db" 2>/dev/null | awk -F' = ' '/number of documents/{print $2}')
  [ "${status[omindex]}" = 0 ] && note[omindex]="${n:-?} indexed, 1 process"
elif [[ ",$peers," == *,omindex,* ]]; then
  note[omindex]="not available (install xapian-omega)"
fi

recoll_conf="$work/recoll"
if [[ ",$peers," == *,recoll,* ]] && have recollindex; then
  rm -rf "$recoll_conf"; mkdir -p "$recoll_conf"
  printf 'topdirs = %s\nindexstemminglanguages = dutch\nloglevel = 1\n' "$corpus" > "$recoll_conf/recoll.conf"
  measure recoll recollindex -c "$recoll_conf" -z
  size[recoll]=$(mb "$recoll_conf/xapiandb")
  [ "${status[recoll]}" = 0 ] && note[recoll]="default threads"
elif [[ ",$peers," == *,recoll,* ]]; then
  note[recoll]="not available (install recollcmd)"
fi
for t in omindex recoll; do
  if [ -n "${status[$t]:-}" ] && [ "${status[$t]}" != 0 ] && [ -z "${note[$t]:-}" ]; then
    note[$t]="exit ${status[$t]} (see $work/$t.err)"
  fi
done

# --- queries -----------------------------------------------------------------------------------
# Each query is a fresh process, as a script or a person calling the CLI would run it.
# time_runs FILE CMD...: appends the wall milliseconds of one run to FILE; returns the exit code.
time_runs() {
  local file="$1"; shift
  local t0=$EPOCHREALTIME
  "$@" > "$work/query.out" 2>> "$work/query.err"
  local rc=$?
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.3f\n", (b-a)*1000}' >> "$file"
  return $rc
}
pct() {  # pct FILE P: the P-th percentile (nearest rank) of the numbers in FILE
  [ -s "$1" ] || { echo "–"; return; }
  sort -n "$1" | awk -v p="$2" '{v[NR]=$1} END{r=int(p/100*NR+0.999999); if(r<1)r=1; printf "%.1f", v[r]}'
}
: > "$work/query.err"
declare -A qlat_all qlat_shared
rows=""
for t in kamerzoek omindex recoll; do rm -f "$work/lat-$t-all" "$work/lat-$t-shared"; done
while IFS=$'\t' read -r -a q; do
  [ ${#q[@]} -ge 3 ] || continue
  [[ "${q[0]}" == \#* ]] && continue
  label="${q[0]}"; peer="${q[1]}"; args=("${q[@]:2}")
  hits="–"; rc="–"; med="–"
  if [ -n "$kz" ] && [ -d "$work/kamerzoek.db" ]; then
    rm -f "$work/lat-one"
    for ((r = 0; r < reps; r++)); do time_runs "$work/lat-one" "$kz" "${args[@]}" --db "$work/kamerzoek.db" --json; rc=$?; done
    cat "$work/lat-one" >> "$work/lat-kamerzoek-all"
    [ "$peer" != "-" ] && cat "$work/lat-one" >> "$work/lat-kamerzoek-shared"
    med=$(pct "$work/lat-one" 50)
    hits=$(grep -o '"total_estimate": *[0-9]*' "$work/query.out" | grep -o '[0-9]*$')
    [ -z "$hits" ] && hits="$(grep -o '"source"' "$work/query.out" | wc -l) rows"
  fi
  quoted=""
  for a in "${args[@]}"; do [[ "$a" == *[\ \"]* ]] && a="'$a'"; quoted+="$a "; done
  rows+="| ${label} | \`kamerzoek ${quoted% }\` | ${rc} | ${hits} | ${med} |"$'\n'
  if [ "$peer" != "-" ]; then
    for ((r = 0; r < reps; r++)); do
      [ "${status[omindex]:-}" = 0 ] && time_runs "$work/lat-omindex-shared" quest -d "$work/omega.db" -s dutch -o and -m 10 "$peer"
      [ "${status[recoll]:-}" = 0 ] && time_runs "$work/lat-recoll-shared" recollq -c "$recoll_conf" -n 0-9 -b "$peer"
    done
  fi
done < "$root/bench/queries.tsv"

# --- extraction check: do sampled documents come out with the id, date and pages they were made with? ---
check="not run"
if [ -n "$kz" ] && [ -d "$work/kamerzoek.db" ]; then
  sampled=0; found=0; dated=0; paged=0
  step=$(( docs > 40 ? docs / 40 : 1 ))
  while read -r id date npages; do
    sampled=$((sampled + 1))
    out=$("$kz" show "$id" --db "$work/kamerzoek.db" --json 2>/dev/null) || continue
    found=$((found + 1))
    [[ "$out" == *"\"date\":\"$date\""* || "$out" == *"\"date\": \"$date\""* ]] && dated=$((dated + 1))
    [[ "$out" =~ \"pages\":\ ?$npages[,}] ]] && paged=$((paged + 1))
  done < <(awk -F'\t' -v s="$step" 'NR > 1 && (NR - 2) % s == 0 {print $1, $4, $8}' "$corpus.manifest.tsv")
  check="$sampled sampled documents: $found found by their id, $dated with the right date, $paged with the right page count"
fi

# --- report ------------------------------------------------------------------------------------
ratio() {  # ratio A B: A/B as "N.NNx", or "–" when either is missing
  awk -v a="$1" -v b="$2" 'BEGIN{ if (a == "" || b == "" || b + 0 == 0) print "–"; else printf "%.2fx", a / b }'
}
row() {  # row NAME LABEL
  local n="$1" label="$2"
  if [ -z "${wall[$n]:-}" ] || { [ "${status[$n]}" != 0 ] && [ "${status[$n]}" != 3 ]; }; then
    echo "| $label | – | – | – | – | – | – | ${note[$n]:-not available} |"; return
  fi
  local dps; dps=$(awk -v d="$docs" -v w="${wall[$n]}" 'BEGIN{ if (w > 0) printf "%.0f", d / w; else print "–" }')
  echo "| $label | ${wall[$n]} | $dps | ${rss[$n]} | ${size[$n]:-–} | $(pct "$work/lat-$n-shared" 50) | $(pct "$work/lat-$n-shared" 99) | ${note[$n]:-} |"
}
cpu=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)
report="$work/report-$docs.md"
{
  echo "## kamerzoek benchmark: $docs documents"
  echo
  echo "Corpus: $docs synthetic Kamerstukken (seed $seed), $pages pages, $pdf_mb MB of PDF; $synth_s."
  echo "Machine: $(nproc) cores ($cpu), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); parallelism $jobs; warm page cache."
  echo
  echo "| tool | index wall (s) | docs/s | peak RSS (MB) | index size (MB) | query p50 (ms) | query p99 (ms) | notes |"
  echo "|---|---|---|---|---|---|---|---|"
  row floor "pdftotext floor (xargs -P $jobs)"
  row kamerzoek "kamerzoek index --jobs $jobs"
  [[ ",$peers," == *,omindex,* ]] && row omindex "omindex --stemmer=dutch"
  [[ ",$peers," == *,recoll,* ]] && row recoll "recollindex (dutch stemming)"
  echo
  echo "Index time ratios: kamerzoek / floor = $(ratio "${wall[kamerzoek]:-}" "${wall[floor]:-}");" \
       "omindex / kamerzoek = $(ratio "${wall[omindex]:-}" "${wall[kamerzoek]:-}");" \
       "recollindex / kamerzoek = $(ratio "${wall[recoll]:-}" "${wall[kamerzoek]:-}")."
  [ "${status[kamerzoek]:-}" = 3 ] && echo "**kamerzoek failed on some files: its figures cover less work than the others'.**"
  echo "Index size ratios: omindex / kamerzoek = $(ratio "${size[omindex]:-}" "${size[kamerzoek]:-}");" \
       "recollindex / kamerzoek = $(ratio "${size[recoll]:-}" "${size[kamerzoek]:-}")."
  echo "Extraction check (\`kamerzoek show ID\`): $check."
  echo
  echo "Query latency columns above: the plain-text queries all tools share (quest for omindex, recollq for"
  echo "recoll), $reps runs each, one process per run. kamerzoek over its whole set including filters and"
  echo "fact commands: p50 $(pct "$work/lat-kamerzoek-all" 50) ms, p99 $(pct "$work/lat-kamerzoek-all" 99) ms."
  echo
  echo "| query | command | exit | hits | p50 (ms) |"
  echo "|---|---|---|---|---|"
  printf '%s' "$rows"
} | tee "$report"
log "report saved to $report"
