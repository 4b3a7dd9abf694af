"""The disclosure detector: patterns and model in layers, three outcomes, context downgrades."""

import dataclasses
import json
import re
from pathlib import Path

import pytest

from analysis.safeguarding import (
    ALERT,
    REVIEW,
    load_patterns,
    pattern_matches,
    prefilter_for,
    readable,
    screen,
)
from analysis.text import normalise

# Training texts, by the patterns' author: a regression check, not a measure (that is
# bench.safeguarding_eval on the frozen split).
IN_HOUSE = Path(__file__).parents[2] / "analysis" / "training" / "safeguarding" / "in-house.jsonl"
CASES = [json.loads(line) for line in IN_HOUSE.read_text().splitlines() if line.strip()]
DISCLOSURES = [case for case in CASES if case["disclosure"]]
NON_DISCLOSURES = [case for case in CASES if not case["disclosure"]]
CATEGORIES = {
    "danger_now", "physical_abuse", "emotional_abuse", "sexual_abuse", "neglect",
    "domestic_abuse", "sexual_exploitation", "criminal_exploitation", "self_harm_suicide",
    "missing", "fgm_forced_marriage_honour", "radicalisation", "bullying_online_harm",
}  # fmt: skip


def test_every_category_a_safeguarding_lead_uses_is_known():
    assert set(load_patterns().categories) == CATEGORIES


@pytest.mark.parametrize("case", DISCLOSURES, ids=lambda case: case["text"][:50])
def test_every_in_house_disclosure_reaches_a_person(case):
    result = screen(case["text"])
    assert result.flagged, case["text"]
    assert result.triggers


def test_alert_level_false_alarms_on_in_house_hard_non_disclosures_stay_rare():
    alarms = [case["text"] for case in NON_DISCLOSURES if screen(case["text"]).alert]
    assert len(alarms) / len(NON_DISCLOSURES) <= 0.15, alarms


@pytest.mark.parametrize(
    "pattern", load_patterns().patterns, ids=lambda pattern: pattern.regex.pattern[:40]
)
def test_each_pattern_flags_its_own_example(pattern):
    assert screen(pattern.example).flagged
    assert pattern.regex.search(normalise(pattern.example)), pattern.example


@pytest.mark.parametrize("example", load_patterns().idiom_examples)
def test_idioms_alone_raise_no_alert(example):
    assert not screen(example).alert


def test_an_idiom_does_not_hide_a_disclosure_in_the_same_message():
    result = screen("I'm dying to see my brother but dad beats me")
    assert result.alert
    assert result.category == "physical_abuse"


@pytest.mark.parametrize(
    "text",
    [
        # Missed by the patterns alone in the trial of 2026-11-29.
        "mums bf gets rough w me when shes at work so i stay in my room",
        "he chucked a plate at me",
        "im being abused at home",
        "whats the point in living",
    ],
)
def test_wording_missed_before_reaches_a_person(text):
    assert screen(text).flagged, screen(text)


def test_a_disclosure_buried_in_long_feedback_is_not_diluted():
    text = (
        "My social worker is nice and she always comes on time. School is going ok and I like "
        "my football club on saturdays. The meetings are a bit long but people listen to me. "
        "My step dad punches me when mum is at work. I would like more trips out with my group."
    )
    result = screen(text)
    assert result.alert
    assert "punches" in " ".join(result.triggers)


@pytest.mark.parametrize(
    "text",
    [
        "I used to get hit at my old house but since I moved in with my nan I feel safe",
        "we had a lesson on county lines at school and it was really interesting",
    ],
)
def test_past_and_topic_talk_raise_no_alert(text):
    assert not screen(text).alert


def test_context_downgrades_a_patterns_alert_to_a_review_never_to_nothing():
    result = screen("kms lol this homework")
    assert result.level in (REVIEW, ALERT)
    if result.level == REVIEW:
        assert result.reason == "said laughing"


@pytest.mark.parametrize(
    "text",
    [
        "Please can we have an interpreter, I am afraid to speak in meetings in English",
        "Plan for after-school drama club: she is playing the murderer in the school play",
        "im stressed about money, my pathway plan says I get a grant but it hasnt come",
    ],
)
def test_false_alarms_from_the_trial_raise_no_alert(text):
    assert not screen(text).alert, screen(text)


def test_the_most_urgent_category_comes_first():
    result = screen("hes outside and he said hes going to kill me, i want to die")
    assert result.category == "danger_now"
    assert "self_harm_suicide" in result.categories
    assert result.alert


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "my uncle says im going to marry my cousin in pakistan this summer and i dont want to",
            "fgm_forced_marriage_honour",
        ),
        (
            "this guy online keeps sending me videos saying we must fight back and join his group",
            "radicalisation",
        ),
        ("someone says theyll send my nudes to everyone unless i pay them", "bullying_online_harm"),
    ],
)  # fmt: skip
def test_new_categories_are_named_as_what_they_are(text, category):
    result = screen(text)
    assert result.flagged
    assert result.category == category


def test_ordinary_feedback_is_nothing():
    result = screen("my worker is kind and she listens to me")
    assert (result.flagged, result.level, result.category) == (False, None, None)


def test_a_language_the_detector_cannot_read_is_said_so():
    assert readable("my worker is kind and she listens to me")
    assert not readable("میرا شوہر مجھے مارتا ہے")
    assert not readable("Mój mąż bije mnie i dzieci każdego wieczoru")


def test_english_mixed_with_romanised_urdu_never_passes_silently():
    from analysis.safeguarding import screen

    result = screen(
        "kal raat phir se woh cheez ki jo main nahi karna chahti thi, bohot bura lag raha hai"
    )
    assert result.flagged


def test_the_quick_first_pass_finds_what_the_full_search_finds():
    rules = load_patterns()
    assert rules.prefilter is not None
    full_search = dataclasses.replace(rules, prefilter=None)
    texts = [case["text"] for case in CASES] + [p.example for p in rules.patterns]
    assert [pattern_matches(t, rules) for t in texts] == [
        pattern_matches(t, full_search) for t in texts
    ]
    assert sum(bool(pattern_matches(t, rules)) for t in texts) > len(rules.patterns)


def test_patterns_the_quick_pass_cannot_read_leave_every_text_to_the_full_search():
    beyond_re2 = prefilter_for([re.compile(r"hurt(?! feelings)"), re.compile(r"(\w)\1")])
    assert beyond_re2 is None
    rules = dataclasses.replace(load_patterns(), prefilter=beyond_re2)
    assert rules.may_match("anything at all")
