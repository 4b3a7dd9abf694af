"""The bot's Telegram HTML is made safe for a web page."""

from bot.web_chat.markup import to_page


def test_telegrams_own_tags_pass_and_read_aloud_as_plain_words():
    shown, plain = to_page("<b>How old are you?</b> <i>Tap one</i>")
    assert shown == "<b>How old are you?</b> <i>Tap one</i>"
    assert plain == "How old are you? Tap one"


def test_anything_else_is_shown_as_text_never_run():
    shown, _ = to_page('<script>alert(1)</script><img src=x onerror="alert(2)">hi')
    assert "<script" not in shown and "<img" not in shown
    assert "alert(1)" in shown  # as words, harmless
    shown, _ = to_page("&lt;script&gt; is what they typed")
    assert shown == "&lt;script&gt; is what they typed"


def test_links_only_to_web_addresses_and_open_apart():
    shown, _ = to_page('<a href="javascript:alert(1)">x</a><a href="tg://user?id=1">y</a>')
    assert "href" not in shown
    shown, _ = to_page('<a href="https://www.childline.org.uk/">Childline</a>')
    assert 'href="https://www.childline.org.uk/"' in shown and 'rel="noopener noreferrer"' in shown


def test_tags_left_open_are_closed():
    shown, _ = to_page("<b>bold <i>and italic")
    assert shown == "<b>bold <i>and italic</i></b>"
