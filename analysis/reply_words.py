"""The words of typed answers: what kinds of answer ("yes", "sometimes", "good", "skip")
a reply's words hold, read from `reply_words.json`, longest phrases first. Pure."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from analysis.text import RESPELLED, edit_distance

# What people type for each kind of answer (`reply_words.json`). Option values are
# matched to these by name ("yes", "sometimes", "good") or through
# `analysis.replies.SAME_MEANING` ("agree" is a yes). How the bot reads the hedged
# kinds is the reading policy (`training/replies/reading-policy.md`): "not_really" is a
# no; "mostly" is Sometimes beside "Yes, always"; "tentative" ("i think so") is a yes
# said softly; "neither" ("not bothered") says nothing about the buttons.
INTENTS: dict[str, tuple[str, ...]] = {
    intent: tuple(phrases)
    for intent, phrases in json.loads(
        Path(__file__).with_name("reply_words.json").read_text(encoding="utf-8")
    ).items()
}
# Before an answer's word, these turn it round or leave it between ("not gud", "wouldnt
# say no", "not inadequate"): asked again, never read. ("no" and "never" are answers.)
NOT_BEFORE = frozenset(
    {"not", "wouldnt", "isnt", "wasnt", "arent", "aint", "didnt", "doesnt", "cant", "hardly"}
)
NEGATED = "negated"


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, punctuation to spaces (emoji kept), one space,
    common spellings read as the word they mean ("gud" is "good")."""
    text = unicodedata.normalize("NFKC", text).lower().replace("'", "").replace("’", "")
    text = re.sub("([0-9])\ufe0f?\u20e3", r"\1", text)  # keycap digits: "1️⃣4️⃣" is 14
    # Before punctuation goes: "dont no" is "dont know", but "dont, no" is two answers.
    text = re.sub(r"\b(dont|didnt|doesnt|do not|did not|to) no\b", r"\1 know", text)
    text = re.sub(r"\bno[ -]?ones?\b", "nobody", text)  # "no one listens" says no, not "no"
    text = re.sub(r"\b(?:y|yr|year)(\d{1,2})\b", r"year \1", text)  # "y10" is year 10
    text = re.sub(r"[.,!;:\"()\[\]{}~*_]+", " ", text)
    text = re.sub(r"\?+", " ?", text)
    words = [RESPELLED.get(word, RESPELLED.get(squash(word), word)) for word in text.split()]
    return " ".join(words).replace(" ?", "").strip()


def squash(text: str) -> str:
    """Letters typed over and over said once more: "yesss" is "yess", "nooooo" is "noo"."""
    return re.sub(r"(\w)\1{2,}", r"\1\1", text)


@lru_cache(maxsize=1)
def phrases() -> list[tuple[str, frozenset[str]]]:
    """Every phrase with the kinds of answer it can be, longest first."""
    kinds: dict[str, set[str]] = {}
    for intent, said in INTENTS.items():
        for phrase in said:
            kinds.setdefault(normalise(phrase) or phrase, set()).add(intent)
    return sorted(((p, frozenset(k)) for p, k in kinds.items()), key=lambda item: -len(item[0]))


def intents(text: str) -> set[str]:
    """The kinds of answer a reply holds, longest phrases first ("not good" is not "good").

    A kind said with a "not" before it that no phrase covers ("not gud", "wouldnt say
    no", "not inadequate") is `NEGATED`: it may mean the opposite, or something between.
    """
    remaining = f" {squash(text)} "
    found: set[str] = set()
    for phrase, kinds in phrases():
        if f" {phrase} " in remaining or (not phrase.isascii() and phrase in remaining):
            found |= {NEGATED} if negated(remaining, phrase) else kinds
            remaining = remaining.replace(phrase, " ")
    return found


def negated(text: str, phrase: str) -> bool:
    """Whether a "not" (or "wouldnt", "isnt", …) stands one or two words before `phrase`."""
    before = text.split(f" {phrase} ", 1)[0].split() if f" {phrase} " in text else []
    return bool(NOT_BEFORE & set(before[-2:]))


@lru_cache(maxsize=1)
def known_phrases() -> frozenset[str]:
    return frozenset(phrase for phrase, _ in phrases())


def near_intent(word: str) -> str | None:
    """The one kind of answer a misspelt word is close to ("alwayz", "somtims"), if one."""
    if len(word) < 5 or not word.isalpha():
        return None
    near = {
        intent
        for phrase, kinds in phrases()
        if " " not in phrase and len(phrase) >= 5 and edit_distance(word, phrase) <= 2
        for intent in kinds
    }
    return near.pop() if len(near) == 1 else None
