""" "You said, we did": the team's actions on a theme, and who hears of them."""

from __future__ import annotations

from storage.database import Database, utc_now
from storage.models import (
    Row,
)
from storage.queries import fetch_all, fetch_one


class ActionRow(Row):
    id: int
    theme_id: str
    you_said: str
    we_did: str
    status: str
    created_by: str
    created_at: str
    updated_at: str
    broadcast_at: str | None


async def create_action(
    db: Database, *, theme_id: str, you_said: str, we_did: str, status: str, created_by: str
) -> int:
    now = utc_now()
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO actions (theme_id, you_said, we_did, status, created_by, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (theme_id, you_said, we_did, status, created_by, now, now),
        )
        return int(cursor.lastrowid or 0)


async def get_action(db: Database, action_id: int) -> ActionRow | None:
    return await fetch_one(db, ActionRow, "SELECT * FROM actions WHERE id = ?", (action_id,))


async def list_actions(db: Database) -> list[ActionRow]:
    return await fetch_all(db, ActionRow, "SELECT * FROM actions ORDER BY id DESC LIMIT 20", ())


async def set_action_status(db: Database, action_id: int, status: str) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE actions SET status = ?, updated_at = ? WHERE id = ?",
            (status, utc_now(), action_id),
        )


async def mark_action_broadcast(db: Database, action_id: int) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE actions SET broadcast_at = ? WHERE id = ?", (utc_now(), action_id)
        )


async def audience_for_theme(db: Database, theme_id: str) -> list[str]:
    """Young people and families who opted in to hear back and whose feedback carried the theme."""
    async with db.conn.execute(
        "SELECT DISTINCT c.respondent FROM contacts c"
        " JOIN responses r ON r.respondent = c.respondent"
        " JOIN answer_themes t ON t.response_id = r.id"
        " WHERE t.theme_id = ? AND c.hear_back = 1 AND c.blocked_at IS NULL"
        " AND r.audience_group IN ('young_person', 'parent_carer')",
        (theme_id,),
    ) as cursor:
        return [str(row[0]) for row in await cursor.fetchall()]
