"""The language a person reads: kept in their data with their place, set for each
update they send, and read by the wording (`Wording.for_audience`).

A language is added as data: its name here, in its own language and script, and
its catalogue (`conversations/locales/`, see `conversations/catalogues.py`).
Messages are worded in the language of the person whose update is handled;
words queued for someone else are worded for their reader where it matters
(a contact's /reply reaches the person in the person's language).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

ENGLISH = "en"
# Each language named in its own language and script, as a person choosing one sees it.
LANGUAGES: dict[str, str] = {
    ENGLISH: "English",
    "pl": "Polski",
    "ur": "اردو",
    "pa": "ਪੰਜਾਬੀ",
}
# Buttons' words in another script as people type them in Latin letters: at Urdu
# buttons "bohat acha" is the button "😄 بہت اچھا" (Really good); at English buttons it
# is "very good", read as Good.
ROMANISED: dict[str, tuple[str, ...]] = {
    "بہت اچھا": ("bohat acha", "bahut acha", "bohot acha", "bahut achha", "bohat achha"),
    "ਬਹੁਤ ਵਧੀਆ": ("bahut vadhiya", "bahut vadhia", "bohat vadhiya", "bahut wadhiya"),
}
# Written right to left: the web chat sets the direction of each message itself.
RIGHT_TO_LEFT = frozenset({"ur"})
# Where a person's choice is kept, in their data, beside their place in a flow (only
# this module reads or writes it).
_LANGUAGE = "language"

reading_language: ContextVar[str] = ContextVar("reading_language", default=ENGLISH)


def language_of(data: Mapping[str, Any] | None) -> str:
    """The language a person chose, or English."""
    chosen = (data or {}).get(_LANGUAGE)
    return chosen if isinstance(chosen, str) and chosen in LANGUAGES else ENGLISH


def choose_language(data: dict[str, Any], code: str) -> None:
    """The person's own choice of language (one of LANGUAGES), kept with their data."""
    if code not in LANGUAGES:
        raise ValueError(f"not a language we speak: {code!r}")
    data[_LANGUAGE] = code


def browser_language(language_code: str | None) -> str:
    """The language a browser (or Telegram) is set to, if we speak it, else English."""
    code = (language_code or "").split("-")[0].lower()
    return code if code in LANGUAGES else ENGLISH


# The greeting's button that opens the choice, for someone who reads no English yet:
# the word in each language (see conversations/language_choice.py).
LANGUAGE_BUTTON = "🌐 Language · Język · زبان · ਭਾਸ਼ਾ"
LANGUAGE_MENU = "lang|menu"  # (callback data: `conversations.callback_data`)


def preselect_language(data: dict[str, Any], language_code: str | None) -> None:
    """Until a person chooses, the language their Telegram (or browser) is set to, if we
    speak it: "pl-PL" is Polish. A choice once made, or English by default, stays."""
    if _LANGUAGE in data or not language_code:
        return
    code = browser_language(language_code)
    if code != ENGLISH:
        data[_LANGUAGE] = code


@contextmanager
def reading_in(language: str) -> Iterator[None]:
    """Word what is written inside for a reader of `language` (words queued for someone
    other than the person whose update this is: a contact's /reply to the person)."""
    token = reading_language.set(language)
    try:
        yield
    finally:
        reading_language.reset(token)
