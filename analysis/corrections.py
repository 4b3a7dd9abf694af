"""The team's theme corrections (`/themes`), applied at once to the same words and close
variants of them, and the phrases they keep adding, proposed for the taxonomy. Pure."""

from __future__ import annotations

from collections.abc import Iterable

from analysis.text import normalise
from analysis.themes import Taxonomy, ThemeTag


class CorrectionLookup:
    """Stored corrections, applied to the same text and close variants of it."""

    SIMILARITY = 0.75

    def __init__(self, corrections: Iterable[tuple[str, str, str]]) -> None:
        # (text, theme id, "add" | "remove"), oldest first: later corrections win.
        self._entries: list[tuple[frozenset[str], str, str, str]] = [
            (content_words(text), theme_id, action, text) for text, theme_id, action in corrections
        ]

    def apply(self, text: str, tags: tuple[ThemeTag, ...]) -> tuple[ThemeTag, ...]:
        words = content_words(text)
        result = {tag.id: tag for tag in tags}
        for entry_words, theme_id, action, _ in self._entries:
            if not words or similarity(words, entry_words) < self.SIMILARITY:
                continue
            if action == "remove":
                result.pop(theme_id, None)
            elif theme_id not in result:
                result[theme_id] = ThemeTag(theme_id, 0.95, text)
        return tuple(sorted(result.values(), key=lambda tag: -tag.confidence))

    def proposals(self, taxonomy: Taxonomy, *, min_texts: int = 3) -> list[dict[str, object]]:
        """Phrases that keep being added by hand, proposed as taxonomy additions."""
        counts: dict[tuple[str, str], set[str]] = {}
        for _, theme_id, action, text in self._entries:
            if action != "add":
                continue
            tokens = normalise(text).split()
            for size in (1, 2, 3):
                for start in range(len(tokens) - size + 1):
                    gram = tokens[start : start + size]
                    if all(token in STOPWORDS for token in gram):
                        continue
                    counts.setdefault((theme_id, " ".join(gram)), set()).add(text)
        proposals = []
        for (theme_id, phrase), texts in counts.items():
            if len(texts) < min_texts:
                continue
            theme = taxonomy.theme(theme_id)
            if any(p.search(phrase) for p in theme.phrases):
                continue
            proposals.append({"theme": theme_id, "phrase": phrase, "texts": len(texts)})
        proposals.sort(key=lambda p: (-int(str(p["texts"])), -len(str(p["phrase"]))))
        return proposals


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "me",
        "us",
        "i",
        "we",
        "you",
        "they",
        "he",
        "she",
        "it",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "am",
        "do",
        "did",
        "does",
        "have",
        "has",
        "had",
        "this",
        "that",
        "there",
        "here",
        "just",
        "really",
        "very",
        "not",
        "no",
        "dont",
        "didnt",
        "im",
        "ive",
        "get",
        "got",
    ]
)


def content_words(text: str) -> frozenset[str]:
    return frozenset(word for word in normalise(text).split() if word not in STOPWORDS)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0
