#!/usr/bin/env bash
# Time `dossier import --dry-run` of issue #16 in one run: the 5,000-row list in each format the
# tool reads (xlsx by openpyxl; xls and ods as LibreOffice saves them; csv), beside the Python
# readers offices' files come from reading the same files (openpyxl read-only, xlrd, odfpy's
# load alone, the csv module), then every handed field input (tests/fixtures/lists/**) one by
# one: the slowest and the largest of them. Prints Markdown tables (median wall time of N runs
# after a warm-up; largest peak RSS).
#
#   bench/bench_import.sh [WORK_DIR] [N]
#
# Needs: python3 with openpyxl, xlrd, odfpy; /usr/bin/time; soffice for the xls and ods lists.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/dossier-bench-import}
n=${2:-5}
mkdir -p "$work"
[ -d "$work/small" ] || python3 "$here/bench/make_big_dossier.py" "$work/small" --n 10
[ -f "$work/list5k.xlsx" ] || python3 "$here/bench/make_big_list.py" "$work/list5k.xlsx" --n 5000
[ -f "$work/list5k.csv" ] || python3 "$here/bench/make_big_list.py" "$work/list5k.csv" --n 5000
if command -v soffice >/dev/null 2>&1; then
  for ext in xls ods; do
    [ -f "$work/list5k.$ext" ] ||
      soffice --headless --convert-to "$ext" --outdir "$work" "$work/list5k.xlsx" >/dev/null 2>&1
  done
fi
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin=$here/target/release/dossier
dossier_dir=$work/small

# shellcheck source=bench/measure.sh
. "$here/bench/measure.sh"

echo "| 5,000-row list | wall s | peak MB |"
echo "|---|---|---|"
for ext in xlsx xls ods csv; do
  f=$work/list5k.$ext
  [ -f "$f" ] || continue
  measure "\`dossier import --dry-run\`, .$ext" "$n" "$bin import '$dossier_dir' --danh-sach '$f' --dry-run"
done
measure "python3 openpyxl (read-only), every value of the .xlsx" "$n" \
  "python3 -c \"import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1], read_only=True); [c for ws in wb for r in ws.iter_rows(values_only=True) for c in r]\" '$work/list5k.xlsx'"
[ -f "$work/list5k.xls" ] && measure "python3 xlrd, every value of the .xls" "$n" \
  "python3 -c \"import xlrd,sys; b=xlrd.open_workbook(sys.argv[1]); [s.row_values(i) for s in b.sheets() for i in range(s.nrows)]\" '$work/list5k.xls'"
[ -f "$work/list5k.ods" ] && measure "python3 odfpy, loading the .ods (no values read)" "$n" \
  "python3 -c \"from odf.opendocument import load; import sys; load(sys.argv[1])\" '$work/list5k.ods'"
measure "python3 csv module, every value of the .csv" "$n" \
  "python3 -c \"import csv,sys; list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))\" '$work/list5k.csv'"

echo
echo "| every handed field input, one by one | slowest wall s | largest peak MB | files |"
echo "|---|---|---|---|"
slow=0 big=0 count=0
while IFS= read -r f; do
  rm -rf "$work/copy" && cp -r "$here/examples/01-giay-khen-chuyen-de-truong-yen" "$work/copy"
  tf=$(mktemp)
  /usr/bin/time -o "$tf" -f '%e %M' timeout 20 "$bin" import "$work/copy" --danh-sach "$f" --dry-run >/dev/null 2>&1 || true
  line=$(tail -1 "$tf"); rm -f "$tf"
  wall=${line% *} rss=${line#* }
  slow=$(printf '%s\n%s\n' "$slow" "$wall" | sort -n | tail -1)
  [ "$rss" -gt "$big" ] && big=$rss
  count=$((count + 1))
done < <(find "$here/tests/fixtures/lists" -type f \( -name '*.xlsx' -o -name '*.xls' -o -name '*.ods' -o -name '*.csv' \) | sort)
printf '| %s | %s | %d | %d |\n' "tests/fixtures/lists/**" "$slow" $((big / 1024)) "$count"
