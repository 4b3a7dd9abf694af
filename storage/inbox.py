"""The inbox: every update from Telegram is stored before Telegram is told it arrived.

Long polling confirms a batch of updates by asking for the next one (the offset),
and a webhook by answering 200. Stored first, an update fetched just before a
crash is handled when the bot starts again, not lost. Handling is once per
`update_id`: an update Telegram sends again is recognised. Once handled, the
payload (what the person wrote, their Telegram id) is dropped and only the id
is kept, for a week, to recognise a resend.
"""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.models import Row
from storage.queries import fetch_all


class StoredUpdate(Row):
    update_id: int
    payload: str


async def store(db: Database, updates: list[tuple[int, str]], now: datetime) -> list[int]:
    """Store updates not seen before, all or none; return the ids that were new."""
    stamp = now.isoformat(timespec="seconds")
    new = []
    async with db.transaction() as conn:
        for update_id, payload in updates:
            cursor = await conn.execute(
                "INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?)"
                " ON CONFLICT (update_id) DO NOTHING",
                (update_id, payload, stamp),
            )
            if cursor.rowcount == 1:
                new.append(update_id)
    return new


async def unhandled(db: Database) -> list[StoredUpdate]:
    """Updates stored but not handled (the bot stopped in between), oldest first."""
    return await fetch_all(
        db,
        StoredUpdate,
        "SELECT update_id, payload FROM inbox WHERE handled_at IS NULL ORDER BY update_id",
        (),
    )


async def mark_handled(db: Database, update_id: int, now: datetime) -> None:
    await db.write(
        "UPDATE inbox SET handled_at = ?, payload = NULL WHERE update_id = ?",
        (now.isoformat(timespec="seconds"), update_id),
    )


async def forget_handled_before(db: Database, cutoff: datetime) -> int:
    rows = await db.write(
        "DELETE FROM inbox WHERE handled_at IS NOT NULL AND handled_at < ? RETURNING update_id",
        (cutoff.isoformat(timespec="seconds"),),
    )
    return len(rows)
