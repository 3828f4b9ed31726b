#!/usr/bin/env bash
# Times the paper-scale synthetic study end to end on this machine, one step at a time, and writes the measurement
# as JSON (what docs/paper-scale.json, the Protocol page and the README show):
#   generation (workbench synth --scale paper) → pipeline (workbench run: preprocessing, embeddings, both protocols,
#   evaluation, and the analyses beyond the paper) → site (npm run build on that study, reading the pipeline's cache).
# Usage: scripts/measure-paper-scale.sh <work-dir> <out.json> [jobs]      (a quiet machine for over an hour)
# A step already recorded in <work-dir>/steps.tsv with exit 0 is not run again, so a run can be resumed, or a later
# commit re-timed from an earlier commit's generated study (each step records the commit that ran it).
set -euo pipefail
work=${1:?usage: measure-paper-scale.sh <work-dir> <out.json> [jobs]}
out=${2:?usage: measure-paper-scale.sh <work-dir> <out.json> [jobs]}
jobs=${3:-$(nproc)}
repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work"
work=$(cd "$work" && pwd)
study="$work/study" cache="$work/cache" logs="$work/logs"
mkdir -p "$logs"
touch "$work/steps.tsv"
echo "{\"study\": {\"manifest\": \"$study/study.csv\"}}" >"$work/paper.json"
commit=$(git -C "$repo" rev-parse HEAD)
[ -s "$work/started" ] || date -u +%Y-%m-%dT%H:%M:%SZ >"$work/started"

# step <name> <command…>: runs it unless done, appending "<name> <wall s> <peak RSS KiB> <exit> <commit>" to steps.tsv.
step() {
  local name=$1
  shift
  if awk -F'\t' -v n="$name" '$1 == n && $4 == 0 {found = 1} END {exit !found}' "$work/steps.tsv"; then
    echo "measure-paper-scale: $name already recorded, not run again" >&2
    return 0
  fi
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$logs/$name.rss" "$@" >"$logs/$name.out" 2>"$logs/$name.err" || rc=$?
  t1=$(date +%s.%N)
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$(echo "$t1 - $t0" | bc)" "$(tail -n1 "$logs/$name.rss")" "$rc" "$commit" \
    >>"$work/steps.tsv"
  echo "measure-paper-scale: $name finished (exit $rc) after $(echo "$t1 - $t0" | bc) s" >&2
  return "$rc"
}

cd "$repo"
step generation npx workbench synth --scale paper --out "$study" --jobs "$jobs"
step pipeline npx workbench run --study "$work/paper.json" --cache "$cache" --jobs "$jobs"
step site env WORKBENCH_STUDY="$work/paper.json" WORKBENCH_CACHE="$cache" npm run build
node --import tsx scripts/paper-scale-json.ts "$work" "$jobs" >"$out"
echo "measure-paper-scale: wrote $out" >&2
