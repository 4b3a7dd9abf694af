"""The learned half of theme tagging and sentiment: linear models over the features.

One model file holds two linear models that share a vocabulary:

- **themes**: one logistic regression per theme (an answer can have several),
  each with its own threshold, chosen on authors the model had not read;
- **sentiment**: one multinomial logistic regression over positive, neutral and
  negative.

Each reads the text's features (`analysis/features.py`, scaled to unit length)
and a few dense inputs the rule half works out (`analysis/themes.py`): which
theme phrases matched, who is speaking, and the lexicon's, TextBlob's and
VADER's polarity of the whole answer and of its last clause.

At run time it is numpy only: one row gather and a sum per answer. The file is
written by `feedbackbot train` (`analysis/theme_training.py`) from the labelled
texts in `training/themes/`, and is the same bytes for the same texts.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

MODEL_FILE = Path(__file__).with_name("models") / "themes.model.gz"
SENTIMENTS = ("negative", "neutral", "positive")
Vector = NDArray[np.float64]


@dataclass(frozen=True)
class LinearLayer:
    """Weights for the sparse features, for the dense inputs, and a bias: one column per output."""

    sparse: NDArray[np.float32]  # (vocabulary, outputs)
    dense: NDArray[np.float32]  # (dense inputs, outputs)
    bias: NDArray[np.float32]  # (outputs,)

    def scores(self, rows: list[int], scale: float, dense: Vector) -> Vector:
        total = self.bias.astype(np.float64) + dense @ self.dense
        if rows:
            total += self.sparse[rows].sum(axis=0, dtype=np.float64) * scale
        return total


@dataclass(frozen=True)
class ThemeModel:
    themes: tuple[str, ...]
    vocabulary: dict[str, int]
    theme_layer: LinearLayer
    thresholds: NDArray[np.float32]
    sentiment_layer: LinearLayer
    # What it was trained on, for `feedbackbot train`'s report and the README.
    trained_on: int
    corrections: int = 0

    def rows(self, found: Set[str]) -> tuple[list[int], float]:
        """The vocabulary rows of a text's features, and the unit-length scale."""
        rows = [row for row in map(self.vocabulary.get, found) if row is not None]
        return rows, (1.0 / len(found) ** 0.5 if found else 0.0)

    def theme_probabilities(self, rows: list[int], scale: float, dense: Vector) -> Vector:
        return _sigmoid(self.theme_layer.scores(rows, scale, dense))

    def sentiment_probabilities(self, rows: list[int], scale: float, dense: Vector) -> Vector:
        scores = self.sentiment_layer.scores(rows, scale, dense)
        exp = np.exp(scores - scores.max())
        return exp / exp.sum()  # type: ignore[no-any-return]

    def chosen(self, chances: Vector) -> list[int]:
        """The themes at or over their thresholds. Nearly every answer is about something:
        when none is, the likeliest is chosen if it reaches half its threshold."""
        return chosen(chances, self.thresholds)

    def theme_weight(self, word_feature: str, theme_index: int) -> float:
        """How much one feature speaks for a theme: which clause is the evidence."""
        row = self.vocabulary.get(word_feature)
        return 0.0 if row is None else float(self.theme_layer.sparse[row, theme_index])


FALLBACK_SHARE = 0.5


def chosen(chances: Vector, thresholds: NDArray[np.float32] | Vector) -> list[int]:
    over = [index for index, chance in enumerate(chances) if chance >= thresholds[index]]
    if over:
        return over
    shares = chances / thresholds
    best = int(shares.argmax())
    return [best] if shares[best] >= FALLBACK_SHARE else []


def _sigmoid(values: Vector) -> Vector:
    return 1.0 / (1.0 + np.exp(-np.clip(values, -30.0, 30.0)))


ARRAYS = (
    "theme_sparse",
    "theme_dense",
    "theme_bias",
    "thresholds",
    "sentiment_sparse",
    "sentiment_dense",
    "sentiment_bias",
)


def save(model: ThemeModel, path: Path = MODEL_FILE) -> None:
    """A JSON header line, then the arrays in `.npy` form, gzipped with no time in the
    header: the same model is the same bytes."""
    header = {
        "themes": list(model.themes),
        "vocabulary": sorted(model.vocabulary, key=model.vocabulary.__getitem__),
        "trained_on": model.trained_on,
        "corrections": model.corrections,
    }
    arrays = {
        "theme_sparse": model.theme_layer.sparse,
        "theme_dense": model.theme_layer.dense,
        "theme_bias": model.theme_layer.bias,
        "thresholds": model.thresholds,
        "sentiment_sparse": model.sentiment_layer.sparse,
        "sentiment_dense": model.sentiment_layer.dense,
        "sentiment_bias": model.sentiment_layer.bias,
    }
    body = io.BytesIO()
    body.write(json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")
    for name in ARRAYS:
        np.save(body, np.ascontiguousarray(arrays[name], dtype=np.float32), allow_pickle=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out:
        out.write(body.getvalue())


@lru_cache(maxsize=4)
def load(path: Path = MODEL_FILE) -> ThemeModel:
    with gzip.open(path, "rb") as packed:
        body = io.BytesIO(packed.read())
    header = json.loads(body.readline())
    arrays = {name: np.load(body, allow_pickle=False) for name in ARRAYS}
    return ThemeModel(
        themes=tuple(header["themes"]),
        vocabulary={feature: row for row, feature in enumerate(header["vocabulary"])},
        theme_layer=LinearLayer(
            arrays["theme_sparse"], arrays["theme_dense"], arrays["theme_bias"]
        ),
        thresholds=arrays["thresholds"],
        sentiment_layer=LinearLayer(
            arrays["sentiment_sparse"], arrays["sentiment_dense"], arrays["sentiment_bias"]
        ),
        trained_on=int(header["trained_on"]),
        corrections=int(header.get("corrections", 0)),
    )
