"""Practice reviews and the links that carry them: a child's or family's feedback
link from /reflect joins their answers to the review.
"""

from __future__ import annotations

from analysis.vocabulary import AudienceGroup
from storage.database import Database, utc_now
from storage.models import (
    ReviewLink,
)
from storage.queries import fetch_one


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
