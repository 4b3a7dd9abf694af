"""Reflection windows: boundaries in local time across the clock changes, and when runs are due."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from analysis.windows import Window, due_runs, kind_at, parse_window, window_containing

LONDON = ZoneInfo("Europe/London")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_the_august_window_runs_from_january_to_august_in_local_time():
    window = parse_window("2026-08")
    assert window.utc_bounds(LONDON) == (
        "2026-01-01T00:00:00.000+00:00",
        "2026-08-31T23:00:00.000+00:00",  # midnight BST is 23:00 UTC
    )


def test_the_december_window_runs_from_september_to_december():
    window = parse_window("2026-12")
    assert window.utc_bounds(LONDON) == (
        "2026-08-31T23:00:00.000+00:00",
        "2027-01-01T00:00:00.000+00:00",  # GMT again after the clocks go back
    )


@pytest.mark.parametrize(
    ("moment", "window_id"),
    [
        (utc(2026, 8, 31, 22, 59), "2026-08"),  # 23:59 BST on 31 August
        (utc(2026, 8, 31, 23, 0), "2026-12"),  # 00:00 BST on 1 September
        (utc(2026, 12, 31, 23, 59), "2026-12"),
        (utc(2027, 1, 1, 0, 0), "2027-08"),
        (utc(2026, 3, 29, 1, 30), "2026-08"),  # the spring clock change
    ],
)
def test_each_moment_belongs_to_one_window(moment, window_id):
    assert window_containing(moment, LONDON).id == window_id


def test_summaries_are_due_at_nine_on_the_first_and_six_on_the_last_day():
    august, december = parse_window("2026-08"), parse_window("2026-12")
    assert august.due("interim", LONDON).astimezone(UTC) == utc(2026, 8, 1, 8, 0)
    assert august.due("final", LONDON).astimezone(UTC) == utc(2026, 8, 31, 17, 0)
    assert december.due("interim", LONDON).astimezone(UTC) == utc(2026, 12, 1, 9, 0)
    assert december.due("final", LONDON).astimezone(UTC) == utc(2026, 12, 31, 18, 0)


def test_the_previous_window_alternates():
    assert parse_window("2026-12").previous() == Window(2026, 8)
    assert parse_window("2026-08").previous() == Window(2025, 12)


def test_windows_must_be_august_or_december():
    with pytest.raises(ValueError, match="YYYY-08 or YYYY-12"):
        parse_window("2026-05")


def test_catch_up_lists_only_missed_runs_oldest_first():
    now = utc(2026, 12, 2, 12, 0)
    assert [(w.id, k) for w, k in due_runs(now, LONDON, {})] == [
        ("2026-08", "interim"),
        ("2026-08", "final"),
        ("2026-12", "interim"),
    ]
    done = {
        ("2026-08", "interim"): utc(2026, 8, 1, 8, 0),
        ("2026-08", "final"): utc(2026, 8, 31, 17, 0),
    }
    assert [(w.id, k) for w, k in due_runs(now, LONDON, done)] == [("2026-12", "interim")]
    assert due_runs(utc(2026, 11, 30, 12, 0), LONDON, done) == []


def test_a_summary_someone_built_early_does_not_stand_in_for_the_scheduled_one():
    asked_for_in_november = {("2026-12", "interim"): utc(2026, 11, 22, 21, 0)}
    now = utc(2026, 12, 2, 12, 0)
    runs = due_runs(now, LONDON, asked_for_in_november, lookback_windows=0)
    assert [(w.id, k) for w, k in runs] == [("2026-12", "interim")]


def test_a_window_has_an_interim_summary_until_its_final_is_due():
    december = parse_window("2026-12")
    assert kind_at(december, utc(2026, 11, 22, 12, 0), LONDON) == "interim"
    assert kind_at(december, utc(2026, 12, 31, 17, 59), LONDON) == "interim"
    assert kind_at(december, utc(2026, 12, 31, 18, 0), LONDON) == "final"
