"""What handlers depend on: settings and the two databases, opened once per application.

The settings are read and checked by the shell (`bot/settings.py`); the features
see only the part they use (`FeatureSettings`), so this layer never imports the
shell.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from analysis.themes import Tagger
from conversations.text_worker import TextWorker
from storage import migrations, tagging
from storage.database import Database, open_database
from storage.journal import Journal
from storage.pseudonym import pseudonymise


class FeatureSettings(Protocol):
    """What the features read of the settings (`bot.settings.Settings` has it all)."""

    @property
    def database_path(self) -> Path: ...
    @property
    def reporting_database_path(self) -> Path: ...
    @property
    def safeguarding_chat_ids(self) -> tuple[int, ...]: ...
    @property
    def retention_days(self) -> int: ...
    @property
    def tz(self) -> ZoneInfo: ...
    @property
    def pseudonym_secret(self) -> bytes: ...
    @property
    def web_chat_url(self) -> str | None: ...


def trust_model_file(settings: FeatureSettings) -> Path:
    """Where `feedbackbot train --with-corrections` writes the trust's own theme model."""
    return settings.database_path.with_name("themes.model.gz")


@dataclass
class Services:
    settings: FeatureSettings
    clock: Callable[[], float] = time.time
    # Waits (outbox retries, repeated alerts) run on this clock, which a step of the wall
    # clock neither stalls nor brings forward: when each is next due, by id.
    monotonic: Callable[[], float] = time.monotonic
    retry_due: dict[int, float] = field(default_factory=dict)
    alerted_at: dict[int, float] = field(default_factory=dict)
    # When the nightly retention purge last finished (for the operators' metrics).
    last_purge_at: datetime | None = None
    _db: Database | None = None
    _reporting: Database | None = None
    # Tags and screens texts; long ones in a worker process (see conversations/text_worker.py).
    text: TextWorker = field(default_factory=TextWorker)
    _open_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    delivery_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    delivery_requested: bool = False
    # Where disclosures wait when the database cannot be written (storage/journal.py).
    journal: Journal = field(init=False)

    def __post_init__(self) -> None:
        self.journal = Journal(self.settings.database_path.with_name("safeguarding-journal.bin"))
        self.text.use_model(trust_model_file(self.settings))

    async def open(self) -> Database:
        """Open both databases if they are not open yet; return the operational one.

        Idempotent: persistence loading (during `initialize`) and `post_init` both call it.
        """
        async with self._open_lock:
            if self._db is None:
                self._db = await open_database(self.settings.database_path, migrations.OPERATIONAL)
                await asyncio.to_thread(self.journal.reserve)
            if self._reporting is None:
                self._reporting = await open_database(
                    self.settings.reporting_database_path, migrations.REPORTING
                )
                await self._load_corrections(self._db)
            return self._db

    async def refresh_tagger(self) -> None:
        """Rebuild the tagger with every stored correction (after the team corrects a tag)."""
        await self._load_corrections(self.db)

    async def _load_corrections(self, db: Database) -> None:
        self.text.use_corrections(await tagging.list_corrections(db))

    @property
    def tagger(self) -> Tagger:
        """The tagger in this process, with every stored correction."""
        return self.text.tagger

    async def close(self) -> None:
        await self.text.close()
        for database in (self._db, self._reporting):
            if database is not None:
                await database.close()
        self._db = self._reporting = None

    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("the operational database is not open")
        return self._db

    @property
    def reporting(self) -> Database:
        if self._reporting is None:
            raise RuntimeError("the reporting database is not open")
        return self._reporting

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    def pseudonym(self, telegram_id: int) -> str:
        return pseudonymise(self.settings.pseudonym_secret, telegram_id)
