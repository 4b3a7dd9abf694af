"""Recognising possible safeguarding disclosures in any text.

Pure: text in, `Screening` out. Patterns live in `safeguarding_patterns.json`
so the safeguarding lead can extend them. Missing a disclosure is far worse
than a false alarm, so patterns are broad and only known idioms ("I'm dying
to see my brother") are let through.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PATTERNS_FILE = Path(__file__).with_name("safeguarding_patterns.json")

# Text-speak and common misspellings, expanded before matching.
TEXT_SPEAK = {
    "u": "you",
    "4": "for",
    "2": "to",
    "n": "and",
    "ur": "your",
    "r": "are",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gunna": "going to",
    "gna": "going to",
    "gotta": "got to",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "pls": "please",
    "plz": "please",
    "plss": "please",
    "rn": "right now",
    "ppl": "people",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "2nite": "tonight",
    "tonite": "tonight",
    "nite": "night",
    "2day": "today",
    "b4": "before",
    "myslef": "myself",
    "meself": "myself",
    "mysef": "myself",
    "kil": "kill",
    "sucide": "suicide",
    "suicde": "suicide",
    "suiside": "suicide",
    "sucidal": "suicidal",
    "suicdal": "suicidal",
    "hurtin": "hurting",
    "hittin": "hitting",
    "beatin": "beating",
    "cuttin": "cutting",
    "kickin": "kicking",
    "punchin": "punching",
    "slappin": "slapping",
    "touchin": "touching",
    "doin": "doing",
    "goin": "going",
    "ded": "dead",
    "hes": "hes",
    "mom": "mum",
    "mam": "mum",
    "ma": "mum",
    "mums": "mums",
    "stepmum": "step mum",
    "stepdad": "step dad",
    "teh": "the",
}


@dataclass(frozen=True)
class Pattern:
    category: str
    regex: re.Pattern[str]
    example: str


@dataclass(frozen=True)
class PatternSet:
    categories: dict[str, str]
    patterns: tuple[Pattern, ...]
    idioms: tuple[re.Pattern[str], ...]
    idiom_examples: tuple[str, ...]
    # (category, compiled whole-word phrase) for the weaker "possible concern" tier.
    signals: tuple[tuple[str, re.Pattern[str]], ...] = ()


@dataclass(frozen=True)
class Screening:
    """The result of screening one text."""

    flagged: bool
    category: str | None = None
    categories: tuple[str, ...] = ()
    triggers: tuple[str, ...] = field(default=())
    # "strong": a disclosure pattern matched; "possible": only concern words did.
    strength: str | None = None

    @property
    def label(self) -> str:
        return load_patterns().categories.get(self.category or "", "")


def normalise(text: str, *, collapse_doubles: bool = False) -> str:
    """Lower-case, drop apostrophes, expand text-speak; words separated by single spaces.

    Stretched letters ("scaaared") are cut to two; with `collapse_doubles`, to
    one ("beatss" -> "beats"), which catches more misspellings but breaks
    words that really have double letters, so both forms are screened.
    """
    lowered = text.lower().replace("’", "'").replace("'", "").replace("`", "")
    letters = re.sub(r"[^a-z0-9]+", " ", lowered)
    squeezed = re.sub(
        r"([a-z])\1+" if collapse_doubles else r"([a-z])\1{2,}",
        r"\1" if collapse_doubles else r"\1\1",
        letters,
    )
    words = [TEXT_SPEAK.get(word, word) for word in squeezed.split()]
    return " ".join(words)


@lru_cache(maxsize=1)
def load_patterns(path: Path = PATTERNS_FILE) -> PatternSet:
    data = json.loads(path.read_text(encoding="utf-8"))
    categories: dict[str, str] = data["categories"]
    patterns = []
    for entry in data["patterns"]:
        if entry["category"] not in categories:
            raise ValueError(f"unknown safeguarding category {entry['category']!r}")
        patterns.append(Pattern(entry["category"], re.compile(entry["pattern"]), entry["example"]))
    signals = []
    for category, phrases in data.get("signals", {}).items():
        if category not in categories:
            raise ValueError(f"unknown safeguarding category {category!r}")
        for phrase in phrases:
            signals.append((category, re.compile(rf"\b{re.escape(normalise(phrase))}\b")))
    return PatternSet(
        categories=categories,
        patterns=tuple(patterns),
        idioms=tuple(re.compile(entry["pattern"]) for entry in data["idioms"]),
        idiom_examples=tuple(entry["example"] for entry in data["idioms"]),
        signals=tuple(signals),
    )


def screen(text: str, patterns: PatternSet | None = None) -> Screening:
    """Say whether `text` may be a disclosure, its most urgent category, and what triggered it."""
    rules = patterns or load_patterns()
    forms = []
    for form in (normalise(text), normalise(text, collapse_doubles=True)):
        for idiom in rules.idioms:
            form = idiom.sub(" ", form)
        forms.append(form)
    found: dict[str, list[str]] = {}
    for pattern in rules.patterns:
        match = next((m for form in forms if (m := pattern.regex.search(form))), None)
        if match:
            found.setdefault(pattern.category, []).append(match.group(0).strip())
    strength = "strong"
    if not found:
        strength = "possible"
        for category, signal in rules.signals:
            match = next((m for form in forms if (m := signal.search(form))), None)
            if match:
                found.setdefault(category, []).append(match.group(0))
    if not found:
        return Screening(flagged=False)
    ordered = tuple(category for category in rules.categories if category in found)
    triggers = tuple(dict.fromkeys(t for category in ordered for t in found[category]))
    return Screening(
        flagged=True, category=ordered[0], categories=ordered, triggers=triggers, strength=strength
    )
