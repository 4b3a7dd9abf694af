"""Names in Urdu script and in Gurmukhi, removed from quotes. Pure.

The English rules look for capital letters and listed names, and neither script has
capitals, so a name written in it would reach a report. Here a word goes if it is
on the list of names people write in that script (`script_names.json`); a name that
is also an ordinary word (نور "light", ਖੁਸ਼ੀ "happiness") goes only right after a
word that says a name follows ("my name is", "my social worker", "auntie").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

NAMES_FILE = Path(__file__).with_name("script_names.json")
# A word of Urdu (Arabic script, with its extensions) or of Gurmukhi.
SCRIPT_WORD = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+|[\u0a00-\u0a7f]+"
)
# Marks that may or may not be written (Urdu's short vowels, Gurmukhi's nukta and the like).
OPTIONAL_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0a3c\u0a4d\u200c\u200d]")


@dataclass(frozen=True)
class ScriptNames:
    names: frozenset[str]
    also_words: frozenset[str]
    # Each cue as its words, so "میرا نام" matches across one space.
    cues: tuple[tuple[str, ...], ...]


def _plain(word: str) -> str:
    return OPTIONAL_MARKS.sub("", word)


@lru_cache(maxsize=1)
def script_names() -> ScriptNames:
    data: dict[str, list[str]] = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    also = {_plain(word) for key in ("ur_also_words", "pa_also_words") for word in data[key]}
    names = {_plain(word) for key in ("ur_names", "pa_names") for word in data[key]}
    cues = {
        tuple(_plain(word) for word in cue.split())
        for key in ("ur_cues", "pa_cues")
        for cue in data[key]
    }
    return ScriptNames(
        names=frozenset(names - also),
        also_words=frozenset(also),
        cues=tuple(sorted(cues, key=len, reverse=True)),
    )


def names_in_script(text: str) -> str:
    """`text` with each name written in Urdu script or Gurmukhi replaced by "[name]"."""
    listed = script_names()
    words = list(SCRIPT_WORD.finditer(text))
    if not words:
        return text
    plain = [_plain(word.group(0)) for word in words]
    after_cue = {
        index + len(cue)
        for index in range(len(words))
        for cue in listed.cues
        if tuple(plain[index : index + len(cue)]) == cue
    }
    kept: list[str] = []
    last = 0
    for index, word in enumerate(words):
        name = plain[index] in listed.names or (
            plain[index] in listed.also_words and index in after_cue
        )
        if name:
            kept.extend((text[last : word.start()], "[name]"))
            last = word.end()
    kept.append(text[last:])
    return "".join(kept)
