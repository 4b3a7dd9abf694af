"""When a practitioner with an unfinished reflection may be reminded. Pure: clock injected."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

REFLECTION_MONTHS = (8, 12)
WORKING_HOURS = (9, 17)
MAX_PER_WEEK = 2
MIN_GAP = timedelta(days=2)


def reminder_allowed(now: datetime, sent: Sequence[datetime]) -> bool:
    """In August or December, on a weekday between 09:00 and 17:00 (local time given),
    at most twice in a calendar week and never two days running."""
    if now.month not in REFLECTION_MONTHS or now.weekday() >= 5:
        return False
    if not WORKING_HOURS[0] <= now.hour < WORKING_HOURS[1]:
        return False
    week = now.isocalendar()[:2]
    if sum(1 for moment in sent if moment.isocalendar()[:2] == week) >= MAX_PER_WEEK:
        return False
    return not (sent and now - max(sent) < MIN_GAP)
