"""The one error handler: log first (with the traceback, never message text), then apologise."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from conversations import texts
from conversations.context import BotContext
from conversations.widgets import say

_LOGGER = logging.getLogger(__name__)


async def handle_error(update: object, context: BotContext) -> None:
    """Log the error with its update id, and tell the person something went wrong."""
    update_id = update.update_id if isinstance(update, Update) else None
    _LOGGER.error("Error while handling update %s", update_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(
                update.effective_chat.id, say(texts.SOMETHING_WENT_WRONG, None)
            )
        except TelegramError:
            _LOGGER.warning("Could not tell chat of update %s about the error", update_id)
