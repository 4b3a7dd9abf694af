"""The repository: small async functions over one database, parameterised SQL only.

Handlers call these; nothing outside `storage/` writes SQL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from analysis.vocabulary import AudienceGroup
from storage.database import Database, utc_now
from storage.models import (
    Answer,
    Contact,
    CorrectedAnswer,
    Response,
    ReviewLink,
    Row,
    UntaggedAnswer,
)

RowT = TypeVar("RowT", bound=Row)


async def fetch_one(
    db: Database, model: type[RowT], sql: str, params: tuple[Any, ...]
) -> RowT | None:
    rows = await db.read(sql, params)
    return model.model_validate(dict(rows[0])) if rows else None


async def fetch_all(
    db: Database, model: type[RowT], sql: str, params: tuple[Any, ...]
) -> list[RowT]:
    return [model.model_validate(dict(row)) for row in await db.read(sql, params)]


# Responses and answers


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
        " flagged, safeguarding_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (response_id, step_id) DO UPDATE SET kind = excluded.kind,"
        " choice = excluded.choice, text = excluded.text, skipped = excluded.skipped,"
        " answered_at = excluded.answered_at, flagged = excluded.flagged,"
        " safeguarding_event = excluded.safeguarding_event RETURNING id",
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


async def list_responses(db: Database, respondent: str) -> list[Response]:
    return await fetch_all(
        db, Response, "SELECT * FROM responses WHERE respondent = ? ORDER BY id", (respondent,)
    )


# Contacts: the one table outside persistence that holds a raw chat id.


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


# Practice-review links carried by deep links.


async def find_review_link(db: Database, token: str) -> ReviewLink | None:
    return await fetch_one(db, ReviewLink, "SELECT * FROM review_links WHERE token = ?", (token,))


async def create_review(db: Database, *, reference_hash: str, created_by: str) -> int:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO reviews (reference_hash, created_by, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT (reference_hash) DO NOTHING",
            (reference_hash, created_by, utc_now()),
        )
        async with conn.execute(
            "SELECT id FROM reviews WHERE reference_hash = ?", (reference_hash,)
        ) as cursor:
            row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def create_review_link(
    db: Database, *, token: str, review_id: int, audience_group: AudienceGroup
) -> ReviewLink:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO review_links (token, review_id, audience_group, created_at)"
            " VALUES (?, ?, ?, ?)",
            (token, review_id, audience_group, utc_now()),
        )
    link = await find_review_link(db, token)
    assert link is not None
    return link


# Themes and sentiment of free-text answers

# Reports filter theme mentions by the response's group and start time; copying them
# onto each mention lets a window be counted from one index.
THEME_COLUMNS = (
    "answer_id, theme_id, confidence, evidence, polarity, source,"
    " response_id, audience_group, started_at, flagged"
)
COPIED_FROM_ANSWER = (
    "a.response_id, r.audience_group, r.started_at, a.flagged FROM answers a"
    " JOIN responses r ON r.id = a.response_id WHERE a.id = ?"
)


async def save_analysis(
    db: Database,
    *,
    answer_id: int,
    text: str,
    polarity: float,
    label: str,
    themes: list[tuple[str, float, str, float]],
) -> bool:
    """Replace an answer's tagging: (theme id, confidence, evidence, polarity) per theme.

    `text` is the text that was tagged. If the answer no longer says it (the
    person changed it meanwhile), nothing is written and False is returned.
    """
    async with db.transaction() as conn:
        async with conn.execute(
            "SELECT 1 FROM answers WHERE id = ? AND text = ?", (answer_id, text)
        ) as cursor:
            if await cursor.fetchone() is None:
                return False
        await conn.execute(
            "INSERT INTO answer_analysis (answer_id, polarity, label, tagged_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (answer_id) DO UPDATE SET"
            " polarity = excluded.polarity, label = excluded.label,"
            " tagged_at = excluded.tagged_at",
            (answer_id, polarity, label, utc_now()),
        )
        await conn.execute(
            "DELETE FROM answer_themes WHERE answer_id = ? AND source = 'tagger'", (answer_id,)
        )
        await conn.executemany(
            f"INSERT INTO answer_themes ({THEME_COLUMNS})"
            f" SELECT ?, ?, ?, ?, ?, 'tagger', {COPIED_FROM_ANSWER}"
            " ON CONFLICT (answer_id, theme_id) DO NOTHING",
            [
                (answer_id, theme, confidence, evidence, pol, answer_id)
                for theme, confidence, evidence, pol in themes
            ],
        )
    return True


async def untagged_answers(db: Database, *, after_id: int, limit: int) -> list[UntaggedAnswer]:
    """Free-text answers with no tagging, in id order from after `after_id`."""
    return await fetch_all(
        db,
        UntaggedAnswer,
        "SELECT a.id, a.text, r.audience_group FROM answers a"
        " JOIN responses r ON r.id = a.response_id"
        " LEFT JOIN answer_analysis n ON n.answer_id = a.id"
        " WHERE a.text IS NOT NULL AND n.answer_id IS NULL AND a.id > ?"
        " ORDER BY a.id LIMIT ?",
        (after_id, limit),
    )


async def answer_theme_ids(db: Database, answer_id: int) -> list[str]:
    async with db.conn.execute(
        "SELECT theme_id FROM answer_themes WHERE answer_id = ? ORDER BY confidence DESC",
        (answer_id,),
    ) as cursor:
        return [str(row[0]) for row in await cursor.fetchall()]


async def correct_theme(
    db: Database, *, answer_id: int, theme_id: str, action: str, corrected_by: str
) -> None:
    """Record a team member's correction and apply it to the answer's themes."""
    now = utc_now()
    async with db.transaction() as conn:
        async with conn.execute("SELECT text FROM answers WHERE id = ?", (answer_id,)) as cursor:
            row = await cursor.fetchone()
        if row is None or row[0] is None:
            raise LookupError(f"answer {answer_id} has no text to correct")
        await conn.execute(
            "INSERT INTO theme_corrections (answer_id, text, theme_id, action, corrected_by,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (answer_id, row[0], theme_id, action, corrected_by, now),
        )
        if action == "remove":
            await conn.execute(
                "DELETE FROM answer_themes WHERE answer_id = ? AND theme_id = ?",
                (answer_id, theme_id),
            )
        else:
            await conn.execute(
                f"INSERT INTO answer_themes ({THEME_COLUMNS})"
                f" SELECT ?, ?, 1.0, ?, 0.0, 'correction', {COPIED_FROM_ANSWER}"
                " ON CONFLICT (answer_id, theme_id) DO UPDATE SET source = 'correction',"
                " confidence = 1.0",
                (answer_id, theme_id, row[0], answer_id),
            )


async def corrected_answers(db: Database) -> list[CorrectedAnswer]:
    """Every answer with a correction whose words are still held, oldest first."""
    async with db.conn.execute(
        "SELECT a.id, a.text, r.audience_group,"
        " (SELECT group_concat(t.theme_id) FROM answer_themes t WHERE t.answer_id = a.id)"
        " FROM answers a JOIN responses r ON r.id = a.response_id"
        " WHERE a.text IS NOT NULL AND a.id IN (SELECT answer_id FROM theme_corrections)"
        " ORDER BY a.id"
    ) as cursor:
        rows = await cursor.fetchall()
    return [
        CorrectedAnswer(
            text=text, group=group, themes=tuple(sorted(themes.split(","))) if themes else ()
        )
        for _, text, group, themes in rows
    ]


async def list_corrections(db: Database) -> list[tuple[str, str, str]]:
    """Every stored correction as (text, theme id, action), oldest first."""
    async with db.conn.execute(
        "SELECT text, theme_id, action FROM theme_corrections ORDER BY id"
    ) as cursor:
        return [(str(r[0]), str(r[1]), str(r[2])) for r in await cursor.fetchall()]
