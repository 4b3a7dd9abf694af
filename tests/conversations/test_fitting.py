"""Messages fitted into Telegram's limit: quotes shortened, never cut mid-HTML."""

from conversations.fitting import MESSAGE_LIMIT, fitted, shorten


def test_a_short_text_is_left_whole():
    assert shorten("my worker listens", 40) == "my worker listens"


def test_a_long_text_ends_at_a_word_break_with_an_ellipsis():
    assert shorten("my worker listens to me every week", 20) == "my worker listens…"


def test_a_text_with_no_break_is_cut_at_the_length():
    assert shorten("a" * 50, 10) == "a" * 9 + "…"


def test_fitted_keeps_the_longest_quotes_that_fit():
    lengths = []

    def render(length: int) -> str:
        lengths.append(length)
        return "<b>page</b>\n" + "\n".join(shorten("x" * 2000, length) for _ in range(5))

    text = fitted(render)
    assert len(text) <= MESSAGE_LIMIT
    assert lengths[-1] == 600  # 5 quotes of 1,500 would not fit; 5 of 600 do
