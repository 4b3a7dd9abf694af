"""English words that are also first names, taken for names only where a person stands."""

import pytest

from analysis.deidentify import deidentify
from analysis.name_contexts import names_in_context


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("summer and [name] are my sisters", "[name] and [name] are my sisters"),
        ("thanks to [name] and Will, both", "thanks to [name] and [name], both"),
        ("Mark n me got moved", "[name] n me got moved"),
        ("Joy is 4 and talks more now", "[name] is 4 and talks more now"),
        ("Summer (8) presented as withdrawn", "[name] (8) presented as withdrawn"),
        ("we met Brook the PA yesterday", "we met [name] the PA yesterday"),
        ("Will is my keyworker", "[name] is my keyworker"),
        ("Hope is my foster sister", "[name] is my foster sister"),
        ("Storm is two and at nursery", "[name] is two and at nursery"),
        ("Chance, my mentor, found me a job", "[name], my mentor, found me a job"),
        ("Joy from the Leaving Care Team helped", "[name] from the Leaving Care Team helped"),
        ("then a man called will came", "then a man called [name] came"),
        ("my gf summer is not allowed round", "my gf [name] is not allowed round"),
    ],
)
def test_a_word_that_is_a_name_goes_where_only_a_person_can_stand(text, cleaned):
    assert names_in_context(text) == cleaned


@pytest.mark.parametrize(
    "text",
    [
        "Will you ring me back",
        "I hope the social worker rings",
        "Hope the social worker rings me back",  # "I hope", as likely as a name
        "[name] and will always be grateful",
        "sky is the limit my teacher says",
        "Chance would be a fine thing",
        "Hope you read this",
        "she ate the cherry and me the cake",
        "Hope is one of the things that keeps me going",
        "no chance from the council of a flat",
        "my worker rose to the challenge",
    ],
)
def test_the_same_words_used_as_words_stay(text):
    assert names_in_context(text) == text


def test_the_whole_cleaning_takes_them_after_the_model():
    assert "sky" not in deidentify("sky and Precious are my little sisters").lower()
    assert deidentify("Will you ring me back please") == "Will you ring me back please"
