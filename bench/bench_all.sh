#!/usr/bin/env bash
# Every target of #21 in one run, each beside its peer, with the ratio (median wall time of N
# runs after a warm-up, the command and its peer in turn, by bench/timeit.py; peak RSS of the
# largest process):
#   pack of the 48 MB dossier of scans   vs zip -r -X -0 of the same folder    (goal <= 1.0 x)
#   verify of its bundle                 vs openssl dgst -sha256 of the bundle (goal <= 1.5 x)
#   check of the 2,000-dossier corpus    vs cat of the same files              (goal <= 1.0 x)
#   the same check                       vs py_check.py --fast                 (goal >= 10 x faster)
#   import of the 5,000-row list         vs create-write-sync-rename floor     (goal <= 1.3 x),
#                                           in a fresh folder and where the import writes
#   pack and verify memory                                                     (goal < 20 MB)
#
#   bench/bench_all.sh [WORK_DIR] [N]
#
# Needs: python3 (with openpyxl and PyYAML for the list and the peer script), zip, openssl, and
# ../shared/bench beside this repository. Builds the release binary.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$here/../shared/bench}
work=${1:-/tmp/dossier-bench-all}
n=${2:-9}
mkdir -p "$work"
[ -f "$work/scans/truth.json" ] ||
  python3 "$shared/gen_corpus.py" "$work/scans" --n 2 --seed 1 --bad-rate 0 --attachments 50 >&2
[ -f "$work/corpus/truth.json" ] ||
  python3 "$shared/gen_corpus.py" "$work/corpus" --n 2000 --seed 1 --bad-rate 0.1 >&2
[ -d "$work/small" ] || python3 "$here/bench/make_big_dossier.py" "$work/small" --n 10
[ -f "$work/list5k.xlsx" ] || python3 "$here/bench/make_big_list.py" "$work/list5k.xlsx" --n 5000
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin=$here/target/release/dossier
# Each row's command and its peer in turn: `both SETUP CMD PEER_SETUP PEER_CMD` sets $ours, $theirs.
both() {
  local out
  out=$(python3 "$here/bench/timeit.py" "$n" "$1" "$2" "$3" "$4")
  ours=$(sed -n 1p <<<"$out")
  theirs=$(sed -n 2p <<<"$out")
}
d="--today 2026-11-28"
# The import rows' folders are removed at the end of a bench, which notes when (`deleted-at`):
# a bench started within 5 minutes of that waits it out (see the import rows below). Those of
# a bench that was stopped go now, and count as just deleted.
if [ -d "$work/runs" ]; then
  rm -rf "$work/runs" && date +%s >"$work/deleted-at"
fi
rm -f "$work/imp" "$work/floor"
mkdir "$work/runs"
scans=$(find "$work/scans" -mindepth 1 -maxdepth 1 -type d | sort | head -1)
out=$work/out
mkdir -p "$out"

row() {  # what, ours "s mb", peer name, peer "s mb", goal ("<= 1.0" | ">= 10 faster")
  local what=$1 ours=$2 peer=$3 theirs=$4 goal=$5
  local s=${ours% *} mb=${ours#* } ps=${theirs% *}
  local ratio met
  if [[ $goal == ">="* ]]; then
    ratio=$(python3 -c "print(f'{$ps / $s:.1f} x faster')")
    met=$(python3 -c "print('yes' if $ps / $s >= ${goal#>= } else 'no')")
  else
    ratio=$(python3 -c "print(f'{$s / $ps:.2f} x')")
    met=$(python3 -c "print('yes' if $s / $ps <= ${goal#<= } else 'no')")
  fi
  printf '| %s | %s s, %s MB | %s: %s s | %s | %s | %s |\n' "$what" "$s" "$mb" "$peer" "$ps" "$ratio" "$goal" "$met"
}

echo "| what | dossier | peer (same run) | ratio | goal | met |"
echo "|---|---|---|---|---|---|"
both "rm -f $out/*.zip" "$bin pack $d '$scans' -o $out/" \
  "rm -f $out/z.zip" "cd '$scans' && zip -q -r -X -0 $out/z.zip ."
pack=$ours
row "pack, 48 MB of scans" "$pack" "zip -r -X -0" "$theirs" "<= 1.0"
rm -f "$out"/*.zip && "$bin" pack $d "$scans" -o "$out/" >/dev/null
bundle=$(ls "$out"/*.zip)
both "" "$bin verify $d '$bundle'" "" "openssl dgst -sha256 '$bundle'"
verify=$ours
row "verify of its bundle" "$verify" "openssl dgst -sha256" "$theirs" "<= 1.5"
both "" "$bin check $d --format json '$work/corpus'" \
  "" "find '$work/corpus' -name '*.yaml' -print0 | xargs -0 cat"
row "check, 2,000 dossiers" "$ours" "cat of the YAML" "$theirs" "<= 1.0"
both "" "$bin check $d --format json '$work/corpus'" \
  "" "python3 '$shared/py_check.py' --fast '$work/corpus'"
row "check, 2,000 dossiers" "$ours" "py_check.py --fast" "$theirs" ">= 10"
# The import rows delete nothing while they run. This machine's ext4 has no journal, and there
# the kernel's inode allocator skips, one by one, every inode freed in the last 30 seconds:
# with the previous run's 5,000 files removed just before, whichever side came next spent up to
# 90 % of its time there (perf; docs/performance.md). So each run, on both sides, gets a new
# copy of the dossier (or a new folder) under runs/, reached through the link imp or floor.
# The kernel's window is 60 seconds, or 300 while the inode table's block is not yet written
# back (RECENTCY_MIN and RECENTCY_DIRTY in fs/ext4/ialloc.c), which mass deletions make likely:
# runs/ is removed at the end of the bench, and a bench started less than 5 minutes after
# waits. Deleting thousands of files just before (a `cargo test` run) slows these rows the
# same way.
last=$(cat "$work/deleted-at" 2>/dev/null || echo 0)
settle=$((310 - $(date +%s) + last))
if [ "$settle" -gt 0 ]; then
  echo "(waiting ${settle} s: the last bench's files were deleted less than 5 minutes ago)" >&2
  sleep "$settle"
fi
fresh() {  # fresh NAME [SOURCE]: a new folder runs/NAME.K (a copy of SOURCE), linked as NAME
  local make="mkdir \$d"
  [ -n "${2:-}" ] && make="cp -r $2 \$d"
  echo "k=\$(( \$(cat $work/runs/k 2>/dev/null || echo 0) + 1 )); echo \$k > $work/runs/k; \
    d=$work/runs/$1.\$k; $make && ln -sfn \$d $work/$1"
}
floor_py() {  # floor_py FOLDER: 5,000 files of 3,000 bytes created, written, synced, renamed
  echo "python3 -c 'import os
d = \"$1\"
for i in range(5000):
    open(d + \"/.t%d\" % i, \"w\").write(\"x\" * 3000)
os.sync()
for i in range(5000):
    os.rename(d + \"/.t%d\" % i, d + \"/r%d.yaml\" % i)'"
}
both "$(fresh imp "$work/small")" "$bin import $work/imp --danh-sach $work/list5k.xlsx" \
  "$(fresh floor)" "$(floor_py "$work/floor")"
row "import, 5,000 rows (writes 5,000 reports)" "$ours" "create-write-sync-rename floor" "$theirs" "<= 1.3"
# The same floor written where the import writes, into `bao-cao/` of a new copy of the dossier.
both "$(fresh imp "$work/small")" "$bin import $work/imp --danh-sach $work/list5k.xlsx" \
  "$(fresh floor "$work/small")" "$(floor_py "$work/floor/bao-cao")"
row "import, the same" "$ours" "the floor written into bao-cao/ of a copied dossier" "$theirs" "<= 1.3"
rm -rf "$work/runs" "$work/imp" "$work/floor"
date +%s >"$work/deleted-at"
echo
echo "Peak memory: pack ${pack#* } MB, verify ${verify#* } MB (goal: under 20 MB whatever the size of the scans)."
