"""Flows are data: a mistake in a declared flow stops the bot at start-up, not mid-chat."""

import pytest
from pydantic import ValidationError

from conversations import catalogues
from conversations.flows import ALL_FLOWS
from conversations.language import reading_language
from conversations.models import Flow, Option, Step, Wording, words


def choice(*options: Option) -> Step:
    return Step(id="q", kind="choice", prompt=words("Which?"), options=options)


def test_the_declared_flows_are_valid():
    assert {flow.id for flow in ALL_FLOWS} == {"yp", "pc", "pr"}


def test_a_choice_needs_two_options():
    with pytest.raises(ValidationError, match="at least two options"):
        choice(Option(value="yes", label=words("Yes")))


def test_two_options_with_one_value_are_refused():
    with pytest.raises(ValidationError, match="option values must be unique"):
        choice(Option(value="yes", label=words("Yes")), Option(value="yes", label=words("Yep")))


def test_a_typed_word_that_would_mean_two_options_is_refused():
    with pytest.raises(ValidationError, match="one typed word would mean two options"):
        choice(
            Option(value="child", label=words("8 to 11"), typed=("11",)),
            Option(value="teen", label=words("11 to 15"), typed=("11",)),
        )


def test_a_step_that_goes_nowhere_known_is_refused():
    with pytest.raises(ValidationError, match="goes to unknown"):
        Flow(
            id="x",
            audience_group="young_person",
            title="Test",
            steps=(
                choice(
                    Option(value="a", label=words("A"), next="nowhere"),
                    Option(value="b", label=words("B")),
                ),
            ),
            done=words("Thanks"),
        )


@pytest.mark.parametrize("later", ["q", "nowhere"])
def test_later_words_must_go_to_a_question_for_words(later):
    with pytest.raises(ValidationError, match="not a question for words"):
        Flow(
            id="x",
            audience_group="young_person",
            title="Test",
            steps=(
                choice(Option(value="a", label=words("A")), Option(value="b", label=words("B"))),
            ),
            done=words("Thanks"),
            later_words_step=later,
        )


THANKS = Wording(texts={"default": "Thank you", "child": "Thanks!"})
POLISH_CATALOGUE = """
msgid "Thank you"
msgstr "Dziękujemy"

#, fuzzy
msgid "Thanks!"
msgstr "Dzięki!"
"""


@pytest.fixture
def polish(tmp_path, monkeypatch):
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(POLISH_CATALOGUE, encoding="utf-8")
    monkeypatch.setattr(catalogues, "LOCALES", tmp_path)
    catalogues.catalogue.cache_clear()
    yield
    catalogues.catalogue.cache_clear()


def test_wording_has_a_language_axis_with_english_where_there_is_no_translation(polish):
    assert THANKS.for_audience("child", "pl") == "Dzięki!"
    assert THANKS.for_audience("parent", "pl") == "Dziękujemy"
    assert THANKS.for_audience("child", "ur") == "Thanks!"
    assert THANKS.for_audience("child") == "Thanks!"


def test_wording_is_in_the_readers_language(polish):
    token = reading_language.set("pl")
    try:
        assert THANKS.for_audience("child") == "Dzięki!"
    finally:
        reading_language.reset(token)


def test_a_draft_nobody_has_checked_is_used_and_known_as_unchecked(polish):
    assert catalogues.catalogue("pl")["Thanks!"].checked is False
    assert catalogues.catalogue("pl")["Thank you"].checked is True
