"""Writing a summary out: Markdown, CSV, and the HTML page for a board paper
(rendered from `templates/report.html` by Jinja2, with autoescaping). Pure."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from analysis.reports import FEWER_THAN_5, GROUPS, SUPPRESS_BELOW, RatingStat, Summary
from analysis.vocabulary import FLOW_GROUPS, GROUP_LABELS


def to_markdown(summary: Summary) -> str:
    lines = [
        f"# Practice feedback: reflection window {summary.window_id} ({summary.kind})",
        "",
        f"Period {summary.period_start[:10]} to {last_day(summary)}; built {summary.built_at[:16]} UTC. "
        f'Counts under {SUPPRESS_BELOW} are shown as "{FEWER_THAN_5}".',
        "",
        "## Responses",
        "",
        "| Group | Complete | Partial | Total |",
        "| --- | --- | --- | --- |",
    ]
    for row in summary.responses:
        lines.append(
            f"| {GROUP_LABELS[row.group]} | {row.complete.label} | {row.partial.label} | {row.total.label} |"
        )
    lines += [
        "",
        f"Safeguarding events: {summary.safeguarding_events.label} (a count only).",
        "",
        "## Themes",
        "",
        "| Theme | Responses | Share | Change | Mean sentiment | Young people | Families | Practitioners |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for stat in summary.themes:
        if not stat.count.value and stat.count.label == "0":
            continue
        lines.append(
            f"| {stat.label} | {stat.count.label} | {_percent(stat.share)} | {stat.change_label} | "
            f"{_sentiment(stat.mean_sentiment)} | "
            + " | ".join(stat.by_group[group].label for group in GROUPS)
            + " |"
        )
    lines += ["", "## Ratings", ""]
    for rating in [*summary.ratings, *([summary.self_ratings] if summary.self_ratings else [])]:
        lines += [
            f"**{rating_heading(rating)}**",
            "",
            "| Answer | Count | Share |",
            "| --- | --- | --- |",
        ]
        lines += [f"| {a.answer} | {a.count.label} | {_percent(a.share)} |" for a in rating.answers]
        lines.append("")
    lines += ["## What people said", ""]
    labels = {stat.theme_id: stat.label for stat in summary.themes}
    for theme, sides in summary.quotes.items():
        if not sides["positive"] and not sides["negative"]:
            continue
        lines.append(f"### {labels.get(theme, theme)}")
        for side in ("positive", "negative"):
            for quote in sides[side]:
                lines.append(
                    f"- {'👍' if side == 'positive' else '👎'} “{quote.text}” ({GROUP_LABELS[quote.group]})"
                )
        lines.append("")
    lines += ["## Good practice", ""]
    lines += [f"- “{text}”" for text in summary.good_practice] or [
        "- None recorded in this window."
    ]
    lines += ["", "## You said, we did", ""]
    if summary.actions:
        lines += ["| Theme | You said | We did | Status |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {labels.get(a.theme_id, a.theme_id)} | {a.you_said} | {a.we_did} | {a.status} |"
            for a in summary.actions
        ]
    else:
        lines.append("No actions recorded yet.")
    return "\n".join(lines) + "\n"


def to_csv(summary: Summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["section", "item", "group", "answer", "count", "share", "change", "mean_sentiment"]
    )
    for row in summary.responses:
        writer.writerow(["responses", "complete", row.group, "", row.complete.label, "", "", ""])
        writer.writerow(["responses", "partial", row.group, "", row.partial.label, "", "", ""])
    for stat in summary.themes:
        writer.writerow(
            [
                "theme",
                stat.theme_id,
                "all",
                "",
                stat.count.label,
                _blank(stat.share),
                stat.change_label,
                _blank(stat.mean_sentiment),
            ]
        )
        for group in GROUPS:
            writer.writerow(
                ["theme", stat.theme_id, group, "", stat.by_group[group].label, "", "", ""]
            )
    for rating in [*summary.ratings, *([summary.self_ratings] if summary.self_ratings else [])]:
        for answer in rating.answers:
            writer.writerow(
                [
                    "rating",
                    rating.question,
                    "",
                    answer.answer,
                    answer.count.label,
                    _blank(answer.share),
                    "",
                    "",
                ]
            )
    writer.writerow(
        ["safeguarding", "events", "", "", summary.safeguarding_events.label, "", "", ""]
    )
    return out.getvalue()


def what_this_covers(summary: Summary) -> str:
    """The window and the kind of summary, in words a board member needs no glossary for."""
    stage = (
        "This is an interim summary: the window is not over yet, so the figures will grow. "
        "The final summary follows when it ends."
        if summary.kind == "interim"
        else "This is the final summary for this window."
    )
    return (
        f"Reflection window {summary.window_id}: feedback given from "
        f"{summary.period_start[:10]} to {last_day(summary)}, looked at in the trust's "
        f"reflection month. {stage}"
    )


def rating_heading(rating: RatingStat) -> str:
    """A rating question, with the group it was asked of."""
    group = FLOW_GROUPS.get(rating.flow_id)
    return f"{rating.question} ({GROUP_LABELS[group]})" if group else rating.question


def to_html(summary: Summary) -> str:
    """A self-contained page: headline figures, a theme chart, ratings, quotes, three voices.

    Rendered from `templates/report.html` with autoescaping: people's words can never
    become markup.
    """
    asked = [*summary.ratings, *([summary.self_ratings] if summary.self_ratings else [])]
    quotes = [
        (theme, [(side, q) for side in ("positive", "negative") for q in sides[side]])
        for theme, sides in summary.quotes.items()
    ]
    return (
        _templates()
        .get_template("report.html")
        .render(
            summary=summary,
            covers=what_this_covers(summary),
            suppress_below=SUPPRESS_BELOW,
            fewer_than=FEWER_THAN_5,
            group_labels=GROUP_LABELS,
            groups=GROUPS,
            labels={stat.theme_id: stat.label for stat in summary.themes},
            chart=_theme_chart(summary),
            ratings=[r for r in asked if any(a.count.label != "0" for a in r.answers)],
            quotes=[(theme, items) for theme, items in quotes if items],
            voices=[
                (t, by_group) for t, by_group in summary.voices.items() if any(by_group.values())
            ],
            rating_heading=rating_heading,
            percent=_percent,
        )
    )


@lru_cache(maxsize=1)
def _templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def _theme_chart(summary: Summary) -> dict[str, Any] | None:
    """The bars of the theme chart (an inline SVG), with the change against the previous
    window; None when no theme has enough responses to show."""
    rows = [stat for stat in summary.themes if stat.count.value]
    if not rows:
        return None
    biggest = max(stat.count.value or 0 for stat in rows)
    bars = [
        {
            "y": 5 + index * 24,
            "width": int(380 * (stat.count.value or 0) / biggest),
            "label": stat.label,
            "count": stat.count.label,
            "change": stat.change_label,
        }
        for index, stat in enumerate(rows)
    ]
    return {"height": 24 * len(rows) + 10, "bars": bars}


def last_day(summary: Summary) -> str:
    """The period's end is exclusive (the first moment after it); show its last day."""
    return (datetime.fromisoformat(summary.period_end) - timedelta(days=1)).date().isoformat()


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def _sentiment(mean: float | None) -> str:
    return "—" if mean is None else f"{mean:+.2f}"


def _blank(value: Any) -> str:
    return "" if value is None else str(value)
