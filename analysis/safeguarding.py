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

from analysis.text import normalise

PATTERNS_FILE = Path(__file__).with_name("safeguarding_patterns.json")


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
    # (category, one alternation of its concern words) for the weaker "possible" tier.
    signals: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # (category, one alternation of all its patterns): one search per category.
    matchers: tuple[tuple[str, re.Pattern[str]], ...] = ()


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
        words = "|".join(re.escape(normalise(phrase)) for phrase in phrases)
        signals.append((category, re.compile(rf"\b(?:{words})\b")))
    matchers = tuple(
        (
            category,
            re.compile(
                "|".join(f"(?:{p.regex.pattern})" for p in patterns if p.category == category)
            ),
        )
        for category in categories
        if any(p.category == category for p in patterns)
    )
    return PatternSet(
        categories=categories,
        patterns=tuple(patterns),
        idioms=tuple(re.compile(entry["pattern"]) for entry in data["idioms"]),
        idiom_examples=tuple(entry["example"] for entry in data["idioms"]),
        signals=tuple(signals),
        matchers=matchers,
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
    for category, matcher in rules.matchers:
        for form in forms:
            for match in matcher.finditer(form):
                found.setdefault(category, []).append(match.group(0).strip())
    strength = "strong"
    if not found:
        strength = "possible"
        for category, signal in rules.signals:
            for form in forms:
                found_here = signal.search(form)
                if found_here:
                    found.setdefault(category, []).append(found_here.group(0))
                    break
    if not found:
        return Screening(flagged=False)
    ordered = tuple(category for category in rules.categories if category in found)
    triggers = tuple(dict.fromkeys(t for category in ordered for t in found[category] if t))
    return Screening(
        flagged=True, category=ordered[0], categories=ordered, triggers=triggers, strength=strength
    )
