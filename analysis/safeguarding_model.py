"""The learned half of disclosure screening: a linear model over words and letters.

Pure Python at run time (a dict lookup per feature), so it stays fast on one
core and needs nothing downloaded. The weights live in
`models/safeguarding.json.gz`, written by `feedbackbot train`
(`analysis/safeguarding_training.py`) from the labelled texts in `training/safeguarding/`.

Features are those of `analysis/features.py`. Each text is scaled to unit
length, so long and short texts score alike. Each sentence is scored on its
own as well as the whole text, so one disclosure in a long answer about the
social worker is not diluted.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from analysis.features import features, sentences

MODEL_FILE = Path(__file__).with_name("models") / "safeguarding.json.gz"


@dataclass(frozen=True)
class Model:
    """A trained model: disclosure weights, category weights and the chosen thresholds."""

    bias: float
    weights: dict[str, float]
    categories: tuple[str, ...]
    category_bias: tuple[float, ...]
    category_weights: dict[str, tuple[float, ...]]
    # At or above `alert`, a person is alerted now; at or above `review`, a person looks today.
    alert: float
    review: float
    # Below this, a matched pattern alone is not enough for an alert (see analysis.safeguarding).
    pattern_floor: float
    trained_on: int

    def probability(self, found: Set[str]) -> float:
        if not found:
            return 0.0
        # fsum: the same total in any order (set order differs between processes).
        total = math.fsum(map(self.weights.get, found, repeat(0.0)))
        z = self.bias + total / math.sqrt(len(found))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def score(self, text: str) -> tuple[float, str]:
        """The highest probability over the whole text and each sentence, and where it was."""
        best, where = self.probability(features(text)), text
        for sentence in sentences(text):
            chance = self.probability(features(sentence))
            if chance > best:
                best, where = chance, sentence
        return best, where

    def category(self, text: str) -> str:
        """The most likely category of a text already judged to be a disclosure."""
        found = features(text)
        scale = 1.0 / math.sqrt(len(found)) if found else 0.0
        totals = list(self.category_bias)
        for feature in found:
            row = self.category_weights.get(feature)
            if row is not None:
                for index, weight in enumerate(row):
                    totals[index] += weight * scale
        return self.categories[max(range(len(totals)), key=totals.__getitem__)]

    def knows(self, word: str) -> bool:
        return ("w " + word) in self.weights

    def to_json(self) -> dict[str, object]:
        return {
            "bias": self.bias,
            "weights": self.weights,
            "categories": list(self.categories),
            "category_bias": list(self.category_bias),
            "category_weights": {k: list(v) for k, v in self.category_weights.items()},
            "alert": self.alert,
            "review": self.review,
            "pattern_floor": self.pattern_floor,
            "trained_on": self.trained_on,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Model:
        weights = data["weights"]
        category_weights = data["category_weights"]
        assert isinstance(weights, dict) and isinstance(category_weights, dict)
        return cls(
            bias=float(data["bias"]),  # type: ignore[arg-type]
            weights={str(k): float(v) for k, v in weights.items()},
            categories=tuple(data["categories"]),  # type: ignore[arg-type]
            category_bias=tuple(float(v) for v in data["category_bias"]),  # type: ignore[attr-defined]
            category_weights={str(k): tuple(v) for k, v in category_weights.items()},
            alert=float(data["alert"]),  # type: ignore[arg-type]
            review=float(data["review"]),  # type: ignore[arg-type]
            pattern_floor=float(data["pattern_floor"]),  # type: ignore[arg-type]
            trained_on=int(data["trained_on"]),  # type: ignore[call-overload]
        )


def save(model: Model, path: Path = MODEL_FILE) -> None:
    """Write the model byte for byte the same for the same model (no time in the gzip header)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")).encode()
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(body)


@lru_cache(maxsize=2)
def load(path: Path = MODEL_FILE) -> Model:
    with gzip.open(path, "rb") as packed:
        return Model.from_json(json.loads(packed.read()))
