"""Reading aggregates for a period from the operational database, and pushing summaries
into the QA reporting store. Aggregation happens in SQL, so a window of 100,000
responses is summarised without loading them."""

from __future__ import annotations

from datetime import datetime

from analysis.languages import quoted_in
from analysis.reports import GROUPS, RawData, Summary
from storage.database import Database, Snapshot

# Reports read the live database or, better, a snapshot of it.
Source = Database | Snapshot

PERIOD = "r.started_at >= ? AND r.started_at < ?"
MENTIONS = "started_at >= ? AND started_at < ? AND flagged = 0"


async def _rows(db: Source, sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
    return [tuple(row) for row in await db.read(sql, params)]


async def load_theme_counts(db: Source, start: str, end: str) -> RawData:
    """Only the theme counts (what the previous window is compared on)."""
    rows = await _rows(
        db,
        "SELECT theme_id, audience_group, COUNT(DISTINCT response_id), AVG(polarity)"
        f" FROM answer_themes WHERE {MENTIONS} GROUP BY 1, 2",
        (start, end),
    )
    return RawData(
        theme_counts=[(str(t), str(g), int(str(n)), float(str(m))) for t, g, n, m in rows]
    )


async def load_raw(
    db: Source,
    start: str,
    end: str,
    *,
    theme_ids: tuple[str, ...] = (),
    rating_steps: tuple[str, ...] = (),
    quote_candidates: int = 8,
) -> RawData:
    """Counts and candidate quotes for responses started in [start, end) (UTC ISO strings)."""
    period = (start, end)
    group_status = await _rows(
        db,
        f"SELECT r.audience_group, r.status, COUNT(*) FROM responses r WHERE {PERIOD}"
        " GROUP BY 1, 2",
        period,
    )
    themes = await load_theme_counts(db, start, end)
    [(with_themes,)] = await _rows(
        db, f"SELECT COUNT(DISTINCT response_id) FROM answer_themes WHERE {MENTIONS}", period
    )
    steps = ", ".join("?" for _ in rating_steps) or "''"
    ratings = await _rows(
        db,
        "SELECT r.flow_id, a.step_id, a.choice, COUNT(*) FROM responses r"
        f" JOIN answers a ON a.response_id = r.id WHERE {PERIOD} AND a.skipped = 0"
        f" AND a.step_id IN ({steps}) AND a.choice IS NOT NULL GROUP BY 1, 2, 3",
        (*period, *rating_steps),
    )
    quotes = await _quote_candidates(db, period, theme_ids, quote_candidates)
    went_well = await _rows(
        db,
        "SELECT a.text FROM responses r JOIN answers a ON a.response_id = r.id"
        f" WHERE {PERIOD} AND r.flow_id = 'pr' AND a.step_id = 'went_well' AND a.flagged = 0"
        " AND a.text IS NOT NULL AND r.status = 'complete' ORDER BY a.id DESC LIMIT 10",
        period,
    )
    [(safeguarding,)] = await _rows(
        db,
        # Concerns raised: not false alarms a contact cleared, nor asks to talk to a person.
        "SELECT COUNT(*) FROM safeguarding_events WHERE created_at >= ? AND created_at < ?"
        " AND not_a_concern_at IS NULL AND category != 'asked_for_person'",
        (start[:19], end[:19]),
    )
    actions = await _rows(
        db,
        "SELECT theme_id, you_said, we_did, status FROM actions WHERE created_at < ? ORDER BY id",
        (end,),
    )
    return RawData(
        group_status_counts=[(str(g), str(s), int(str(n))) for g, s, n in group_status],
        theme_counts=themes.theme_counts,
        responses_with_themes=int(str(with_themes)),
        rating_counts=[(str(f), str(s), str(c), int(str(n))) for f, s, c, n in ratings],
        quote_candidates=quotes,
        reflections_went_well=[str(row[0]) for row in went_well],
        safeguarding_events=int(str(safeguarding)),
        actions=[(str(a), str(b), str(c), str(d)) for a, b, c, d in actions],
    )


async def _quote_candidates(
    db: Source, period: tuple[str, str], theme_ids: tuple[str, ...], limit: int
) -> list[tuple[str, str, float, str]]:
    """The most positive and most negative answers per theme, and per theme and group.

    Small queries that walk the (theme, polarity) index from either end, instead of
    ranking every answer in the window.
    """
    found: dict[tuple[int, str], tuple[str, str, float, str]] = {}
    base = (
        "SELECT a.id, t.theme_id, t.audience_group, t.polarity, a.text, a.language"
        " FROM answer_themes t"
        " INDEXED BY answer_themes_by_polarity JOIN answers a ON a.id = t.answer_id"
        " WHERE t.theme_id = ? AND t.started_at >= ? AND t.started_at < ? AND t.flagged = 0"
        " AND a.text IS NOT NULL"
    )
    for theme in theme_ids:
        for order in ("DESC", "ASC"):
            queries: list[tuple[str, tuple[object, ...]]] = [
                (f"{base} ORDER BY t.polarity {order} LIMIT ?", (theme, *period, limit))
            ]
            queries += [
                (
                    f"{base} AND t.audience_group = ? ORDER BY t.polarity {order} LIMIT 1",
                    (theme, *period, group),
                )
                for group in GROUPS
            ]
            for sql, params in queries:
                for answer_id, theme_id, group, polarity, text, language in await _rows(
                    db, sql, params
                ):
                    found[(int(str(answer_id)), str(theme_id))] = (
                        str(theme_id),
                        str(group),
                        float(str(polarity)),
                        # In the words it was written in, marked with their language.
                        quoted_in(str(text), str(language)),
                    )
    return list(found.values())


async def push_summary(store: Database, summary: Summary) -> None:
    """Write a summary into the store, replacing any earlier one of the same window and kind."""
    key = (summary.window_id, summary.kind)
    async with store.transaction() as conn:
        await conn.execute("DELETE FROM summaries WHERE window_id = ? AND kind = ?", key)
        await conn.execute(
            "INSERT INTO summaries (window_id, kind, period_start, period_end, built_at,"
            " safeguarding_events, safeguarding_events_label) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                *key,
                summary.period_start,
                summary.period_end,
                summary.built_at,
                summary.safeguarding_events.value,
                summary.safeguarding_events.label,
            ),
        )
        await conn.executemany(
            "INSERT INTO response_counts VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    *key,
                    row.group,
                    row.complete.value,
                    row.complete.label,
                    row.partial.value,
                    row.partial.label,
                )
                for row in summary.responses
            ],
        )
        theme_rows = []
        for stat in summary.themes:
            theme_rows.append(
                (
                    *key,
                    stat.theme_id,
                    stat.label,
                    "all",
                    stat.count.value,
                    stat.count.label,
                    stat.share,
                    stat.change,
                    stat.mean_sentiment,
                )
            )
            for group in GROUPS:
                count = stat.by_group[group]
                theme_rows.append(
                    (
                        *key,
                        stat.theme_id,
                        stat.label,
                        group,
                        count.value,
                        count.label,
                        None,
                        None,
                        None,
                    )
                )
        await conn.executemany(
            "INSERT INTO theme_counts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", theme_rows
        )
        ratings = [*summary.ratings, *([summary.self_ratings] if summary.self_ratings else [])]
        await conn.executemany(
            "INSERT INTO rating_counts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    *key,
                    f"{r.flow_id}.{r.question_id}",
                    r.question,
                    a.answer,
                    a.count.value,
                    a.count.label,
                    a.share,
                )
                for r in ratings
                for a in r.answers
            ],
        )
        await conn.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?)",
            [
                (*key, theme, side, quote.group, quote.text)
                for theme, sides in summary.quotes.items()
                for side, quotes in sides.items()
                for quote in quotes
            ],
        )
        await conn.executemany(
            "INSERT INTO good_practice VALUES (?, ?, ?)",
            [(*key, text) for text in summary.good_practice],
        )
        await conn.executemany(
            "INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?)",
            [(*key, a.theme_id, a.you_said, a.we_did, a.status) for a in summary.actions],
        )


async def built_runs(store: Database) -> dict[tuple[str, str], datetime]:
    """When each (window id, kind) summary in the store was built."""
    async with store.conn.execute("SELECT window_id, kind, built_at FROM summaries") as cursor:
        return {
            (str(window_id), str(kind)): datetime.fromisoformat(built_at)
            for window_id, kind, built_at in await cursor.fetchall()
        }


async def last_summary_built_at(store: Database) -> str | None:
    """When the newest summary in the reporting store was built."""
    rows = await store.read("SELECT max(built_at) FROM summaries", ())
    return str(rows[0][0]) if rows and rows[0][0] is not None else None
