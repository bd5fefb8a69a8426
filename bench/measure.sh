#!/usr/bin/env bash
# Shared by the benchmark scripts (sourced, not run): one way to time a command.

# measure NAME RUNS COMMAND...: a Markdown row with the median wall time of RUNS runs after a
# warm-up, and the largest peak RSS (MB), by /usr/bin/time.
measure() {  # name, runs, command...
  local name=$1 runs=$2; shift 2
  bash -c "$*" >/dev/null 2>&1 || true
  local walls=() peak=0
  for _ in $(seq "$runs"); do
    local tf line
    tf=$(mktemp)
    /usr/bin/time -o "$tf" -f '%e %M' bash -c "$*" >/dev/null 2>&1 || true
    line=$(tail -1 "$tf"); rm -f "$tf"
    walls+=("${line% *}")
    local rss=${line#* }
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s | %d |\n' "$name" "$median" $((peak / 1024))
}
