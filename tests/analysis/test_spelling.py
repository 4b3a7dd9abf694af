"""Slipped words are read as the one word the reader knows that they stand for."""

import pytest

from analysis.spelling import respelt, slips

KNOWN = frozenset({"fine", "mostly", "never", "really", "not", "listened", "eleven", "yes", "its"})


def test_a_swap_of_two_letters_is_one_slip():
    assert slips("fien", "fine") == 1
    assert slips("lisend", "listened") == 2


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("fien", "fine"),
        ("mosly", "mostly"),
        ("nobody lisend", "nobody listened"),  # two slips in a long word
        ("notrealy", "not really"),  # run together, the second part slipped
        ("yesits sarah", "yes its sarah"),
        ("Elevun!", "eleven!"),
    ],
)
def test_slipped_words_are_respelt(typed, read):
    assert respelt(typed, KNOWN) == read


@pytest.mark.parametrize(
    "typed",
    [
        "fine",  # known
        "fire",  # English, though one slip from "fine"
        "dave",  # a name: near nothing the reader knows
        "resi",  # slang the reader does not know
    ],
)
def test_known_english_and_unknown_words_stay_as_typed(typed):
    assert respelt(typed, KNOWN) == typed


def test_a_word_one_slip_from_two_known_words_is_left_alone():
    assert respelt("bat", frozenset({"bad", "bit"})) == "bat"  # English anyway
    assert respelt("gud", frozenset({"gum", "bud"})) == "gud"  # too short to guess
    assert respelt("ster", frozenset({"stir", "star"})) == "ster"  # which one?


def test_a_letter_doubled_inside_a_word_is_read_once():
    # "reaally" is one slip from "really" and from "reallly", which the reader also knows.
    assert respelt("not reaally", KNOWN | {"reallly"}) == "not really"


def test_a_slip_near_an_everyday_word_and_a_rare_one_is_the_everyday_word():
    # "bien" (Spanish) is known to the reader and in TextBlob's English, but rarely.
    assert respelt("fien", KNOWN | {"bien"}) == "fine"


def test_words_run_together_are_split_as_typed_before_a_slip_is_supposed():
    # "no" then "tgood" slipped from "good" would also fit; the words as typed come first.
    assert respelt("notgood", frozenset({"no", "not", "good"})) == "not good"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("nvr", "never"),
        ("rlly", "really"),
        ("lstnd", "listened"),
    ],
)
def test_a_word_typed_without_its_vowels_is_the_known_word_it_is_the_consonants_of(typed, read):
    assert respelt(typed, KNOWN) == read


def test_consonants_that_two_known_words_share_are_left_as_typed():
    assert respelt("nt", KNOWN) == "nt"  # too short: "not", or "no thanks"?
    assert respelt("rd", KNOWN | {"read", "road"}) == "rd"  # too short
    assert respelt("rdd", KNOWN | {"read", "road"}) == "rdd"  # neither far commoner
