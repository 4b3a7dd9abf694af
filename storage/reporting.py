"""Reading aggregates for a period from the operational database, and pushing summaries
into the QA reporting store. Aggregation happens in SQL, so a window of 100,000
responses is summarised without loading them."""

from __future__ import annotations

from analysis.reports import GROUPS, RawData, Summary
from storage.database import Database

PERIOD = "r.started_at >= ? AND r.started_at < ?"


async def _rows(db: Database, sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
    async with db.conn.execute(sql, params) as cursor:
        return [tuple(row) for row in await cursor.fetchall()]


async def load_raw(db: Database, start: str, end: str, *, quote_candidates: int = 8) -> RawData:
    """Counts and candidate quotes for responses started in [start, end) (UTC ISO strings)."""
    period = (start, end)
    group_status = await _rows(
        db,
        f"SELECT r.audience_group, r.status, COUNT(*) FROM responses r WHERE {PERIOD}"
        " GROUP BY 1, 2",
        period,
    )
    themed = (
        "FROM responses r JOIN answers a ON a.response_id = r.id"
        " JOIN answer_themes t ON t.answer_id = a.id"
        f" WHERE {PERIOD} AND a.flagged = 0"
    )
    theme_counts = await _rows(
        db,
        f"SELECT t.theme_id, r.audience_group, COUNT(DISTINCT r.id), AVG(t.polarity) {themed}"
        " GROUP BY 1, 2",
        period,
    )
    [(with_themes,)] = await _rows(db, f"SELECT COUNT(DISTINCT r.id) {themed}", period)
    ratings = await _rows(
        db,
        "SELECT r.flow_id, a.step_id, a.choice, COUNT(*) FROM responses r"
        f" JOIN answers a ON a.response_id = r.id WHERE {PERIOD} AND a.skipped = 0"
        " AND a.choice IS NOT NULL GROUP BY 1, 2, 3",
        period,
    )
    quotes = await _rows(
        db,
        "SELECT theme_id, audience_group, polarity, text FROM ("
        " SELECT t.theme_id, r.audience_group, t.polarity, a.text,"
        "  ROW_NUMBER() OVER (PARTITION BY t.theme_id ORDER BY t.polarity DESC, a.id DESC) AS best,"
        "  ROW_NUMBER() OVER (PARTITION BY t.theme_id ORDER BY t.polarity ASC, a.id DESC) AS worst,"
        "  ROW_NUMBER() OVER (PARTITION BY t.theme_id, r.audience_group"
        "   ORDER BY ABS(t.polarity) DESC, a.id DESC) AS voice"
        f" {themed} AND a.text IS NOT NULL"
        ") WHERE best <= ? OR worst <= ? OR voice <= 1",
        (*period, quote_candidates, quote_candidates),
    )
    went_well = await _rows(
        db,
        "SELECT a.text FROM responses r JOIN answers a ON a.response_id = r.id"
        f" WHERE {PERIOD} AND r.flow_id = 'pr' AND a.step_id = 'went_well' AND a.flagged = 0"
        " AND a.text IS NOT NULL AND r.status = 'complete' ORDER BY a.id DESC LIMIT 10",
        period,
    )
    [(safeguarding,)] = await _rows(
        db,
        "SELECT COUNT(*) FROM safeguarding_events WHERE created_at >= ? AND created_at < ?",
        (start[:19], end[:19]),
    )
    actions = await _rows(
        db,
        "SELECT theme_id, you_said, we_did, status FROM actions WHERE created_at < ? ORDER BY id",
        (end,),
    )
    return RawData(
        group_status_counts=[(str(g), str(s), int(str(n))) for g, s, n in group_status],
        theme_counts=[(str(t), str(g), int(str(n)), float(str(m))) for t, g, n, m in theme_counts],
        responses_with_themes=int(str(with_themes)),
        rating_counts=[(str(f), str(s), str(c), int(str(n))) for f, s, c, n in ratings],
        quote_candidates=[(str(t), str(g), float(str(p)), str(x)) for t, g, p, x in quotes],
        reflections_went_well=[str(row[0]) for row in went_well],
        safeguarding_events=int(str(safeguarding)),
        actions=[(str(a), str(b), str(c), str(d)) for a, b, c, d in actions],
    )


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


async def built_runs(store: Database) -> set[tuple[str, str]]:
    async with store.conn.execute("SELECT window_id, kind FROM summaries") as cursor:
        return {(str(row[0]), str(row[1])) for row in await cursor.fetchall()}
