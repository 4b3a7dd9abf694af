"""The features the learned models read: words, word pairs, letter n-grams and emoji.

Shared by the safeguarding model and the theme and sentiment model, so one
answer's features are worked out once (the cache) however many models read
them. Letter 3-, 4- and 5-grams carry misspellings, slang and romanised Urdu or
Punjabi that no word list has.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

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
