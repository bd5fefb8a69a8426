#!/usr/bin/env bash
# Time the commands of issue #12 in one run: `dossier draft` of a 500-nominee dossier (DOCX and
# PDF) beside LibreOffice's headless conversion of the same DOCX files, `dossier import` of a
# 5,000-row list, and `dossier export` of the 2,000-dossier corpus. Prints a Markdown table
# (median wall time of N runs after a warm-up; largest peak RSS).
#
#   bench/bench_documents.sh [WORK_DIR] [N]
#
# Needs: python3 with openpyxl (the 5,000-row list), /usr/bin/time, soffice (optional), and
# ../shared/bench beside this repository.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$here/../shared/bench}
work=${1:-/tmp/dossier-bench-documents}
n=${2:-5}
mkdir -p "$work"
[ -d "$work/big" ] || python3 "$here/bench/make_big_dossier.py" "$work/big" --n 500
[ -d "$work/small" ] || python3 "$here/bench/make_big_dossier.py" "$work/small" --n 10
[ -f "$work/list5k.xlsx" ] || python3 "$here/bench/make_big_list.py" "$work/list5k.xlsx" --n 5000
if [ ! -f "$work/corpus/truth.json" ]; then
  python3 "$shared/gen_corpus.py" "$work/corpus" --n 2000 --seed 1 --bad-rate 0.1 >&2
fi
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin=$here/target/release/dossier

# shellcheck source=bench/measure.sh
. "$here/bench/measure.sh"

d="--today 2026-11-28"
echo "| command | wall s (median of $n) | peak MB |"
echo "|---|---|---|"
measure 'dossier draft, 500 nominees: 502 DOCX + 502 PDF' "$n" \
  "rm -rf $work/out && $bin draft $d $work/big -o $work/out"
measure 'dossier draft --format docx (502 DOCX)' "$n" \
  "rm -rf $work/out && $bin draft $d $work/big -o $work/out --format docx"
measure 'dossier draft --format pdf (502 PDF)' "$n" \
  "rm -rf $work/out && $bin draft $d $work/big -o $work/out --format pdf"
if command -v soffice >/dev/null 2>&1; then
  rm -rf "$work/docx" && "$bin" draft $d "$work/big" -o "$work/docx" --format docx >/dev/null
  measure 'soffice --headless --convert-to pdf, the same 502 DOCX' 1 \
    "rm -rf $work/lo && soffice -env:UserInstallation=file://$work/lo-profile --headless --convert-to pdf --outdir $work/lo $work/docx/to-trinh.docx $work/docx/bien-ban.docx $work/docx/bao-cao/*.docx"
fi
measure 'dossier import, 5,000-row xlsx into a 10-nominee dossier (writes 5,000 reports)' "$n" \
  "rm -rf $work/imp && cp -r $work/small $work/imp && $bin import $work/imp --danh-sach $work/list5k.xlsx"
measure 'dossier import --dry-run, the same (reads, matches, diffs)' "$n" \
  "rm -rf $work/imp && cp -r $work/small $work/imp && $bin import $work/imp --danh-sach $work/list5k.xlsx --dry-run"
measure 'python3: create, write, fsync once (os.sync) and rename 5,000 files of 3 KB (floor)' "$n" \
  "rm -rf $work/floor && mkdir $work/floor && python3 -c 'import os
for i in range(5000):
    open(\"$work/floor/.t%d\" % i, \"w\").write(\"x\" * 3000)
os.sync()
for i in range(5000):
    os.rename(\"$work/floor/.t%d\" % i, \"$work/floor/r%d.yaml\" % i)'"
measure 'cp -r of the 10-nominee dossier alone (in both rows above)' "$n" \
  "rm -rf $work/imp && cp -r $work/small $work/imp"
measure 'dossier export, 2,000-dossier corpus' "$n" \
  "rm -f $work/corpus.xlsx && $bin export $d $work/corpus --xlsx $work/corpus.xlsx"
measure 'dossier check --format json, the same corpus (for scale)' "$n" \
  "$bin check $d --format json $work/corpus"
