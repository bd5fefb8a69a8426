#!/usr/bin/env bash
# bench_hostile.sh [BINARY]: time and peak memory of `dossier import` on each hostile
# spreadsheet of tests/fixtures/lists/hostile/hostile.py (issue #17: any list file under 2 s and
# 200 MB, or refused within that), each into a fresh copy of example 01, once, under
# /usr/bin/time. Prints a Markdown table for docs/performance.md: file, its size, the exit code,
# seconds, peak RSS in MB, and the first words said.
#
# The cases are the (file name, generator) pairs of CASES in hostile.py: add a reader's files
# there. Run from the project's root with a release build (`cargo build --release`).
set -euo pipefail
BIN=$(realpath "${1:-target/release/dossier}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tests/fixtures/lists/hostile/hostile.py "$work/lists"
echo "| file | bytes | exit | s | MB | said |"
echo "|---|---:|---:|---:|---:|---|"
for f in "$work"/lists/*; do
  rm -rf "$work/hs"
  cp -r examples/01-giay-khen-chuyen-de-truong-yen "$work/hs"
  rc=0
  /usr/bin/time -o "$work/time" -f '%e %M' timeout 60 "$BIN" import "$work/hs" --danh-sach "$f" --lang en \
    >"$work/out" 2>&1 || rc=$?
  read -r secs kb < <(tail -1 "$work/time")
  said=$(grep -v '^\s*$' "$work/out" | head -1 | sed "s|$work/lists/||; s/|/\\\\|/g" | cut -c1-90 || true)
  printf '| %s | %d | %d | %s | %d | %s |\n' "$(basename "$f")" "$(stat -c %s "$f")" "$rc" "$secs" $((kb / 1024)) "$said"
done
