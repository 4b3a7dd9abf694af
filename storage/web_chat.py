"""The web chat's sessions and what each page shows.

A session is known only by a hash of the unguessable id in its cookie, so a copy
of the database opens no one's chat. Its messages are what the page shows: the
bot's (as the bot sent them, with their buttons) and the person's own words, so
that a closed tab opens again where it was. `seq` changes with every new message
and every edit; a page asks for what is newer than the last it saw.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from storage.database import Database
from storage.models import Row
from storage.queries import fetch_all, fetch_one

Sender = Literal["bot", "person"]


class WebMessage(Row):
    id: int
    session_id: int
    seq: int
    sender: Sender
    body: str
    # JSON rows of buttons, each [label, kind, value]; None for none.
    buttons: str | None


def _stamp(now: datetime) -> str:
    return now.isoformat(timespec="seconds")


async def open_session(db: Database, token_hash: str, now: datetime) -> int:
    """A new session; its id."""
    rows = await db.write(
        "INSERT INTO web_sessions (token_hash, created_at, seen_at) VALUES (?, ?, ?) RETURNING id",
        (token_hash, _stamp(now), _stamp(now)),
    )
    return int(rows[0]["id"])


async def find_session(db: Database, token_hash: str) -> int | None:
    rows = await db.read("SELECT id FROM web_sessions WHERE token_hash = ?", (token_hash,))
    return int(rows[0]["id"]) if rows else None


async def mark_seen(db: Database, session_id: int, now: datetime) -> None:
    await db.write("UPDATE web_sessions SET seen_at = ? WHERE id = ?", (_stamp(now), session_id))


async def session_exists(db: Database, session_id: int) -> bool:
    return bool(await db.read("SELECT 1 FROM web_sessions WHERE id = ?", (session_id,)))


async def add_message(
    db: Database,
    session_id: int,
    *,
    seq: int,
    sender: Sender,
    body: str,
    buttons: str | None,
    now: datetime,
) -> WebMessage:
    rows = await db.write(
        "INSERT INTO web_messages (session_id, seq, sender, body, buttons, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " RETURNING id, session_id, seq, sender, body, buttons",
        (session_id, seq, sender, body, buttons, _stamp(now)),
    )
    return WebMessage.model_validate(dict(rows[0]))


async def edit_message(
    db: Database,
    session_id: int,
    message_id: int,
    *,
    seq: int,
    body: str | None,
    buttons: str | None,
) -> WebMessage | None:
    """Change a message's words (unless `body` is None) and its buttons; None if it is gone."""
    rows = await db.write(
        "UPDATE web_messages SET seq = ?, body = coalesce(?, body), buttons = ?"
        " WHERE id = ? AND session_id = ?"
        " RETURNING id, session_id, seq, sender, body, buttons",
        (seq, body, buttons, message_id, session_id),
    )
    return WebMessage.model_validate(dict(rows[0])) if rows else None


async def find_message(db: Database, session_id: int, message_id: int) -> WebMessage | None:
    return await fetch_one(
        db,
        WebMessage,
        "SELECT id, session_id, seq, sender, body, buttons FROM web_messages"
        " WHERE id = ? AND session_id = ?",
        (message_id, session_id),
    )


async def messages_after(db: Database, session_id: int, seq: int) -> list[WebMessage]:
    """The session's messages new or changed since `seq`, oldest change first."""
    return await fetch_all(
        db,
        WebMessage,
        "SELECT id, session_id, seq, sender, body, buttons FROM web_messages"
        " WHERE session_id = ? AND seq > ? ORDER BY seq",
        (session_id, seq),
    )


async def clear_messages(db: Database, session_id: int) -> None:
    """Take everything off the session's page (Quick exit, /forget); its place is kept."""
    await db.write("DELETE FROM web_messages WHERE session_id = ?", (session_id,))


async def clear_idle(db: Database, cutoff: datetime) -> int:
    """Clear the pages of sessions not seen since `cutoff`; how many messages went."""
    rows = await db.write(
        "DELETE FROM web_messages WHERE session_id IN"
        " (SELECT id FROM web_sessions WHERE seen_at < ?) RETURNING id",
        (_stamp(cutoff),),
    )
    return len(rows)


async def first_message_id(db: Database, session_id: int) -> int | None:
    """The oldest message still on the session's page; None when it is empty."""
    rows = await db.read(
        "SELECT min(id) AS first FROM web_messages WHERE session_id = ?", (session_id,)
    )
    return int(rows[0]["first"]) if rows and rows[0]["first"] is not None else None
