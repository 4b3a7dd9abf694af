"""What the participation team reads and changes: tagged answers, actions, the audit log,
and people's rights over their data (export, erasure, retention)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from storage.database import Database, utc_now
from storage.models import Row
from storage.repository import fetch_all, fetch_one


class TaggedAnswer(Row):
    id: int
    text: str
    audience_group: str
    answered_at: str
    polarity: float | None
    label: str | None
    themes: str
    good_practice: bool
    needs_action: bool

    @property
    def theme_list(self) -> list[str]:
        return [t for t in self.themes.split(",") if t]


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


TAGGED = (
    "SELECT a.id, a.text, r.audience_group, a.answered_at, n.polarity, n.label,"
    " COALESCE((SELECT group_concat(theme_id) FROM answer_themes WHERE answer_id = a.id), '')"
    " AS themes, a.good_practice, a.needs_action"
    " FROM answers a JOIN responses r ON r.id = a.response_id"
    " LEFT JOIN answer_analysis n ON n.answer_id = a.id"
    " WHERE a.text IS NOT NULL AND a.flagged = 0"
)


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


async def answers_with_theme(
    db: Database, theme_id: str, start: str, end: str, *, page: int, per_page: int = 5
) -> tuple[list[TaggedAnswer], int]:
    """A page of answers carrying a theme in a window, newest first, and how many there are."""
    where = (
        "EXISTS (SELECT 1 FROM answer_themes t WHERE t.answer_id = a.id AND t.theme_id = ?)"
        " AND r.started_at >= ? AND r.started_at < ?"
    )
    rows = await fetch_all(
        db,
        TaggedAnswer,
        f"{TAGGED} AND {where} ORDER BY a.id DESC LIMIT ? OFFSET ?",
        (theme_id, start, end, per_page, page * per_page),
    )
    async with db.conn.execute(
        "SELECT COUNT(*) FROM answers a JOIN responses r ON r.id = a.response_id"
        f" WHERE a.text IS NOT NULL AND a.flagged = 0 AND {where}",
        (theme_id, start, end),
    ) as cursor:
        row = await cursor.fetchone()
    return rows, int(row[0]) if row else 0


async def tagged_answer(db: Database, answer_id: int) -> TaggedAnswer | None:
    return await fetch_one(db, TaggedAnswer, f"{TAGGED} AND a.id = ?", (answer_id,))


async def search_answers(db: Database, words: str, *, limit: int = 10) -> list[TaggedAnswer]:
    pattern = "%" + words.replace("\\\\", "").replace("%", "").replace("_", "") + "%"
    return await fetch_all(
        db, TaggedAnswer, f"{TAGGED} AND a.text LIKE ? ORDER BY a.id DESC LIMIT ?", (pattern, limit)
    )


async def mark_answer(db: Database, answer_id: int, *, flag: str) -> None:
    if flag not in {"good_practice", "needs_action"}:
        raise ValueError(flag)
    async with db.transaction() as conn:
        await conn.execute(f"UPDATE answers SET {flag} = 1 - {flag} WHERE id = ?", (answer_id,))


# You said, we did


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


# People's rights over their data


async def export_person(db: Database, respondent: str) -> dict[str, Any]:
    """Everything held about one person, for /mydata."""
    responses = []
    async with db.conn.execute(
        "SELECT id, flow_id, audience_group, audience, status, started_at, completed_at"
        " FROM responses"
        " WHERE respondent = ? ORDER BY id",
        (respondent,),
    ) as cursor:
        for row in await cursor.fetchall():
            async with db.conn.execute(
                # Words a safeguarding contact has not yet said are not a concern are held
                # with the safeguarding record, and shown as such, not in a file to share.
                "SELECT step_id, choice,"
                " CASE WHEN flagged AND safeguarding_event IS NOT NULL THEN NULL ELSE text END"
                " AS text, skipped, answered_at,"
                " flagged AND safeguarding_event IS NOT NULL AS with_safeguarding_record"
                " FROM answers WHERE response_id = ? ORDER BY id",
                (row["id"],),
            ) as answers:
                responses.append(
                    {**dict(row), "answers": [dict(a) for a in await answers.fetchall()]}
                )
    async with db.conn.execute(
        "SELECT hear_back, consented_at FROM contacts WHERE respondent = ?", (respondent,)
    ) as cursor:
        contact = await cursor.fetchone()
    async with db.conn.execute(
        "SELECT role FROM roles WHERE respondent = ?", (respondent,)
    ) as cursor:
        roles = [str(r[0]) for r in await cursor.fetchall()]
    async with db.conn.execute(
        "SELECT display_name, team FROM staff WHERE respondent = ?", (respondent,)
    ) as cursor:
        profile = await cursor.fetchone()
    [(safeguarding_records,)] = await db.read(
        "SELECT COUNT(*) FROM safeguarding_events WHERE respondent = ?", (respondent,)
    )
    return {
        "responses": responses,
        "opt_ins": {
            "hear_what_we_change": bool(contact["hear_back"]) if contact else False,
            "agreed_at": contact["consented_at"] if contact else None,
        },
        "roles": roles,
        "staff_details": dict(profile) if profile else None,
        # Counted, not shown: what was said is for the safeguarding staff to handle.
        "safeguarding_records_kept": int(safeguarding_records),
    }


# Tables that hold a person's rows, and the column that names them. Safeguarding
# records are kept, as the law requires; report aggregates hold no one.
PERSONAL_TABLES = (
    ("responses", "respondent"),
    ("contacts", "respondent"),
    ("roles", "respondent"),
    ("staff", "respondent"),
    ("reminders", "respondent"),
    ("outbox", "respondent"),
)


async def erase_person(db: Database, respondent: str) -> None:
    """Erase a person's answers (and their tags), opt-ins, chat id, roles and details."""
    async with db.transaction() as conn:
        for table, column in PERSONAL_TABLES:
            await conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (respondent,))
        await conn.execute(
            "DELETE FROM reviews WHERE created_by = ? AND id NOT IN"
            " (SELECT review_id FROM responses WHERE review_id IS NOT NULL)",
            (respondent,),
        )
        await conn.execute(
            "UPDATE reviews SET created_by = 'erased' WHERE created_by = ?", (respondent,)
        )
        await conn.execute("UPDATE invites SET used_by = 'erased' WHERE used_by = ?", (respondent,))
        await conn.execute("UPDATE audit_log SET actor = 'erased' WHERE actor = ?", (respondent,))


async def purge_older_than(db: Database, cutoff: datetime) -> int:
    """Delete raw answers (whole responses) last touched before the cutoff; return how many."""
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "DELETE FROM responses WHERE updated_at < ?",
            (cutoff.isoformat(timespec="milliseconds"),),
        )
        return int(cursor.rowcount)


async def has_safeguarding_records(db: Database, respondent: str) -> bool:
    async with db.conn.execute(
        "SELECT 1 FROM safeguarding_events WHERE respondent = ? LIMIT 1", (respondent,)
    ) as cursor:
        return await cursor.fetchone() is not None


def as_document(data: dict[str, Any]) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False).encode()
