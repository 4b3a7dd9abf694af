"""Score de-identification on labelled sentences, with 95% intervals.

Each line of a set names the identifying details in its text, as exact substrings.
Two figures:
- recall: the share of identifying details of which no word (of two characters or
  more) is left in the output (target 100%): "ben hartley-jones" → "[name]
  hartley-jones" is a miss;
- garbled: the share of sentences in which a word that identifies nobody was
  replaced (target at most 2%). Labels that only announce a detail ("Mr",
  "case no", "Tel:", "postcode") may go with it.

The frozen splits (`tests/data/deidentify_frozen/`, each scored apart) were written
by authors who never saw the rules; score on them once per change of the rules,
never tune on them.
`--dev` scores the development set in `analysis/training/deidentify/` instead.

Run: .venv/bin/python -m bench.deidentify_eval [--dev] [--show]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from analysis.deidentify import deidentify
from analysis.name_training import garbled, left_in
from bench.common import score_split, wilson

ROOT = Path(__file__).parents[1]
FROZEN = ROOT / "tests" / "data" / "deidentify_frozen"
DEV = ROOT / "analysis" / "training" / "deidentify"
RESULTS = ROOT / "analysis" / "models" / "deidentify.frozen-test.json"


def score(lines: list[dict[str, Any]], show: bool = False) -> dict[str, Any]:
    found, missed_by_kind, total_by_kind = 0, Counter[str](), Counter[str]()
    garbles = 0
    for line in lines:
        output = deidentify(line["text"])
        kinds = line.get("kinds") or ["name"] * len(line["identifiers"])
        for identifier, kind in zip(line["identifiers"], kinds, strict=True):
            total_by_kind[kind] += 1
            if left_in(output, identifier, line["text"], line["identifiers"]):
                missed_by_kind[kind] += 1
                if show:
                    print(f"LEFT {kind}: {identifier!r} in {output!r}")
            else:
                found += 1
        if garbled(output, line["text"], line["identifiers"]):
            garbles += 1
            if show:
                print(f"GARBLED: {line['text']!r}\n      -> {output!r}")
    identifiers = sum(total_by_kind.values())
    return {
        "sentences": len(lines),
        "with identifiers": sum(1 for line in lines if line["identifiers"]),
        "recall of identifying details": wilson(found, identifiers),
        "sentences garbled": wilson(garbles, len(lines)),
        "left, by kind": {
            kind: f"{missed_by_kind[kind]} of {total}"
            for kind, total in sorted(total_by_kind.items())
        },
    }


def main() -> None:
    if "--dev" in sys.argv:
        score_split(score, dev=DEV, frozen=FROZEN, results=RESULTS)
        return
    # Each frozen split apart: they were written at different times, and a newer one is
    # the fair measure of rules written after the older one was first scored.
    show = "--show" in sys.argv
    result = {
        str(path.relative_to(FROZEN).with_suffix("")): score(json_lines(path), show=show)
        for path in sorted(FROZEN.rglob("*.jsonl"))
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


def json_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


if __name__ == "__main__":
    main()
