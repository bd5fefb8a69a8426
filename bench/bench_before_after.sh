#!/usr/bin/env bash
# `dossier check` of the 2,000-dossier corpus by two builds in one run, beside the `cat` floor:
# the measure a change that should change no code path (a restructuring, #20) is held to.
# Also compares the two JSON reports byte for byte.
#
#   bench/bench_before_after.sh BEFORE_BIN [AFTER_BIN] [CORPUS_DIR] [N]
#
# BEFORE_BIN is a release build of the earlier commit, e.g.
#   git worktree add /tmp/before <commit> && cargo build --release --manifest-path /tmp/before/Cargo.toml
# AFTER_BIN defaults to this tree's release build (built here).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$here/../shared/bench}
before=$1
after=${2:-}
corpus=${3:-/tmp/dossier-corpus2k}
n=${4:-7}
if [ -z "$after" ]; then
  cargo build --release --quiet --manifest-path "$here/Cargo.toml"
  after=$here/target/release/dossier
fi
if [ ! -f "$corpus/truth.json" ]; then
  python3 "$shared/gen_corpus.py" "$corpus" --n 2000 --seed 1 --bad-rate 0.1 >&2
fi

measure() {  # name, command...
  local name=$1; shift
  "$@" >/dev/null 2>&1 || true   # warm-up (and page cache)
  local walls=() peak=0
  for _ in $(seq "$n"); do
    local out tf
    tf=$(mktemp)
    /usr/bin/time -o "$tf" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tf")
    rm -f "$tf"
    walls+=("${out% *}")
    local rss=${out#* }
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s | %d |\n' "$name" "$median" $((peak / 1024))
}

echo "| command | wall s (median of $n) | peak MB |"
echo "|---|---|---|"
measure 'cat every YAML file (floor)' bash -c "find '$corpus' -name '*.yaml' -print0 | xargs -0 cat"
for round in 1 2; do
  measure "before: dossier check --format json (round $round)" "$before" check --format json --today 2026-11-28 "$corpus"
  measure "after: dossier check --format json (round $round)" "$after" check --format json --today 2026-11-28 "$corpus"
done
a=$(mktemp) b=$(mktemp)
"$before" check --format json --today 2026-11-28 "$corpus" > "$a" || true
"$after" check --format json --today 2026-11-28 "$corpus" > "$b" || true
if cmp -s "$a" "$b"; then echo "JSON reports: identical ($(wc -c < "$a") bytes)"; else echo "JSON reports: DIFFER"; fi
rm -f "$a" "$b"
