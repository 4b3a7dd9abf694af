"""Synthetic responses for benchmarks and demonstrations, written in bulk."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from storage.database import Database

THEMES = (
    "listened_to",
    "relationship_with_worker",
    "worker_changes",
    "communication",
    "timeliness",
    "plans_and_meetings",
    "safety",
    "family_time",
    "home_and_placement",
    "education",
    "health_and_wellbeing",
    "practical_help",
    "identity_and_respect",
    "future_and_independence",
)
GROUPS = (
    ("young_person", "yp", "teen"),
    ("parent_carer", "pc", "parent"),
    ("practitioner", "pr", "practitioner"),
)
PHRASES = (
    "my worker listens",
    "waited ages for a call back",
    "the plan was clear",
    "I miss my brother",
    "school is going better",
    "we got help with the rent",
    "new worker again",
)


async def seed_responses(
    db: Database, count: int, start: datetime, end: datetime, seed: int = 7
) -> None:
    """`count` responses between `start` and `end`: three ratings and two tagged texts each."""
    rng = random.Random(seed)
    span = (end - start).total_seconds()
    async with db.transaction() as conn:
        async with conn.execute("SELECT COALESCE(MAX(id), 0) FROM responses") as cursor:
            row = await cursor.fetchone()
        next_response = int(row[0]) + 1 if row else 1
        async with conn.execute("SELECT COALESCE(MAX(id), 0) FROM answers") as cursor:
            row = await cursor.fetchone()
        next_answer = int(row[0]) + 1 if row else 1
        responses: list[tuple[object, ...]] = []
        answers: list[tuple[object, ...]] = []
        analyses: list[tuple[object, ...]] = []
        themes: list[tuple[object, ...]] = []
        for number in range(count):
            group, flow, audience = GROUPS[0 if number % 10 < 6 else 1 if number % 10 < 9 else 2]
            stamp = (start + timedelta(seconds=rng.random() * span)).isoformat(
                timespec="milliseconds"
            )
            response_id = next_response + number
            status = "complete" if rng.random() < 0.8 else "partial"
            responses.append(
                (response_id, f"synthetic-{number}", flow, group, audience, status, stamp, stamp)
            )
            for step, choices in (
                ("listened", ("yes", "sometimes", "no")),
                ("plan", ("yes", "a_bit", "no")),
                ("mood", ("awful", "bad", "ok", "good", "great")),
            ):
                answers.append(
                    (next_answer, response_id, step, "choice", rng.choice(choices), None, stamp)
                )
                next_answer += 1
            for step in ("good_thing", "change"):
                polarity = round(rng.uniform(-1, 1), 2)
                answers.append(
                    (next_answer, response_id, step, "text", None, rng.choice(PHRASES), stamp)
                )
                analyses.append(
                    (
                        next_answer,
                        polarity,
                        "positive"
                        if polarity > 0.1
                        else "negative"
                        if polarity < -0.1
                        else "neutral",
                        stamp,
                    )
                )
                for theme in rng.sample(THEMES, rng.choice((1, 1, 2))):
                    themes.append(
                        (next_answer, theme, 0.8, "evidence", polarity, response_id, group, stamp)
                    )
                next_answer += 1
        await conn.executemany(
            "INSERT INTO responses (id, respondent, flow_id, audience_group, audience, status,"
            " started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            responses,
        )
        await conn.executemany(
            "INSERT INTO answers (id, response_id, step_id, kind, choice, text, answered_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            answers,
        )
        await conn.executemany(
            "INSERT INTO answer_analysis (answer_id, polarity, label, tagged_at)"
            " VALUES (?, ?, ?, ?)",
            analyses,
        )
        await conn.executemany(
            "INSERT INTO answer_themes (answer_id, theme_id, confidence, evidence, polarity,"
            " response_id, audience_group, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            themes,
        )


async def count_complete(db: Database) -> int:
    async with db.conn.execute(
        "SELECT COUNT(*) FROM responses WHERE status = 'complete'"
    ) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def seed_contacts(db: Database, count: int, first_chat_id: int) -> list[str]:
    """`count` people who opted in to hear back; returns their pseudonyms."""
    respondents = [f"synthetic-contact-{n}" for n in range(count)]
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO contacts (respondent, chat_id, hear_back, consented_at)"
            " VALUES (?, ?, 1, '2026-01-01')",
            [(respondent, first_chat_id + n) for n, respondent in enumerate(respondents)],
        )
    return respondents
