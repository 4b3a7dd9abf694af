"""The theme tagger: quality on the labelled set, clause sentiment, negation, slang, corrections."""

import json
from pathlib import Path

import pytest

from analysis.corrections import CorrectionLookup
from analysis.themes import Tagger, load_taxonomy, split_clauses
from bench.theme_eval import load_cases, score

THEME_IDS = {
    "listened_to",
    "relationship_with_worker",
    "worker_changes",
    "communication",
    "timeliness",
    "plans_and_meetings",
    "safety",
    "family_time",
    "home_and_placement",
    "education",
    "health_and_wellbeing",
    "practical_help",
    "identity_and_respect",
    "future_and_independence",
    "workload",
    "supervision_and_management",
    "multi_agency",
    "training_and_learning",
    "recording_and_systems",
    "lived_experience",
}


@pytest.fixture(scope="module")
def tagger():
    return Tagger()


@pytest.fixture(scope="module")
def quality(tagger):
    report = score(tagger, load_cases())
    return {
        key: float(str(report[key]).split()[0])
        for key in ("micro_f1", "macro_f1", "sentiment accuracy")
    }


def test_the_taxonomy_keeps_the_twenty_contract_ids():
    assert set(load_taxonomy().ids) == THEME_IDS


def test_the_frozen_split_covers_every_theme_and_speaker():
    cases = load_cases()
    assert len(cases) >= 600
    assert {theme for case in cases for theme in case["themes"]} == THEME_IDS
    assert {case["group"] for case in cases} == {"young_person", "parent_carer", "practitioner"}


def test_theme_f1_on_the_frozen_split_meets_the_targets(quality):
    assert quality["micro_f1"] >= 0.70
    assert quality["macro_f1"] >= 0.60


def test_sentiment_accuracy_on_the_frozen_split_meets_the_target(quality):
    assert quality["sentiment accuracy"] >= 0.78


def test_a_mixed_answer_carries_both_feelings(tagger):
    result = tagger.tag("my worker is lovely but she never rings back")
    by_theme = {tag.id: tag for tag in result.themes}
    assert by_theme["relationship_with_worker"].polarity > 0
    assert by_theme["communication"].polarity < 0
    assert by_theme["communication"].evidence == "she never rings back"
    assert result.sentiment.label == "negative"  # what follows "but" weighs more


@pytest.mark.parametrize(
    "text",
    ["she never listens", "not helpful at all", "he didn't explain anything", "nobody rings back"],
)
def test_negation_turns_the_feeling_negative(tagger, text):
    assert tagger.tag(text).sentiment.label == "negative"


@pytest.mark.parametrize(
    ("text", "theme", "label"),
    [
        ("my sw is sound", "relationship_with_worker", "positive"),
        ("she's sound", "relationship_with_worker", "positive"),
        ("school is doin my head in", "education", "negative"),
        ("love my sw 👍", "relationship_with_worker", "positive"),
        ("new worker AGAIN 😡", "worker_changes", "negative"),
    ],
)
def test_young_peoples_words_and_emoji_count(tagger, text, theme, label):
    result = tagger.tag(text)
    assert theme in result.theme_ids
    assert result.sentiment.label == label


@pytest.mark.parametrize(
    "text",
    [
        "my worker never rings me back",
        "nobody rings us back when we call",
        "no one ever phones me back",
        "they rang my mum back the next day",
        "she calls me back the same day",
    ],
)
def test_being_rung_back_is_communication(tagger, text):
    assert "communication" in tagger.tag(text).theme_ids


def test_confidence_and_evidence_come_with_each_theme(tagger):
    [tag] = tagger.tag("We waited months for any help").themes
    assert tag.id == "timeliness"
    assert 0.5 <= tag.confidence <= 1
    assert "waited" in tag.evidence


def test_key_phrases_are_noun_phrases(tagger):
    phrases = tagger.tag(
        "The family support worker helped us sort the house", with_key_phrases=True
    ).key_phrases
    assert "family support worker" in phrases
    assert "house" in phrases


def test_clauses_split_on_contrast_and_punctuation():
    assert [c for c, _ in split_clauses("Great help. But slow; really slow")] == [
        "Great help",
        "slow",
        "really slow",
    ]


def test_a_correction_applies_to_the_same_text_and_close_variants():
    text = "the olders at the park scare me"
    tagger = Tagger(corrections=CorrectionLookup([(text, "safety", "add")]))
    assert "safety" in tagger.tag(text).theme_ids
    assert "safety" in tagger.tag("The olders at the park scare me!!").theme_ids
    assert "safety" not in tagger.tag("the park is nice").theme_ids


def test_a_removal_correction_takes_a_theme_away():
    text = "my review went well"
    assert "plans_and_meetings" in Tagger().tag(text).theme_ids
    tagger = Tagger(corrections=CorrectionLookup([(text, "plans_and_meetings", "remove")]))
    assert "plans_and_meetings" not in tagger.tag(text).theme_ids


def test_phrases_that_keep_being_added_are_proposed_for_the_taxonomy():
    corrections = CorrectionLookup(
        [
            ("the olders hang round our flats", "safety", "add"),
            ("scared of the olders on the estate", "safety", "add"),
            ("olders keep following me home", "safety", "add"),
            ("my dog is cute", "safety", "add"),
        ]
    )
    proposals = corrections.proposals(load_taxonomy())
    assert {"theme": "safety", "phrase": "olders", "texts": 3} in proposals
    assert all(p["phrase"] != "dog" for p in proposals)


def test_the_taxonomy_file_is_readable_json_with_labels_and_descriptions():
    data = json.loads(Path("analysis/taxonomy.json").read_text())
    for theme in data["themes"]:
        assert theme["label"] and theme["description"] and theme["phrases"]
