"""Recognising possible safeguarding disclosures in any text.

Pure: text in, `Screening` out, with one of three outcomes:

- **alert**: a person is alerted now, and the person writing gets the help script;
- **review**: a person looks today (the evidence is unsure, or the words are past,
  resolved, about a topic or said laughing); the person writing carries on;
- nothing.

Two kinds of evidence, in layers. The explainable patterns in
`safeguarding_patterns.json` (which the safeguarding lead can extend) are the
strong evidence. A learned model (`analysis/safeguarding_model.py`, trained on
thousands of texts by several authors) scores each sentence and the whole
text, and recognises wording no pattern has. Context only ever downgrades an
alert to a review, never to nothing: missing a disclosure is far worse than a
false alarm.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import re2  # type: ignore[import-untyped]  # (google-re2 ships no type hints)
from textblob.en import lexicon

from analysis import safeguarding_model
from analysis.languages import ENGLISH, language_of_text, mixed_with_english
from analysis.safeguarding_model import Model
from analysis.text import TEXT_SPEAK, normalise

PATTERNS_FILE = Path(__file__).with_name("safeguarding_patterns.json")
# Disclosures in Polish, Urdu and Punjabi (in their scripts and romanised), per category.
LANGUAGES_FILE = Path(__file__).with_name("safeguarding_languages.json")
ALERT = "alert"
REVIEW = "review"
# Categories of events recorded before today's list; their alerts still need a label.
# Not a kind of harm: words the detector cannot read (another language or script).
UNSCREENED = "unscreened"
LEGACY_CATEGORIES = {
    UNSCREENED: "Could not be screened: a person needs to read it",
    "exploitation": "Exploitation",
    "adult_risk_to_child": "Adult at risk of harming a child",
    "threats_bullying": "Threats or bullying",
    # From the other languages' word lists (safeguarding_languages.json).
    "unsafe_home": "Unsafe at home",
}
# The most urgent patterns name the category even when the model would say another.
URGENT = ("danger_now", "self_harm_suicide")
# Words that put what was said in the past, or make it talk about a topic or a joke.
# They downgrade a pattern's alert to a review; the model has learnt them from examples.
CONTEXT = {
    "past or resolved": re.compile(
        r"\b(used to|when i was (little|younger|small|a kid|a child|\d+)|years ago|in the past"
        r"|not any ?more|no longer|at my old (house|home|placement|school|foster|carers)"
        r"|before i (moved|came|went)|since i (moved|came|went)|last year"
        r"|(its|it has|that has|thats|it all) (stopped|over|sorted)"
        r"|now (i am|im|i feel|we are|were|she is|shes|he is|hes) (safe|happy|ok|fine))\b"
    ),
    "about a topic": re.compile(
        r"\b(lesson|assembly|talk|video|film|movie|documentary|programme|game|book|story|news"
        r"|series|episode|show|song|lyrics|training|course|workshop|play) (on|about|where|called)\b"
        r"|\bwe (learned|learnt|talked|watched|did a project) about\b|\bin (fortnite|minecraft"
        r"|roblox|gta|cod|call of duty|the film|the game|the book)\b"
    ),
    "said laughing": re.compile(r"\b(lol|lmao|lmfao|haha\w*|jk|only joking|jokes)\b"),
}
LAUGHING_EMOJI = ("😂", "🤣", "😆")
# Under half the words known in English (or to the model), a text may be in a language
# the detector cannot read; a person looks at it instead.
KNOWN_SHARE = 0.5
CANNOT_READ = "cannot read it"
# Fewer letters than this in another script (a "yes" or "thanks") are not worth a review.
FOREIGN_SCRIPT_MIN_LETTERS = 6
# Shorter texts are judged by the patterns alone: a word or two ("back", "14") gives the
# model too little to go on, and disclosures that short ("kms", "help me") are patterns'.
MODEL_MIN_WORDS = 3
# Below this many words the model alone asks for a review, never an alert: on short
# complaints ("nobody calls me back") it is too easily swayed by a few letter groups.
MODEL_ALERT_MIN_WORDS = 8
LETTERS = re.compile(r"[^\W\d_]+")


class Searcher(Protocol):
    def search(self, text: str) -> object | None: ...


def prefilter_for(patterns: Sequence[re.Pattern[str]]) -> Searcher | None:
    """One RE2 automaton for all the patterns, if RE2 takes their syntax (it has no
    lookarounds or backreferences; without it every text takes the slower search)."""
    try:
        searcher: Searcher = re2.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    except re2.error:
        return None
    return searcher


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
    # (category, one alternation of all its patterns): one search per category.
    matchers: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # Every pattern at once, for RE2 (None if one of them is beyond it, a lookaround say).
    prefilter: Searcher | None = None

    def may_match(self, form: str) -> bool:
        """Whether any pattern could match `form`. RE2 tries every pattern in one linear
        pass, where Python's engine tries them one by one; most texts match none, and so
        skip the per-category search. It only ever says yes too often, never no."""
        return self.prefilter is None or self.prefilter.search(form) is not None


@dataclass(frozen=True)
class Screening:
    """The result of screening one text."""

    level: str | None = None
    category: str | None = None
    categories: tuple[str, ...] = ()
    triggers: tuple[str, ...] = field(default=())
    # The model's probability of a disclosure (the highest over the text and its sentences).
    score: float = 0.0
    # Why a review and not an alert: "unsure", "past or resolved", "cannot read it", ...
    reason: str | None = None
    # Whether a pattern matched (otherwise the model alone raised it).
    by_pattern: bool = False

    @property
    def flagged(self) -> bool:
        return self.level is not None

    @property
    def alert(self) -> bool:
        return self.level == ALERT

    @property
    def label(self) -> str:
        return category_label(self.category or "")

    def as_json(self) -> dict[str, object]:
        return {
            "flag": self.flagged,
            "level": self.level,
            "category": self.category,
            "score": round(self.score, 3),
            "reason": self.reason,
        }


def category_label(category: str) -> str:
    return load_patterns().categories.get(category) or LEGACY_CATEGORIES.get(category, category)


@lru_cache(maxsize=1)
def load_patterns(path: Path = PATTERNS_FILE) -> PatternSet:
    data = json.loads(path.read_text(encoding="utf-8"))
    categories: dict[str, str] = data["categories"]
    patterns = []
    for entry in data["patterns"]:
        if entry["category"] not in categories:
            raise ValueError(f"unknown safeguarding category {entry['category']!r}")
        patterns.append(Pattern(entry["category"], re.compile(entry["pattern"]), entry["example"]))
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
        matchers=matchers,
        prefilter=prefilter_for([p.regex for p in patterns]),
    )


def load_model() -> Model:
    return safeguarding_model.load()


def pattern_matches(text: str, rules: PatternSet) -> dict[str, list[str]]:
    """The words each category's patterns matched, idioms ("dying to see him") removed first."""
    forms = []
    # Most texts have no doubled letters to collapse: one form is then enough.
    for form in dict.fromkeys((normalise(text), normalise(text, collapse_doubles=True))):
        for idiom in rules.idioms:
            form = idiom.sub(" ", form)
        if rules.may_match(form):
            forms.append(form)
    found: dict[str, list[str]] = {}
    for category, matcher in rules.matchers:
        for form in forms:
            for match in matcher.finditer(form):
                found.setdefault(category, []).append(match.group(0).strip())
    return found


def context_of(text: str) -> str | None:
    """Whether the words are past or resolved, about a topic, or said laughing."""
    words = normalise(text)
    for reason, pattern in CONTEXT.items():
        if pattern.search(words):
            return reason
    if any(emoji in text for emoji in LAUGHING_EMOJI):
        return "said laughing"
    return None


def screen(text: str, patterns: PatternSet | None = None, model: Model | None = None) -> Screening:
    """Say whether `text` may be a disclosure, how sure we are, its category and why."""
    rules = patterns or load_patterns()
    judge = model or load_model()
    found = pattern_matches(text, rules)
    # Another language, or English mixed with romanised Urdu or Punjabi ("cut karti hoon"):
    # the model reads English only, so the words lists are the evidence there.
    elsewhere = not found and (language_of_text(text) != ENGLISH or mixed_with_english(text))
    if elsewhere and (other := other_language_matches(text)):
        categories = tuple(other)
        return Screening(
            level=ALERT,
            category=categories[0],
            categories=categories,
            triggers=tuple(dict.fromkeys(t for found_in in other.values() for t in found_in)),
            by_pattern=True,
        )
    # Short replies are most of what people type at buttons: skip the model for them.
    too_short = len(normalise(text).split()) < MODEL_MIN_WORDS
    score, sentence = (0.0, text) if too_short else judge.score(text)
    if elsewhere and score < judge.review:
        # Words it cannot judge go to a person rather than passing silently.
        return Screening(level=REVIEW, category=UNSCREENED, score=score, reason=CANNOT_READ)
    if not found and score < judge.review:
        if readable(text, judge):
            return Screening(score=score)
        return Screening(level=REVIEW, category=UNSCREENED, score=score, reason=CANNOT_READ)
    context = context_of(sentence) or context_of(text) if found else None
    short = not found and len(normalise(sentence).split()) < MODEL_ALERT_MIN_WORDS
    if (score >= judge.alert and not short) or (
        found and score >= judge.pattern_floor and context is None
    ):
        level, reason = ALERT, None
    else:
        level, reason = REVIEW, context or ("short" if short else "unsure")
    urgent = [category for category in URGENT if category in found]
    first = urgent[0] if urgent else judge.category(sentence if not found else text)
    ordered = (first, *(c for c in rules.categories if c in found and c != first))
    triggers = [t for category in ordered for t in found.get(category, []) if t]
    if score >= judge.review:
        triggers.append(f"the model ({score:.0%}): «{sentence[:80]}»")
    return Screening(
        level=level,
        category=first,
        categories=ordered,
        triggers=tuple(dict.fromkeys(triggers)),
        score=score,
        reason=reason,
        by_pattern=bool(found),
    )


@dataclass(frozen=True)
class OtherLanguages:
    # (category, phrase as matched, the phrase as written) for each language's words.
    phrases: tuple[tuple[str, re.Pattern[str], str], ...]
    help_words: frozenset[str]


@lru_cache(maxsize=1)
def other_languages(path: Path = LANGUAGES_FILE) -> OtherLanguages:
    data = json.loads(path.read_text(encoding="utf-8"))
    categories: dict[str, str] = data["categories"]
    phrases = []
    help_words = set()
    for words in data["languages"].values():
        for kind, listed in words.items():
            for phrase in listed:
                plain = folded(phrase)
                if kind == "help":
                    help_words.add(plain)
                    continue
                phrases.append((categories[kind], _phrase_regex(plain), phrase))
    return OtherLanguages(tuple(phrases), frozenset(help_words))


def _phrase_regex(plain: str) -> re.Pattern[str]:
    """A stem matches at the start of a word ("bij" in "bije", not in "obij"). Two words
    match in either order, with up to one word between: Polish orders words freely
    ("mnie bije", "bije mnie", "mnie często bije")."""
    start = r"(?<![^\W\d_])"
    words = [re.escape(word) for word in plain.split()]
    if len(words) != 2:
        return re.compile((start if plain[:1].isalpha() else "") + r"\s+".join(words))
    first, second = words
    between = r"\S*(?:\s+\S+)?\s+"
    return re.compile(f"{start}(?:{first}{between}{second}|{second}{between}{first})")


def folded(text: str) -> str:
    """Lower case, Polish accents dropped (ł too, as people type it), one space."""
    text = unicodedata.normalize("NFKD", text.lower()).replace("ł", "l")
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


def other_language_matches(text: str) -> dict[str, list[str]]:
    """Categories whose words in Polish, Urdu or Punjabi `text` holds, with the words."""
    plain = folded(text)
    found: dict[str, list[str]] = {}
    for category, regex, phrase in other_languages().phrases:
        if regex.search(plain):
            found.setdefault(category, []).append(phrase)
    return found


def is_help_word(text: str) -> bool:
    """Whether `text` alone asks for help now in Polish, Urdu or Punjabi ("pomocy")."""
    return folded(text).strip(" !.?") in other_languages().help_words


SPOKEN_WORDS = frozenset(TEXT_SPEAK.values())


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of TextBlob's English lexicon, as a plain set: its own lazy dictionary
    costs a Python call for every word looked up (a tenth of the time per answer)."""
    return frozenset(lexicon.keys())


def readable(text: str, model: Model | None = None) -> bool:
    """Whether the detector can read `text`: mostly words of English (or of its training).

    Texts in another script or another language go to a person instead of being
    waved through ("a language it cannot read").
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    if sum(1 for ch in letters if ch.isascii()) < len(letters) / 2:
        return len(letters) < FOREIGN_SCRIPT_MIN_LETTERS
    words = LETTERS.findall(text.lower().replace("'", "").replace("’", ""))
    if len(words) < 4:
        return True
    judge = model or load_model()
    english = english_words()
    known = sum(
        1
        for word in words
        if len(word) < 3 or word in english or word in SPOKEN_WORDS or judge.knows(word)
    )
    return known >= KNOWN_SHARE * len(words)
