"""Building the reflection-month summary from aggregate rows, and writing it out. Pure.

Input is plain data (counts and candidate quotes from `storage/reporting.py`);
output is a `Summary` and its Markdown, HTML, CSV and JSON forms. Any count
under five is shown as "fewer than 5", and nothing derived from it (a share, a
change, a mean, a quote) is shown either, so no child can be picked out.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from analysis.deidentify import deidentify
from analysis.vocabulary import AUDIENCE_GROUPS, FLOW_GROUPS, GROUP_LABELS

SUPPRESS_BELOW = 5
FEWER_THAN_5 = "fewer than 5"
QUOTES_PER_THEME = 5
GOOD_PRACTICE_LIMIT = 10
GOOD_PRACTICE_POLARITY = 0.5
GROUPS: tuple[str, ...] = AUDIENCE_GROUPS


@dataclass(frozen=True)
class Count:
    """A count as it may be shown: the number, or None when it is too small to show."""

    value: int | None
    label: str

    @classmethod
    def of(cls, number: int) -> Count:
        if 0 < number < SUPPRESS_BELOW:
            return cls(None, FEWER_THAN_5)
        return cls(number, f"{number:,}")

    @property
    def shown(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class GroupResponses:
    group: str
    complete: Count
    partial: Count
    total: Count


@dataclass(frozen=True)
class ThemeStat:
    theme_id: str
    label: str
    count: Count
    share: float | None
    change: int | None
    change_label: str
    mean_sentiment: float | None
    by_group: dict[str, Count]


@dataclass(frozen=True)
class RatingAnswer:
    answer: str
    count: Count
    share: float | None


@dataclass(frozen=True)
class RatingStat:
    flow_id: str
    question_id: str
    question: str
    answers: tuple[RatingAnswer, ...]


@dataclass(frozen=True)
class Quote:
    theme_id: str
    group: str
    polarity: float
    text: str


@dataclass(frozen=True)
class Action:
    theme_id: str
    you_said: str
    we_did: str
    status: str


@dataclass(frozen=True)
class RawData:
    """What storage hands over for one period: counts and candidate quotes, nothing raw."""

    group_status_counts: Sequence[tuple[str, str, int]] = ()
    # theme, group, responses carrying it, mean clause polarity
    theme_counts: Sequence[tuple[str, str, int, float]] = ()
    responses_with_themes: int = 0
    # flow, step, choice, count
    rating_counts: Sequence[tuple[str, str, str, int]] = ()
    # theme, group, polarity, text
    quote_candidates: Sequence[tuple[str, str, float, str]] = ()
    reflections_went_well: Sequence[str] = ()
    safeguarding_events: int = 0
    actions: Sequence[tuple[str, str, str, str]] = ()


@dataclass(frozen=True)
class Summary:
    window_id: str
    kind: str
    period_start: str
    period_end: str
    built_at: str
    responses: tuple[GroupResponses, ...]
    themes: tuple[ThemeStat, ...]
    ratings: tuple[RatingStat, ...]
    self_ratings: RatingStat | None
    quotes: dict[str, dict[str, tuple[Quote, ...]]]
    voices: dict[str, dict[str, Quote | None]]
    good_practice: tuple[str, ...]
    safeguarding_events: Count
    actions: tuple[Action, ...] = field(default=())
    # Everyone's responses together; not shown when it would give away one small group.
    all_responses: Count = field(default=Count(0, "0"))

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)


@dataclass(frozen=True)
class Question:
    """A rating question as reports name it."""

    flow_id: str
    question_id: str
    label: str
    options: tuple[tuple[str, str], ...]  # (value, label) in the order asked


def build_summary(
    *,
    window_id: str,
    kind: str,
    period: tuple[str, str],
    built_at: str,
    current: RawData,
    previous: RawData | None,
    theme_labels: dict[str, str],
    questions: Sequence[Question],
    self_rating: Question | None,
) -> Summary:
    themes = _theme_stats(current, previous, theme_labels)
    shown_themes = {stat.theme_id for stat in themes if stat.count.shown}
    quotes = _quotes(current, shown_themes)
    return Summary(
        window_id=window_id,
        kind=kind,
        period_start=period[0],
        period_end=period[1],
        built_at=built_at,
        responses=_responses(current),
        themes=themes,
        ratings=tuple(_rating(current, question) for question in questions),
        self_ratings=_rating(current, self_rating) if self_rating else None,
        quotes=quotes,
        voices=_voices(current, shown_themes),
        good_practice=_good_practice(current, shown_themes),
        safeguarding_events=Count.of(current.safeguarding_events),
        actions=tuple(Action(*row) for row in current.actions),
        all_responses=_all_responses(current),
    )


def _all_responses(raw: RawData) -> Count:
    """The total, unless exactly one group is too small to show: with the others shown, the
    total would give that group's count away (other totals less the shown ones)."""
    by_group = [
        Count.of(sum(n for g, _, n in raw.group_status_counts if g == group)) for group in GROUPS
    ]
    if sum(1 for count in by_group if not count.shown) == 1:
        return Count(None, "not shown")
    return Count.of(sum(n for _, _, n in raw.group_status_counts))


def _responses(raw: RawData) -> tuple[GroupResponses, ...]:
    result = []
    for group in GROUPS:
        complete = sum(
            n for g, status, n in raw.group_status_counts if g == group and status == "complete"
        )
        partial = sum(
            n for g, status, n in raw.group_status_counts if g == group and status == "partial"
        )
        result.append(
            GroupResponses(
                group, Count.of(complete), Count.of(partial), Count.of(complete + partial)
            )
        )
    return tuple(result)


def theme_totals(raw: RawData | None) -> dict[str, tuple[int, float]]:
    """Per theme, how many answers and their mean feeling: unsuppressed, for staff only."""
    totals: dict[str, list[float]] = {}
    for theme, _, count, mean in raw.theme_counts if raw else ():
        entry = totals.setdefault(theme, [0, 0.0])
        entry[0] += count
        entry[1] += mean * count
    return {theme: (int(n), weighted / n if n else 0.0) for theme, (n, weighted) in totals.items()}


def _theme_stats(
    current: RawData, previous: RawData | None, labels: dict[str, str]
) -> tuple[ThemeStat, ...]:
    now = theme_totals(current)
    before = theme_totals(previous)
    stats = []
    for theme_id, label in labels.items():
        count, mean = now.get(theme_id, (0, 0.0))
        shown = Count.of(count)
        prior = before.get(theme_id, (0, 0.0))[0]
        comparable = shown.shown and not (0 < prior < SUPPRESS_BELOW) and previous is not None
        change = count - prior if comparable else None
        share = (
            round(count / current.responses_with_themes, 3)
            if shown.shown and count and current.responses_with_themes
            else None
        )
        by_group = {
            group: Count.of(
                sum(n for t, g, n, _ in current.theme_counts if t == theme_id and g == group)
            )
            for group in GROUPS
        }
        stats.append(
            ThemeStat(
                theme_id=theme_id,
                label=label,
                count=shown,
                share=share,
                change=change,
                change_label="—" if change is None else f"{change:+d}",
                mean_sentiment=round(mean, 2) if shown.shown and count else None,
                by_group=by_group,
            )
        )
    stats.sort(key=lambda stat: -(stat.count.value or 0))
    return tuple(stats)


def _rating(raw: RawData, question: Question) -> RatingStat:
    """Each answer's count and its share of the people who answered.

    A pick-several answer ("early_help,social_work") counts once for each pick,
    so its shares can add up to more than 100%.
    """
    counts: Counter[str] = Counter()
    total = 0
    for flow, step, choice, n in raw.rating_counts:
        if flow == question.flow_id and step == question.question_id:
            total += n
            for value in choice.split(","):
                counts[value] += n
    answers = []
    for value, label in question.options:
        count = Count.of(counts.get(value, 0))
        share = round(counts.get(value, 0) / total, 3) if count.shown and total else None
        answers.append(RatingAnswer(label, count, share))
    return RatingStat(question.flow_id, question.question_id, question.label, tuple(answers))


def _clean(text: str) -> str:
    return " ".join(deidentify(text).split())


def _quotes(raw: RawData, themes: set[str]) -> dict[str, dict[str, tuple[Quote, ...]]]:
    result: dict[str, dict[str, tuple[Quote, ...]]] = {}
    for theme in sorted(themes):
        candidates = [
            Quote(t, g, p, _clean(text)) for t, g, p, text in raw.quote_candidates if t == theme
        ]
        positive = sorted((q for q in candidates if q.polarity > 0), key=lambda q: -q.polarity)
        negative = sorted((q for q in candidates if q.polarity < 0), key=lambda q: q.polarity)
        result[theme] = {
            "positive": tuple(_unique(positive)[:QUOTES_PER_THEME]),
            "negative": tuple(_unique(negative)[:QUOTES_PER_THEME]),
        }
    return result


def _unique(quotes: list[Quote]) -> list[Quote]:
    seen: set[str] = set()
    unique = []
    for quote in quotes:
        if quote.text.lower() not in seen:
            seen.add(quote.text.lower())
            unique.append(quote)
    return unique


def _voices(raw: RawData, themes: set[str]) -> dict[str, dict[str, Quote | None]]:
    """Per theme, one de-identified quote from each group: the three voices side by side."""
    voices: dict[str, dict[str, Quote | None]] = {}
    for theme in sorted(themes):
        voices[theme] = {}
        for group in GROUPS:
            options = [
                Quote(t, g, p, _clean(text))
                for t, g, p, text in raw.quote_candidates
                if t == theme and g == group
            ]
            voices[theme][group] = max(options, key=lambda q: abs(q.polarity)) if options else None
    return voices


def _good_practice(raw: RawData, themes: set[str]) -> tuple[str, ...]:
    named = [_clean(text) for text in raw.reflections_went_well]
    praised = [
        _clean(text)
        for theme, _, polarity, text in sorted(raw.quote_candidates, key=lambda row: -row[2])
        if polarity >= GOOD_PRACTICE_POLARITY and theme in themes
    ]
    return tuple(dict.fromkeys([*named, *praised]))[:GOOD_PRACTICE_LIMIT]


# Writing it out


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
