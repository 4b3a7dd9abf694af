"""Measure what a trust's corrections do for answers nobody corrected, and print it as JSON.

The trust's own answers are `bench/data/trust-local.jsonl`: 300 labelled answers
from one fictional trust whose people use its local names ("the Harbour
waiting list", "Compass crashed again"), written by an author apart from the
training authors and not part of training. The shipped model tags them. A
reviewer corrects every theme it got wrong on half of them (the even rows), as
`/themes` would, and `feedbackbot train --with-corrections` retrains on the
shipped texts plus those corrected answers. Micro-F1 is measured on the other
half, which nobody corrected, before and after; and on the corrected half with
the stored corrections applied directly, as the bot does between retrainings.

Run: .venv/bin/python -m bench.corrections_effect
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from analysis.corrections import CorrectionLookup
from analysis.theme_training import (
    Example,
    corrected_examples,
    figures,
    load_examples,
    train_on,
)
from analysis.themes import Tagger, load_taxonomy

TRUST_ANSWERS = Path(__file__).with_name("data")


def micro_f1(tagger: Tagger, examples: Sequence[Example]) -> float:
    predicted = [set(tagger.tag(e.text, e.group).theme_ids) for e in examples]
    return float(figures(predicted, [e.themes for e in examples], load_taxonomy().ids)["micro_f1"])


def main() -> None:
    shipped = load_examples()
    trust = load_examples(TRUST_ANSWERS)
    corrected, unseen = trust[::2], trust[1::2]
    before = Tagger()
    corrections = []
    rows = []
    for example in corrected:
        got = set(before.tag(example.text, example.group).theme_ids)
        if got == example.themes:
            continue
        corrections += [(example.text, t, "add") for t in sorted(example.themes - got)]
        corrections += [(example.text, t, "remove") for t in sorted(got - example.themes)]
        rows.append((example.text, example.group, sorted(example.themes)))
    retrained = Tagger(model=train_on(shipped + corrected_examples(rows))[0])
    looked_up = Tagger(corrections=CorrectionLookup(corrections))
    print(
        json.dumps(
            {
                "trust_answers": len(trust),
                "corrected_answers": len(rows),
                "corrections": len(corrections),
                "uncorrected_answers_micro_f1": {
                    "before": micro_f1(before, unseen),
                    "after retraining": micro_f1(retrained, unseen),
                },
                "corrected_answers_micro_f1": {
                    "before": micro_f1(before, corrected),
                    "corrections applied": micro_f1(looked_up, corrected),
                    "after retraining": micro_f1(retrained, corrected),
                },
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
