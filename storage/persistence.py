"""python-telegram-bot persistence on SQLite, written through after every update.

Conversation states and user data are serialised as the application reports
them and written by `commit_pending()`, which the application calls after each
update: everything that changed goes in one statement, and rows that did not
change are not written again. A bot killed with SIGKILL therefore resumes
every conversation where it was. Values are stored as JSON, not pickle, so
they stay readable and can be deleted per person.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from storage.database import Database

UserData = dict[str, Any]
ChatData = dict[str, Any]
BotData = dict[str, Any]

# A row of `ptb_state` is (kind, key): "user" or "chat" with the id, or
# "conversation:<name>" with the conversation key as a JSON list.
RowKey = tuple[str, str]
USER = "user"
CHAT = "chat"
_Row = TypeVar("_Row")
# SQLite allows 32,766 bound values per statement; three per row.
ROWS_PER_STATEMENT = 500


class SQLitePersistence(BasePersistence[UserData, ChatData, BotData]):
    def __init__(self, database: Callable[[], Awaitable[Database]]) -> None:
        # Write-through happens per update; the interval is only a safety net.
        super().__init__(
            # The bot keeps nothing per chat or per bot, only per person.
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=30,
        )
        self._database = database
        # JSON to write, or None to delete the row.
        self._pending: dict[RowKey, str | None] = {}
        # What the database holds, so unchanged rows are not written again.
        self._stored: dict[RowKey, str] = {}
        self._writing = asyncio.Lock()
        self._next_write: asyncio.Future[None] | None = None

    async def _load(self, kind: str) -> dict[str, Any]:
        db = await self._database()
        rows = await db.read("SELECT key, data FROM ptb_state WHERE kind = ?", (kind,))
        for key, data in rows:
            self._stored[(kind, key)] = data
        return {key: json.loads(data) for key, data in rows}

    async def get_user_data(self) -> dict[int, UserData]:
        return {int(key): data for key, data in (await self._load(USER)).items()}

    async def get_chat_data(self) -> dict[int, ChatData]:
        return {int(key): data for key, data in (await self._load(CHAT)).items()}

    async def get_bot_data(self) -> BotData:
        return {}

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def get_conversations(self, name: str) -> ConversationDict:
        rows = await self._load(_conversation_kind(name))
        return {tuple(json.loads(key)): state for key, state in rows.items()}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        row = (_conversation_kind(name), json.dumps(list(key)))
        self._pending[row] = None if new_state is None else json.dumps(new_state)

    async def update_user_data(self, user_id: int, data: UserData) -> None:
        self._pending[(USER, str(user_id))] = json.dumps(data) if data else None

    async def update_chat_data(self, chat_id: int, data: ChatData) -> None:
        self._pending[(CHAT, str(chat_id))] = json.dumps(data) if data else None

    async def update_bot_data(self, data: BotData) -> None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        return None

    async def drop_user_data(self, user_id: int) -> None:
        self._pending[(USER, str(user_id))] = None

    async def drop_chat_data(self, chat_id: int) -> None:
        self._pending[(CHAT, str(chat_id))] = None

    async def refresh_user_data(self, user_id: int, user_data: UserData) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: ChatData) -> None:
        return None

    async def refresh_bot_data(self, bot_data: BotData) -> None:
        return None

    async def flush(self) -> None:
        await self.commit_pending()

    async def commit_pending(self) -> None:
        """Write everything reported so far; return once it is on disk.

        Updates that finish while a write is under way share the next one, so a
        busy bot writes many people's state in one statement.
        """
        if not self._writing.locked():
            # Only when no write is under way does `_stored` hold what the database holds.
            self._pending = {
                row: data for row, data in self._pending.items() if self._stored.get(row) != data
            }
            if not self._pending:
                return
        if self._next_write is None:
            self._next_write = asyncio.get_running_loop().create_future()
            asyncio.get_running_loop().create_task(self._write_pending(self._next_write))
        await asyncio.shield(self._next_write)

    async def _write_pending(self, done: asyncio.Future[None]) -> None:
        async with self._writing:
            self._next_write = None
            changes = {
                row: data for row, data in self._pending.items() if self._stored.get(row) != data
            }
            self._pending = {}
            try:
                if changes:
                    await self._write(changes)
            except BaseException as exc:
                # Keep what failed for the next attempt, unless something newer replaced it.
                for row, data in changes.items():
                    self._pending.setdefault(row, data)
                done.set_exception(exc)
                done.exception()  # observed, even if every caller was cancelled
                return
            for row, data in changes.items():
                if data is None:
                    self._stored.pop(row, None)
                else:
                    self._stored[row] = data
            done.set_result(None)

    async def _write(self, changes: dict[RowKey, str | None]) -> None:
        upserts = [(*row, data) for row, data in changes.items() if data is not None]
        deletes = [row for row, data in changes.items() if data is None]
        statements = [*map(_upsert, _chunks(upserts)), *map(_delete, _chunks(deletes))]
        db = await self._database()
        if len(statements) == 1:
            await db.write(*statements[0])
            return
        async with db.transaction() as conn:
            for sql, params in statements:
                await conn.execute(sql, params)

    async def forget_person(self, telegram_id: int) -> None:
        """Delete every persistence row about one person (their private chat has their id)."""
        db = await self._database()
        # Holding the write lock: no write of their state can land after the delete.
        async with self._writing:
            for row in [*self._pending, *self._stored]:
                if _about(row, telegram_id):
                    self._pending.pop(row, None)
                    self._stored.pop(row, None)
            await db.write(
                "DELETE FROM ptb_state WHERE (kind IN (?, ?) AND key = ?)"
                " OR (kind LIKE 'conversation:%'"
                " AND EXISTS (SELECT 1 FROM json_each(ptb_state.key) WHERE value = ?))",
                (USER, CHAT, str(telegram_id), telegram_id),
            )


def _conversation_kind(name: str) -> str:
    return f"conversation:{name}"


def _about(row: RowKey, telegram_id: int) -> bool:
    kind, key = row
    if kind in (USER, CHAT):
        return key == str(telegram_id)
    return telegram_id in json.loads(key)


def _chunks(rows: list[_Row]) -> list[list[_Row]]:
    return [rows[i : i + ROWS_PER_STATEMENT] for i in range(0, len(rows), ROWS_PER_STATEMENT)]


def _upsert(rows: list[tuple[str, str, str]]) -> tuple[str, list[str]]:
    values = ", ".join(["(?, ?, ?)"] * len(rows))
    return (
        f"INSERT INTO ptb_state (kind, key, data) VALUES {values}"
        " ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data",
        [value for row in rows for value in row],
    )


def _delete(rows: list[RowKey]) -> tuple[str, list[str]]:
    values = ", ".join(["(?, ?)"] * len(rows))
    return (
        f"DELETE FROM ptb_state WHERE (kind, key) IN (VALUES {values})",
        [value for row in rows for value in row],
    )
