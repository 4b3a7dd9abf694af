"""The audit log: who did what with people's words, allowed or refused."""

from __future__ import annotations

from typing import Any

from storage.database import Database, utc_now


async def audit(
    db: Database, *, actor: str, action: str, detail: str = "", allowed: bool = True
) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO audit_log (actor, action, detail, allowed, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (actor, action, detail, int(allowed), utc_now()),
        )


async def audit_entries(db: Database) -> list[dict[str, Any]]:
    async with db.conn.execute("SELECT * FROM audit_log ORDER BY id") as cursor:
        return [dict(row) for row in await cursor.fetchall()]


async def entries_between(db: Database, start: str, end: str) -> list[dict[str, Any]]:
    """The audit log from `start` to before `end` (ISO dates or times), oldest first."""
    async with db.conn.execute(
        "SELECT id, created_at, actor, action, detail, allowed FROM audit_log"
        " WHERE created_at >= ? AND created_at < ? ORDER BY id",
        (start, end),
    ) as cursor:
        return [dict(row) for row in await cursor.fetchall()]
