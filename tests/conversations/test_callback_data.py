"""Every button's callback data in one format, within Telegram's 64 bytes."""

import re

import pytest

from conversations.callback_data import LIMIT, code_of, encode, parts_of, tapped_with


def test_what_a_button_carries_comes_back_as_it_was_put():
    data = encode("th", "communication", 202612, 0)

    assert data == "th|communication|202612|0"
    assert code_of(data) == "th" and parts_of(data) == ["communication", "202612", "0"]


def test_nothing_tapped_reads_as_no_parts():
    assert parts_of(None) == [] and code_of(None) == ""


def test_data_over_telegrams_limit_is_refused_where_the_button_is_made():
    with pytest.raises(ValueError, match="64 bytes"):
        encode("th", "x" * LIMIT)


def test_a_handler_takes_its_own_codes_and_not_longer_ones_that_start_the_same():
    pattern = re.compile(tapped_with("sg"))

    assert pattern.match(encode("sg", "person"))
    assert not pattern.match(encode("sgack", 12))
    assert not pattern.match("sg")
    assert re.compile(tapped_with("sgnot", "sgnoty")).match(encode("sgnoty", 3))
