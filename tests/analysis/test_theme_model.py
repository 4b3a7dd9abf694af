"""The learned theme and sentiment model: what it reads, how it is kept, how it learns."""

from pathlib import Path

import numpy as np
import pytest

from analysis import theme_model
from analysis.theme_model import chosen
from analysis.theme_training import corrected_examples, load_examples, train_on
from analysis.themes import Tagger, load_taxonomy


@pytest.fixture(scope="module")
def tagger():
    return Tagger()


def test_the_shipped_model_knows_every_theme_in_the_taxonomy_order():
    model = theme_model.load()
    assert model.themes == load_taxonomy().ids
    assert all(0.0 < threshold < 1.0 for threshold in model.thresholds)
    assert model.trained_on >= 2000


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("I could tell she cared", "relationship_with_worker"),
        ("she is like a friend to me", "relationship_with_worker"),
        ("then I never heard from her again", "communication"),
        ("turn up?? answer ur phone??", "communication"),
    ],
)
def test_themes_are_found_in_wording_no_phrase_has(tagger, text, theme):
    assert theme in tagger.tag(text, "young_person").theme_ids


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("would be better if they came more often", "negative"),
        ("I was in a really bad place but she got me through it", "positive"),
        ("turn up?? answer ur phone??", "negative"),
    ],
)
def test_polite_complaints_and_praise_after_hard_times_read_the_right_way(tagger, text, label):
    assert tagger.tag(text, "young_person").sentiment.label == label


def test_the_likeliest_theme_is_chosen_when_none_reaches_its_threshold():
    thresholds = np.array([0.5, 0.6])
    assert chosen(np.array([0.7, 0.65]), thresholds) == [0, 1]
    assert chosen(np.array([0.1, 0.4]), thresholds) == [1]  # 0.4 is two thirds of 0.6
    assert chosen(np.array([0.1, 0.2]), thresholds) == []  # a third: nothing


def test_the_model_file_is_the_same_bytes_for_the_same_model(tmp_path: Path):
    model = theme_model.load()
    theme_model.save(model, tmp_path / "a.gz")
    theme_model.save(model, tmp_path / "b.gz")
    assert (tmp_path / "a.gz").read_bytes() == (tmp_path / "b.gz").read_bytes()
    again = theme_model.load(tmp_path / "a.gz")
    text = "my worker is lovely but she never rings back"
    assert Tagger(model=again).tag(text) == Tagger(model=model).tag(text)


@pytest.fixture(scope="module")
def small_training():
    examples = load_examples()
    return [e for e in examples if e.author in {"author-a1", "author-a3"}]


def test_training_is_deterministic(small_training, tmp_path: Path):
    for name in ("first.gz", "second.gz"):
        theme_model.save(train_on(small_training)[0], tmp_path / name)
    assert (tmp_path / "first.gz").read_bytes() == (tmp_path / "second.gz").read_bytes()


def test_a_trusts_corrections_teach_the_model_its_own_local_names(small_training):
    local = [
        ("the harbour waiting list is so long", ["health_and_wellbeing", "timeliness"]),
        ("the harbour helped my anxiety loads", ["health_and_wellbeing"]),
        ("got a slot at the harbour for my panic attacks", ["health_and_wellbeing"]),
        ("the harbour counsellor is really kind", ["health_and_wellbeing"]),
        ("harbour sessions keep me going", ["health_and_wellbeing"]),
        ("i go to the harbour every week now", ["health_and_wellbeing"]),
    ]
    unseen = "the harbour has been brilliant"
    before = Tagger(model=train_on(small_training)[0])
    rows = corrected_examples([(text, "young_person", themes) for text, themes in local])
    after = Tagger(model=train_on(small_training + rows)[0])
    assert "health_and_wellbeing" not in before.tag(unseen, "young_person").theme_ids
    assert "health_and_wellbeing" in after.tag(unseen, "young_person").theme_ids
