"""Training the theme and sentiment model from labelled answers: `feedbackbot train`.

Deterministic: the same files give the same model file, byte for byte. Each
theme's threshold is chosen on predictions for texts the model did not see:
each author's texts are scored by a model trained on every other author's, so
the figures say how it does on a hand it has never read (as the frozen test
split, `tests/data/themes_frozen/`, which training never reads, then checks).

A trust's own corrections (`/themes`) join as one more author's rows, so
`feedbackbot train --with-corrections` learns the trust's own wording.

scikit-learn is needed here only, not to run the bot (`pip install -e ".[train]"`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analysis.features import features, unit_matrix, vocabulary_of
from analysis.theme_model import SENTIMENTS, LinearLayer, ThemeModel, chosen
from analysis.themes import (
    Tagger,
    load_taxonomy,
    sentiment_inputs,
    theme_inputs,
)

TRAINING_DIR = Path(__file__).with_name("training") / "themes"
THEME_C = 8.0
SENTIMENT_C = 4.0
MIN_DOCUMENTS = 2
THRESHOLDS = tuple(round(0.1 + 0.025 * step, 3) for step in range(33))  # 0.1 to 0.9
CORRECTIONS_AUTHOR = "trust-corrections"
# A corrected answer is the trust's own wording, checked by its own team: it counts as
# this many written ones (chosen with bench/corrections_effect.py on a training author).
CORRECTION_WEIGHT = 4.0


@dataclass(frozen=True)
class Example:
    text: str
    group: str | None
    themes: frozenset[str]
    sentiment: str | None  # None: a correction says nothing about sentiment
    author: str


def load_examples(folder: Path = TRAINING_DIR) -> list[Example]:
    """Every labelled answer in the folder's JSON Lines files, in a fixed order."""
    ids = set(load_taxonomy().ids)
    examples = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            unknown = set(record["themes"]) - ids
            if unknown or record["sentiment"] not in SENTIMENTS:
                raise ValueError(f"{path.name}:{number}: unknown label {unknown or record}")
            examples.append(
                Example(
                    text=record["text"],
                    group=record.get("group"),
                    themes=frozenset(record["themes"]),
                    sentiment=record["sentiment"],
                    author=record.get("author", path.stem),
                )
            )
    return examples


@dataclass(frozen=True)
class Inputs:
    """One example's features and the rules' dense inputs, worked out once."""

    found: Set[str]
    themes: np.ndarray[Any, np.dtype[np.float64]]
    sentiment: np.ndarray[Any, np.dtype[np.float64]]


def inputs_for(examples: Sequence[Example]) -> list[Inputs]:
    rules = Tagger(model=None)
    themes = rules.taxonomy.ids
    result = []
    for example in examples:
        reading = rules.read(example.text)
        result.append(
            Inputs(
                found=features(example.text),
                themes=theme_inputs(reading, example.group, themes),
                sentiment=sentiment_inputs(reading, example.text),
            )
        )
    return result


def _matrix(found: Sequence[Set[str]], dense: Sequence[Any], vocabulary: dict[str, int]) -> Any:
    """The features scaled to unit length, then the dense inputs as extra columns."""
    from scipy.sparse import csr_matrix, hstack

    return hstack([unit_matrix(found, vocabulary), csr_matrix(np.array(dense))], format="csr")


def fit(
    examples: Sequence[Example],
    inputs: Sequence[Inputs],
    thresholds: Sequence[float] | None = None,
) -> ThemeModel:
    """Fit both models on `examples` (thresholds 0.5 unless given)."""
    from sklearn.linear_model import LogisticRegression

    themes = load_taxonomy().ids
    vocabulary = vocabulary_of([i.found for i in inputs], MIN_DOCUMENTS)
    size = len(vocabulary)
    matrix = _matrix([i.found for i in inputs], [i.themes for i in inputs], vocabulary)
    sparse = np.zeros((size, len(themes)), dtype=np.float32)
    dense = np.zeros((len(inputs[0].themes), len(themes)), dtype=np.float32)
    bias = np.zeros(len(themes), dtype=np.float32)
    weights = [CORRECTION_WEIGHT if e.author == CORRECTIONS_AUTHOR else 1.0 for e in examples]
    for index, theme in enumerate(themes):
        labels = [int(theme in example.themes) for example in examples]
        if sum(labels) == 0:
            bias[index] = -30.0
            continue
        model = LogisticRegression(
            C=THEME_C, class_weight="balanced", solver="liblinear", random_state=0
        )
        model.fit(matrix, labels, sample_weight=weights)
        sparse[:, index] = model.coef_[0, :size]
        dense[:, index] = model.coef_[0, size:]
        bias[index] = model.intercept_[0]

    rated = [(e, i) for e, i in zip(examples, inputs, strict=True) if e.sentiment is not None]
    sentiment_matrix = _matrix(
        [i.found for _, i in rated], [i.sentiment for _, i in rated], vocabulary
    )
    sorter = LogisticRegression(C=SENTIMENT_C, max_iter=3000, random_state=0)
    sorter.fit(sentiment_matrix, [SENTIMENTS.index(str(e.sentiment)) for e, _ in rated])
    assert tuple(sorter.classes_) == (0, 1, 2)
    return ThemeModel(
        themes=themes,
        vocabulary=vocabulary,
        theme_layer=LinearLayer(sparse, dense, bias),
        thresholds=np.array(thresholds or [0.5] * len(themes), dtype=np.float32),
        sentiment_layer=LinearLayer(
            sorter.coef_[:, :size].T.astype(np.float32),
            sorter.coef_[:, size:].T.astype(np.float32),
            sorter.intercept_.astype(np.float32),
        ),
        trained_on=len(examples),
        corrections=sum(1 for e in examples if e.author == CORRECTIONS_AUTHOR),
    )


@dataclass(frozen=True)
class HeldOut:
    example: Example
    chances: np.ndarray[Any, np.dtype[np.float64]]
    sentiment: str


def held_out(examples: Sequence[Example], inputs: Sequence[Inputs]) -> list[HeldOut]:
    """Score each author's texts with a model trained on all the other authors'."""
    scored = []
    for author in sorted({example.author for example in examples}):
        keep = [n for n, e in enumerate(examples) if e.author != author]
        model = fit([examples[n] for n in keep], [inputs[n] for n in keep])
        for example, given in zip(examples, inputs, strict=True):
            if example.author != author:
                continue
            rows, scale = model.rows(given.found)
            chances = model.theme_probabilities(rows, scale, given.themes)
            mood = model.sentiment_probabilities(rows, scale, given.sentiment)
            scored.append(HeldOut(example, chances, SENTIMENTS[int(mood.argmax())]))
    return scored


def choose_thresholds(scored: Sequence[HeldOut], themes: Sequence[str]) -> list[float]:
    """For each theme, the threshold with the best F1 on held-out authors (ties: the higher)."""
    result = []
    for index, theme in enumerate(themes):
        best, best_f1 = 0.5, -1.0
        for threshold in THRESHOLDS:
            over = [theme in h.example.themes for h in scored if h.chances[index] >= threshold]
            tp = sum(over)
            fp = len(over) - tp
            fn = sum(1 for h in scored if theme in h.example.themes) - tp
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f1 >= best_f1:
                best, best_f1 = threshold, f1
        result.append(best)
    return result


def figures(
    predicted: Sequence[Set[str]], expected: Sequence[Set[str]], themes: Sequence[str]
) -> dict[str, Any]:
    """Micro and macro F1 over the themes, and each theme's F1."""
    per_theme = {}
    all_tp = all_fp = all_fn = 0
    for theme in themes:
        tp = sum(1 for p, e in zip(predicted, expected, strict=True) if theme in p and theme in e)
        fp = sum(1 for p in predicted if theme in p) - tp
        fn = sum(1 for e in expected if theme in e) - tp
        all_tp, all_fp, all_fn = all_tp + tp, all_fp + fp, all_fn + fn
        per_theme[theme] = round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0
    precision = all_tp / (all_tp + all_fp) if all_tp + all_fp else 0.0
    recall = all_tp / (all_tp + all_fn) if all_tp + all_fn else 0.0
    return {
        "micro_f1": round(2 * all_tp / (2 * all_tp + all_fp + all_fn), 3) if all_tp else 0.0,
        "macro_f1": round(sum(per_theme.values()) / len(per_theme), 3),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "per_theme_f1": per_theme,
    }


def train(
    folder: Path = TRAINING_DIR, extra: Sequence[Example] = ()
) -> tuple[ThemeModel, dict[str, Any]]:
    """Train on the folder's labelled answers and any `extra` rows (a trust's corrections)."""
    return train_on(load_examples(folder) + list(extra))


def train_on(examples: Sequence[Example]) -> tuple[ThemeModel, dict[str, Any]]:
    """Choose thresholds on held-out authors, then fit on everything; return the model
    and what the held-out scoring found."""
    inputs = inputs_for(examples)
    themes = load_taxonomy().ids
    scored = held_out(examples, inputs)
    thresholds = choose_thresholds(scored, themes)
    model = fit(examples, inputs, thresholds)
    limits = np.array(thresholds)
    predicted = [{themes[i] for i in chosen(h.chances, limits)} for h in scored]
    rated = [h for h in scored if h.example.sentiment is not None]
    report = {
        "examples": len(examples),
        "authors": dict(sorted(Counter(e.author for e in examples).items())),
        "groups": dict(sorted(Counter(str(e.group) for e in examples).items())),
        "vocabulary": len(model.vocabulary),
        "thresholds": dict(zip(themes, thresholds, strict=True)),
        "held_out_authors": {
            **figures(predicted, [h.example.themes for h in scored], themes),
            "sentiment_accuracy": round(
                sum(1 for h in rated if h.sentiment == h.example.sentiment) / len(rated), 3
            ),
        },
    }
    return model, report


def corrected_examples(rows: Sequence[tuple[str, str | None, Sequence[str]]]) -> list[Example]:
    """A trust's corrected answers, (text, group, themes now), as training rows."""
    return [
        Example(text, group, frozenset(themes), None, CORRECTIONS_AUTHOR)
        for text, group, themes in rows
    ]
