"""The language a person reads: kept in their data with their place, set for each
update they send, and read by the wording (`Wording.for_audience`).

English only for now. A language is added as data: its name here, and a
translation beside the English in each `Wording` (issue 25 brings catalogues).
Messages are worded in the language of the person whose update is handled, so
words queued for someone else (a contact's /reply to the person) are in the
sender's language: a second language must word those for their reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

ENGLISH = "en"
# Each language named in its own language and script, as a person choosing one sees it.
LANGUAGES: dict[str, str] = {ENGLISH: "English"}
# Where a person's choice is kept, in their data, beside their place in a flow.
LANGUAGE_KEY = "language"

reading_language: ContextVar[str] = ContextVar("reading_language", default=ENGLISH)


def language_of(data: Mapping[str, Any] | None) -> str:
    """The language a person chose, or English."""
    chosen = (data or {}).get(LANGUAGE_KEY)
    return chosen if isinstance(chosen, str) and chosen in LANGUAGES else ENGLISH
