"""The features the learned models read: words, word pairs, letter n-grams and emoji.

Shared by the safeguarding model and the theme and sentiment model, so one
answer's features are worked out once (the cache) however many models read
them. Letter 3-, 4- and 5-grams carry misspellings, slang and romanised Urdu or
Punjabi that no word list has.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from functools import lru_cache
from itertools import pairwise
from typing import Any

from analysis.text import normalise

CHAR_SIZES = (3, 4, 5)
# A sentence ends at . ! ? or a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=512)
def features(text: str) -> frozenset[str]:
    """The features of one text: words, word pairs, letter n-grams and emoji."""
    words = normalise(text).split()
    found = {"w " + word for word in words}
    found.update("b " + first + " " + second for first, second in pairwise(words))
    padded = " " + " ".join(words) + " "
    for size in CHAR_SIZES:
        found.update(padded[i : i + size] for i in range(len(padded) - size + 1))
    found.update("e " + ch for ch in text if ord(ch) > 0x2000 and unicodedata.category(ch) == "So")
    return frozenset(found)


def sentences(text: str) -> list[str]:
    """The sentences of a text worth scoring apart from the whole (two words or more)."""
    parts = [part.strip() for part in SENTENCE_END.split(text)]
    return [part for part in parts if len(part.split()) >= 2] if len(parts) > 1 else []


# For training (`feedbackbot train`), where scipy is at hand.


def vocabulary_of(found: Iterable[Set[str]], least: int) -> dict[str, int]:
    """The features in at least `least` texts, each with its column, in a fixed order."""
    counts: Counter[str] = Counter()
    for feats in found:
        counts.update(feats)
    kept = sorted(feature for feature, count in counts.items() if count >= least)
    return {feature: index for index, feature in enumerate(kept)}


def unit_matrix(found: Sequence[Set[str]], vocabulary: dict[str, int]) -> Any:
    """A scipy CSR matrix with a row per text, scaled to unit length as the models score."""
    from scipy.sparse import csr_matrix

    rows, columns, values = [], [], []
    for row, feats in enumerate(found):
        scale = 1.0 / math.sqrt(len(feats)) if feats else 0.0
        for feature in feats:
            column = vocabulary.get(feature)
            if column is not None:
                rows.append(row)
                columns.append(column)
                values.append(scale)
    return csr_matrix((values, (rows, columns)), shape=(len(found), len(vocabulary)))
