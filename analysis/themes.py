"""Theme tagging, sentiment and key phrases for one free-text answer.

Pure and offline, in two halves:

- **rules**: the taxonomy's phrases (`taxonomy.json`) and, for sentiment, its
  domain lexicon (young people's words and emoji included) blended with
  TextBlob's pattern analyser, clause by clause;
- **a learned model** (`analysis/theme_model.py`) that reads the words and the
  rules' findings together, so a theme is found in wording no phrase has ("I
  could tell she cared"), and a single ambiguous word no longer decides.

Key phrases come from `textblob.en.parse` noun-phrase chunks. None of it needs
NLTK corpora.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

import numpy as np
from textblob.en import parse as parse_chunks
from textblob.en import sentiment as pattern_sentiment

from analysis import theme_model
from analysis.features import features
from analysis.text import normalise
from analysis.theme_model import SENTIMENTS, ThemeModel, Vector
from analysis.vocabulary import AUDIENCE_GROUPS

if TYPE_CHECKING:
    from analysis.corrections import CorrectionLookup

TAXONOMY_FILE = Path(__file__).with_name("taxonomy.json")
K = TypeVar("K")
SentimentLabel = Literal["positive", "neutral", "negative"]

STRONG_CONFIDENCE = 0.8
WEAK_CONFIDENCE = 0.45
EMIT_THRESHOLD = 0.5
LABEL_THRESHOLD = 0.1
NEGATION_WINDOW = 3
# What follows "but" is usually the point: "lovely but she never rings back".
CONTRAST_WEIGHT = 3.0
BARE_NEGATION = -1.0
CONTRAST = re.compile(r"\b(?:but|however|although|though|except|whereas|yet)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[.;!?\n]+|,\s+(?=(?:and|so|then)\b)")


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    description: str
    group: str
    phrases: tuple[re.Pattern[str], ...]
    weak_phrases: tuple[re.Pattern[str], ...]
    phrase_texts: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    # Word phrases with their sign (+1, -1); emoji are matched on the raw text.
    words: PhraseIndex[float]
    emoji: tuple[tuple[str, float], ...]
    negators: frozenset[str]
    neutral_replies: frozenset[str]


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    lexicon: Lexicon
    # Every theme phrase, keyed by (theme id, strength).
    phrases: PhraseIndex[tuple[str, str]]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(theme.id for theme in self.themes)

    def theme(self, theme_id: str) -> Theme:
        return next(theme for theme in self.themes if theme.id == theme_id)


@dataclass(frozen=True)
class ThemeTag:
    id: str
    confidence: float
    evidence: str
    polarity: float = 0.0


@dataclass(frozen=True)
class Sentiment:
    polarity: float
    label: SentimentLabel


@dataclass(frozen=True)
class Tagging:
    themes: tuple[ThemeTag, ...]
    sentiment: Sentiment
    key_phrases: tuple[str, ...] = field(default=())

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(tag.id for tag in self.themes)


def phrase_regex(phrase: str) -> re.Pattern[str]:
    """Compile a taxonomy phrase: `word*` any ending, `..` a gap of up to three words."""
    pieces = []
    for token in phrase.split():
        if token == "..":
            pieces.append(r"(?:\S+ ){0,3}")
            continue
        wildcard = token.endswith("*")
        body = token[:-1] if wildcard else token
        if not re.search(r"[()|\\]", body):
            body = re.escape(body)
        pieces.append(body + (r"\w*" if wildcard else "") + " ")
    return re.compile(r"(?<!\S)" + "".join(pieces)[:-1] + r"(?!\S)")


class PhraseIndex(Generic[K]):
    """Phrases indexed by a literal word each must contain, so a text only runs the
    regexes whose anchor word it has: tagging costs a few dictionary lookups per
    word instead of hundreds of regex searches."""

    def __init__(self, entries: Iterable[tuple[str, K]]) -> None:
        self.exact: dict[str, list[tuple[re.Pattern[str], K]]] = {}
        self.prefix: dict[str, list[tuple[re.Pattern[str], K]]] = {}
        self.always: list[tuple[re.Pattern[str], K]] = []
        for phrase, key in entries:
            entry = (phrase_regex(phrase), key)
            anchor, is_prefix = anchor_word(phrase)
            if anchor is None:
                self.always.append(entry)
            else:
                (self.prefix if is_prefix else self.exact).setdefault(anchor, []).append(entry)
        # Only prefixes of these lengths are looked up, not every prefix of every word.
        self.prefix_lengths = sorted({len(anchor) for anchor in self.prefix})

    def matches(self, text: str) -> Iterator[tuple[K, str, int]]:
        """(key, matched text, start) for every phrase found in normalised `text`."""
        candidates: dict[int, tuple[re.Pattern[str], K]] = {}
        for token in set(text.split()):
            for entry in self.exact.get(token, ()):
                candidates[id(entry)] = entry
            for end in self.prefix_lengths:
                if end > len(token):
                    break
                for entry in self.prefix.get(token[:end], ()):
                    candidates[id(entry)] = entry
        for entry in self.always:
            candidates[id(entry)] = entry
        for regex, key in candidates.values():
            for match in regex.finditer(text):
                yield key, match.group(0), match.start()


def anchor_word(phrase: str) -> tuple[str | None, bool]:
    """The first literal word of a phrase (or word prefix, for `word*`)."""
    for token in phrase.split():
        if token == ".." or re.search(r"[()|\\?\[\]{}+]", token):
            continue
        if token.endswith("*"):
            return (token[:-1], True) if token[:-1] else (None, False)
        return token, False
    return None, False


def is_emoji(entry: str) -> bool:
    return not any(character.isalnum() for character in entry)


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = TAXONOMY_FILE) -> Taxonomy:
    data = json.loads(path.read_text(encoding="utf-8"))
    themes = tuple(
        Theme(
            id=entry["id"],
            label=entry["label"],
            description=entry["description"],
            group=entry["group"],
            phrases=tuple(phrase_regex(p) for p in entry["phrases"]),
            weak_phrases=tuple(phrase_regex(p) for p in entry.get("weak_phrases", [])),
            phrase_texts=tuple(entry["phrases"]),
        )
        for entry in data["themes"]
    )
    lexicon = data["sentiment"]
    signed = [(entry, 1.0) for entry in lexicon["positive"]] + [
        (entry, -1.0) for entry in lexicon["negative"]
    ]
    return Taxonomy(
        themes=themes,
        phrases=PhraseIndex(
            [(p, (entry["id"], "strong")) for entry in data["themes"] for p in entry["phrases"]]
            + [
                (p, (entry["id"], "weak"))
                for entry in data["themes"]
                for p in entry.get("weak_phrases", [])
            ]
        ),
        lexicon=Lexicon(
            words=PhraseIndex((e, sign) for e, sign in signed if not is_emoji(e)),
            emoji=tuple((e, sign) for e, sign in signed if is_emoji(e)),
            negators=frozenset(lexicon["negators"]),
            neutral_replies=frozenset(lexicon["neutral_replies"]),
        ),
    )


def split_clauses(text: str) -> list[tuple[str, float]]:
    """Clauses of the text with their weight: what follows "but" counts more."""
    clauses: list[tuple[str, float]] = []
    for sentence in CLAUSE_BREAK.split(text):
        pieces = CONTRAST.split(sentence)
        for index, piece in enumerate(pieces):
            piece = piece.strip(" ,")
            if piece:
                clauses.append((piece, CONTRAST_WEIGHT if index > 0 else 1.0))
    return clauses or [(text.strip(), 1.0)]


def clause_polarity(clause: str, lexicon: Lexicon) -> float:
    """Domain lexicon with negation ("never listens"), blended with TextBlob's polarity."""
    words = normalise(clause)
    tokens = words.split()
    starts = [match.start() for match in re.finditer(r"\S+", words)]
    score = sum(sign for emoji, sign in lexicon.emoji if emoji in clause)
    negation_used = False
    for sign, _, position in lexicon.words.matches(words):
        index = bisect_left(starts, position)  # the words before the phrase
        if any(t in lexicon.negators for t in tokens[max(0, index - NEGATION_WINDOW) : index]):
            negation_used = True
            score += -sign if sign > 0 else 0.5
        else:
            score += sign
    if not negation_used and any(token in lexicon.negators for token in tokens):
        score += BARE_NEGATION
    lexical = max(-1.0, min(1.0, score / 2))
    pattern_polarity = float(pattern_sentiment(clause)[0])
    if lexical == 0.0:
        return pattern_polarity
    return 0.75 * lexical + 0.25 * pattern_polarity


def label_for(polarity: float) -> SentimentLabel:
    if polarity >= LABEL_THRESHOLD:
        return "positive"
    if polarity <= -LABEL_THRESHOLD:
        return "negative"
    return "neutral"


def key_phrases(text: str) -> tuple[str, ...]:
    """Noun phrases from the pattern chunker (no NLTK corpora needed)."""
    phrases: list[str] = []
    current: list[str] = []
    tagged = str(parse_chunks(text, chunks=True, relations=False, lemmata=False))
    for line in tagged.splitlines():
        for token in line.split(" "):
            parts = token.split("/")
            if len(parts) < 3:
                continue
            word, tag, chunk = parts[0], parts[1], parts[2]
            if chunk.endswith("NP") and tag not in {"DT", "PRP", "PRP$", "WP"}:
                if chunk.startswith("B-") and current:
                    phrases.append(" ".join(current))
                    current = []
                current.append(word.lower())
            elif current:
                phrases.append(" ".join(current))
                current = []
    if current:
        phrases.append(" ".join(current))
    return tuple(dict.fromkeys(p for p in phrases if any(c.isalpha() for c in p) and len(p) > 2))


@dataclass(frozen=True)
class Reading:
    """What the rules find in one answer: the fallback result, and the model's dense inputs."""

    # (clause, weight, polarity) for each clause; what follows "but" weighs more.
    clauses: tuple[tuple[str, float, float], ...]
    # Theme id -> (strong phrases, weak phrases, the clause they were found in).
    hits: dict[str, tuple[int, int, str]]
    polarity: float
    neutral_reply: bool
    contrast: bool


class Tagger:
    """Tags texts with themes, sentiment and key phrases; corrections adjust the result.

    With a model (the default is the shipped one), the phrases are evidence the model
    weighs with the words; with `model=None`, the phrases alone decide (the rules
    the model was trained beside, kept for comparison and as its inputs).
    """

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        corrections: CorrectionLookup | None = None,
        model: ThemeModel | Literal["shipped"] | None = "shipped",
    ) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.corrections = corrections
        self.model = theme_model.load() if model == "shipped" else model

    def read(self, text: str, scored: Mapping[str, float] | None = None) -> Reading:
        """The clauses of `text` with their feeling, and the phrases found in each;
        `scored` holds clauses whose feeling is already known (one answer's, read again
        clause by clause)."""
        lexicon = self.taxonomy.lexicon
        clauses = []
        hits: dict[str, tuple[int, int, str]] = {}
        best: dict[str, float] = {}
        for clause, weight in split_clauses(text):
            known = scored.get(clause) if scored is not None else None
            polarity = known if known is not None else clause_polarity(clause, lexicon)
            clauses.append((clause, weight, polarity))
            found: dict[str, tuple[set[str], set[str]]] = {}
            for (theme_id, strength), matched, _ in self.taxonomy.phrases.matches(
                normalise(clause)
            ):
                strong, weak = found.setdefault(theme_id, (set(), set()))
                (strong if strength == "strong" else weak).add(matched)
            for theme_id, (strong, weak) in found.items():
                confidence = _confidence(len(strong), len(weak))
                if confidence > best.get(theme_id, -1.0):
                    best[theme_id] = confidence
                    hits[theme_id] = (len(strong), len(weak), clause)
        weights = sum(weight for _, weight, _ in clauses)
        overall = sum(p * w for _, w, p in clauses) / weights if weights else 0.0
        return Reading(
            clauses=tuple(clauses),
            hits=hits,
            polarity=max(-1.0, min(1.0, overall)),
            neutral_reply=normalise(text) in lexicon.neutral_replies,
            contrast=len(clauses) > 1 and any(weight > 1.0 for _, weight, _ in clauses),
        )

    def tag(
        self, text: str, group: str | None = None, *, with_key_phrases: bool = False
    ) -> Tagging:
        reading = self.read(text)
        if self.model is None:
            tags, sentiment = self._by_rules(reading)
        else:
            tags, sentiment = self._by_model(self.model, text, group, reading)
        if self.corrections is not None:
            tags = self.corrections.apply(text, tags)
        return Tagging(
            themes=tags,
            sentiment=sentiment,
            key_phrases=key_phrases(text) if with_key_phrases else (),
        )

    def _by_rules(self, reading: Reading) -> tuple[tuple[ThemeTag, ...], Sentiment]:
        tags = []
        polarities = {clause: polarity for clause, _, polarity in reading.clauses}
        for theme_id, (strong, weak, clause) in reading.hits.items():
            confidence = _confidence(strong, weak)
            if confidence >= EMIT_THRESHOLD:
                tags.append(
                    ThemeTag(theme_id, round(confidence, 2), clause, round(polarities[clause], 2))
                )
        overall = 0.0 if reading.neutral_reply else reading.polarity
        return (
            tuple(sorted(tags, key=lambda tag: -tag.confidence)),
            Sentiment(round(overall, 3), label_for(overall)),
        )

    def _by_model(
        self, model: ThemeModel, text: str, group: str | None, reading: Reading
    ) -> tuple[tuple[ThemeTag, ...], Sentiment]:
        rows, scale = model.rows(features(text))
        chances = model.theme_probabilities(rows, scale, theme_inputs(reading, group, model.themes))
        sentiment = self._sentiment(model, rows, scale, reading, text)
        tags = []
        for index in model.chosen(chances):
            theme_id = model.themes[index]
            evidence = self._evidence(model, reading, theme_id, index)
            polarity = (
                sentiment.polarity
                if evidence == text or len(reading.clauses) == 1
                else self._clause_polarity(model, evidence, reading)
            )
            tags.append(ThemeTag(theme_id, round(float(chances[index]), 2), evidence, polarity))
        return tuple(sorted(tags, key=lambda tag: -tag.confidence)), sentiment

    def _sentiment(
        self, model: ThemeModel, rows: list[int], scale: float, reading: Reading, text: str
    ) -> Sentiment:
        if reading.neutral_reply:
            return Sentiment(0.0, "neutral")
        chances = model.sentiment_probabilities(rows, scale, sentiment_inputs(reading, text))
        label = SENTIMENTS[int(chances.argmax())]
        polarity = float(chances[POSITIVE] - chances[NEGATIVE])
        return Sentiment(round(polarity, 3), label)  # type: ignore[arg-type]

    def _clause_polarity(self, model: ThemeModel, clause: str, reading: Reading) -> float:
        """One clause's feeling, for the theme found in it ("lovely" in "lovely but never
        rings back"). The model learnt whole answers, so a lone clause is half its and
        half the lexicon's, which reads short clauses well."""
        rows, scale = model.rows(features(clause))
        scored = {text: polarity for text, _, polarity in reading.clauses}
        learned = self._sentiment(model, rows, scale, self.read(clause, scored), clause).polarity
        lexical = scored[clause]
        return round((learned + lexical) / 2, 3)

    @staticmethod
    def _evidence(model: ThemeModel, reading: Reading, theme_id: str, index: int) -> str:
        """The clause a theme was found in: its phrase's, or the one whose words say it most."""
        if theme_id in reading.hits:
            return reading.hits[theme_id][2]
        if len(reading.clauses) == 1:
            return reading.clauses[0][0]
        return max(
            (clause for clause, _, _ in reading.clauses),
            key=lambda clause: sum(
                model.theme_weight("w " + word, index) for word in normalise(clause).split()
            ),
        )


POSITIVE, NEGATIVE = SENTIMENTS.index("positive"), SENTIMENTS.index("negative")


def theme_inputs(reading: Reading, group: str | None, themes: Sequence[str]) -> Vector:
    """The theme model's dense inputs: phrase hits (strong, weak) per theme, then the group."""
    values = np.zeros(2 * len(themes) + len(AUDIENCE_GROUPS))
    for theme_id, (strong, weak, _) in reading.hits.items():
        index = themes.index(theme_id)
        values[index] = min(strong, 2)
        values[len(themes) + index] = min(weak, 2)
    if group in AUDIENCE_GROUPS:
        values[2 * len(themes) + AUDIENCE_GROUPS.index(group)] = 1.0
    return values


def sentiment_inputs(reading: Reading, text: str) -> Vector:
    """The sentiment model's dense inputs: the lexicon-and-TextBlob polarity of the whole
    answer (clauses weighted) and of its last clause, a contrast ("but"), a question mark.

    VADER's compound score (whole answer and last clause) was tried as two more inputs:
    on held-out authors, accuracy was 0.767 with them and 0.773 without.
    """
    return np.array(
        [reading.polarity, reading.clauses[-1][2], float(reading.contrast), float("?" in text)]
    )


_NONE = ThemeTag("", 0.0, "")


def _confidence(strong: int, weak: int) -> float:
    if strong == 0:
        return WEAK_CONFIDENCE if weak else 0.0
    return min(0.99, STRONG_CONFIDENCE + 0.08 * (strong - 1) + 0.05 * min(weak, 2))
