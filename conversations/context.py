"""The typed context every handler receives, and the application class it belongs to."""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any, cast

from telegram import Update
from telegram.ext import Application, CallbackContext, ConversationHandler, ExtBot, JobQueue

from conversations.language import language_of, preselect_language, reading_language
from conversations.place import Place
from conversations.services import Services
from storage import inbox
from storage.database import Database
from storage.persistence import SQLitePersistence

UserData = dict[str, Any]
# The update being handled, for the logs (`bot.log`'s JSON lines carry it).
handling_update: ContextVar[int | None] = ContextVar("handling_update", default=None)
_LOGGER = logging.getLogger(__name__)


class BotContext(CallbackContext[ExtBot[None], UserData, dict[str, Any], dict[str, Any]]):
    """`CallbackContext` with the services as typed attributes instead of `bot_data` keys."""

    @property
    def services(self) -> Services:
        return cast(FeedbackApplication, self.application).services

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def data(self) -> UserData:
        """This person's conversation data (persisted; JSON values only)."""
        assert self.user_data is not None
        return self.user_data

    @property
    def place(self) -> Place:
        """Where this person is in a conversation (kept in their data)."""
        return Place(self.data)


class FeedbackApplication(
    Application[
        ExtBot[None],
        BotContext,
        UserData,
        dict[str, Any],
        dict[str, Any],
        JobQueue[BotContext],
    ]
):
    """An `Application` that writes persistence through after every update.

    python-telegram-bot otherwise saves conversation state on an interval;
    writing after each update means a bot killed mid-conversation resumes
    exactly where the person was.
    """

    services: Services
    # Updates from the inbox (storage/inbox.py) not yet handled; marked once they are.
    inbox_pending: set[int]
    # The web chat's server when there is one (`bot.web_chat.WebChatSite`, the shell's).
    web_chat_site: Any = None
    # /healthz and /metrics when METRICS_PORT is set (`bot.health.OperationsSite`).
    operations_site: Any = None

    async def save_now(self, update: Update, conversation: str, state: object) -> None:
        """Write one person's data and conversation state now, in the middle of their update.

        python-telegram-bot writes a conversation's new state only once the
        handler has returned, which is after the person was shown their next
        question. Handlers call this just before showing it, so a bot killed in
        between still resumes there; the write after the update then finds
        nothing changed. If the write fails, the person still gets their
        question, and the state is written with the next update.
        """
        persistence = self.persistence
        user, chat = update.effective_user, update.effective_chat
        if not isinstance(persistence, SQLitePersistence) or user is None or chat is None:
            return
        ended = state == ConversationHandler.END
        try:
            await persistence.update_user_data(user.id, self.user_data[user.id])
            # ConversationHandler's key for a conversation per chat and per user (its default).
            await persistence.update_conversation(
                conversation, (chat.id, user.id), None if ended else state
            )
            await persistence.commit_pending()
        except Exception:
            _LOGGER.exception("Could not write conversation state; will retry")

    async def process_update(self, update: object) -> None:
        # Everything worded while this update is handled is in its sender's language.
        user = update.effective_user if isinstance(update, Update) else None
        if user is not None:
            preselect_language(self.user_data[user.id], user.language_code)
        language = language_of(self.user_data.get(user.id) if user is not None else None)
        token = reading_language.set(language)
        handling = handling_update.set(update.update_id if isinstance(update, Update) else None)
        try:
            await super().process_update(update)
        finally:
            reading_language.reset(token)
            handling_update.reset(handling)
        try:
            await self.update_persistence()
            if isinstance(self.persistence, SQLitePersistence):
                await self.persistence.commit_pending()
        except Exception:
            # The state stays buffered and is written with the next update.
            _LOGGER.exception("Could not write conversation state; will retry")
        if isinstance(update, Update) and update.update_id in self.inbox_pending:
            self.inbox_pending.discard(update.update_id)
            try:
                await inbox.mark_handled(self.services.db, update.update_id, self.services.now())
            except Exception:
                # Handled again at the next start: a repeat is better than a loss.
                _LOGGER.exception("Could not mark update %s as handled", update.update_id)
