"""Every message a young person can see reads easily for a 9-year-old.

Flesch reading ease of 80 or more and at most 40 words for young people;
60 or more for parents and carers. textstat 0.7.4 counts syllables with
pyphen's bundled dictionary, so this runs offline.
"""

import re

import pytest
import textstat

from conversations import texts
from conversations.flows import FEEDBACK_FLOWS
from conversations.models import Wording

YOUNG_AUDIENCES = ("child", "teen", "young_adult")
CHILD_MIN_EASE = 80
CHILD_MAX_WORDS = 40
PARENT_MIN_EASE = 60


def plain(text: str) -> str:
    """Drop emoji and placeholders that are not words a child has to read."""
    text = re.sub(r"\{[a-z]+\}", "100", text)
    return re.sub(r"[^\w\s.,!?'’:;()-]", "", text).strip()


def word_count(text: str) -> int:
    return len(plain(text).split())


def young_person_texts() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for flow in FEEDBACK_FLOWS:
        if flow.audience_group != "young_person":
            continue
        for step in flow.steps:
            parts = (
                ("prompt", step.prompt),
                ("intro", step.intro),
                ("explain", step.explain),
                ("after", step.after),
            )
            for part, wording in parts:
                if wording is None:
                    continue
                for audience in YOUNG_AUDIENCES:
                    found.append(
                        (f"{flow.id}.{step.id}.{part}[{audience}]", wording.for_audience(audience))
                    )
            for option in step.options:
                found.append(
                    (f"{flow.id}.{step.id}.{option.value}", option.label.for_audience("child"))
                )
        found.append((f"{flow.id}.done", flow.done.for_audience("child")))
    for name, value in vars(texts).items():
        if isinstance(value, Wording):
            found.append((f"texts.{name}", value.for_audience("child")))
    return found


def parent_texts() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for flow in FEEDBACK_FLOWS:
        if flow.audience_group != "parent_carer":
            continue
        for step in flow.steps:
            for wording in (step.prompt, step.intro):
                if wording is not None:
                    found.append((f"{flow.id}.{step.id}", wording.for_audience("parent")))
        found.append((f"{flow.id}.done", flow.done.for_audience("parent")))
    return found


@pytest.mark.parametrize(("where", "text"), young_person_texts(), ids=lambda v: str(v)[:40])
def test_young_person_text_is_easy_to_read(where, text):
    assert word_count(text) <= CHILD_MAX_WORDS, f"{where}: {word_count(text)} words"
    if word_count(text) >= 3:
        ease = textstat.flesch_reading_ease(plain(text))
        assert ease >= CHILD_MIN_EASE, f"{where}: reading ease {ease}: {text}"


@pytest.mark.parametrize(("where", "text"), parent_texts(), ids=lambda v: str(v)[:40])
def test_parent_text_reads_plainly(where, text):
    ease = textstat.flesch_reading_ease(plain(text))
    assert ease >= PARENT_MIN_EASE, f"{where}: reading ease {ease}: {text}"
