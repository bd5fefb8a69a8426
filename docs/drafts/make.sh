#!/usr/bin/env bash
# The first page of every drafted document, in both forms, as small PNG images: the tool's PDF
# (`*-pdf.png`) and LibreOffice's rendering of the tool's DOCX (`*-docx.png`), for a person to
# compare (see README.md). Needs a built `dossier` (cargo build), pdftoppm and soffice.
#   docs/drafts/make.sh            # from the repository's root
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${DOSSIER:-$root/target/debug/dossier}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$here"/*.png
# The shipped examples and the clerk's two dossiers (December 2026, issue #18: C14, C16, C24).
for d in "$root"/examples/0* "$root"/tests/fixtures/clerk-turn3/base/xa-*; do
  name=$(basename "$d")
  "$bin" draft "$d" -o "$work/$name" --today 2026-11-28 --draft-anyway >/dev/null 2>&1 ||
    { echo "draft failed: $name" >&2; exit 1; }
done
mkdir -p "$work/lo"
# Each document: the tờ trình, the biên bản when there is one, and the first two reports.
for out in "$work"/*/; do
  name=$(basename "$out")
  [ "$name" = lo ] && continue
  docs=$(cd "$out" && ls to-trinh.docx bien-ban.docx 2>/dev/null; cd "$out" && ls bao-cao/*.docx 2>/dev/null | head -2)
  for doc in $docs; do
    stem="$name--$(echo "${doc%.docx}" | tr / -)"
    cp "$out/$doc" "$work/lo/$stem.docx"
    pdftoppm -r 60 -gray -png -f 1 -l 1 -singlefile "$out/${doc%.docx}.pdf" "$here/$stem-pdf"
  done
done
# One soffice start for all (a private profile, so that it runs beside an open LibreOffice).
(cd "$work/lo" && soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to pdf ./*.docx >/dev/null 2>&1)
for pdf in "$work"/lo/*.pdf; do
  stem=$(basename "${pdf%.pdf}")
  pdftoppm -r 60 -gray -png -f 1 -l 1 -singlefile "$pdf" "$here/$stem-docx"
done
ls "$here"/*.png | wc -l
