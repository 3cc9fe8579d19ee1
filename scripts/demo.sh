#!/usr/bin/env bash
# The first command of the README: install what is missing, build, index the sample corpus and
# answer a cross-year question about a mission, with sources.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
db=build/demo.db
./build/kamerzoek index corpus --db "$db"
echo
echo '$ kamerzoek ask "Wat kostte de battlegroup in Litouwen per jaar?"'
./build/kamerzoek ask "Wat kostte de battlegroup in Litouwen per jaar?" --db "$db"
echo
echo '$ kamerzoek costs "MNBG Litouwen"'
./build/kamerzoek costs "MNBG Litouwen" --db "$db" || true
echo
echo '$ kamerzoek mandates "eFP Litouwen"'
./build/kamerzoek mandates "eFP Litouwen" --db "$db" || true
echo
echo '$ kamerzoek search "verlenging mandaat" --from 2023'
./build/kamerzoek search "verlenging mandaat" --from 2023 --db "$db"
