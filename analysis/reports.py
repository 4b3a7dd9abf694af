"""Building the reflection-month summary from aggregate rows. Pure.

Input is plain data (counts and candidate quotes from `storage/reporting.py`);
output is a `Summary` (written out as Markdown, HTML and CSV by
`analysis/report_formats.py`, and as JSON by `Summary.to_json`). Any count
under five is shown as "fewer than 5", and nothing derived from it (a share, a
change, a mean, a quote) is shown either, so no child can be picked out.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from analysis.deidentify import deidentify
from analysis.vocabulary import AUDIENCE_GROUPS

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
