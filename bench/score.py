#!/usr/bin/env python3
"""Score `dossier check --format json` against a corpus's truth.json (from gen_corpus.py).

    dossier check --format json CORPUS > out.json
    python3 bench/score.py out.json CORPUS/truth.json

A defect counts as found when its dossier has a finding of the rule that the defect should
fire (the map below). A clean dossier with any finding counts as a false positive.
"""
import json
import os
import sys

EXPECT = {
    # A dossier whose only report is missing has no report folder left: one HS001 names the
    # report to add (issue #11: not HS001 plus DS001 for one missing report).
    "missing_report": {"DS001", "HS001"},
    "name_mismatch": {"DS006"},
    "vote_below_quorum": {"BB003"},
    "minutes_after_proposal": {"NG002"},
    "wrong_symbol_type": {"SK002"},
    "missing_confirmation": {"ND002"},
    "nfd_name": {"VB001"},
    "unknown_field": {"HS003"},
    "yaml_syntax_error": {"HS002"},
}


def main():
    out, truth = json.load(open(sys.argv[1], encoding="utf-8")), json.load(open(sys.argv[2], encoding="utf-8"))
    by_dir = {os.path.basename(d["path"].rstrip("/")): {f["rule"] for f in d["findings"]} for d in out["dossiers"]}
    found, bad, fp, clean, kinds = 0, 0, 0, 0, {}
    for e in truth["dossiers"]:
        rules = by_dir.get(e["dir"], set())
        if e["defect"] is None:
            clean += 1
            fp += bool(rules)
            continue
        bad += 1
        hit = bool(EXPECT[e["defect"]] & rules)
        found += hit
        k = kinds.setdefault(e["defect"], [0, 0])
        k[0] += hit
        k[1] += 1
    print(f"found {found}/{bad} injected defects; clean dossiers with findings: {fp}/{clean}; "
          + " ".join(f"{k}={v[0]}/{v[1]}" for k, v in sorted(kinds.items())))
    return 0 if found == bad and fp == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
