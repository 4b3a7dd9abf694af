"""Training the safeguarding model from the labelled texts: `feedbackbot train`.

Deterministic: the same files give the same model file, byte for byte. The
thresholds are chosen on predictions for texts the model did not see: each
author's texts are scored by a model trained on every other author's, so the
figures say how it does on a hand it has never read (as the frozen test split,
`tests/data/safeguarding_frozen/`, which training never reads, then checks).

scikit-learn is needed here only, not to run the bot (`pip install -e ".[train]"`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.features import features, unit_matrix, vocabulary_of
from analysis.safeguarding import ALERT, load_patterns, screen
from analysis.safeguarding_model import Model

TRAINING_DIR = Path(__file__).with_name("training") / "safeguarding"
# Chosen on held-out authors' texts (see choose_thresholds).
TARGET_RECALL = 0.975
TARGET_ALERT_FALSE_ALARMS = 0.08
DISCLOSURE_C = 4.0
CATEGORY_C = 10.0
MIN_DOCUMENTS = 2


@dataclass(frozen=True)
class Example:
    text: str
    disclosure: bool
    category: str | None
    speaker: str
    style: str
    author: str


def load_examples(folder: Path = TRAINING_DIR) -> list[Example]:
    """Every labelled text in the folder's JSON Lines files, in a fixed order."""
    categories = load_patterns().categories
    examples = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            category = record.get("category") if record["disclosure"] else None
            if record["disclosure"] and category not in categories:
                raise ValueError(f"{path.name}:{number}: unknown category {category!r}")
            examples.append(
                Example(
                    text=record["text"],
                    disclosure=bool(record["disclosure"]),
                    category=category,
                    speaker=record.get("speaker", "unknown"),
                    style=record.get("style", ""),
                    author=record.get("author", path.stem),
                )
            )
    return examples


def fit(examples: Sequence[Example], *, alert: float, review: float, floor: float) -> Model:
    """Fit the disclosure and category models on `examples`, with the given thresholds."""
    from sklearn.linear_model import LogisticRegression

    found = [features(example.text) for example in examples]
    vocabulary = vocabulary_of(found, MIN_DOCUMENTS)
    labels = [int(example.disclosure) for example in examples]
    detector = LogisticRegression(
        C=DISCLOSURE_C, class_weight="balanced", solver="liblinear", random_state=0
    )
    detector.fit(unit_matrix(found, vocabulary), labels)
    names = list(vocabulary)
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(names, detector.coef_[0], strict=True)
        if abs(weight) >= 1e-4
    }
    disclosures = [(f, e) for f, e in zip(found, examples, strict=True) if e.disclosure]
    category_vocabulary = vocabulary_of((f for f, _ in disclosures), MIN_DOCUMENTS + 1)
    sorter = LogisticRegression(C=CATEGORY_C, max_iter=3000, random_state=0)
    sorter.fit(
        unit_matrix([f for f, _ in disclosures], category_vocabulary),
        [e.category for _, e in disclosures],
    )
    classes = tuple(str(c) for c in sorter.classes_)
    category_names = list(category_vocabulary)
    category_weights = {
        name: tuple(round(float(w), 3) for w in sorter.coef_[:, index])
        for index, name in enumerate(category_names)
    }
    return Model(
        bias=round(float(detector.intercept_[0]), 4),
        weights=weights,
        categories=classes,
        category_bias=tuple(round(float(b), 3) for b in sorter.intercept_),
        category_weights=category_weights,
        alert=alert,
        review=review,
        pattern_floor=floor,
        trained_on=len(examples),
    )


@dataclass(frozen=True)
class HeldOut:
    """One text scored by a model that never saw its author's texts."""

    example: Example
    score: float
    patterns: bool


def held_out_scores(examples: Sequence[Example]) -> list[HeldOut]:
    """Score each author's texts with a model trained on all the other authors'."""
    scored = []
    rules = load_patterns()
    authors = sorted({example.author for example in examples})
    for author in authors:
        rest = [e for e in examples if e.author != author]
        model = fit(rest, alert=1.0, review=1.0, floor=1.0)
        for example in examples:
            if example.author == author:
                result = screen(example.text, rules, model)
                scored.append(HeldOut(example, result.score, bool(result.triggers)))
    return scored


def choose_thresholds(scored: Sequence[HeldOut]) -> tuple[float, float]:
    """The review threshold for the target recall, the alert threshold for the false alarms."""
    disclosures = sorted(h.score for h in scored if h.example.disclosure and not h.patterns)
    caught_by_patterns = sum(1 for h in scored if h.example.disclosure and h.patterns)
    total = caught_by_patterns + len(disclosures)
    allowed_misses = int((1 - TARGET_RECALL) * total)
    review = disclosures[allowed_misses] if allowed_misses < len(disclosures) else 0.5
    others = sorted((h.score for h in scored if not h.example.disclosure), reverse=True)
    allowed_alarms = int(TARGET_ALERT_FALSE_ALARMS * len(others))
    alert = max(others[allowed_alarms] + 1e-4, review) if others else 0.5
    return round(review, 4), round(alert, 4)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def train(folder: Path = TRAINING_DIR) -> tuple[Model, dict[str, Any]]:
    """Choose thresholds on held-out authors, then fit on everything; return the model and
    what the held-out scoring found."""
    examples = load_examples(folder)
    scored = held_out_scores(examples)
    review, alert = choose_thresholds(scored)
    # A matched pattern alerts unless the model is quite sure it is nothing.
    floor = round(review / 2, 4)
    model = fit(examples, alert=alert, review=review, floor=floor)
    authors = Counter(example.author for example in examples)
    report = {
        "examples": len(examples),
        "disclosures": sum(1 for e in examples if e.disclosure),
        "authors": dict(sorted(authors.items())),
        "thresholds": {"alert": alert, "review": review, "pattern_floor": floor},
        "held_out_authors": _held_out_figures(scored, alert=alert, review=review, floor=floor),
    }
    return model, report


def _held_out_figures(
    scored: Sequence[HeldOut], *, alert: float, review: float, floor: float
) -> dict[str, float]:
    def level(h: HeldOut) -> str | None:
        if h.score >= alert or (h.patterns and h.score >= floor):
            return ALERT
        return "review" if h.patterns or h.score >= review else None

    disclosures = [h for h in scored if h.example.disclosure]
    others = [h for h in scored if not h.example.disclosure]
    return {
        "recall": _share(sum(1 for h in disclosures if level(h)), len(disclosures)),
        "recall_alert": _share(sum(1 for h in disclosures if level(h) == ALERT), len(disclosures)),
        "false_alarms_alert": _share(sum(1 for h in others if level(h) == ALERT), len(others)),
        "false_alarms_review": _share(sum(1 for h in others if level(h) == "review"), len(others)),
    }
