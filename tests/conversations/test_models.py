"""Flows are data: a mistake in a declared flow stops the bot at start-up, not mid-chat."""

import pytest
from pydantic import ValidationError

from conversations.flows import ALL_FLOWS
from conversations.models import Flow, Option, Step, words


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
