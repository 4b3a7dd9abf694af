"""The translators' side of the catalogues: gather every English text the bot can
say to a person, write the template (`locales/messages.pot`), bring each
language's catalogue up to date with it, and list what nobody has checked yet.

`feedbackbot translations` lists unchecked entries; `feedbackbot translations
--update` rewrites the template and merges it into each catalogue (new texts
arrive empty, texts that changed keep their old translation marked fuzzy, texts
no longer said are dropped).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from pydantic import BaseModel

import conversations
from conversations.catalogues import LOCALES, catalogue, catalogue_path
from conversations.language import ENGLISH, LANGUAGES
from conversations.models import Wording

TEMPLATE = LOCALES / "messages.pot"


@dataclass(frozen=True)
class English:
    text: str
    # Where it is declared and for whom, for the translator ("texts.GREETING, child").
    where: str


@lru_cache(maxsize=1)
def english_texts() -> tuple[English, ...]:
    """Every English text a `Wording` in `conversations` holds, once each, in a fixed order
    (found once per process: it imports and walks every module of the package)."""
    found: dict[str, English] = {}
    for module in _modules():
        for name, value in sorted(vars(module).items()):
            for path, wording in _wordings(value, f"{module.__name__}.{name}"):
                for audience, text in sorted(wording.texts.items()):
                    found.setdefault(text, English(text, f"{path} [{audience}]"))
    return tuple(sorted(found.values(), key=lambda entry: entry.text))


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(conversations.__path__, "conversations."):
        yield importlib.import_module(info.name)


def _wordings(value: object, path: str, depth: int = 0) -> Iterator[tuple[str, Wording]]:
    if depth > 6:
        return
    if isinstance(value, Wording):
        yield path, value
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from _wordings(getattr(value, field), f"{path}.{field}", depth + 1)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _wordings(item, f"{path}[{index}]", depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _wordings(item, f"{path}[{key}]", depth + 1)


def template() -> Catalog:
    made = Catalog(
        project="practice-feedback-bot",
        domain="messages",
        creation_date=datetime(2026, 12, 3, tzinfo=UTC),
        revision_date=datetime(2026, 12, 3, tzinfo=UTC),
        charset="utf-8",
    )
    for entry in english_texts():
        flags = ["python-brace-format"] if "{" in entry.text else []
        made.add(entry.text, "", auto_comments=[entry.where], flags=flags)
    return made


def update_catalogues() -> list[Path]:
    """Rewrite the template and merge it into every language's catalogue; what was written."""
    LOCALES.mkdir(parents=True, exist_ok=True)
    pot = template()
    with TEMPLATE.open("wb") as out:
        write_po(out, pot, width=100, omit_header=False, sort_output=True)
    written = [TEMPLATE]
    for language in LANGUAGES:
        if language == ENGLISH:
            continue
        path = catalogue_path(language)
        if path.exists():
            with path.open("rb") as source:
                existing = read_po(source, locale=language)
        else:
            existing = Catalog(locale=language, domain="messages", charset="utf-8")
        existing.update(pot, update_header_comment=False)
        existing.obsolete.clear()  # texts no longer said are not kept
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            write_po(out, existing, width=100, sort_output=True, include_previous=False)
        written.append(path)
    catalogue.cache_clear()
    return written


@dataclass(frozen=True)
class CatalogueState:
    language: str
    name: str
    texts: int
    translated: int
    checked: int


def catalogue_states() -> list[CatalogueState]:
    """How far each language's catalogue has come."""
    english = {entry.text for entry in english_texts()}
    states = []
    for language, name in LANGUAGES.items():
        if language == ENGLISH:
            continue
        entries = {text: found for text, found in catalogue(language).items() if text in english}
        states.append(
            CatalogueState(
                language=language,
                name=name,
                texts=len(english),
                translated=len(entries),
                checked=sum(found.checked for found in entries.values()),
            )
        )
    return states


def unchecked(language: str) -> list[tuple[English, str | None]]:
    """The texts of `language` nobody who speaks it has checked: (English, draft or None)."""
    found = catalogue(language)
    listed = []
    for entry in english_texts():
        draft = found.get(entry.text)
        if draft is None or not draft.checked:
            listed.append((entry, draft.text if draft else None))
    return listed


def add_drafts(language: str, drafts: dict[str, str], translator: str) -> int:
    """Put draft translations into a catalogue, marked fuzzy (not yet checked by a native
    speaker) and with who drafted them; entries already translated are left alone."""
    path = catalogue_path(language)
    with path.open("rb") as source:
        existing = read_po(source, locale=language)
    added = 0
    for entry in existing:
        draft = drafts.get(str(entry.id)) if entry.id else None
        if draft and not entry.string:
            entry.string = draft
            entry.flags.add("fuzzy")
            entry.user_comments = [f"draft: {translator}"]
            added += 1
    with path.open("wb") as out:
        write_po(out, existing, width=100, sort_output=True, include_previous=False)
    catalogue.cache_clear()
    return added
