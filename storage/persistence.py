"""python-telegram-bot persistence on SQLite, written through after every update.

Conversation states and user data are buffered as the application reports
them and written in one transaction by `commit_pending()`, which the
application calls after each update. A bot killed with SIGKILL therefore
resumes every conversation where it was. Values are stored as JSON, not
pickle, so they stay readable and can be deleted per person.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from copy import deepcopy
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from storage.database import Database

UserData = dict[str, Any]
ChatData = dict[str, Any]
BotData = dict[str, Any]

_DROP = object()


class SQLitePersistence(BasePersistence[UserData, ChatData, BotData]):
    def __init__(self, database: Callable[[], Awaitable[Database]]) -> None:
        # Write-through happens per update; the interval is only a safety net.
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=True, user_data=True, callback_data=False
            ),
            update_interval=30,
        )
        self._database = database
        self._pending_conversations: dict[tuple[str, str], object] = {}
        self._pending_user_data: dict[int, object] = {}
        self._pending_chat_data: dict[int, object] = {}

    async def get_user_data(self) -> dict[int, UserData]:
        db = await self._database()
        async with db.conn.execute("SELECT user_id, data FROM ptb_user_data") as cursor:
            return {int(row[0]): json.loads(row[1]) for row in await cursor.fetchall()}

    async def get_chat_data(self) -> dict[int, ChatData]:
        db = await self._database()
        async with db.conn.execute("SELECT chat_id, data FROM ptb_chat_data") as cursor:
            return {int(row[0]): json.loads(row[1]) for row in await cursor.fetchall()}

    async def get_bot_data(self) -> BotData:
        return {}

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def get_conversations(self, name: str) -> ConversationDict:
        db = await self._database()
        async with db.conn.execute(
            "SELECT key, state FROM ptb_conversations WHERE name = ?", (name,)
        ) as cursor:
            rows = await cursor.fetchall()
        return {tuple(json.loads(row[0])): json.loads(row[1]) for row in rows}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        self._pending_conversations[(name, json.dumps(list(key)))] = (
            _DROP if new_state is None else new_state
        )

    async def update_user_data(self, user_id: int, data: UserData) -> None:
        self._pending_user_data[user_id] = deepcopy(data)

    async def update_chat_data(self, chat_id: int, data: ChatData) -> None:
        self._pending_chat_data[chat_id] = deepcopy(data)

    async def update_bot_data(self, data: BotData) -> None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        return None

    async def drop_user_data(self, user_id: int) -> None:
        self._pending_user_data[user_id] = _DROP

    async def drop_chat_data(self, chat_id: int) -> None:
        self._pending_chat_data[chat_id] = _DROP

    async def refresh_user_data(self, user_id: int, user_data: UserData) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: ChatData) -> None:
        return None

    async def refresh_bot_data(self, bot_data: BotData) -> None:
        return None

    async def flush(self) -> None:
        await self.commit_pending()

    async def commit_pending(self) -> None:
        """Write everything reported since the last call, in one transaction."""
        if not (self._pending_conversations or self._pending_user_data or self._pending_chat_data):
            return
        conversations, self._pending_conversations = self._pending_conversations, {}
        user_data, self._pending_user_data = self._pending_user_data, {}
        chat_data, self._pending_chat_data = self._pending_chat_data, {}
        try:
            await self._write(conversations, user_data, chat_data)
        except BaseException:
            # Keep what failed for the next attempt, unless something newer replaced it.
            for pending, failed in (
                (self._pending_conversations, conversations),
                (self._pending_user_data, user_data),
                (self._pending_chat_data, chat_data),
            ):
                for ident, value in failed.items():
                    pending.setdefault(ident, value)  # type: ignore[arg-type]
            raise

    async def _write(
        self,
        conversations: dict[tuple[str, str], object],
        user_data: dict[int, object],
        chat_data: dict[int, object],
    ) -> None:
        db = await self._database()
        async with db.transaction() as conn:
            for (name, key), state in conversations.items():
                if state is _DROP:
                    await conn.execute(
                        "DELETE FROM ptb_conversations WHERE name = ? AND key = ?", (name, key)
                    )
                else:
                    await conn.execute(
                        "INSERT INTO ptb_conversations (name, key, state) VALUES (?, ?, ?)"
                        " ON CONFLICT (name, key) DO UPDATE SET state = excluded.state",
                        (name, key, json.dumps(state)),
                    )
            for table, column, items in (
                ("ptb_user_data", "user_id", user_data),
                ("ptb_chat_data", "chat_id", chat_data),
            ):
                for ident, data in items.items():
                    if data is _DROP or not data:
                        await conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (ident,))
                    else:
                        await conn.execute(
                            f"INSERT INTO {table} ({column}, data) VALUES (?, ?)"
                            f" ON CONFLICT ({column}) DO UPDATE SET data = excluded.data",
                            (ident, json.dumps(data)),
                        )

    async def forget_person(self, telegram_id: int) -> None:
        """Delete every persistence row about one person (their private chat has their id)."""
        db = await self._database()
        self._pending_user_data.pop(telegram_id, None)
        self._pending_chat_data.pop(telegram_id, None)
        async with db.transaction() as conn:
            await conn.execute("DELETE FROM ptb_user_data WHERE user_id = ?", (telegram_id,))
            await conn.execute("DELETE FROM ptb_chat_data WHERE chat_id = ?", (telegram_id,))
            await conn.execute(
                "DELETE FROM ptb_conversations"
                " WHERE EXISTS (SELECT 1 FROM json_each(ptb_conversations.key) WHERE value = ?)",
                (telegram_id,),
            )
