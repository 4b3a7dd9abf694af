"""People's rights over their data: export (/mydata), erasure (/forget) and retention."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from storage.database import Database


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
        # The audit log is kept as it is, as the law keeps it (and safeguarding records):
        # it names a pseudonym, never a person, and /forget tells staff so.


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
