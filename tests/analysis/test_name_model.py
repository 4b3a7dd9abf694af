"""The name model keeps ordinary words and removes the names the rules miss."""

from pathlib import Path

import pytest

from analysis import name_model
from analysis.deidentify import deidentify, names_by_rules, remove_details
from analysis.name_training import Sentence, fit, garbled, left_in, load_sentences, rows


@pytest.mark.parametrize(
    "text",
    [
        "Hope you read this",
        "Precious little help with budgeting",
        "Summer holidays were hard",
        "Will you ring me back",
        "Mark my words",
        "I miss my brother",
        "Support from the school nurse",
        "Reading is better now",
    ],
)
def test_ordinary_words_at_the_start_of_a_sentence_are_kept(text):
    assert deidentify(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tbh i only talk to ifeoma cos shes been through it too", "ifeoma"),
        ("Hope from the youth offending team is sound", "Hope"),
        ("my PA Will is great", "Will"),
    ],
)
def test_names_the_rules_miss_or_take_for_words_are_removed(text, name):
    assert name not in deidentify(text)
    assert name in names_by_rules(remove_details(text)), "the name rules alone keep it"


def test_without_a_model_the_rules_alone_decide():
    assert deidentify("Precious little help", names=None) == "[name] little help"


def test_a_possessive_keeps_its_s():
    assert deidentify("I stayed at Okonkwo's house") == "I stayed at [name]'s house"


def test_only_the_words_inside_a_detail_are_labelled_as_such():
    sentence = Sentence("my worker Tendai and Will", ("Tendai",), ("name",), "a")
    labels = {features[1]: label for features, label in rows(sentence)}
    assert labels == {"w my": 0, "w worker": 0, "w tendai": 1, "w and": 0, "w will": 0}


def test_the_figures_count_a_word_left_elsewhere_in_the_text_only_once():
    text = "kind of sad at St Mary's C of E Primary"
    output = "kind of sad at [school]"
    assert not left_in(output, "St Mary's C of E Primary", text, ["St Mary's C of E Primary"])
    assert left_in("kind of sad at St [school]", "St Mary's", text, ["St Mary's"])
    assert garbled("[name] of sad at [school]", text, ["St Mary's C of E Primary"])


def test_the_model_file_is_the_same_bytes_for_the_same_model(tmp_path: Path):
    sentences = load_sentences()[:120]
    model = fit([row for s in sentences for row in rows(s)], threshold=0.6)
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    name_model.save(model, first)
    name_model.save(fit([row for s in sentences for row in rows(s)], threshold=0.6), second)
    assert first.read_bytes() == second.read_bytes()
    assert name_model.load(first) == model
