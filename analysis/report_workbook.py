"""A summary as an Excel workbook for the QA team (XlsxWriter). Pure: summary in, bytes out.

Sheets: the headline figures; themes with the change against the last window and a
chart; ratings per question and group; quotes by theme; and "you said, we did"
actions. Counts under five are shown as the reporting store shows them ("fewer
than 5"), never as numbers. Columns are sized to their contents.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import xlsxwriter

from analysis.reports import GROUPS, Count, Summary

# Which group each flow asks, for the ratings sheet.
FLOW_GROUPS = {"yp": "young_person", "pc": "parent_carer", "pr": "practitioner"}


def to_xlsx(summary: Summary) -> bytes:
    out = io.BytesIO()
    # Fixed creation time: the same summary gives the same bytes.
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": f"Practice feedback {summary.window_id} ({summary.kind})"})
    bold = book.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1})
    percent = book.add_format({"num_format": "0%"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})

    headline: list[list[object]] = [
        ["Reflection window", summary.window_id],
        ["Summary", summary.kind],
        ["Period", f"{summary.period_start} to {summary.period_end}"],
        ["Built", summary.built_at],
        ["All responses", _count(summary.all_responses)],
        ["Safeguarding events", _count(summary.safeguarding_events)],
    ]
    for row in summary.responses:
        headline += [
            [f"{_group(row.group)}: complete", _count(row.complete)],
            [f"{_group(row.group)}: partial", _count(row.partial)],
        ]
    _sheet(book, "Headline", ["Figure", "Value"], headline, bold)

    themes = [
        [
            stat.label,
            _count(stat.count),
            stat.share,
            stat.change_label,
            stat.mean_sentiment,
            *(_count(stat.by_group[group]) for group in GROUPS),
        ]
        for stat in summary.themes
    ]
    sheet = _sheet(
        book,
        "Themes",
        ["Theme", "Responses", "Share", "Change since last window", "Mean feeling (-1 to +1)"]
        + [_group(group) for group in GROUPS],
        themes,
        bold,
        formats={2: percent},
    )
    if themes:
        chart = book.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": "Responses",
                "categories": ["Themes", 1, 0, len(themes), 0],
                "values": ["Themes", 1, 1, len(themes), 1],
            }
        )
        chart.set_title({"name": f"Themes, {summary.window_id}"})
        chart.set_legend({"none": True})
        sheet.insert_chart(len(themes) + 3, 0, chart, {"x_scale": 1.5, "y_scale": 1.5})

    ratings = [
        [
            rating.question,
            _group(FLOW_GROUPS.get(rating.flow_id, "")),
            answer.answer,
            _count(answer.count),
            answer.share,
        ]
        for rating in [*summary.ratings, *([summary.self_ratings] if summary.self_ratings else [])]
        for answer in rating.answers
    ]
    _sheet(
        book,
        "Ratings",
        ["Question", "Group", "Answer", "Responses", "Share"],
        ratings,
        bold,
        formats={4: percent},
    )

    labels = {stat.theme_id: stat.label for stat in summary.themes}
    quotes = [
        [labels.get(theme, theme), side, _group(quote.group), quote.text]
        for theme, sides in summary.quotes.items()
        for side, listed in sides.items()
        for quote in listed
    ]
    _sheet(
        book,
        "Quotes",
        ["Theme", "Side", "Group", "Quote (de-identified)"],
        quotes,
        bold,
        formats={3: wrap},
        widest=80,
    )

    actions = [
        [
            labels.get(action.theme_id, action.theme_id),
            action.you_said,
            action.we_did,
            action.status,
        ]
        for action in summary.actions
    ]
    _sheet(
        book,
        "Actions",
        ["Theme", "You said", "We did", "Status"],
        actions,
        bold,
        formats={1: wrap, 2: wrap},
        widest=60,
    )
    book.close()
    return out.getvalue()


def _sheet(
    book: Any,
    name: str,
    header: list[str],
    rows: Sequence[Sequence[object]],
    bold: Any,
    *,
    formats: dict[int, Any] | None = None,
    widest: int = 50,
) -> Any:
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, header, bold)
    sheet.freeze_panes(1, 0)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            style = (formats or {}).get(column)
            if value is None:
                sheet.write_blank(number, column, None, style)
            else:
                sheet.write(number, column, value, style)
    for column, title in enumerate(header):
        longest = max(
            [len(title), *(len(str(row[column])) for row in rows if row[column] is not None)]
        )
        sheet.set_column(column, column, min(longest + 2, widest), (formats or {}).get(column))
    if not rows:
        sheet.write(1, 0, "Nothing in this window yet.")
    return sheet


def _count(count: Count) -> int | str:
    """A number where it may be shown, else the store's words ("fewer than 5")."""
    return count.value if count.value is not None else count.label


def _group(group: str) -> str:
    return group.replace("_", " ").capitalize()
