"""The disclosure detector: every labelled disclosure is caught; idioms are let through."""

import json
from pathlib import Path

import pytest

from analysis.safeguarding import load_patterns, screen
from analysis.text import normalise

CASES_FILE = Path(__file__).parents[1] / "data" / "safeguarding_cases.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text().splitlines() if line.strip()]
DISCLOSURES = [case for case in CASES if case["disclosure"]]
NON_DISCLOSURES = [case for case in CASES if not case["disclosure"]]
MAX_FALSE_ALARM_RATE = 0.2


def test_the_labelled_set_is_big_enough_and_covers_every_category():
    assert len(CASES) >= 150
    assert {case["category"] for case in DISCLOSURES} == set(load_patterns().categories)


@pytest.mark.parametrize("case", DISCLOSURES, ids=lambda case: case["text"][:50])
def test_every_labelled_disclosure_is_flagged(case):
    result = screen(case["text"])
    assert result.flagged, case["text"]
    assert result.triggers


@pytest.mark.parametrize("category", sorted(load_patterns().categories))
def test_every_category_is_recognised(category):
    examples = [case["text"] for case in DISCLOSURES if case["category"] == category]
    assert any(category in screen(text).categories for text in examples)


def test_false_alarms_on_hard_non_disclosures_stay_rare():
    alarms = [case["text"] for case in NON_DISCLOSURES if screen(case["text"]).flagged]
    assert len(alarms) / len(NON_DISCLOSURES) <= MAX_FALSE_ALARM_RATE, alarms


@pytest.mark.parametrize(
    "pattern", load_patterns().patterns, ids=lambda pattern: pattern.regex.pattern[:40]
)
def test_each_pattern_flags_its_own_example(pattern):
    result = screen(pattern.example)
    assert result.flagged
    assert pattern.regex.search(normalise(pattern.example)), pattern.example


@pytest.mark.parametrize("example", load_patterns().idiom_examples)
def test_idioms_alone_are_let_through(example):
    assert not screen(example).flagged


def test_an_idiom_does_not_hide_a_disclosure_in_the_same_message():
    result = screen("I'm dying to see my brother but dad beats me")
    assert result.flagged
    assert result.category == "physical_abuse"


@pytest.mark.parametrize(
    "text",
    [
        "KMS",
        "i wanna END IT!!!",
        "dad beatss me",
        "im scaaared to go home 2nite",
        "he makes me do stuff 4 money",
    ],
)
def test_shouting_stretching_and_text_speak_are_understood(text):
    assert screen(text).flagged


def test_the_most_urgent_category_comes_first():
    result = screen("hes outside and he said hes going to kill me, i want to die")
    assert result.category == "danger_now"
    assert "self_harm_suicide" in result.categories
    assert result.strength == "strong"


def test_concern_words_alone_are_flagged_as_possible():
    result = screen("i've got a rope in my room")
    assert (result.flagged, result.strength) == (True, "possible")
