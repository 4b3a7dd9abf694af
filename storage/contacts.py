"""Contacts: the one table outside persistence that holds a raw chat id, for people
who said we may message them, or who disclosed (so the help reply and replies reach them).
"""

from __future__ import annotations

import json
from datetime import datetime

from storage.database import Database, utc_now
from storage.models import (
    Contact,
)
from storage.queries import fetch_one


async def save_contact(db: Database, *, respondent: str, chat_id: int, hear_back: bool) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO contacts (respondent, chat_id, hear_back, consented_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (respondent) DO UPDATE SET"
            " chat_id = excluded.chat_id, hear_back = excluded.hear_back,"
            " consented_at = excluded.consented_at, blocked_at = NULL",
            (respondent, chat_id, int(hear_back), utc_now() if hear_back else None),
        )


async def remember_chat(db: Database, *, respondent: str, chat_id: int) -> None:
    """Keep a way to reach someone (for safeguarding replies) without changing their opt-ins."""
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO contacts (respondent, chat_id) VALUES (?, ?)"
            " ON CONFLICT (respondent) DO UPDATE SET chat_id = excluded.chat_id",
            (respondent, chat_id),
        )


async def stop_hearing_back(db: Database, respondent: str) -> None:
    """Withdraw consent to news: they are reachable still (for safeguarding), sent nothing else."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE contacts SET hear_back = 0, consented_at = NULL WHERE respondent = ?",
            (respondent,),
        )


async def mark_blocked(db: Database, respondent: str, now: datetime) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE contacts SET blocked_at = ? WHERE respondent = ?",
            (now.isoformat(timespec="seconds"), respondent),
        )


async def get_contact(db: Database, respondent: str) -> Contact | None:
    return await fetch_one(
        db, Contact, "SELECT * FROM contacts WHERE respondent = ?", (respondent,)
    )


async def chat_ids(db: Database, respondents: list[str]) -> dict[str, int]:
    """The chat of each of these people the bot knows, in one query (a broadcast's readers)."""
    rows = await db.read(
        "SELECT respondent, chat_id FROM contacts"
        " WHERE respondent IN (SELECT value FROM json_each(?))",
        (json.dumps(respondents),),
    )
    return {str(row["respondent"]): int(row["chat_id"]) for row in rows}
