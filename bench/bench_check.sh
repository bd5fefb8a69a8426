#!/usr/bin/env bash
# Time `dossier check` on the generated corpus beside its peers, in one run on one machine:
# the `cat` floor, the PyYAML script (libyaml), and dossier itself. Prints a Markdown table
# (median wall time of N runs after one warm-up, and the largest peak RSS seen).
#
#   bench/bench_check.sh [CORPUS_DIR] [N]
#
# Needs: python3 with PyYAML (pip install pyyaml), /usr/bin/time, and ../shared/bench (the
# corpus generator and py_check.py) beside this repository.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$here/../shared/bench}
corpus=${1:-/tmp/dossier-corpus2k}
n=${2:-5}
if [ ! -f "$corpus/truth.json" ]; then
  python3 "$shared/gen_corpus.py" "$corpus" --n 2000 --seed 1 --bad-rate 0.1 >&2
fi
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin=$here/target/release/dossier

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
measure 'python3 py_check.py --fast (PyYAML + libyaml)' python3 "$shared/py_check.py" "$corpus" --fast
measure 'dossier check --format json' "$bin" check --format json --today 2026-11-28 "$corpus"
measure 'dossier check (human)' "$bin" check --today 2026-11-28 "$corpus"
measure 'dossier check, one thread (RAYON_NUM_THREADS=1)' env RAYON_NUM_THREADS=1 "$bin" check --format json --today 2026-11-28 "$corpus"

"$bin" check --format json --today 2026-11-28 "$corpus" > "$corpus.out.json" || true
python3 "$here/bench/score.py" "$corpus.out.json" "$corpus/truth.json"
