#!/usr/bin/env bash
# Time `dossier pack` on one dossier with about 50 MB of scans, beside the floor of reading and
# hashing every byte once (sha256sum) and `zip -r` of the same folder, in one run. Prints a
# Markdown table (median wall time of N runs after a warm-up; largest peak RSS).
#
#   bench/bench_pack.sh [WORK_DIR] [N]
#
# Needs: python3, zip, /usr/bin/time, and ../shared/bench beside this repository.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$here/../shared/bench}
work=${1:-/tmp/dossier-bench-pack}
n=${2:-5}
if [ ! -f "$work/corpus/truth.json" ]; then
  python3 "$shared/gen_corpus.py" "$work/corpus" --n 20 --seed 1 --bad-rate 0 --attachments 50 >&2
fi
# The first dossier whose check is clean (the generator writes valid ones at bad-rate 0).
dir=$(find "$work/corpus" -mindepth 1 -maxdepth 1 -type d | sort | head -1)
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin=$here/target/release/dossier
out=$work/out
mkdir -p "$out"

measure() {  # name, command...
  local name=$1; shift
  rm -f "$out"/*
  "$@" >/dev/null 2>&1 || true
  local walls=() peak=0
  for _ in $(seq "$n"); do
    rm -f "$out"/*
    local tf out_line
    tf=$(mktemp)
    /usr/bin/time -o "$tf" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out_line=$(tail -1 "$tf"); rm -f "$tf"
    walls+=("${out_line% *}")
    local rss=${out_line#* }
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s | %d |\n' "$name" "$median" $((peak / 1024))
}

bytes=$(du -sb "$dir" | cut -f1)
files=$(find "$dir" -type f | wc -l)
echo "dossier: $(basename "$dir"), $files files, $bytes bytes" >&2
echo "| command | wall s (median of $n) | peak MB |"
echo "|---|---|---|"
measure 'cat every file (floor)' bash -c "find '$dir' -type f -print0 | xargs -0 cat"
measure 'sha256sum every file (read + hash floor)' bash -c "find '$dir' -type f -print0 | xargs -0 sha256sum"
measure 'zip -r -X -0 (store)' bash -c "cd '$dir' && zip -q -r -X -0 '$out/z.zip' ."
measure 'zip -r -X (deflate)' bash -c "cd '$dir' && zip -q -r -X '$out/z.zip' ."
measure 'dossier pack (check + cover list + zip + manifest)' "$bin" pack --today 2026-11-28 "$dir" -o "$out"
