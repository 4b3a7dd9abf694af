import asyncio
import sqlite3

import pytest

from storage import migrations
from storage.database import (
    DatabaseRefused,
    Migration,
    Schema,
    apply_migrations,
    backup_database,
    open_database,
    schema_version,
)

TWO_STEPS = (
    Migration(1, "people", "CREATE TABLE people (id INTEGER PRIMARY KEY)"),
    Migration(
        2, "names", "ALTER TABLE people ADD COLUMN name TEXT; CREATE INDEX by_name ON people(name)"
    ),
)


async def pragma(db, name):
    async with db.conn.execute(f"PRAGMA {name}") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return row[0]


async def test_a_fresh_database_ends_at_the_newest_schema(tmp_path):
    db = await open_database(tmp_path / "feedback.sqlite3", migrations.OPERATIONAL)
    assert await schema_version(db.conn) == migrations.OPERATIONAL[-1].version
    assert await pragma(db, "journal_mode") == "wal"
    assert await pragma(db, "foreign_keys") == 1
    assert await pragma(db, "synchronous") == 2  # FULL
    assert await pragma(db, "busy_timeout") > 0
    await db.close()


async def test_an_older_database_is_migrated_forward(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = await open_database(path, TWO_STEPS[:1])
    await db.conn.execute("INSERT INTO people (id) VALUES (1)")
    assert await schema_version(db.conn) == 1
    await db.close()

    db = await open_database(path, TWO_STEPS)
    assert await schema_version(db.conn) == 2
    async with db.conn.execute("SELECT id, name FROM people") as cursor:
        assert [tuple(row) for row in await cursor.fetchall()] == [(1, None)]
    async with db.conn.execute("SELECT version, name FROM schema_migrations ORDER BY version") as c:
        assert [tuple(row) for row in await c.fetchall()] == [(1, "people"), (2, "names")]
    await db.close()


async def test_migrations_are_applied_once(tmp_path):
    path = tmp_path / "again.sqlite3"
    db = await open_database(path, TWO_STEPS)
    assert await apply_migrations(db.conn, TWO_STEPS) == []
    await db.close()


async def test_a_failing_migration_leaves_the_previous_version(tmp_path):
    broken = (*TWO_STEPS, Migration(3, "broken", "CREATE TABLE people (id INTEGER)"))
    path = tmp_path / "broken.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        await open_database(path, broken)
    db = await open_database(path, TWO_STEPS)
    assert await schema_version(db.conn) == 2
    await db.close()


async def test_the_reporting_store_is_a_separate_migrated_file(tmp_path):
    db = await open_database(tmp_path / "reporting.sqlite3", migrations.REPORTING)
    assert await schema_version(db.conn) == migrations.REPORTING[-1].version
    async with db.conn.execute("SELECT name FROM sqlite_master WHERE name = 'responses'") as c:
        assert await c.fetchone() is None
    await db.close()


async def test_a_damaged_database_fails_the_integrity_check(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    db = await open_database(path, TWO_STEPS)
    async with db.transaction() as conn:
        for number in range(2000):
            await conn.execute("INSERT INTO people (name) VALUES (?)", (f"person {number}" * 5,))
    await db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    await db.close()
    data = bytearray(path.read_bytes())
    page_size = 4096
    for offset in range(page_size * 3, page_size * 6):
        data[offset] = 0xAB
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseRefused):
        await open_database(path, TWO_STEPS)
    assert path.read_bytes() == bytes(data)  # left exactly as it was


def unchanged(path):
    return path.read_bytes()


async def test_another_applications_database_is_refused_and_left_as_it_is(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE songs (title TEXT)")
    other.close()
    before = unchanged(path)
    with pytest.raises(DatabaseRefused, match="another application's database"):
        await open_database(path, migrations.OPERATIONAL)
    assert unchanged(path) == before


async def test_a_file_that_is_not_a_database_is_refused_and_left_as_it_is(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    path.write_bytes(b"these are somebody's notes, not a database\n" * 200)
    with pytest.raises(DatabaseRefused, match="not a readable SQLite database"):
        await open_database(path, migrations.OPERATIONAL)
    assert path.read_bytes().startswith(b"these are somebody's notes")


async def test_our_two_databases_are_marked_and_never_mistaken_for_each_other(tmp_path):
    db = await open_database(tmp_path / "feedback.sqlite3", migrations.OPERATIONAL)
    assert await pragma(db, "application_id") == migrations.OPERATIONAL.application_id
    await db.close()
    with pytest.raises(DatabaseRefused, match="another application"):
        await open_database(tmp_path / "feedback.sqlite3", migrations.REPORTING)


async def test_a_database_from_before_the_mark_is_ours_and_gets_marked(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    db = await open_database(path, TWO_STEPS)  # unmarked, as older versions left it
    await db.close()
    db = await open_database(path, Schema(0x1234, *TWO_STEPS))
    assert await pragma(db, "application_id") == 0x1234
    await db.close()


async def test_a_database_from_a_newer_version_is_refused_and_left_as_it_is(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    db = await open_database(path, TWO_STEPS)
    await db.close()
    before = unchanged(path)
    with pytest.raises(DatabaseRefused, match="newer version of the bot"):
        await open_database(path, TWO_STEPS[:1])
    assert unchanged(path) == before


async def test_backup_copies_a_live_database(tmp_path):
    path = tmp_path / "live.sqlite3"
    db = await open_database(path, TWO_STEPS)
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO people (name) VALUES ('Ada')")
    await backup_database(path, tmp_path / "copy.sqlite3")
    await db.close()
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert copy.execute("SELECT name FROM people").fetchall() == [("Ada",)]
    copy.close()


def committed_names(path) -> list[str]:
    """What another connection sees: only committed rows."""
    other = sqlite3.connect(path)
    try:
        return [row[0] for row in other.execute("SELECT name FROM people ORDER BY id")]
    finally:
        other.close()


async def test_a_write_returns_its_rows_once_they_are_on_disk(tmp_path):
    path = tmp_path / "write.sqlite3"
    db = await open_database(path, TWO_STEPS)
    rows = await db.write("INSERT INTO people (name) VALUES (?) RETURNING id, name", ("Ada",))
    assert [tuple(row) for row in rows] == [(1, "Ada")]
    assert committed_names(path) == ["Ada"]
    await db.close()


async def test_writers_arriving_together_share_one_commit(tmp_path):
    path = tmp_path / "batch.sqlite3"
    db = await open_database(path, TWO_STEPS)
    commits = []
    await db.conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)

    async def transaction_writer(name: str) -> None:
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO people (name) VALUES (?)", (name,))

    await asyncio.gather(
        *(db.write("INSERT INTO people (name) VALUES (?)", (f"w{n}",)) for n in range(5)),
        *(transaction_writer(f"t{n}") for n in range(5)),
    )
    assert len(committed_names(path)) == 10
    assert len(commits) < 10
    await db.close()


async def test_a_failing_writer_leaves_the_others_in_its_batch(tmp_path):
    path = tmp_path / "failing.sqlite3"
    db = await open_database(path, TWO_STEPS)
    await db.write("INSERT INTO people (id, name) VALUES (1, 'Ada')")

    async def half_done_transaction() -> None:
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO people (name) VALUES ('Half')")
            await conn.execute("INSERT INTO people (id) VALUES (1)")

    results = await asyncio.gather(
        db.write("INSERT INTO people (name) VALUES ('Bo')"),
        db.write("INSERT INTO people (id) VALUES (1)"),
        half_done_transaction(),
        db.write("INSERT INTO people (name) VALUES ('Cy')"),
        return_exceptions=True,
    )
    assert [type(result) for result in results[1:3]] == [sqlite3.IntegrityError] * 2
    assert committed_names(path) == ["Ada", "Bo", "Cy"]
    await db.close()


async def test_a_write_never_lands_inside_another_writers_savepoint(tmp_path):
    path = tmp_path / "savepoint.sqlite3"
    db = await open_database(path, TWO_STEPS)
    inside, give_up = asyncio.Event(), asyncio.Event()

    async def changing_its_mind() -> None:
        async with db.transaction() as conn:
            await conn.execute("INSERT INTO people (name) VALUES ('Half')")
            inside.set()
            await give_up.wait()
            raise RuntimeError("changed my mind")

    transaction = asyncio.create_task(changing_its_mind())
    await inside.wait()
    write = asyncio.create_task(db.write("INSERT INTO people (name) VALUES ('Bo')"))
    await asyncio.sleep(0.01)
    give_up.set()
    with pytest.raises(RuntimeError):
        await transaction
    await write
    assert committed_names(path) == ["Bo"]
    await db.close()


async def test_after_the_database_was_locked_by_another_program_writing_works_again(tmp_path):
    path = tmp_path / "locked.sqlite3"
    db = await open_database(path, TWO_STEPS)
    await db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        await db.write("INSERT INTO people (name) VALUES ('Ada')")
    other.execute("ROLLBACK")
    other.close()
    await db.write("INSERT INTO people (name) VALUES ('Bo')")
    assert committed_names(path) == ["Bo"]
    await db.close()


DEFERRED_CHECK = (
    Migration(
        1,
        "notes on people, checked at commit",
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);"
        " CREATE TABLE notes (person_id INTEGER REFERENCES people(id)"
        " DEFERRABLE INITIALLY DEFERRED, text TEXT)",
    ),
)


async def test_a_failed_commit_fails_its_writers_and_the_next_batch_still_commits(tmp_path):
    path = tmp_path / "commit.sqlite3"
    db = await open_database(path, DEFERRED_CHECK)
    results = await asyncio.gather(
        db.write("INSERT INTO people (name) VALUES ('Ada')"),
        db.write("INSERT INTO notes (person_id, text) VALUES (99, 'nobody')"),
        return_exceptions=True,
    )
    assert all(isinstance(result, sqlite3.IntegrityError) for result in results)
    assert committed_names(path) == []
    await db.write("INSERT INTO people (name) VALUES ('Bo')")
    assert committed_names(path) == ["Bo"]
    await db.close()


async def test_a_snapshot_keeps_seeing_what_was_there_at_its_first_read(tmp_path):
    db = await open_database(tmp_path / "snapshot.sqlite3", TWO_STEPS)
    await db.write("INSERT INTO people (name) VALUES ('Ada')")
    async with db.snapshot() as snapshot:
        assert len(await snapshot.read("SELECT * FROM people")) == 1
        await db.write("INSERT INTO people (name) VALUES ('Bo')")  # not held up by the reader
        assert len(await snapshot.read("SELECT * FROM people")) == 1
    async with db.snapshot() as later:
        assert len(await later.read("SELECT * FROM people")) == 2
    await db.close()


async def test_a_snapshot_opens_wherever_the_database_lives(tmp_path):
    folder = tmp_path / "odd #1? folder"
    db = await open_database(folder / "feedback data.sqlite3", TWO_STEPS)
    try:
        await db.write("INSERT INTO people (name) VALUES ('Ada')")
        async with db.snapshot() as snapshot:
            assert [row[0] for row in await snapshot.read("SELECT name FROM people")] == ["Ada"]
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                await snapshot.read("INSERT INTO people (name) VALUES ('Bo')")
    finally:
        await db.close()
