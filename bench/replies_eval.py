"""Score how typed replies at button questions are understood, with 95% intervals.

Each line is a reply typed at one of the real questions, with what it means: an
option, "skip", "explain", or null (a careful human could not tell). Figures:
- right: of replies that mean an option, the share read as that option (target 95%);
- wrong: replies read as an option they do not mean, out of all (target: none);
  asking again is better than guessing wrong;
- skip and explain: the share of such replies recognised.

The frozen split (`tests/data/replies_frozen/`) was written by an author who never
saw the matcher; score on it once per change, never tune on it. `--dev` scores the
development set (`analysis/training/replies/`).

Run: .venv/bin/python -m bench.replies_eval [--dev] [--show]
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from analysis.replies import EXPLAIN, SKIP
from bench.common import score_split, wilson
from conversations.engine import WHO_OPTIONS
from conversations.flows import ALL_FLOWS
from conversations.language import reading_in
from conversations.models import Option
from conversations.typed_words import match_option, read_typed, typed_move

ROOT = Path(__file__).parents[1]
FROZEN = ROOT / "tests" / "data" / "replies_frozen"
DEV = ROOT / "analysis" / "training" / "replies"
RESULTS = ROOT / "analysis" / "models" / "replies.frozen-test.json"
AUDIENCE = {
    "child": "child",
    "teen": "teen",
    "care_leaver": "young_adult",
    "young_adult": "young_adult",
    "parent": "parent",
    "practitioner": "practitioner",
}


def options_of(flow_id: str, question: str) -> tuple[Option, ...]:
    if flow_id == "start":
        return WHO_OPTIONS
    flow = next(f for f in ALL_FLOWS if f.id == flow_id)
    return flow.step(question).options


def read(line: dict[str, Any]) -> str | None:
    """What the bot makes of the reply: an option value, "skip", "explain", or None.
    Its buttons are worded in the reply's language ("ur-Latn" reads Urdu's buttons)."""
    with reading_in(line.get("language", "en").split("-")[0]):
        return _read(line)


def _read(line: dict[str, Any]) -> str | None:
    options = options_of(line["flow"], line["question"])
    audience = AUDIENCE.get(line.get("speaker", ""))
    if typed_move(line["reply"]) == "s":
        return SKIP
    option = match_option(options, line["reply"], audience)
    if option is not None:
        return option.value
    return read_typed(options, line["reply"], audience).intent


def where(line: dict[str, Any]) -> str:
    return f"{line['flow']}.{line['question']}"


def score(lines: list[dict[str, Any]], show: bool = False) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    for line in lines:
        got, means = read(line), line["means"]
        kind = "option" if means not in (None, SKIP, EXPLAIN) else str(means)
        counts[f"{kind} total"] += 1
        if got == means:
            counts[f"{kind} right"] += 1
        elif got not in (None, SKIP, EXPLAIN):
            counts["wrong"] += 1
            if show:
                print(
                    f"WRONG {line['flow']}.{line['question']}: {line['reply']!r} -> {got} ({means})"
                )
        elif show:
            print(f"ASKED {line['flow']}.{line['question']}: {line['reply']!r} -> {got} ({means})")
    return {
        "replies": len(lines),
        "right, of replies meaning an option": wilson(
            counts["option right"], counts["option total"]
        ),
        "wrong, of all replies": wilson(counts["wrong"], len(lines)),
        "skip recognised": wilson(counts["skip right"], counts["skip total"]),
        "explain recognised": wilson(counts["explain right"], counts["explain total"]),
        "unclear left unclear": wilson(counts["None right"], counts["None total"]),
    }


def main() -> None:
    score_split(score, dev=DEV, frozen=FROZEN, results=RESULTS, apart=True)


if __name__ == "__main__":
    main()
