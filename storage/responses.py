"""Responses and their answers: created at the first answer, written the moment each
arrives, completed at the end, deleted on /cancel.
"""

from __future__ import annotations

from analysis.vocabulary import AudienceGroup
from storage.database import Database, utc_now
from storage.models import (
    Answer,
    Response,
)
from storage.queries import fetch_all, fetch_one


async def create_response(
    db: Database,
    *,
    respondent: str,
    flow_id: str,
    audience_group: AudienceGroup,
    audience: str,
    review_id: int | None = None,
) -> Response:
    now = utc_now()
    rows = await db.write(
        "INSERT INTO responses (respondent, flow_id, audience_group, audience, review_id,"
        " status, started_at, updated_at) VALUES (?, ?, ?, ?, ?, 'partial', ?, ?) RETURNING *",
        (respondent, flow_id, audience_group, audience, review_id, now, now),
    )
    return Response.model_validate(dict(rows[0]))


async def get_response(db: Database, response_id: int) -> Response | None:
    return await fetch_one(db, Response, "SELECT * FROM responses WHERE id = ?", (response_id,))


async def save_answer(
    db: Database,
    *,
    response_id: int,
    step_id: str,
    kind: str,
    choice: str | None = None,
    text: str | None = None,
    skipped: bool = False,
    audience: str | None = None,
    flagged: bool = False,
    safeguarding_event: int | None = None,
    language: str = "en",
) -> int:
    """Store (or replace, when they went back) one answer the moment it arrives; return its id.

    A flagged answer names the safeguarding event its words raised, if any, so that
    a contact's "not a concern" can give it back to the feedback. A trigger moves the
    response's `updated_at` along with it.
    """
    if audience is not None:
        await db.write("UPDATE responses SET audience = ? WHERE id = ?", (audience, response_id))
    rows = await db.write(
        "INSERT INTO answers (response_id, step_id, kind, choice, text, skipped, answered_at,"
        " flagged, safeguarding_event, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (response_id, step_id) DO UPDATE SET kind = excluded.kind,"
        " choice = excluded.choice, text = excluded.text, skipped = excluded.skipped,"
        " answered_at = excluded.answered_at, flagged = excluded.flagged,"
        " safeguarding_event = excluded.safeguarding_event, language = excluded.language"
        " RETURNING id",
        (
            response_id,
            step_id,
            kind,
            choice,
            text,
            int(skipped),
            utc_now(),
            int(flagged),
            safeguarding_event,
            language,
        ),
    )
    return int(rows[0][0])


async def add_to_answer(
    db: Database, *, response_id: int, step_id: str, text: str
) -> tuple[int, str]:
    """Add words to a text answer, after any already there (a skip becomes an answer);
    return the answer's id and its whole text, for tagging again."""
    rows = await db.write(
        "INSERT INTO answers (response_id, step_id, kind, text, skipped, answered_at)"
        " VALUES (?, ?, 'text', ?, 0, ?)"
        " ON CONFLICT (response_id, step_id) DO UPDATE SET"
        " text = CASE WHEN answers.text IS NULL OR answers.text = '' THEN excluded.text"
        " ELSE answers.text || char(10) || char(10) || excluded.text END,"
        " skipped = 0, answered_at = excluded.answered_at RETURNING id, text",
        (response_id, step_id, text, utc_now()),
    )
    return int(rows[0][0]), str(rows[0][1])


async def list_answers(db: Database, response_id: int) -> list[Answer]:
    return await fetch_all(
        db, Answer, "SELECT * FROM answers WHERE response_id = ? ORDER BY id", (response_id,)
    )


async def complete_response(db: Database, response_id: int) -> None:
    now = utc_now()
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE responses SET status = 'complete', completed_at = ?, updated_at = ?"
            " WHERE id = ?",
            (now, now, response_id),
        )


async def delete_response(db: Database, response_id: int) -> None:
    async with db.transaction() as conn:
        await conn.execute("DELETE FROM responses WHERE id = ?", (response_id,))
