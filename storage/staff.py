"""Invites, roles and practitioners' own details (used only for their copies and reminders)."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database, utc_now
from storage.models import Response, Row
from storage.queries import fetch_all, fetch_one

ROLES = ("practitioner", "participation", "safeguarding", "admin")


class Staff(Row):
    respondent: str
    display_name: str
    team: str
    reminders: bool
    created_at: str


async def create_invite(db: Database, *, code_hash: str, role: str, expires_at: datetime) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO invites (code_hash, role, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (code_hash, role, utc_now(), expires_at.isoformat(timespec="seconds")),
        )


async def redeem_invite(
    db: Database, *, code_hash: str, respondent: str, now: datetime
) -> str | None:
    """Use an invite once, before it expires; grant its role. None if it can't be used."""
    stamp = now.isoformat(timespec="seconds")
    async with db.transaction() as conn:
        async with conn.execute(
            "UPDATE invites SET used_at = ?, used_by = ? WHERE code_hash = ? AND used_at IS NULL"
            " AND expires_at > ? RETURNING role",
            (stamp, respondent, code_hash, stamp),
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return None
        await conn.execute(
            "INSERT INTO roles (respondent, role, granted_at) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (respondent, row[0], stamp),
        )
    return str(row[0])


async def roles_of(db: Database, respondent: str) -> set[str]:
    async with db.conn.execute("SELECT role FROM roles WHERE respondent = ?", (respondent,)) as c:
        return {str(row[0]) for row in await c.fetchall()}


async def staff_chats(db: Database) -> dict[int, set[str]]:
    """The roles held by each staff member whose chat the bot knows, by chat id."""
    rows = await db.read(
        "SELECT contacts.chat_id, roles.role FROM roles"
        " JOIN contacts ON contacts.respondent = roles.respondent"
    )
    chats: dict[int, set[str]] = {}
    for chat_id, role in rows:
        chats.setdefault(int(chat_id), set()).add(str(role))
    return chats


async def has_role(db: Database, respondent: str, *roles: str) -> bool:
    return bool(await roles_of(db, respondent) & set(roles))


async def save_profile(db: Database, *, respondent: str, display_name: str, team: str) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO staff (respondent, display_name, team, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (respondent) DO UPDATE SET display_name = excluded.display_name,"
            " team = excluded.team",
            (respondent, display_name, team, utc_now()),
        )


async def get_profile(db: Database, respondent: str) -> Staff | None:
    return await fetch_one(db, Staff, "SELECT * FROM staff WHERE respondent = ?", (respondent,))


async def set_reminders(db: Database, respondent: str, *, on: bool) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE staff SET reminders = ? WHERE respondent = ?", (int(on), respondent)
        )


async def drafts(db: Database, respondent: str, flow_id: str) -> list[Response]:
    return await fetch_all(
        db,
        Response,
        "SELECT * FROM responses WHERE respondent = ? AND flow_id = ? AND status = 'partial'"
        " ORDER BY updated_at DESC",
        (respondent, flow_id),
    )


async def submitted(db: Database, respondent: str, flow_id: str) -> list[Response]:
    return await fetch_all(
        db,
        Response,
        "SELECT * FROM responses WHERE respondent = ? AND flow_id = ? AND status = 'complete'"
        " ORDER BY completed_at",
        (respondent, flow_id),
    )


async def practitioners_with_drafts(db: Database, flow_id: str) -> list[Staff]:
    return await fetch_all(
        db,
        Staff,
        "SELECT DISTINCT s.* FROM staff s JOIN responses r ON r.respondent = s.respondent"
        " WHERE r.flow_id = ? AND r.status = 'partial' AND s.reminders = 1",
        (flow_id,),
    )


async def reminders_sent(db: Database, respondent: str, since: datetime) -> list[str]:
    async with db.conn.execute(
        "SELECT sent_at FROM reminders WHERE respondent = ? AND sent_at >= ? ORDER BY sent_at",
        (respondent, since.isoformat(timespec="seconds")),
    ) as cursor:
        return [str(row[0]) for row in await cursor.fetchall()]


async def record_reminder(db: Database, respondent: str, now: datetime) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO reminders (respondent, sent_at) VALUES (?, ?)",
            (respondent, now.isoformat(timespec="seconds")),
        )


async def with_role(db: Database, role: str) -> list[str]:
    async with db.conn.execute(
        "SELECT respondent FROM roles WHERE role = ? ORDER BY granted_at", (role,)
    ) as cursor:
        return [str(row[0]) for row in await cursor.fetchall()]


async def hear_back_respondents(db: Database) -> list[str]:
    """People who opted in to hear from us and have not blocked the bot."""
    async with db.conn.execute(
        "SELECT respondent FROM contacts WHERE hear_back = 1 AND blocked_at IS NULL"
    ) as cursor:
        return [str(row[0]) for row in await cursor.fetchall()]


class StaffMember(Row):
    """One person's roles, as the operators see them: by a short id, never a chat id."""

    id: str
    roles: str
    display_name: str | None
    team: str | None
    joined_at: str


# The short id shown for a member of staff: the start of their pseudonym.
STAFF_ID_LENGTH = 8


async def list_staff(db: Database) -> list[StaffMember]:
    """Everyone with a role, with their name and team if they gave them, oldest first."""
    return await fetch_all(
        db,
        StaffMember,
        "SELECT substr(r.respondent, 1, ?) AS id, group_concat(r.role, ', ') AS roles,"
        " s.display_name, s.team, min(r.granted_at) AS joined_at"
        " FROM roles r LEFT JOIN staff s ON s.respondent = r.respondent"
        " GROUP BY r.respondent ORDER BY joined_at",
        (STAFF_ID_LENGTH,),
    )


class Revoked(Row):
    respondent: str
    roles: list[str]


async def revoke(db: Database, staff_id: str, role: str | None = None) -> Revoked | None:
    """Remove a role (or every role) from the member of staff with this short id at once.
    Nothing is removed (None) unless the id names exactly one person who holds it."""
    if len(staff_id) < 4:
        return None
    async with db.transaction() as conn:
        found = list(
            await conn.execute_fetchall(
                "SELECT DISTINCT respondent FROM roles WHERE respondent LIKE ? || '%'", (staff_id,)
            )
        )
        if len(found) != 1:
            return None
        respondent = str(found[0][0])
        rows = await conn.execute_fetchall(
            "DELETE FROM roles WHERE respondent = ? AND (? IS NULL OR role = ?) RETURNING role",
            (respondent, role, role),
        )
    removed = sorted(str(row[0]) for row in rows)
    return Revoked(respondent=respondent, roles=removed) if removed else None
