"""Safeguarding records and the outbox: kept apart from answers, never used as quotes.

Outbox rows address staff by chat id and people by pseudonym; a person's chat
id is looked up in `contacts` only when the message is sent.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from storage.database import Database
from storage.models import Row
from storage.repository import fetch_all, fetch_one


class SafeguardingEvent(Row):
    id: int
    reference: str
    respondent: str
    text: str
    category: str
    strength: str
    triggers: str
    source: str
    chat_type: str
    created_at: str
    last_alerted_at: str
    acknowledged_by: str | None
    acknowledged_at: str | None
    closed_at: str | None
    not_a_concern_by: str | None = None
    not_a_concern_at: str | None = None

    @property
    def for_review(self) -> bool:
        """The detector was unsure: a person looks today ("possible" before there were levels)."""
        return self.strength in REVIEW_STRENGTHS

    @property
    def trigger_list(self) -> list[str]:
        return list(json.loads(self.triggers))


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


REVIEW_STRENGTHS = ("review", "possible")
# The outbox kind of the reply that tells a person who disclosed how to get help now.
HELP = "help"


class QueuedText(NamedTuple):
    """A message for the outbox: its words, and its buttons as rows of (label, data)."""

    text: str
    buttons: list[list[tuple[str, str]]] | None = None


REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# What a reference looks like (whether or not there is such an event).
REFERENCE = re.compile(r"^SG-[A-Z0-9]{5}$")


def new_reference() -> str:
    """A short reference staff can type: SG- and five unambiguous characters."""
    return "SG-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(5))


async def record_event(
    db: Database,
    *,
    respondent: str,
    text: str,
    category: str,
    strength: str,
    triggers: list[str],
    source: str,
    chat_type: str,
    now: datetime,
    help_reply: Sequence[QueuedText] = (),
    reference: str | None = None,
) -> SafeguardingEvent:
    """Record an event and, in the same transaction, queue the help reply to the person.

    `reference` is given when the event was made while the database could not be
    written (from the journal): the contacts already know it by that reference.
    """
    stamp = now.isoformat(timespec="seconds")
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO safeguarding_events (reference, respondent, text, category, strength,"
            " triggers, source, chat_type, created_at, last_alerted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                reference or new_reference(),
                respondent,
                text,
                category,
                strength,
                json.dumps(triggers),
                source,
                chat_type,
                stamp,
                stamp,
            ),
        )
        event_id = int(cursor.lastrowid or 0)
        await conn.executemany(
            "INSERT INTO outbox (event_id, respondent, kind, text, buttons, next_attempt_at,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    event_id,
                    respondent,
                    HELP,
                    message.text,
                    json.dumps(message.buttons) if message.buttons else None,
                    stamp,
                    stamp,
                )
                for message in help_reply
            ],
        )
    event = await get_event(db, event_id)
    assert event is not None
    return event


async def get_event(db: Database, event_id: int) -> SafeguardingEvent | None:
    return await fetch_one(
        db, SafeguardingEvent, "SELECT * FROM safeguarding_events WHERE id = ?", (event_id,)
    )


async def find_event(db: Database, reference: str) -> SafeguardingEvent | None:
    return await fetch_one(
        db,
        SafeguardingEvent,
        "SELECT * FROM safeguarding_events WHERE reference = ?",
        (reference.strip().upper(),),
    )


async def others_open(
    db: Database, event: SafeguardingEvent, *, most: int = 3
) -> list[SafeguardingEvent]:
    """The same person's other events that are not closed yet, the most recent, oldest first."""
    newest = await fetch_all(
        db,
        SafeguardingEvent,
        "SELECT * FROM safeguarding_events"
        " WHERE respondent = ? AND id != ? AND closed_at IS NULL ORDER BY id DESC LIMIT ?",
        (event.respondent, event.id, most),
    )
    return newest[::-1]


async def acknowledge(db: Database, event_id: int, *, by: str, now: datetime) -> bool:
    """Record who is dealing with it; False if someone already was."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE safeguarding_events SET acknowledged_by = ?, acknowledged_at = ?"
            " WHERE id = ? AND acknowledged_at IS NULL",
            (by, now.isoformat(timespec="seconds"), event_id),
        )
        return cursor.rowcount == 1


async def unacknowledged(db: Database) -> list[SafeguardingEvent]:
    """Open alerts (not reviews, which have their digest) nobody has taken yet."""
    return await fetch_all(
        db,
        SafeguardingEvent,
        "SELECT * FROM safeguarding_events WHERE acknowledged_at IS NULL AND closed_at IS NULL"
        " AND strength NOT IN (?, ?) ORDER BY id",
        REVIEW_STRENGTHS,
    )


async def open_reviews(db: Database) -> list[SafeguardingEvent]:
    """The review queue: messages for a person to look at that nobody has looked at yet."""
    return await fetch_all(
        db,
        SafeguardingEvent,
        "SELECT * FROM safeguarding_events WHERE acknowledged_at IS NULL AND closed_at IS NULL"
        " AND strength IN (?, ?) ORDER BY id",
        REVIEW_STRENGTHS,
    )


async def mark_not_a_concern(db: Database, event_id: int, *, by: str, now: datetime) -> bool:
    """A contact judged the words not a concern: close the event, and give any answer it
    flagged back to the feedback (a trigger clears its tagging, to be tagged again).
    False if someone already marked it."""
    stamp = now.isoformat(timespec="seconds")
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "UPDATE safeguarding_events SET not_a_concern_by = ?, not_a_concern_at = ?,"
            " acknowledged_by = COALESCE(acknowledged_by, ?),"
            " acknowledged_at = COALESCE(acknowledged_at, ?), closed_at = COALESCE(closed_at, ?)"
            " WHERE id = ? AND not_a_concern_at IS NULL",
            (by, stamp, by, stamp, stamp, event_id),
        )
        if cursor.rowcount != 1:
            return False
        await conn.execute(
            "UPDATE answers SET flagged = 0 WHERE safeguarding_event = ?", (event_id,)
        )
        return True


async def marked_not_a_concern(db: Database) -> list[SafeguardingEvent]:
    """Words contacts judged not a concern: labelled examples for the next training run."""
    return await fetch_all(
        db,
        SafeguardingEvent,
        "SELECT * FROM safeguarding_events WHERE not_a_concern_at IS NOT NULL ORDER BY id",
        (),
    )


async def mark_alerted(db: Database, event_id: int, now: datetime) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE safeguarding_events SET last_alerted_at = ? WHERE id = ?",
            (now.isoformat(timespec="seconds"), event_id),
        )


async def close_event(db: Database, event_id: int, now: datetime) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE safeguarding_events SET closed_at = ? WHERE id = ?",
            (now.isoformat(timespec="seconds"), event_id),
        )


async def add_message(
    db: Database, *, event_id: int, direction: str, sender: str, text: str, now: datetime
) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO safeguarding_messages (event_id, direction, sender, text, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (event_id, direction, sender, text, now.isoformat(timespec="seconds")),
        )


async def count_events(db: Database, *, since: str | None = None, until: str | None = None) -> int:
    async with db.conn.execute(
        "SELECT COUNT(*) FROM safeguarding_events WHERE created_at >= ? AND created_at < ?",
        (since or "", until or "9999"),
    ) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


# The outbox


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
