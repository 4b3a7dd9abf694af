"""The two reflection windows a year, and when their summaries are due. Pure.

The August window (`YYYY-08`) covers 1 January to 31 August; the December
window (`YYYY-12`) covers 1 September to 31 December, both in the configured
time zone, so the UTC bounds move with the clocks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

Kind = Literal["interim", "final"]
KINDS: tuple[Kind, ...] = ("interim", "final")
INTERIM_TIME = time(9, 0)
FINAL_TIME = time(18, 0)
WINDOW_ID = re.compile(r"^(\d{4})-(08|12)$")


@dataclass(frozen=True, order=True)
class Window:
    year: int
    month: Literal[8, 12]

    @property
    def id(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def start(self, tz: ZoneInfo) -> datetime:
        month = 1 if self.month == 8 else 9
        return datetime(self.year, month, 1, tzinfo=tz)

    def end(self, tz: ZoneInfo) -> datetime:
        """Exclusive end: the first moment after the window."""
        if self.month == 8:
            return datetime(self.year, 9, 1, tzinfo=tz)
        return datetime(self.year + 1, 1, 1, tzinfo=tz)

    def utc_bounds(self, tz: ZoneInfo) -> tuple[str, str]:
        """ISO strings in UTC, comparable with the stored timestamps."""
        return (
            self.start(tz).astimezone(UTC).isoformat(timespec="milliseconds"),
            self.end(tz).astimezone(UTC).isoformat(timespec="milliseconds"),
        )

    def previous(self) -> Window:
        return Window(self.year, 8) if self.month == 12 else Window(self.year - 1, 12)

    def due(self, kind: Kind, tz: ZoneInfo) -> datetime:
        """When the summary of this kind is built: the 1st at 09:00, the last day at 18:00."""
        if kind == "interim":
            return datetime.combine(datetime(self.year, self.month, 1).date(), INTERIM_TIME, tz)
        last_day = self.end(tz) - timedelta(days=1)
        return datetime.combine(last_day.date(), FINAL_TIME, tz)


def parse_window(text: str) -> Window:
    match = WINDOW_ID.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a reflection window: use YYYY-08 or YYYY-12")
    return Window(int(match.group(1)), 8 if match.group(2) == "08" else 12)


def window_containing(moment: datetime, tz: ZoneInfo) -> Window:
    local = moment.astimezone(tz)
    return Window(local.year, 8 if local.month <= 8 else 12)


def kind_at(window: Window, now: datetime, tz: ZoneInfo) -> Kind:
    """The summary a window can have at `now`: final once its final is due, interim before."""
    return "final" if now >= window.due("final", tz) else "interim"


def due_runs(
    now: datetime,
    tz: ZoneInfo,
    built: Mapping[tuple[str, str], datetime],
    *,
    lookback_windows: int = 1,
) -> list[tuple[Window, Kind]]:
    """Summaries whose time has come and that were not built since, oldest first (the catch-up).

    `built` maps (window id, kind) to when that summary was last built. One built
    before its time (someone asked for it early) is not the scheduled run.
    """
    window = window_containing(now, tz)
    candidates = [window]
    for _ in range(lookback_windows):
        candidates.append(candidates[-1].previous())
    due: list[tuple[Window, Kind]] = []
    for candidate in sorted(candidates):
        for kind in KINDS:
            due_at = candidate.due(kind, tz)
            built_at = built.get((candidate.id, kind))
            if due_at <= now and (built_at is None or built_at < due_at):
                due.append((candidate, kind))
    return due
