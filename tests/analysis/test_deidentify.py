"""Quotes lose every identifying detail before they reach a report."""

import pytest

from analysis.deidentify import deidentify

# (text, the details that must not survive)
TEXTS = [
    ("my worker sarah is nice", ["sarah"]),
    ("Mrs Khan from St Mary's Primary called me", ["Khan", "Mary"]),
    ("call me on 07700 900123 or 0113 496 0000", ["07700", "900123", "0113", "496"]),
    ("ring me on +44 7700 900 123", ["7700", "900 123"]),
    ("I live at 12 Oak Road, LS6 2AB", ["12 Oak", "Oak Road", "LS6", "2AB"]),
    ("we moved to 4b station street in leeds", ["station street"]),
    ("email me jo.b@mail.com", ["jo.b", "mail.com"]),
    ("add me on telegram @jojo_99", ["jojo_99"]),
    ("born on 3rd May 2011", ["3rd May", "2011"]),
    ("my dob is 04/05/2012", ["04/05/2012"]),
    ("my birthday is 14 feb", ["14 feb"]),
    ("case ref CP-2026-0042 was closed", ["CP-2026-0042"]),
    ("NHS number 485 777 3456", ["485 777 3456"]),
    ("Josh keeps hitting me at Parkside Academy", ["Josh", "Parkside"]),
    ("i go to oakwood high school", ["oakwood"]),
    ("my sw Kelly-Ann said i could go", ["Kelly-Ann"]),
    ("Nan Pat is lovely", ["Pat"]),
    ("Mr Dobson the IRO listened", ["Dobson"]),
    ("Dr Patel at the surgery helped", ["Patel"]),
    ("me and jayden and priya went bowling", ["jayden", "priya"]),
    ("Our worker Michelle got us beds", ["Michelle"]),
    ("see www.example.org/family", ["example.org"]),
    ("reference 12345678 on the letter", ["12345678"]),
    ("ask for Agnieszka on reception", ["Agnieszka"]),
    # Names typed in lower case that no list holds, known by where they stand.
    ("my social worker is called leanne", ["leanne"]),
    ("my worker kerrie-ann helps me", ["kerrie"]),
    ("me and kez went to the park", ["kez"]),
    ("i told shanelle about it", ["shanelle"]),
    ("jojo said i could go", ["jojo"]),
    ("i live with deano and my nan", ["deano"]),
    ("me and tom and jess went out", ["tom", "jess"]),
]


@pytest.mark.parametrize(("text", "details"), TEXTS, ids=[t for t, _ in TEXTS])
def test_no_identifying_detail_survives(text, details):
    cleaned = deidentify(text)
    for detail in details:
        assert detail.lower() not in cleaned.lower(), cleaned
    assert "[" in cleaned


@pytest.mark.parametrize(
    "text",
    [
        "my worker listens to me",
        "I go to school every day",
        "CAMHS helped me in December",
        "Thank you for everything",
        "grandad whacks me with his stick",
        "my carer and me had an argument about my phone",
        "we werent told our worker had left",
        "I need more training on working with neurodiverse children",
        "i told u it was bad",
        "hes kind and tbh it was ok",
        "my worker called me back",
    ],
)
def test_ordinary_words_are_left_alone(text):
    assert deidentify(text) == text


# Ordinary words are not names: a quote that reads "[name] is what I felt" is worthless.
KEPT_WHOLE = [
    "I miss my brother",
    "Hope you read this",
    "Support from the school nurse helped a lot",
    "she help us with school for my son",
    "i go to a different school now",
    "Trust is hard for me but she earned it",
]


@pytest.mark.parametrize("text", KEPT_WHOLE)
def test_ordinary_words_that_look_like_names_are_left_alone(text):
    assert deidentify(text) == text


def test_a_capitalised_name_at_the_start_of_a_sentence_is_still_removed():
    assert deidentify("Kayleigh is my sw. Grace said I could ring") == (
        "[name] is my sw. [name] said I could ring"
    )
