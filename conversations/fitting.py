"""Fitting messages into Telegram's limit without cutting anyone's words or the HTML."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

# Telegram's limit on a message (we count the HTML, which is never shorter than what shows).
MESSAGE_LIMIT = 4096
# How much of each person's words a message shows, longest first, until it fits.
QUOTE_LENGTHS = (4000, 1500, 600, 300, 150, 80, 40)


def shorten(text: str, length: int) -> str:
    """`text`, or its first `length` characters ending at a word break and "…"."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    if space > length // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def fitted(render: Callable[[int], str]) -> str:
    """The fullest version of a message that fits in one Telegram message.

    `render(length)` builds the message with every quoted answer shortened to
    `length` characters. Shortening the answers, never cutting the finished
    HTML, keeps every answer on show and every tag and entity whole.
    """
    for length in QUOTE_LENGTHS:
        text = render(length)
        if len(text) <= MESSAGE_LIMIT:
            return text
    return text


def in_parts(text: str, room: int) -> list[str]:
    """`text` in consecutive parts, each at most `room` characters once HTML-escaped.

    For a person's own words that must arrive whole, however long: parts break
    at a space or line break where there is one, and joined again they are the text.
    """
    parts = []
    while len(html.escape(text, quote=False)) > room:
        cut = room
        while (excess := len(html.escape(text[:cut], quote=False)) - room) > 0:
            cut -= max(1, excess // 4)  # an escape adds at most 4 characters
        space = max(text.rfind(" ", 0, cut), text.rfind("\n", 0, cut))
        if space > cut // 2:
            cut = space + 1
        parts.append(text[:cut])
        text = text[cut:]
    return [*parts, text]


def pack(blocks: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """HTML blocks, each within the limit, joined into as few messages as they fit."""
    messages: list[str] = []
    for block in blocks:
        if messages and len(messages[-1]) + 2 + len(block) <= limit:
            messages[-1] += "\n\n" + block
        else:
            messages.append(block)
    return messages
