from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import migrations
from storage.database import Database, open_database


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await open_database(tmp_path / "r.sqlite3", migrations.OPERATIONAL)
    yield database
    await database.close()
