import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import migrations
from storage.database import Database, open_database
from storage.persistence import SQLitePersistence


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await open_database(tmp_path / "p.sqlite3", migrations.OPERATIONAL)
    yield database
    await database.close()


def persistence_on(database: Database) -> SQLitePersistence:
    async def opened() -> Database:
        return database

    return SQLitePersistence(opened)


async def test_conversation_state_and_user_data_round_trip(db, tmp_path):
    persistence = persistence_on(db)
    await persistence.update_conversation("feedback", (42, 42), "yp:mood")
    await persistence.update_user_data(42, {"flow": "yp", "history": ["age"], "response_id": 7})
    await persistence.update_chat_data(42, {"note": "x"})
    await persistence.commit_pending()

    reopened = await open_database(tmp_path / "p.sqlite3", migrations.OPERATIONAL)
    try:
        reloaded = persistence_on(reopened)
        assert await reloaded.get_conversations("feedback") == {(42, 42): "yp:mood"}
        assert await reloaded.get_user_data() == {
            42: {"flow": "yp", "history": ["age"], "response_id": 7}
        }
        assert await reloaded.get_chat_data() == {42: {"note": "x"}}
    finally:
        await reopened.close()


async def test_ending_a_conversation_deletes_its_row(db):
    persistence = persistence_on(db)
    await persistence.update_conversation("feedback", (1, 1), "yp:age")
    await persistence.commit_pending()
    await persistence.update_conversation("feedback", (1, 1), None)
    await persistence.drop_user_data(1)
    await persistence.commit_pending()
    assert await persistence.get_conversations("feedback") == {}
    assert await persistence.get_user_data() == {}


async def test_nothing_is_written_until_commit(db):
    persistence = persistence_on(db)
    await persistence.update_user_data(5, {"a": 1})
    assert await persistence.get_user_data() == {}
    await persistence.flush()
    assert await persistence.get_user_data() == {5: {"a": 1}}


async def test_a_failed_write_is_kept_for_the_next_commit(db):
    persistence = persistence_on(db)
    await persistence.update_user_data(5, {"a": 1})
    await db.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON ptb_state BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        await persistence.commit_pending()
    await db.conn.execute("DROP TRIGGER refuse")
    await persistence.commit_pending()
    assert await persistence.get_user_data() == {5: {"a": 1}}


async def test_forgetting_a_person_removes_only_their_rows(db):
    persistence = persistence_on(db)
    for person in (12, 123):
        await persistence.update_conversation("feedback", (person, person), "yp:age")
        await persistence.update_user_data(person, {"flow": "yp"})
    await persistence.commit_pending()
    await persistence.forget_person(12)
    assert await persistence.get_conversations("feedback") == {(123, 123): "yp:age"}
    assert set(await persistence.get_user_data()) == {123}


async def test_rows_that_did_not_change_are_not_written_again(db):
    persistence = persistence_on(db)
    await persistence.update_user_data(5, {"at": "yp:age"})
    await persistence.update_chat_data(5, {})
    await persistence.commit_pending()
    written: list[str] = []
    await db.conn.set_trace_callback(written.append)
    await persistence.update_user_data(5, {"at": "yp:age"})
    await persistence.update_chat_data(5, {})
    await persistence.commit_pending()
    assert written == []
    await persistence.update_user_data(5, {"at": "yp:mood"})
    await persistence.commit_pending()
    assert len(written) == 3  # BEGIN, the one upsert, COMMIT


async def test_rows_from_before_the_single_table_are_kept(tmp_path):
    path = tmp_path / "old.sqlite3"
    before = [m for m in migrations.OPERATIONAL if m.version < 9]
    old = await open_database(path, before)
    await old.conn.execute('INSERT INTO ptb_user_data VALUES (42, \'{"at": "yp:age"}\')')
    await old.conn.execute("INSERT INTO ptb_chat_data VALUES (42, '{\"n\": 1}')")
    await old.conn.execute(
        "INSERT INTO ptb_conversations VALUES ('feedback', '[42, 42]', '\"yp:age\"')"
    )
    await old.close()

    db = await open_database(path, migrations.OPERATIONAL)
    try:
        persistence = persistence_on(db)
        assert await persistence.get_user_data() == {42: {"at": "yp:age"}}
        assert await persistence.get_chat_data() == {42: {"n": 1}}
        assert await persistence.get_conversations("feedback") == {(42, 42): "yp:age"}
    finally:
        await db.close()


async def test_updates_finishing_together_share_one_write(db):
    persistence = persistence_on(db)
    written: list[str] = []
    await db.conn.set_trace_callback(written.append)

    async def one_update(user_id: int) -> None:
        await persistence.update_user_data(user_id, {"at": "yp:age"})
        await persistence.commit_pending()

    await asyncio.gather(*(one_update(user_id) for user_id in range(1, 9)))
    assert set(await persistence.get_user_data()) == set(range(1, 9))
    assert sum("INSERT INTO ptb_state" in sql for sql in written) < 8


async def test_a_caller_waits_for_a_write_already_holding_its_rows(db):
    persistence = persistence_on(db)
    await persistence.update_user_data(1, {"at": "yp:age"})
    async with db.exclusive:  # the database is busy with another writer
        first = asyncio.create_task(persistence.commit_pending())
        await asyncio.sleep(0.01)  # the first write has taken the row and waits for the database
        second = asyncio.create_task(persistence.commit_pending())
        await asyncio.sleep(0.01)
        assert not second.done()
    await asyncio.gather(first, second)
    other = sqlite3.connect(db.path)
    try:
        assert other.execute("SELECT COUNT(*) FROM ptb_state").fetchone() == (1,)
    finally:
        other.close()


async def test_more_rows_than_fit_in_one_statement_are_all_written(db):
    persistence = persistence_on(db)
    for user_id in range(1, 1201):
        await persistence.update_user_data(user_id, {"at": "yp:age"})
    await persistence.update_conversation("feedback", (7, 7), None)
    await persistence.commit_pending()
    assert len(await persistence.get_user_data()) == 1200


async def test_going_back_to_what_was_stored_while_a_write_is_under_way_is_written(db):
    persistence = persistence_on(db)
    await persistence.update_user_data(1, {"at": "yp:age"})
    await persistence.commit_pending()
    await persistence.update_user_data(1, {"at": "yp:mood"})
    async with db.exclusive:  # the write of yp:mood has taken the row and waits
        moving_on = asyncio.create_task(persistence.commit_pending())
        await asyncio.sleep(0.01)
        await persistence.update_user_data(1, {"at": "yp:age"})  # they went back
        going_back = asyncio.create_task(persistence.commit_pending())
        await asyncio.sleep(0.01)
    await asyncio.gather(moving_on, going_back)
    assert await persistence_on(db).get_user_data() == {1: {"at": "yp:age"}}
