"""Who is on which channel: Telegram, or the trust's own web chat.

A web chat visitor is a person like any other, with a chat id (and a user id,
the same) of their own. Telegram's ids have at most 52 significant bits, so
web chat ids start at 2**52 and never meet one.
"""

from __future__ import annotations

FIRST_WEB_CHAT_ID = 2**52


def web_chat_id(session_id: int) -> int:
    """The chat (and user) id of web chat session `session_id`."""
    return FIRST_WEB_CHAT_ID + session_id


def web_session_of(chat_id: int) -> int | None:
    """The web chat session a chat id belongs to; None for a Telegram chat."""
    return chat_id - FIRST_WEB_CHAT_ID if chat_id >= FIRST_WEB_CHAT_ID else None
