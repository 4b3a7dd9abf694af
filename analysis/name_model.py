"""Which words of a quote belong to a person: a learned judgement over the rules'. Pure.

The rules in `analysis.deidentify` find names by their look: capitals, a list of
first names, cues such as "me and" or "my worker". Rules written from our own
sentences miss names nobody listed ("tbh i only talk to ifeoma") and take
ordinary words at the start of a sentence for names ("Hope you read this",
"Grace period"). This model reads each word with its neighbours, its letters,
whether English knows it, the tagger's part of speech and what the rules
decided, and gives the chance that it is part of someone's name, nickname,
school or address.

It is a logistic regression: a dict lookup per feature at run time, so nothing
but the standard library. The weights live in `models/names.json.gz`, written
by `feedbackbot train` (`analysis/name_training.py`) from the labelled
sentences in `training/deidentify/`.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from textblob.en import lexicon, spelling

MODEL_FILE = Path(__file__).with_name("models") / "names.json.gz"
# Capitalised words that are seldom people: places, peoples and languages, festivals,
# brands and organisations; and places that are first names too ("Chelsea").
NOT_PEOPLE_FILE = Path(__file__).with_name("not_people.json")

# A word (letters, then letters, digits, apostrophes or hyphens), or a placeholder
# left by the rules ("[phone]").
TOKEN = re.compile(r"\[[a-z]+\]|(?<![\w'’])[^\W\d_](?:[\w'’-]*[^\W_])?")
PLACEHOLDER = re.compile(r"\[[a-z]+\]")
SENTENCE_END = re.compile(r"[.!?\n:;(\"]\s*$")
POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_placeholder(self) -> bool:
        return PLACEHOLDER.fullmatch(self.text) is not None


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def replaced_by(before: Sequence[Token], after: Sequence[Token]) -> set[int]:
    """The positions in `before` of the words a rewrite (`after`) replaced with a placeholder."""
    matcher = SequenceMatcher(a=[t.text for t in before], b=[t.text for t in after], autojunk=False)
    gone: set[int] = set()
    for op, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        placeholder = any(t.is_placeholder for t in after[b_start:b_end])
        if op == "delete" or (op == "replace" and placeholder):
            gone.update(range(a_start, a_end))
    return gone


def shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "XX"
    if word[:1].isupper():
        return "Xx-Xx" if "-" in word else "Xx"
    return "x-x" if "-" in word else "x"


def known(word: str) -> str:
    """How well English knows a word: its part of speech, or how common it is."""
    tag = lexicon.get(word)
    if tag is not None:
        return str(tag)
    count = spelling.get(word, 0)
    return "common" if count > 50 else "rare" if count else "unknown"


@lru_cache(maxsize=1)
def not_people() -> dict[str, str]:
    """Each listed word or phrase (lower case), with its list: "places", "brands_and_..."."""
    lists: dict[str, list[str]] = json.loads(NOT_PEOPLE_FILE.read_text(encoding="utf-8"))
    return {entry: kind for kind, entries in lists.items() for entry in entries}


def listed_as(words: Sequence[Token], index: int) -> str | None:
    """The list a word is on, alone or with its neighbours ("Sky Sports", "Ayia Napa")."""
    listed = not_people()
    lower = [w.text.lower().removesuffix("'s").removesuffix("’s") for w in words]
    for size in (3, 2, 1):
        for first in range(max(0, index - size + 1), min(index, len(words) - size) + 1):
            kind = listed.get(" ".join(lower[first : first + size]))
            if kind is not None:
                return kind
    return None


def word_features(
    words: Sequence[Token],
    index: int,
    *,
    starts_sentence: bool,
    by_rules: bool,
    given_name: bool,
    tag: str,
) -> list[str]:
    """The features of one word in its sentence."""
    word = words[index].text
    bare = word.lower().removesuffix("'s").removesuffix("’s")
    lexical = known(bare)
    look = shape(word)
    found = [
        "bias",
        "w " + bare,
        "shape " + look,
        "known " + lexical,
        "tag " + tag,
        "len " + str(min(len(bare), 9)),
    ]
    padded = "<" + bare + ">"
    found.extend("c " + padded[i : i + 3] for i in range(len(padded) - 2))
    found.extend(("pre " + padded[:3], "suf " + padded[-3:], "suf2 " + padded[-4:]))
    for offset in (-2, -1, 1, 2):
        at = index + offset
        if 0 <= at < len(words):
            other = words[at].text
            placeholder = words[at].is_placeholder
            found.append(f"{offset} " + (other if placeholder else other.lower()))
            if abs(offset) == 1 and not placeholder:
                found.append(f"{offset} shape " + shape(other))
                found.append(f"{offset} known " + known(other.lower()))
        else:
            found.append(f"{offset} edge")
    facts = {
        "first": starts_sentence,
        "rules": by_rules,
        "given": given_name,
        "possessive": word.endswith(POSSESSIVE),
    }
    on = [name for name, value in facts.items() if value]
    found.extend("is " + name for name in on)
    # What the rules' decision is worth depends on where the word stands and how it looks.
    found.extend(f"{name} & {look} & {lexical}" for name in on if name != "possessive")
    if starts_sentence:
        found.append("first & w " + bare)
    listed = listed_as(words, index)
    if listed is not None:
        found.extend(("listed " + listed, f"listed {listed} & {look}"))
    return found


def sentence_starts(text: str, words: Sequence[Token]) -> list[bool]:
    return [
        index == 0 or SENTENCE_END.search(text[: word.start]) is not None
        for index, word in enumerate(words)
    ]


@dataclass(frozen=True)
class NameModel:
    bias: float
    weights: dict[str, float]
    threshold: float
    trained_on: int

    def chance(self, found: Sequence[str]) -> float:
        # fsum: the same total in any order.
        z = self.bias + math.fsum(self.weights.get(feature, 0.0) for feature in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "bias": self.bias,
            "weights": self.weights,
            "threshold": self.threshold,
            "trained_on": self.trained_on,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> NameModel:
        weights = data["weights"]
        assert isinstance(weights, dict)
        return cls(
            bias=float(data["bias"]),  # type: ignore[arg-type]
            weights={str(k): float(v) for k, v in weights.items()},
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            trained_on=int(data["trained_on"]),  # type: ignore[call-overload]
        )


def save(model: NameModel, path: Path = MODEL_FILE) -> None:
    """Write the model byte for byte the same for the same model (no time or name in gzip)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")).encode()
    with path.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out:
        out.write(body)


@lru_cache(maxsize=2)
def load(path: Path = MODEL_FILE) -> NameModel:
    with gzip.open(path, "rb") as packed:
        return NameModel.from_json(json.loads(packed.read()))
