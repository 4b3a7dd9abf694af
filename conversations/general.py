"""Replies for messages that arrive outside any flow, and in group chats."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from conversations import texts
from conversations.context import BotContext
from conversations.typed_words import is_thanks
from conversations.widgets import say

NOT_PRIVATE = ~filters.ChatType.PRIVATE


async def refuse_in_group(update: Update, context: BotContext) -> None:
    """Tell a group to message the bot privately; store nothing."""
    if update.callback_query:
        await update.callback_query.answer(texts.GROUP_REFUSAL.for_audience(None))
        return
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_message(chat.id, say(texts.GROUP_REFUSAL, None))


async def nothing_to_answer(update: Update, context: BotContext) -> None:
    """Point someone who is not in a flow to /start and /help; a thank-you gets a welcome."""
    chat, message = update.effective_chat, update.effective_message
    assert chat is not None
    thanked = message is not None and is_thanks(message.text or "")
    wording = texts.YOU_ARE_WELCOME if thanked else texts.NOTHING_TO_ANSWER
    await context.bot.send_message(chat.id, say(wording, None))


async def help_now(update: Update, context: BotContext) -> None:
    """Show what the bot is and how to get help now."""
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_message(chat.id, say(texts.HELP_NOW, None))


async def old_button(update: Update, context: BotContext) -> None:
    """Answer a button from a conversation that has ended."""
    query = update.callback_query
    assert query is not None
    chat = update.effective_chat
    if chat is not None and chat.type != "private":
        await refuse_in_group(update, context)
        return
    await query.answer()
    if chat is not None:
        await context.bot.send_message(chat.id, say(texts.OLD_BUTTON_NO_CHAT, None))


def group_handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    return [
        CommandHandler(["start", "help", "cancel"], refuse_in_group, NOT_PRIVATE),
    ]


def outside_flow_handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    private_messages = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
    return [
        CommandHandler("help", help_now, filters.ChatType.PRIVATE),
        CallbackQueryHandler(old_button),
        MessageHandler(private_messages, nothing_to_answer),
    ]
