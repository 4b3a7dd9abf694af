"""What a button carries back when tapped, in one format for every button:
"<code>|<part>|<part>…".

The code says which handler takes the tap (`tapped_with` is its pattern); the
parts say what was tapped: a flow's "a|yp:mood|good", /forget's "forget|yes", a
theme's page "th|communication|2026-12|1". Telegram allows 64 bytes.
"""

from __future__ import annotations

import re

LIMIT = 64
SEPARATOR = "|"


def encode(code: str, *parts: object) -> str:
    """A button's callback data."""
    data = SEPARATOR.join([code, *(str(part) for part in parts)])
    if len(data.encode()) > LIMIT:
        raise ValueError(f"callback data over Telegram's {LIMIT} bytes: {data!r}")
    return data


def parts_of(data: str | None) -> list[str]:
    """The parts of a button's callback data, after its code ([] for none)."""
    return (data or "").split(SEPARATOR)[1:]


def code_of(data: str | None) -> str:
    return (data or "").split(SEPARATOR, 1)[0]


def tapped_with(*codes: str) -> str:
    """The pattern for a `CallbackQueryHandler` that takes buttons of these codes."""
    return f"^(?:{'|'.join(re.escape(code) for code in codes)})" + re.escape(SEPARATOR)
