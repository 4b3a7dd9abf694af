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
    await db.conn.execute("DROP TABLE ptb_user_data")
    with pytest.raises(sqlite3.OperationalError):
        await persistence.commit_pending()
    await db.conn.execute(
        "CREATE TABLE ptb_user_data (user_id INTEGER PRIMARY KEY, data TEXT NOT NULL)"
    )
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
