"""The outbox: every message the bot must not lose (help replies, alerts, replies,
reminders, broadcasts), kept until Telegram accepts it, with retries and priorities.

Outbox rows address staff by chat id and people by pseudonym; a person's chat
id is looked up in `contacts` only when the message is sent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from storage.database import Database
from storage.models import (
    Row,
)
from storage.queries import fetch_all


class OutboxMessage(Row):
    id: int
    event_id: int | None
    chat_id: int | None
    respondent: str | None
    kind: str
    text: str
    buttons: str | None
    attempts: int
    next_attempt_at: str
    sent_at: str | None
    failed_at: str | None
    message_id: int | None
    last_error: str | None
    created_at: str
    # 1 once Telegram may have done it though its answer was lost: resent once, marked.
    uncertain: int = 0

    @property
    def for_contacts(self) -> bool:
        """A message to the safeguarding contacts' chats (people are addressed by pseudonym)."""
        return self.chat_id is not None and self.event_id is not None

    @property
    def button_rows(self) -> list[list[tuple[str, str]]]:
        rows = json.loads(self.buttons) if self.buttons else []
        return [[(label, data) for label, data in row] for row in rows]


# The outbox kind of the reply that tells a person who disclosed how to get help now.
HELP = "help"


class QueuedText(NamedTuple):
    """A message for the outbox: its words, and its buttons as rows of (label, data)."""

    text: str
    buttons: list[list[tuple[str, str]]] | None = None


async def enqueue(
    db: Database,
    *,
    text: str,
    kind: str,
    now: datetime,
    chat_id: int | None = None,
    respondent: str | None = None,
    event_id: int | None = None,
    buttons: list[list[tuple[str, str]]] | None = None,
) -> int:
    stamp = now.isoformat(timespec="seconds")
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO outbox (event_id, chat_id, respondent, kind, text, buttons,"
            " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                chat_id,
                respondent,
                kind,
                text,
                json.dumps(buttons) if buttons else None,
                stamp,
                stamp,
            ),
        )
        return int(cursor.lastrowid or 0)


async def enqueue_to_contacts(
    db: Database,
    chat_ids: Sequence[int],
    *,
    event_id: int,
    kind: str,
    texts: Sequence[str],
    now: datetime,
    buttons: list[list[tuple[str, str]]] | None = None,
    due: datetime | None = None,
) -> None:
    """Queue messages about an event for every safeguarding contacts' chat, all or none."""
    stamp = now.isoformat(timespec="seconds")
    due_stamp = (due or now).isoformat(timespec="seconds")
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO outbox (event_id, chat_id, kind, text, buttons, next_attempt_at,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    event_id,
                    chat_id,
                    kind,
                    text,
                    json.dumps(buttons) if buttons else None,
                    due_stamp,
                    stamp,
                )
                for text in texts
                for chat_id in chat_ids
            ],
        )


async def release_held(db: Database, event_id: int, now: datetime) -> None:
    """Make the event's messages that are waiting for their first try due now."""
    stamp = now.isoformat(timespec="seconds")
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE outbox SET next_attempt_at = ? WHERE event_id = ? AND attempts = 0"
            " AND sent_at IS NULL AND failed_at IS NULL AND next_attempt_at > ?",
            (stamp, event_id, stamp),
        )


async def enqueue_to_many(
    db: Database,
    respondents: list[str],
    *,
    text: str,
    kind: str,
    now: datetime,
    buttons: list[list[tuple[str, str]]] | None = None,
) -> None:
    """Queue the same message for many people in one transaction (broadcasts)."""
    stamp = now.isoformat(timespec="seconds")
    markup = json.dumps(buttons) if buttons else None
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO outbox (respondent, kind, text, buttons, next_attempt_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(respondent, kind, text, markup, stamp, stamp) for respondent in respondents],
        )


# Safeguarding traffic goes before reminders and broadcasts: first the help reply to a
# person who disclosed, then alerts, then the rest of the conversation about an event.
PRIORITY = (
    "CASE kind WHEN 'help' THEN 0 WHEN 'alert' THEN 1 WHEN 'repeat' THEN 1 WHEN 'copy' THEN 1"
    " WHEN 'reply' THEN 2 WHEN 'from_person' THEN 2 WHEN 'acknowledged' THEN 2"
    " WHEN 'undelivered' THEN 2 ELSE 3 END"
)


# No wait the bot sets is longer (backoff is at most five minutes): a message due later
# than this was scheduled before the wall clock stepped back, and is due now.
HORIZON = timedelta(minutes=15)


async def due_messages(
    db: Database, now: datetime, *, also: Sequence[int] = (), limit: int = 30
) -> list[OutboxMessage]:
    """Messages due by the wall clock (or beyond any wait we set), and those in `also`."""
    return await fetch_all(
        db,
        OutboxMessage,
        "SELECT * FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL"
        " AND (next_attempt_at <= ? OR next_attempt_at > ?"
        " OR id IN (SELECT value FROM json_each(?)))"
        f" ORDER BY {PRIORITY}, id LIMIT ?",
        (
            now.isoformat(timespec="seconds"),
            (now + HORIZON).isoformat(timespec="seconds"),
            json.dumps(list(also)),
            limit,
        ),
    )


async def mark_sent(db: Database, message_id: int, telegram_message_id: int, now: datetime) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE outbox SET sent_at = ?, message_id = ?, attempts = attempts + 1 WHERE id = ?",
            (now.isoformat(timespec="seconds"), telegram_message_id, message_id),
        )


async def mark_retry(db: Database, message_id: int, *, error: str, retry_at: datetime) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
            " WHERE id = ?",
            (error, retry_at.isoformat(timespec="seconds"), message_id),
        )


async def mark_maybe_sent(db: Database, message_id: int, *, error: str, retry_at: datetime) -> None:
    """Telegram may have sent it: try once more (the resend says it may be a repeat)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, uncertain = 1, last_error = ?,"
            " next_attempt_at = ? WHERE id = ?",
            (error, retry_at.isoformat(timespec="seconds"), message_id),
        )


async def mark_probably_sent(db: Database, message_id: int, *, error: str, now: datetime) -> None:
    """Telegram's answer was lost twice: count it as sent rather than send a third copy."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, sent_at = ?, last_error = ? WHERE id = ?",
            (now.isoformat(timespec="seconds"), f"probably delivered; {error}", message_id),
        )


async def move_to_chat(db: Database, message_id: int, chat_id: int) -> None:
    """Address a message to the chat its old one became (a group upgraded to a supergroup)."""
    async with db.transaction() as conn:
        await conn.execute("UPDATE outbox SET chat_id = ? WHERE id = ?", (chat_id, message_id))


async def mark_failed(db: Database, message_id: int, *, error: str, now: datetime) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, failed_at = ? WHERE id = ?",
            (error, now.isoformat(timespec="seconds"), message_id),
        )


async def list_outbox(db: Database) -> list[OutboxMessage]:
    return await fetch_all(db, OutboxMessage, "SELECT * FROM outbox ORDER BY id", ())


async def pending_count(db: Database) -> int:
    """Messages waiting to be sent (not sent, not given up)."""
    rows = await db.read(
        "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL", ()
    )
    return int(rows[0][0])


async def oldest_undelivered_alert(db: Database) -> str | None:
    """When the oldest message to the safeguarding contacts still waiting was queued."""
    rows = await db.read(
        "SELECT min(created_at) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL"
        " AND event_id IS NOT NULL AND chat_id IS NOT NULL",
        (),
    )
    return str(rows[0][0]) if rows and rows[0][0] is not None else None
