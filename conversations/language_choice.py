"""Choosing a language: `/language` anywhere, and a button on the greeting.

The choice is kept in the person's data beside their place, so it survives
restarts; Telegram's `language_code` chooses for them until they do
(`FeedbackApplication.process_update`). After choosing, whatever they were asked
is asked again in the new language.
"""

from __future__ import annotations

import contextlib
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, BaseHandler, CallbackQueryHandler, CommandHandler

from conversations import texts
from conversations.callback_data import code_of, encode, parts_of, tapped_with
from conversations.context import BotContext
from conversations.engine import FlowEngine
from conversations.language import LANGUAGE_MENU, LANGUAGES, choose_language, reading_language
from conversations.place import Place
from conversations.roles import reader_of
from conversations.widgets import say

LANGUAGE_DATA = code_of(LANGUAGE_MENU)


class LanguageChoice:
    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine

    def handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        return [
            CommandHandler("language", self.on_language),
            CallbackQueryHandler(self.on_tap, pattern=tapped_with(LANGUAGE_DATA)),
        ]

    async def on_language(self, update: Update, context: BotContext) -> None:
        """`/language`: the languages, each named in its own language and script."""
        await self.show_languages(update, context)
        raise ApplicationHandlerStop

    async def show_languages(self, update: Update, context: BotContext) -> None:
        assert update.effective_chat is not None
        audience = await reader_of(update, context)
        keyboard = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(name, callback_data=encode(LANGUAGE_DATA, code))]
                for code, name in LANGUAGES.items()
            ]
        )
        await context.bot.send_message(
            update.effective_chat.id, say(texts.LANGUAGE_QUESTION, audience), reply_markup=keyboard
        )

    async def on_tap(self, update: Update, context: BotContext) -> None:
        query = update.callback_query
        assert query is not None and update.effective_chat is not None
        await query.answer()
        code = "|".join(parts_of(query.data))
        if code not in LANGUAGES:
            await self.show_languages(update, context)
            raise ApplicationHandlerStop
        choose_language(context.data, code)
        # The rest of this update is worded in it too (process_update resets it after).
        reading_language.set(code)
        with contextlib.suppress(TelegramError):
            await query.edit_message_reply_markup(None)
        audience = await reader_of(update, context)
        chosen = say(texts.LANGUAGE_CHOSEN, audience, language=LANGUAGES[code])
        await context.bot.send_message(update.effective_chat.id, chosen)
        if Place.of(context).asked:
            await self.engine.reask(update, context)
        else:
            await context.bot.send_message(
                update.effective_chat.id, say(texts.LANGUAGE_START, audience)
            )
        raise ApplicationHandlerStop
