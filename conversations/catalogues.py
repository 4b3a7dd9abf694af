"""Translations, as gettext catalogues that translators' own tools open (Poedit,
Weblate, Lokalise): `locales/<language>/LC_MESSAGES/messages.po`.

Each entry's msgid is one English text, exactly as a `Wording` holds it for one
audience; its msgstr is the translation. An entry marked fuzzy ("Needs work" in
Poedit) is a draft that nobody who speaks the language has checked yet: the bot
uses it, and `feedbackbot translations` lists it until someone checks it and
clears the mark. A text with no translation is said in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

from conversations.language import ENGLISH

LOCALES = Path(__file__).with_name("locales")
DOMAIN = "messages"


@dataclass(frozen=True)
class Translation:
    text: str
    # False while a draft waits for a native speaker (the entry is marked fuzzy).
    checked: bool


def catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=16)
def catalogue(language: str) -> dict[str, Translation]:
    """A language's translations by English text (empty if it has no catalogue)."""
    path = catalogue_path(language)
    if language == ENGLISH or not path.exists():
        return {}
    with path.open("rb") as source:
        entries = read_po(source, locale=None)
    return {
        str(entry.id): Translation(str(entry.string), checked="fuzzy" not in entry.flags)
        for entry in entries
        if entry.id and isinstance(entry.string, str) and entry.string.strip()
    }


def translated(english: str, language: str) -> str:
    """`english` in `language`, or in English where there is no translation yet."""
    if language == ENGLISH:
        return english
    found = catalogue(language).get(english)
    return found.text if found is not None else english


def is_translated(english: str, language: str) -> bool:
    return language == ENGLISH or english in catalogue(language)
