"""A typed reply put as it was meant before it is read: a stammer, digits for letters."""

import pytest

from analysis.typed_reply import undigited, unstammered


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("i w-w-work here", "i work here"),
        ("i-i-i have one b-but dont get it", "i have one but dont get it"),
        ("so-so", "so-so"),  # one word: "so" is not begun again
        ("step-mum", "step-mum"),
        ("no-no", "no-no"),
    ],
)
def test_a_word_begun_again_is_the_word(typed, meant):
    assert unstammered(typed) == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("n0t r34lly", "not really"),
        ("y0ung p3rs0n", "young person"),
        ("n0", "no"),
        ("y10 b4 m8 14yrs 1st", "y10 b4 m8 14yrs 1st"),  # numbers and sounds stay
    ],
)
def test_digits_typed_for_letters_are_the_letters(typed, meant):
    assert undigited(typed) == meant
