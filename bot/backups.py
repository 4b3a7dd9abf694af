"""Backups that get done: nightly online copies of both databases into BACKUP_DIR,
each checked for integrity, the newest BACKUP_KEEP kept; and restoring one, which
is refused while the bot runs.

A running bot holds an exclusive lock on `bot.lock` beside its database (released
when it stops, or when the process dies), which is how `feedbackbot db restore`
knows. Erasure (`/forget`) and the retention purge reach a backup only when that
backup is deleted, at most BACKUP_KEEP nights later (the README says so).
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from bot.settings import Settings
from conversations.context import BotContext
from storage.database import backup_database

_LOGGER = logging.getLogger(__name__)
LOCK_NAME = "bot.lock"


class RunningLock:
    """Held while the bot runs, so tools that must not run beside it can tell."""

    def __init__(self, database_path: Path) -> None:
        self.path = database_path.with_name(LOCK_NAME)
        self._fd: int | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def held_elsewhere(self) -> bool:
        """Whether another process (a running bot) holds the lock now."""
        if not self.acquire():
            return True
        self.release()
        return False


def intact(path: Path) -> bool:
    """Whether SQLite finds the copy whole (PRAGMA integrity_check)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    except sqlite3.Error:
        return False


async def back_up(databases: list[Path], folder: Path, keep: int, now: datetime) -> list[Path]:
    """Copy each database into `folder` online, check each copy, keep the newest `keep`."""
    made = []
    for database in databases:
        if not database.exists():
            continue
        target = folder / f"{database.stem}-{now:%Y-%m-%dT%H%M%S}.sqlite3"
        partial = target.with_suffix(".partial")
        await backup_database(database, partial)  # creates the folder
        await asyncio.to_thread(_keep_if_intact, partial, target, keep)
        made.append(target)
    return made


def _keep_if_intact(partial: Path, target: Path, keep: int) -> None:
    """Name the copy once it is checked, then drop all but the newest `keep` of its kind."""
    if not intact(partial):
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"the backup {target.name} failed its integrity check")
    partial.rename(target)
    kind = target.name.rsplit("-", 3)[0]
    copies = sorted(target.parent.glob(f"{kind}-*.sqlite3"))
    for old in copies[:-keep]:
        old.unlink()


async def nightly_backup(settings: Settings, context: BotContext) -> None:
    """Job: back up both databases into BACKUP_DIR."""
    folder = settings.backup_dir
    if folder is None:
        return
    databases = [settings.database_path, settings.reporting_database_path]
    try:
        made = await back_up(databases, folder, settings.backup_keep, context.services.now())
    except (OSError, sqlite3.Error, RuntimeError):
        _LOGGER.exception("The nightly backup failed")
        return
    _LOGGER.info("Backed up %d databases into %s", len(made), folder)


def restore(backup: Path, database: Path) -> None:
    """Put a backup in the database's place (the bot must not be running)."""
    if RunningLock(database).held_elsewhere():
        raise RuntimeError("the bot is running: stop it first, then restore")
    if not intact(backup):
        raise RuntimeError(f"{backup} is damaged: choose another backup")
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(backup) as source, sqlite3.connect(database) as target:
        source.backup(target)
