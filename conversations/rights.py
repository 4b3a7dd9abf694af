"""People's rights over their data: see it (/mydata), delete it (/forget), read how it is used
(/privacy). Retention: a nightly job deletes raw answers older than RETENTION_DAYS."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
)

from bot.context import BotContext
from conversations import texts
from conversations.engine import FlowEngine, State
from conversations.roles import show_staff_menu
from conversations.widgets import say
from storage import review, staff
from storage.persistence import SQLitePersistence

CONFIRMING_FORGET = "forget:confirm"


def audience_of(context: BotContext) -> str | None:
    return (context.user_data or {}).get("audience")


class DataRights:
    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine
        # Commands of the conversation itself, so /forget can end it cleanly.
        engine.commands.update(mydata=self.on_mydata, forget=self.on_forget)
        engine.extra_states[CONFIRMING_FORGET] = [
            CallbackQueryHandler(self.on_forget_choice, pattern=r"^forget\|")
        ]

    def handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        return [CommandHandler("privacy", self.on_privacy)]

    async def on_privacy(self, update: Update, context: BotContext) -> None:
        """The privacy notice in plain words."""
        chat = update.effective_chat
        assert chat is not None
        audience = audience_of(context)
        for wording in (texts.PRIVACY_WHAT, texts.PRIVACY_WHY, texts.PRIVACY_CHOICES):
            await context.bot.send_message(chat.id, say(wording, audience))
        raise ApplicationHandlerStop

    async def on_mydata(self, update: Update, context: BotContext) -> State:
        """Send the person everything held about them, as a document."""
        assert update.effective_user is not None and update.effective_chat is not None
        respondent = context.services.pseudonym(update.effective_user.id)
        data = await review.export_person(context.db, respondent)
        audience = audience_of(context)
        if not (data["responses"] or data["roles"] or data["opt_ins"]["hear_what_we_change"]):
            await context.bot.send_message(
                update.effective_chat.id, say(texts.MYDATA_NOTHING, audience)
            )
        else:
            await context.bot.send_message(
                update.effective_chat.id, say(texts.MYDATA_SENT, audience)
            )
            await context.bot.send_document(
                update.effective_chat.id, review.as_document(data), filename="my-data.json"
            )
        return (
            await self.engine.reask(update, context)
            if context.data.get("at")
            else ConversationHandler.END
        )

    async def on_forget(self, update: Update, context: BotContext) -> State:
        """Ask for confirmation before erasing everything."""
        assert update.effective_chat is not None
        audience = audience_of(context)
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        texts.FORGET_YES.for_audience(audience), callback_data="forget|yes"
                    )
                ],
                [
                    InlineKeyboardButton(
                        texts.FORGET_NO.for_audience(audience), callback_data="forget|no"
                    )
                ],
            ]
        )
        await self.engine.arrive(update, context, CONFIRMING_FORGET)
        await context.bot.send_message(
            update.effective_chat.id, say(texts.FORGET_QUESTION, audience), reply_markup=keyboard
        )
        return CONFIRMING_FORGET

    async def on_forget_choice(self, update: Update, context: BotContext) -> State:
        query = update.callback_query
        assert (
            query is not None
            and update.effective_user is not None
            and update.effective_chat is not None
        )
        await query.answer()
        audience = audience_of(context)
        chat_id = update.effective_chat.id
        if (query.data or "").endswith("|no"):
            await self.engine.arrive(update, context, ConversationHandler.END)
            await context.bot.send_message(chat_id, say(texts.FORGET_KEPT, audience))
            return ConversationHandler.END
        user_id = update.effective_user.id
        services = context.services
        respondent = services.pseudonym(user_id)
        had_safeguarding = await review.has_safeguarding_records(services.db, respondent)
        was_staff = bool(await staff.roles_of(services.db, respondent))
        await review.erase_person(services.db, respondent)
        if was_staff:
            await show_staff_menu(context.bot, chat_id, roles=set())
        context.data.clear()
        context.application.drop_user_data(user_id)
        context.application.drop_chat_data(chat_id)
        persistence = context.application.persistence
        if isinstance(persistence, SQLitePersistence):
            await persistence.forget_person(user_id)
        await context.bot.send_message(chat_id, say(texts.FORGOTTEN, audience))
        if had_safeguarding:
            await context.bot.send_message(chat_id, say(texts.FORGOTTEN_SAFEGUARDING, audience))
        return ConversationHandler.END


async def purge_expired(context: BotContext) -> None:
    """Nightly job: delete raw answers older than the retention period. Reports stay."""
    services = context.services
    cutoff = services.now() - timedelta(days=services.settings.retention_days)
    await review.purge_older_than(services.db, cutoff)
