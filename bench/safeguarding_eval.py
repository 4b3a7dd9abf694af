"""Score the safeguarding detector once on the frozen test split, with 95% intervals.

The split (`tests/data/safeguarding_frozen/`) was written by two authors who never
saw the patterns, the model or the training texts; training never reads it.
Run once per model change and record the figures in the README; never tune on it.

Run: .venv/bin/python -m bench.safeguarding_eval
"""

import json
from collections import defaultdict
from pathlib import Path

from analysis.safeguarding import ALERT, screen
from analysis.safeguarding_training import load_examples
from bench.common import wilson

FROZEN = Path(__file__).parents[1] / "tests" / "data" / "safeguarding_frozen"


def main() -> None:
    examples = load_examples(FROZEN)
    results = [(e, screen(e.text)) for e in examples]
    disclosures = [(e, r) for e, r in results if e.disclosure]
    others = [(e, r) for e, r in results if not e.disclosure]
    by_category: dict[str, list[bool]] = defaultdict(list)
    by_speaker: dict[str, list[bool]] = defaultdict(list)
    for example, result in disclosures:
        by_category[example.category or ""].append(result.flagged)
        by_speaker[example.speaker].append(result.flagged)
    flagged = [(e, r) for e, r in disclosures if r.flagged]
    figures = {
        "texts": len(results),
        "recall (alert or review)": wilson(len(flagged), len(disclosures)),
        "recall at alert level": wilson(
            sum(1 for _, r in disclosures if r.level == ALERT), len(disclosures)
        ),
        "false alarms at alert level": wilson(
            sum(1 for _, r in others if r.level == ALERT), len(others)
        ),
        "false alarms at review level": wilson(
            sum(1 for _, r in others if r.flagged and r.level != ALERT), len(others)
        ),
        "category accuracy (flagged disclosures)": wilson(
            sum(1 for e, r in flagged if r.category == e.category), len(flagged)
        ),
        "recall by category": {k: wilson(sum(v), len(v)) for k, v in sorted(by_category.items())},
        "recall by speaker": {k: wilson(sum(v), len(v)) for k, v in sorted(by_speaker.items())},
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
