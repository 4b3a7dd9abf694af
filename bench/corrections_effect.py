"""Measure what stored corrections do to tagging quality, and print it as JSON.

A reviewer corrects every theme mistake on half the evaluation set (the even
rows). We then measure micro-F1 on: that half (the corrected texts themselves),
close variants of it (re-typed: other case, punctuation, an extra word, an
emoji), and the other half (texts nobody corrected).

Run: .venv/bin/python -m bench.corrections_effect
"""

from __future__ import annotations

import json
from typing import Any

from analysis.themes import CorrectionLookup, Tagger, load_taxonomy
from bench.theme_eval import evaluate, load_cases


def variant(text: str) -> str:
    """The same answer typed a little differently."""
    return f"{text.upper().rstrip('.!')} really 👍" if len(text) < 40 else f"{text.lower()}!!"


def corrections_for(tagger: Tagger, cases: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    corrections = []
    for case in cases:
        predicted = set(tagger.tag(case["text"], with_key_phrases=False).theme_ids)
        expected = set(case["themes"])
        corrections += [(case["text"], theme, "add") for theme in sorted(expected - predicted)]
        corrections += [(case["text"], theme, "remove") for theme in sorted(predicted - expected)]
    return corrections


def main() -> None:
    cases = load_cases()
    corrected = cases[::2]
    untouched = cases[1::2]
    variants = [{**case, "text": variant(case["text"])} for case in corrected]
    plain = Tagger()
    corrections = corrections_for(plain, corrected)
    learned = Tagger(corrections=CorrectionLookup(corrections))

    def f1(tagger: Tagger, subset: list[dict[str, Any]]) -> float:
        return float(evaluate(tagger, subset)["theme_micro_f1"])

    lookup = CorrectionLookup(corrections)
    print(
        json.dumps(
            {
                "corrections": len(corrections),
                "corrected_texts_f1": {
                    "before": f1(plain, corrected),
                    "after": f1(learned, corrected),
                },
                "variants_of_corrected_f1": {
                    "before": f1(plain, variants),
                    "after": f1(learned, variants),
                },
                "uncorrected_texts_f1": {
                    "before": f1(plain, untouched),
                    "after": f1(learned, untouched),
                },
                "taxonomy_proposals": lookup.proposals(load_taxonomy(), min_texts=2)[:10],
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
