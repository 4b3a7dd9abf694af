"""Opening SQLite databases: pragmas, numbered migrations, integrity check, group commit.

Each database has one aiosqlite connection, whose thread runs statements in
the order they are queued. Writers that arrive together share one batch: one
BEGIN, their statements, one COMMIT (one fsync). A writer returns only once
the COMMIT holding its changes is done, so "saved" still means durable on
disk, while many people's answers share a sync.

A writer of one statement uses `Database.write()`. A statement is atomic by
itself, so these writers do not wait for each other: their statements are
queued back to back, and the database thread runs them without a pause. A
writer of several statements uses `Database.transaction()`, which wraps them
in a savepoint so a failure undoes only that writer's part of the batch; it
holds `exclusive` meanwhile, so no other statement lands inside it. Readers
use `Database.read()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

BUSY_TIMEOUT_MS = 15_000


class DatabaseRefused(RuntimeError):
    """A file the bot must neither use nor change: not a database, damaged, another
    application's, or from a newer version of the bot. The message is one sentence."""


class IntegrityCheckFailed(DatabaseRefused):
    """`PRAGMA integrity_check` reported a damaged database."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


class Schema(tuple[Migration, ...]):
    """One database's numbered migrations, and the `application_id` that marks its files."""

    application_id: int

    def __new__(cls, application_id: int, *migrations: Migration) -> Schema:
        schema = super().__new__(cls, migrations)
        schema.application_id = application_id
        return schema


class Batch:
    """Writers sharing one transaction; `committed` resolves when its COMMIT is on disk."""

    def __init__(self) -> None:
        loop = asyncio.get_running_loop()
        self.opened: asyncio.Future[None] = loop.create_future()
        self.committed: asyncio.Future[None] = loop.create_future()
        # Writers counted in whose statements are not queued yet; COMMIT waits for them.
        self.joining = 0
        self.all_queued = asyncio.Event()
        self.all_queued.set()

    def join(self) -> None:
        self.joining += 1
        self.all_queued.clear()

    def queued(self) -> None:
        self.joining -= 1
        if not self.joining:
            self.all_queued.set()


@dataclass
class Database:
    """One open SQLite database and the batch of writes waiting for its next COMMIT."""

    path: Path
    conn: aiosqlite.Connection
    # Held from a savepoint's start to its end, and while COMMIT is queued.
    exclusive: asyncio.Lock = field(default_factory=asyncio.Lock)
    _batch: Batch | None = None

    async def read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Every row of one query."""
        return list(await self.conn.execute_fetchall(sql, params))

    async def write(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run one statement; return the rows it RETURNs once they are committed to disk."""
        batch = await self._join()
        try:
            while self.exclusive.locked():
                async with self.exclusive:
                    pass
        except BaseException:
            batch.queued()
            raise
        # Counted as queued before the call, which queues the statement before it yields.
        batch.queued()
        rows = await self.conn.execute_fetchall(sql, params)
        await asyncio.shield(batch.committed)
        return list(rows)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Run the body atomically; return once its changes are committed to disk."""
        batch = await self._join()
        try:
            await self.exclusive.acquire()
        finally:
            batch.queued()  # COMMIT waits for `exclusive` now, not for the count
        try:
            await self.conn.execute("SAVEPOINT writer")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK TO writer")
                await self.conn.execute("RELEASE writer")
                raise
            await self.conn.execute("RELEASE writer")
        finally:
            self.exclusive.release()
        await asyncio.shield(batch.committed)

    async def _join(self) -> Batch:
        """Count this writer into the open batch, opening one if there is none."""
        batch = self._batch
        if batch is None:
            batch = self._batch = Batch()
            # A task, so that a writer cancelled meanwhile cannot leave BEGIN half-handled.
            asyncio.get_running_loop().create_task(self._begin(batch))
        batch.join()
        try:
            await asyncio.shield(batch.opened)
        except BaseException:
            batch.queued()
            raise
        return batch

    async def _begin(self, batch: Batch) -> None:
        # After the previous batch's COMMIT (or ROLLBACK) has run, never inside a savepoint.
        async with self.exclusive:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
            except BaseException as exc:
                if self._batch is batch:
                    self._batch = None
                batch.opened.set_exception(exc)
                batch.committed.set_exception(exc)
                for future in (batch.opened, batch.committed):
                    future.exception()  # observed, even if every writer was cancelled
                return
        batch.opened.set_result(None)
        await self._commit(batch)

    async def _commit(self, batch: Batch) -> None:
        """COMMIT the batch once every writer in it has queued its statements."""
        while True:
            await batch.all_queued.wait()
            async with self.exclusive:
                if batch.joining:
                    continue
                self._batch = None
                try:
                    await self.conn.execute("COMMIT")
                except BaseException as exc:
                    with contextlib.suppress(Exception):
                        await self.conn.execute("ROLLBACK")
                    batch.committed.set_exception(exc)
                    batch.committed.exception()  # observed, even if every writer was cancelled
                    return
                batch.committed.set_result(None)
                return

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Snapshot]:
        """A read-only connection of its own, inside one read transaction.

        Long reads (reports) use it: every query sees the same committed data,
        never a batch that is still open, and the writers are not held up
        meanwhile (WAL lets one writer and many readers work at once).
        """
        read_only = f"{self.path.resolve().as_uri()}?mode=ro"  # as_uri escapes '?' and '#'
        conn = await aiosqlite.connect(read_only, uri=True, isolation_level=None)
        try:
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await conn.execute("BEGIN")
            yield Snapshot(conn)
        finally:
            await conn.close()

    async def close(self) -> None:
        await self.conn.close()


@dataclass(frozen=True)
class Snapshot:
    """Reads that all see the database as it was at the first of them."""

    conn: aiosqlite.Connection

    async def read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return list(await self.conn.execute_fetchall(sql, params))


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


async def open_database(path: Path, migrations: Sequence[Migration]) -> Database:
    """Open (creating if needed), check, configure and migrate one database file.

    An existing file is checked before anything is written to it: one that is not
    ours, is damaged or comes from a newer version is refused (`DatabaseRefused`)
    and left exactly as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = await asyncio.to_thread(_has_content, path)
    application_id = migrations.application_id if isinstance(migrations, Schema) else 0
    conn = await aiosqlite.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if existing:
            await refuse_unless_ours(conn, path, application_id, migrations)
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA synchronous = FULL")
        await conn.execute("PRAGMA foreign_keys = ON")
        await apply_migrations(conn, migrations)
        if application_id:
            await conn.execute(f"PRAGMA application_id = {int(application_id)}")
    except BaseException:
        await conn.close()
        raise
    return Database(path=path, conn=conn)


def _has_content(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


async def refuse_unless_ours(
    conn: aiosqlite.Connection, path: Path, application_id: int, migrations: Sequence[Migration]
) -> None:
    """Read, never write: is this file a sound database of ours, of a version we know?"""
    try:
        async with conn.execute("PRAGMA application_id") as cursor:
            row = await cursor.fetchone()
        found = int(row[0]) if row else 0
        async with conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cursor:
            tables = {str(r[0]) for r in await cursor.fetchall()}
        await check_integrity(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(
            f"{path} is not a readable SQLite database ({exc}); it was left as it is."
        ) from None
    if application_id and found not in (0, application_id):
        raise DatabaseRefused(
            f"{path} belongs to another application (application_id {found:#x}), or is the"
            " bot's other database; it was left as it is."
        )
    if application_id and found == 0 and tables and "schema_migrations" not in tables:
        raise DatabaseRefused(
            f"{path} is another application's database (it has tables but none of ours);"
            " it was left as it is."
        )
    if "schema_migrations" in tables and migrations:
        async with conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") as c:
            row = await c.fetchone()
        newest = max(m.version for m in migrations)
        if row and int(row[0]) > newest:
            raise DatabaseRefused(
                f"{path} was written by a newer version of the bot (schema {row[0]}; this"
                f" version knows up to {newest}); it was left as it is: run the newer version."
            )


async def check_integrity(conn: aiosqlite.Connection) -> None:
    async with conn.execute("PRAGMA integrity_check") as cursor:
        rows = [row[0] for row in await cursor.fetchall()]
    if rows != ["ok"]:
        raise IntegrityCheckFailed(
            f"the integrity check failed: {'; '.join(str(row) for row in rows[:3])}"
        )


async def schema_version(conn: aiosqlite.Connection) -> int:
    await _ensure_migrations_table(conn)
    async with conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def apply_migrations(
    conn: aiosqlite.Connection, migrations: Sequence[Migration], *, up_to: int | None = None
) -> list[int]:
    """Apply, in order and each in its own transaction, the migrations not yet recorded."""
    versions = [migration.version for migration in migrations]
    if versions != sorted(set(versions)):
        raise ValueError("migration versions must be unique and in ascending order")
    current = await schema_version(conn)
    applied: list[int] = []
    for migration in migrations:
        if migration.version <= current or (up_to is not None and migration.version > up_to):
            continue
        await conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migration.sql):
                await conn.execute(statement)
            await conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, utc_now()),
            )
        except BaseException:
            await conn.execute("ROLLBACK")
            raise
        await conn.execute("COMMIT")
        applied.append(migration.version)
    return applied


async def _ensure_migrations_table(conn: aiosqlite.Connection) -> None:
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements, keeping a trigger's body whole."""
    statements: list[str] = []
    pending = ""
    for part in sql.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip(" \n;"))
    return statements


async def backup_database(source: Path, target: Path) -> None:
    """Copy a live database with SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)

    def _copy() -> None:
        src = sqlite3.connect(source)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # One self-contained file: the copy leaves WAL mode, and its -wal and -shm go.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()

    await asyncio.to_thread(_copy)
