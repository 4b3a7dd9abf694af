"""Score the theme and sentiment model once on the frozen test split, with 95% intervals.

The split (`tests/data/themes_frozen/`) was written by an author who never saw
the phrases, the model or the training texts; training never reads it. A second
coder labelled some of its texts without seeing the first's labels: their
agreement is the ceiling any tagger can be held to. Run once per model change
and record the figures in the README; never tune on it.

Micro- and macro-F1 intervals are a percentile bootstrap over answers (2,000
resamples, fixed seed); shares have Wilson intervals. The rules alone (the
phrases, as before the model) are scored beside it.

Run: .venv/bin/python -m bench.theme_eval [--show]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence, Set
from pathlib import Path
from typing import Any

from analysis.theme_training import figures
from analysis.themes import Tagger, load_taxonomy
from bench.common import load_jsonl, wilson

FROZEN = Path(__file__).parents[1] / "tests" / "data" / "themes_frozen"
RESULTS = Path(__file__).parents[1] / "analysis" / "models" / "themes.frozen-test.json"
SECOND_CODER = "coder-2.jsonl"
RESAMPLES = 2000


def load_cases(folder: Path = FROZEN) -> list[dict[str, Any]]:
    """The frozen split's labelled answers (the second coder's file is not a split)."""
    return [case for case in load_jsonl(folder) if case.get("author") != "coder-2"]


def bootstrap(
    predicted: Sequence[Set[str]], expected: Sequence[Set[str]], themes: Sequence[str]
) -> dict[str, str]:
    """Micro- and macro-F1 with percentile bootstrap 95% intervals."""
    chance = random.Random(0)
    size = len(expected)
    micro, macro = [], []
    for _ in range(RESAMPLES):
        picks = [chance.randrange(size) for _ in range(size)]
        found = figures([predicted[i] for i in picks], [expected[i] for i in picks], themes)
        micro.append(found["micro_f1"])
        macro.append(found["macro_f1"])
    whole = figures(predicted, expected, themes)

    def interval(point: float, values: list[float]) -> str:
        values.sort()
        low, high = values[int(0.025 * RESAMPLES)], values[int(0.975 * RESAMPLES) - 1]
        return f"{point:.3f} [{low:.3f}, {high:.3f}]"

    return {
        "micro_f1": interval(whole["micro_f1"], micro),
        "macro_f1": interval(whole["macro_f1"], macro),
    }


def score(tagger: Tagger, cases: Sequence[dict[str, Any]], *, show: bool = False) -> dict[str, Any]:
    themes = load_taxonomy().ids
    results = [tagger.tag(c["text"], c.get("group")) for c in cases]
    predicted = [set(r.theme_ids) for r in results]
    expected = [set(c["themes"]) for c in cases]
    whole = figures(predicted, expected, themes)
    labels = [r.sentiment.label for r in results]
    right_sentiment = sum(label == c["sentiment"] for label, c in zip(labels, cases, strict=True))
    report: dict[str, Any] = {
        "texts": len(cases),
        **bootstrap(predicted, expected, themes),
        "precision": whole["precision"],
        "recall": whole["recall"],
        "sentiment accuracy": wilson(right_sentiment, len(cases)),
        "answers with a theme given none": wilson(
            sum(1 for p, e in zip(predicted, expected, strict=True) if e and not p),
            sum(1 for e in expected if e),
        ),
        "per theme F1": whole["per_theme_f1"],
    }
    if show:
        report["misses"] = [
            {
                "text": c["text"],
                "expected": sorted(e),
                "got": sorted(p),
                "sentiment": [c["sentiment"], r.sentiment.label],
            }
            for c, r, p, e in zip(cases, results, predicted, expected, strict=True)
            if p != e or r.sentiment.label != c["sentiment"]
        ]
    return report


def coder_agreement(folder: Path = FROZEN) -> dict[str, Any] | None:
    """How far two people agree on the same answers: the ceiling for any tagger."""
    path = folder / SECOND_CODER
    if not path.exists():
        return None
    first = {case["text"]: case for case in load_cases(folder)}
    pairs = [
        (first[second["text"]], second)
        for second in load_jsonl_file(path)
        if second["text"] in first
    ]
    themes = load_taxonomy().ids
    agreement = figures(
        [set(b["themes"]) for _, b in pairs], [set(a["themes"]) for a, _ in pairs], themes
    )
    return {
        "texts": len(pairs),
        "theme micro-F1 between coders": agreement["micro_f1"],
        "theme macro-F1 between coders": agreement["macro_f1"],
        "same sentiment": wilson(
            sum(a["sentiment"] == b["sentiment"] for a, b in pairs), len(pairs)
        ),
        "same theme set exactly": wilson(
            sum(set(a["themes"]) == set(b["themes"]) for a, b in pairs), len(pairs)
        ),
    }


def load_jsonl_file(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    cases = load_cases()
    result = {
        "model": score(Tagger(), cases, show=args.show),
        "rules alone": score(Tagger(model=None), cases),
        "coder agreement": coder_agreement(),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not args.show:
        RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
