"""Score de-identification on labelled sentences, with 95% intervals.

Each line of a set names the identifying details in its text, as exact substrings.
Two figures:
- recall: the share of identifying details of which no word (of two characters or
  more) is left in the output (target 100%): "ben hartley-jones" → "[name]
  hartley-jones" is a miss;
- garbled: the share of sentences in which a word that identifies nobody was
  replaced (target at most 2%). Labels that only announce a detail ("Mr",
  "case no", "Tel:", "postcode") may go with it.

The frozen split (`tests/data/deidentify_frozen/`) was written by an author who
never saw the rules; score on it once per change of the rules, never tune on it.
`--dev` scores the development set in `analysis/training/deidentify/` instead.

Run: .venv/bin/python -m bench.deidentify_eval [--dev] [--show]
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from analysis.deidentify import deidentify
from bench.common import score_split, wilson

ROOT = Path(__file__).parents[1]
FROZEN = ROOT / "tests" / "data" / "deidentify_frozen"
DEV = ROOT / "analysis" / "training" / "deidentify"
RESULTS = ROOT / "analysis" / "models" / "deidentify.frozen-test.json"
PLACEHOLDER = re.compile(r"\[[a-z]+\]")
WORD = re.compile(r"\[x\]|[\w']+")


# Words that announce a detail rather than being one: losing them garbles nothing.
LABELS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "case",
        "ref",
        "reference",
        "referral",
        "number",
        "no",
        "id",
        "tel",
        "phone",
        "mob",
        "mobile",
        "email",
        "dob",
        "postcode",
        "address",
        "flat",
        "apt",
        "nhs",
        "crn",
    ]
)


def words(text: str) -> list[str]:
    return WORD.findall(PLACEHOLDER.sub("[x]", text).lower())


def left_in(output: str, identifier: str) -> bool:
    """Whether any word of the identifier (two characters or more) is still in the output."""
    kept = set(words(output))
    return any(len(word) > 1 and word in kept and word not in LABELS for word in words(identifier))


def garbled(output: str, text: str, identifiers: list[str]) -> bool:
    """Whether words that identify nobody were lost (counted, so a repeated word counts)."""
    lost = Counter(words(expected(text, identifiers))) - Counter(words(output))
    return any(word != "[x]" and word not in LABELS for word in lost)


def expected(text: str, identifiers: list[str]) -> str:
    for identifier in sorted(identifiers, key=len, reverse=True):
        text = text.replace(identifier, "[x]")
    return text


def score(lines: list[dict[str, Any]], show: bool = False) -> dict[str, Any]:
    found, missed_by_kind, total_by_kind = 0, Counter[str](), Counter[str]()
    garbles = 0
    for line in lines:
        output = deidentify(line["text"])
        for identifier, kind in zip(line["identifiers"], line["kinds"], strict=True):
            total_by_kind[kind] += 1
            if left_in(output, identifier):
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
    score_split(score, dev=DEV, frozen=FROZEN, results=RESULTS)


if __name__ == "__main__":
    main()
