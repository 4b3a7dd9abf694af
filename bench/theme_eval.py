"""Print the tagger's theme F1 (micro and macro) and sentiment accuracy, as JSON.

Run: .venv/bin/python -m bench.theme_eval [--errors]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis.themes import Tagger, load_taxonomy

EVAL_FILE = Path(__file__).parents[1] / "tests" / "data" / "theme_eval.jsonl"


def load_cases(path: Path = EVAL_FILE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def evaluate(tagger: Tagger, cases: Sequence[dict[str, Any]]) -> dict[str, Any]:
    ids = load_taxonomy().ids
    tp = dict.fromkeys(ids, 0)
    fp = dict.fromkeys(ids, 0)
    fn = dict.fromkeys(ids, 0)
    correct_sentiment = 0
    errors = []
    for case in cases:
        result = tagger.tag(case["text"], case.get("group"), with_key_phrases=False)
        predicted, expected = set(result.theme_ids), set(case["themes"])
        for theme in ids:
            tp[theme] += theme in predicted and theme in expected
            fp[theme] += theme in predicted and theme not in expected
            fn[theme] += theme not in predicted and theme in expected
        correct_sentiment += result.sentiment.label == case["sentiment"]
        if predicted != expected or result.sentiment.label != case["sentiment"]:
            errors.append(
                {
                    "text": case["text"],
                    "expected": sorted(expected),
                    "got": sorted(predicted),
                    "sentiment": [
                        case["sentiment"],
                        result.sentiment.label,
                        result.sentiment.polarity,
                    ],
                }
            )
    per_theme = {}
    for theme in ids:
        precision = tp[theme] / (tp[theme] + fp[theme]) if tp[theme] + fp[theme] else 0.0
        recall = tp[theme] / (tp[theme] + fn[theme]) if tp[theme] + fn[theme] else 0.0
        per_theme[theme] = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = all_tp / (all_tp + all_fp) if all_tp + all_fp else 0.0
    micro_r = all_tp / (all_tp + all_fn) if all_tp + all_fn else 0.0
    return {
        "texts": len(cases),
        "theme_micro_f1": round(2 * micro_p * micro_r / (micro_p + micro_r), 3)
        if micro_p + micro_r
        else 0.0,
        "theme_macro_f1": round(sum(per_theme.values()) / len(per_theme), 3),
        "theme_micro_precision": round(micro_p, 3),
        "theme_micro_recall": round(micro_r, 3),
        "sentiment_accuracy": round(correct_sentiment / len(cases), 3),
        "per_theme_f1": {theme: round(value, 2) for theme, value in per_theme.items()},
        "errors": errors,
    }


def main() -> None:
    report = evaluate(Tagger(), load_cases())
    if "--errors" not in sys.argv:
        report.pop("errors")
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
