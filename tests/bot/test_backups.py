"""Nightly backups that are checked and pruned, and restoring one, refused while the bot runs."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from bot.app import build_application, running
from bot.backups import RunningLock, back_up, intact, restore
from bot.transport import InProcessBotApi
from tests.support import Person, make_settings


async def test_backups_are_online_checked_and_only_the_newest_kept(tmp_path):
    api = InProcessBotApi()
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=api)) as app:
        await Person(app, api, 4242).says("/start")
        start = datetime(2026, 12, 1, 2, 50, tzinfo=UTC)
        databases = [settings.database_path, settings.reporting_database_path]
        for night in range(4):
            made = await back_up(databases, tmp_path / "backups", 3, start + timedelta(days=night))
            assert all(intact(path) for path in made)
    kept = sorted(p.name for p in (tmp_path / "backups").glob("feedback-*.sqlite3"))
    assert kept == [f"feedback-2026-12-0{day}T025000.sqlite3" for day in (2, 3, 4)]
    assert len(list((tmp_path / "backups").glob("reporting-*.sqlite3"))) == 3


async def test_restore_is_refused_while_the_bot_runs_and_works_once_it_stops(tmp_path):
    api = InProcessBotApi()
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=api)) as app:
        await Person(app, api, 4242).says("/start")
        [copy] = await back_up([settings.database_path], tmp_path / "b", 1, datetime.now(UTC))
        with pytest.raises(RuntimeError, match="the bot is running"):
            restore(copy, settings.database_path)
    assert not RunningLock(settings.database_path).held_elsewhere()
    restore(copy, settings.database_path)
    with sqlite3.connect(settings.database_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_damaged_backup_is_not_restored(tmp_path):
    damaged = tmp_path / "feedback-bad.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    with pytest.raises(RuntimeError, match="damaged"):
        restore(damaged, tmp_path / "feedback.sqlite3")


async def test_the_nightly_job_backs_up_both_databases_when_backup_dir_is_set(tmp_path):
    api = InProcessBotApi()
    settings = make_settings(tmp_path, BACKUP_DIR=str(tmp_path / "nightly"), BACKUP_KEEP="2")
    async with running(build_application(settings, request=api)) as app:
        await Person(app, api, 4242).says("/start")
        assert app.job_queue is not None
        [job] = [job for job in app.job_queue.jobs() if job.name == "backups"]
        await job.run(app)
    names = sorted(path.name.split("-")[0] for path in (tmp_path / "nightly").iterdir())
    assert names == ["feedback", "reporting"]
    assert all(intact(path) for path in (tmp_path / "nightly").iterdir())
