"""Safeguarding events: kept apart from answers, never used as quotes. Recording an
event queues the help reply to the person in the same transaction (see `outbox`).
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Sequence
from datetime import datetime

from storage.database import Database
from storage.models import (
    Row,
)
from storage.outbox import HELP, QueuedText
from storage.queries import fetch_all, fetch_one


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


REVIEW_STRENGTHS = ("review", "possible")


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


async def unacknowledged_alerts(db: Database) -> int:
    """Alerts nobody has said they are dealing with, and not closed."""
    rows = await db.read(
        "SELECT count(*) FROM safeguarding_events WHERE strength = 'alert'"
        " AND acknowledged_at IS NULL AND closed_at IS NULL",
        (),
    )
    return int(rows[0][0])
