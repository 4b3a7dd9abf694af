"""People's rights over their data: see it (/mydata), delete it (/forget), read how it is used
(/privacy). Retention: a nightly job deletes raw answers older than RETENTION_DAYS."""

from __future__ import annotations

import contextlib
import html
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, tzinfo
from typing import Any

from babel.dates import format_date
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
)

from conversations import texts
from conversations.callback_data import encode
from conversations.channels import web_session_of
from conversations.context import BotContext, FeedbackApplication
from conversations.engine import BEGIN_DATA, ChoiceQuestion, FlowEngine, State
from conversations.fitting import MESSAGE_LIMIT, in_parts, pack
from conversations.language import ENGLISH, language_of, reading_in, reading_language
from conversations.models import Flow, Option, Step
from conversations.place import Place
from conversations.roles import reader_of, show_staff_menu
from conversations.widgets import answer_in_words, audience_of, say
from storage import contacts, inbox, outbox, rights, staff, web_chat
from storage.persistence import SQLitePersistence

# How long the ids of handled updates are kept, to recognise one Telegram sends again.
INBOX_MEMORY = timedelta(days=7)
CONFIRMING_FORGET = "forget:confirm"
FORGET_OPTIONS = (
    Option(value="yes", label=texts.FORGET_YES),
    Option(value="no", label=texts.FORGET_NO),
)


def data_in_words(
    data: dict[str, Any], flows: Mapping[str, Flow], audience: str | None, tz: tzinfo
) -> list[str]:
    """What /mydata holds, as the person would read it: each answer under its question."""
    blocks = []
    for response in data["responses"]:
        flow = flows.get(response["flow_id"])
        if flow is None:
            continue
        blocks.append(response_heading(response, response["audience"], tz))
        for answer in response["answers"]:
            with contextlib.suppress(KeyError):  # a step since taken out of the flow
                blocks += answer_blocks(flow.step(answer["step_id"]), answer, response["audience"])
    if data["opt_ins"]["hear_what_we_change"]:
        blocks.append(say(texts.MYDATA_HEAR_BACK, audience))
    if data["roles"]:
        roles = ", ".join(data["roles"])
        details = data["staff_details"]
        blocks.append(
            say(
                texts.MYDATA_STAFF,
                audience,
                roles=roles,
                name=details["display_name"],
                team=details["team"],
            )
            if details
            else say(texts.MYDATA_ROLES, audience, roles=roles)
        )
    if data["safeguarding_records_kept"]:
        blocks.append(say(texts.MYDATA_SAFEGUARDING, audience))
    return blocks


def response_heading(response: dict[str, Any], audience: str | None, tz: tzinfo) -> str:
    started = datetime.fromisoformat(response["started_at"]).astimezone(tz)
    # "3 December 2026", "3 grudnia 2026", in the reader's own words for the month.
    language = reading_language.get()
    date = format_date(started.date(), "long", locale="en_GB" if language == ENGLISH else language)
    heading = f"<b>{say(texts.MYDATA_RESPONSE, audience, date=date)}</b>"
    if response["status"] != "complete":
        heading += "\n" + say(texts.MYDATA_UNFINISHED, audience)
    return heading


def answer_blocks(step: Step, answer: dict[str, Any], audience: str | None) -> list[str]:
    """The question in bold and the answer under it; a long answer goes on in more blocks."""
    question = f"<b>{html.escape(step.prompt.for_audience(audience), quote=False)}</b>\n"
    if answer.get("with_safeguarding_record"):
        return [question + html.escape(say(texts.MYDATA_HELD_WORDS, audience), quote=False)]
    words = answer_in_words(
        step,
        audience,
        choice=answer["choice"],
        text=answer["text"],
        skipped=bool(answer["skipped"]),
    )
    parts = in_parts(words, MESSAGE_LIMIT - len(question))
    return [question + html.escape(parts[0], quote=False)] + [
        html.escape(part, quote=False) for part in parts[1:]
    ]


# The callback data of the "No more messages" button under news (see `news_buttons`).
NEWS_OFF_DATA = encode("news", "off")


def news_buttons() -> list[list[tuple[str, str]]]:
    """The buttons under every piece of news someone opted in to: one to tell us more
    (hearing what changed is when many have something to add), one to stop the news."""
    return [
        [(texts.TELL_US_NOW.for_audience(None), BEGIN_DATA)],
        [(texts.NO_MORE_NEWS.for_audience(None), NEWS_OFF_DATA)],
    ]


async def queue_news(
    application: FeedbackApplication,
    respondents: list[str],
    *,
    kind: str,
    worded: Callable[[], str],
) -> None:
    """Queue news for everyone who opted in, each worded in their own language (the
    people's chats are looked up once; the outbox paces delivery)."""
    services = application.services
    chats = await contacts.chat_ids(services.db, respondents)
    by_language: dict[str, list[str]] = defaultdict(list)
    for respondent in respondents:
        chat_id = chats.get(respondent)
        reader = application.user_data.get(chat_id) if chat_id is not None else None
        by_language[language_of(reader)].append(respondent)
    for language, group in sorted(by_language.items()):
        with reading_in(language):
            text, buttons = worded(), news_buttons()
        await outbox.enqueue_to_many(
            services.db, group, kind=kind, text=text, now=services.now(), buttons=buttons
        )


class DataRights:
    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine
        # Commands of the conversation itself, so /forget can end it cleanly.
        engine.add_command("mydata", self.on_mydata)
        engine.add_command("forget", self.on_forget)
        engine.add_choice_question(
            ChoiceQuestion(
                CONFIRMING_FORGET,
                texts.FORGET_QUESTION,
                choices=lambda: FORGET_OPTIONS,
                then=self.on_forget_choice,
                code="forget",
            )
        )

    def handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        return [
            CommandHandler("privacy", self.on_privacy),
            CallbackQueryHandler(self.on_no_more_news, pattern=f"^{re.escape(NEWS_OFF_DATA)}$"),
        ]

    async def on_no_more_news(self, update: Update, context: BotContext) -> None:
        """The button under every piece of news: stop sending them, and say so."""
        query = update.callback_query
        assert query is not None and update.effective_user is not None
        audience = audience_of(context)
        respondent = context.services.pseudonym(update.effective_user.id)
        await contacts.stop_hearing_back(context.db, respondent)
        await query.answer()
        with contextlib.suppress(TelegramError):
            await query.edit_message_reply_markup(None)
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, say(texts.NEWS_OFF, audience))
        raise ApplicationHandlerStop

    async def on_privacy(self, update: Update, context: BotContext) -> None:
        """The privacy notice in plain words."""
        chat = update.effective_chat
        assert chat is not None
        audience = await reader_of(update, context)
        notice = [texts.PRIVACY_WHAT, texts.PRIVACY_WHY, texts.PRIVACY_CHOICES]
        if web_session_of(chat.id) is not None:
            notice.insert(1, texts.PRIVACY_WEB_CHAT)
        for wording in notice:
            await context.bot.send_message(chat.id, say(wording, audience))
        if Place.of(context).asked:
            await self.engine.reask(update, context)  # mid-question: back to it
        raise ApplicationHandlerStop

    async def on_mydata(self, update: Update, context: BotContext) -> State:
        """Send the person everything held about them, as a document."""
        assert update.effective_user is not None and update.effective_chat is not None
        respondent = context.services.pseudonym(update.effective_user.id)
        data = await rights.export_person(context.db, respondent)
        audience = audience_of(context)
        held = ("responses", "roles", "safeguarding_records_kept")
        if not (any(data[kind] for kind in held) or data["opt_ins"]["hear_what_we_change"]):
            await context.bot.send_message(
                update.effective_chat.id, say(texts.MYDATA_NOTHING, audience)
            )
        else:
            chat_id = update.effective_chat.id
            await context.bot.send_message(chat_id, say(texts.MYDATA_SENT, audience))
            tz = context.services.settings.tz
            for message in pack(data_in_words(data, self.engine.flows, audience, tz)):
                await context.bot.send_message(chat_id, message)
            await context.bot.send_document(
                chat_id,
                rights.as_document(data),
                filename="my-data.json",
                caption=texts.MYDATA_FILE.for_audience(audience),
            )
        return (
            await self.engine.reask(update, context)
            if context.place.asked
            else ConversationHandler.END
        )

    async def on_forget(self, update: Update, context: BotContext) -> State:
        """Ask for confirmation before erasing everything."""
        return await self.engine.ask_side_question(update, context, CONFIRMING_FORGET)

    async def on_forget_choice(self, update: Update, context: BotContext, choice: str) -> State:
        assert update.effective_user is not None and update.effective_chat is not None
        audience = audience_of(context)
        chat_id = update.effective_chat.id
        if choice != "yes":
            return await self.engine.resume_or_end(update, context, texts.FORGET_KEPT)
        user_id = update.effective_user.id
        services = context.services
        respondent = services.pseudonym(user_id)
        had_safeguarding = await rights.has_safeguarding_records(services.db, respondent)
        was_staff = bool(await staff.roles_of(services.db, respondent))
        await rights.erase_person(services.db, respondent)
        if was_staff:
            await show_staff_menu(context.bot, chat_id, roles=set())
        context.data.clear()
        context.application.drop_user_data(user_id)
        context.application.drop_chat_data(chat_id)
        persistence = context.application.persistence
        if isinstance(persistence, SQLitePersistence):
            await persistence.forget_person(user_id)
        if (session := web_session_of(chat_id)) is not None:
            await web_chat.clear_messages(services.db, session)  # and off their page
        await context.bot.send_message(chat_id, say(texts.FORGOTTEN, audience))
        if had_safeguarding:
            await context.bot.send_message(chat_id, say(texts.FORGOTTEN_SAFEGUARDING, audience))
        if was_staff:
            await context.bot.send_message(chat_id, say(texts.FORGOTTEN_STAFF_AUDIT, audience))
        return ConversationHandler.END


async def purge_expired(context: BotContext) -> None:
    """Nightly job: delete raw answers older than the retention period. Reports stay.
    Also forget the ids of updates handled over a week ago (kept to spot a resend)."""
    services = context.services
    cutoff = services.now() - timedelta(days=services.settings.retention_days)
    await rights.purge_older_than(services.db, cutoff)
    await inbox.forget_handled_before(services.db, services.now() - INBOX_MEMORY)
    services.last_purge_at = services.now()
