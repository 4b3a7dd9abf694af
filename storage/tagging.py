"""Themes and sentiment of free-text answers, the team's corrections, and the tagged
answers the team reads in /themes and /search.
"""

from __future__ import annotations

from storage.database import Database, utc_now
from storage.models import (
    CorrectedAnswer,
    Row,
    UntaggedAnswer,
)
from storage.queries import fetch_all, fetch_one

TAGGED = (
    "SELECT a.id, a.text, r.audience_group, a.answered_at, n.polarity, n.label,"
    " COALESCE((SELECT group_concat(theme_id) FROM answer_themes WHERE answer_id = a.id), '')"
    " AS themes, a.good_practice, a.needs_action, a.language"
    " FROM answers a JOIN responses r ON r.id = a.response_id"
    " LEFT JOIN answer_analysis n ON n.answer_id = a.id"
    " WHERE a.text IS NOT NULL AND a.flagged = 0"
)


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
        # Answers in other languages wait for the team to tag them by hand (`/themes`).
        " WHERE a.text IS NOT NULL AND n.answer_id IS NULL AND a.language = 'en' AND a.id > ?"
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
    language: str = "en"

    @property
    def theme_list(self) -> list[str]:
        return [t for t in self.themes.split(",") if t]


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


# Answers in other languages that nobody has tagged yet: the model reads English only.
BY_HAND = (
    "a.language != 'en' AND NOT EXISTS (SELECT 1 FROM answer_themes t WHERE t.answer_id = a.id)"
    " AND r.started_at >= ? AND r.started_at < ?"
)


async def answers_to_tag_by_hand(
    db: Database, start: str, end: str, *, page: int, per_page: int = 5
) -> tuple[list[TaggedAnswer], int]:
    """A page of answers in other languages with no themes yet, newest first, and the count."""
    rows = await fetch_all(
        db,
        TaggedAnswer,
        f"{TAGGED} AND {BY_HAND} ORDER BY a.id DESC LIMIT ? OFFSET ?",
        (start, end, per_page, page * per_page),
    )
    async with db.conn.execute(
        "SELECT COUNT(*) FROM answers a JOIN responses r ON r.id = a.response_id"
        f" WHERE a.text IS NOT NULL AND a.flagged = 0 AND {BY_HAND}",
        (start, end),
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
