"""Score the safeguarding detector on disclosures in Polish, Urdu and Punjabi, once.

The split (`tests/data/safeguarding_frozen/multilingual/`) was written by an author
(`tester-ml1`) given only the setting and the categories, who never saw the word
lists (`analysis/safeguarding_languages.json`, by another author) or the patterns.
Per language: recall (alert or review: a person reads it today), recall at alert
level, and false alarms among ordinary answers. Never tune on it.

Run: .venv/bin/python -m bench.safeguarding_languages_eval
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from analysis.safeguarding import ALERT, Screening, screen
from bench.common import load_jsonl, wilson

FROZEN = Path(__file__).parents[1] / "tests" / "data" / "safeguarding_frozen" / "multilingual"
RESULTS = (
    Path(__file__).parents[1] / "analysis" / "models" / "safeguarding-languages.frozen-test.json"
)


def main() -> None:
    by_language: dict[str, list[tuple[bool, Screening]]] = defaultdict(list)
    for line in load_jsonl(FROZEN):
        by_language[line["language"]].append((bool(line["disclosure"]), screen(line["text"])))
    figures = {}
    for language, results in sorted(by_language.items()):
        disclosures = [r for disclosure, r in results if disclosure]
        others = [r for disclosure, r in results if not disclosure]
        figures[language] = {
            "recall (alert or review)": wilson(
                sum(r.flagged for r in disclosures), len(disclosures)
            ),
            "recall at alert level": wilson(
                sum(r.level == ALERT for r in disclosures), len(disclosures)
            ),
            "false alarms at alert level": wilson(
                sum(r.level == ALERT for r in others), len(others)
            ),
            "false alarms at review level": wilson(
                sum(r.flagged and r.level != ALERT for r in others), len(others)
            ),
        }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
