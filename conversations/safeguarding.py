"""Safeguarding in the chat: screen every text, answer the person, alert a human.

Runs in its own handler group ahead of every flow, so a disclosure is caught
in any state, in any chat. Three outcomes:

- an alert: the person gets the help reply, and the contacts an alert, repeated
  until someone takes it; the person's next messages go to the contacts;
- a review (the detector is unsure, or cannot read the message: a voice note,
  a photo, another language): one gentle line, the person carries on, and the
  contacts get it in a review queue whose digest repeats until all are looked at;
- nothing.

Words that raised either are kept as the person's answer when they answer a
question, flagged so they are never quoted or themed, until a contact marks
them "not a concern". Alerts go through the outbox (`conversations/outbox.py`), so they
are retried until Telegram accepts them.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from analysis.safeguarding import ALERT, REVIEW, UNSCREENED, Screening
from analysis.safeguarding import category_label as detector_label
from analysis.text import normalise
from conversations import texts
from conversations.context import BotContext
from conversations.engine import FLAG_NEXT_ANSWER, StoredAnswer
from conversations.models import Option
from conversations.outbox import deliver_due, queue_for_contacts
from conversations.roles import reader_of, role_guide, staff_only
from conversations.services import Services
from conversations.tagging import tag_untagged
from conversations.widgets import (
    MESSAGE_LIMIT,
    audience_of,
    in_parts,
    is_stop,
    match_option,
    say,
    shorten,
    typed_move,
)
from storage import repository, review, staff
from storage import safeguarding as records

_LOGGER = logging.getLogger(__name__)

REPEAT_AFTER = timedelta(minutes=15)
# How often the review queue's digest is sent while anything in it is not looked at.
REVIEW_DIGEST_EVERY = timedelta(hours=1)
DIGEST_LISTS = 10
# What the bot cannot screen: a person must see or hear it.
MEDIA = (
    filters.VOICE
    | filters.VIDEO_NOTE
    | filters.AUDIO
    | filters.VIDEO
    | filters.PHOTO
    | filters.Document.ALL
)
MEDIA_NAMES = (
    ("voice", "a voice note"),
    ("video_note", "a video message"),
    ("audio", "a sound recording"),
    ("video", "a video"),
    ("photo", "a photo"),
    ("document", "a file"),
)
THREAD_KEY = "safeguarding_thread"
# Sent alone, these ask for help now: they get /help's numbers and its "Talk to a person".
# ("Help me" in any words is screened as a disclosure first, and alerts a person.)
SAFE_WORDS = {
    *("help", "help pls", "help please", "please help", "sos", "helpp", "help now"),
    *("i need help", "need help", "i need help now", "i need help please", "i need some help"),
    *("can you help", "can someone help", "can somebody help", "someone help", "somebody help"),
}
# A message that only asks for a person does what the "Talk to a person" button does.
# Only the whole message: "it would help to talk to someone" is feedback, not a request.
ASKS_FOR_A_PERSON = re.compile(
    r"(please )?((i )?(want to|need to|would like to) |(can|could|may) i |let me )?"
    r"(talk|speak|chat) (to|with) (a |an )?(real )?(person|someone|somebody|human|adult)"
    r"( please| pls| now| right now)?"
)
EXTRA_CATEGORIES = {
    "asked_for_person": "Asked to talk to a person",
    "unsafe_at_home": "Said they do not feel safe where they live",
}
ALERT_TEXT_LIMIT = 3000
# How much of a reply sent from a role holder's own chat the contacts' chats are shown
# (small enough to stay one message even when every character needs escaping).
REPLY_PREVIEW = 600
CONTACTS_CHAT_GUIDE = (
    "This chat gets the feedback bot's safeguarding alerts.\n"
    '• On an alert, tap "I\'m dealing with this" so the others know.\n'
    "• <code>/reply SG-ABCDE your message</code> answers the person through the bot. "
    'They see it as from "a person from our team", not your name. Their answers come '
    "back here.\n"
    "• <code>/close SG-ABCDE</code> ends the conversation with them."
)
# The longest a new alert waits for the person to be answered first (see alert_contacts).
# Short: if answering them is slow (Telegram retrying), the alert must not wait on it, and
# the outbox job, every 10 seconds, sends it when the hold runs out.
HOLD_FOR_THE_PERSON = timedelta(seconds=10)
# Set when a person is offered "Keep going" or "Stop for now", so that their next
# message, if it says one of those, does what the button does rather than answer a question.
OFFERED_CHOICE = "offered_keep_going"
AFTER_DISCLOSURE = (
    Option(value="continue", label=texts.KEEP_GOING, typed=("continue", "carry on", "go on")),
    Option(value="pause", label=texts.STOP_FOR_NOW, typed=("stop", "stop now", "pause")),
)
# Room kept in each message of a thread for the words around the person's own.
PART_WRAPPING = 200
Reask = Callable[[Update, BotContext], Awaitable[object]]
# The engine's `hold_answer`: keep words as the answer on screen, flagged, and wait.
HoldAnswer = Callable[[Update, BotContext, str, int], Awaitable[bool]]


def media_kind(message: Message) -> str | None:
    """What the message carries that the bot cannot screen, in words, if anything."""
    for attribute, name in MEDIA_NAMES:
        if getattr(message, attribute, None):
            return name
    return None


def event_buttons(event: records.SafeguardingEvent) -> list[list[tuple[str, str]]]:
    """The buttons under an alert or a review item, while nobody has taken it."""
    take = "I've looked at this" if event.for_review else "I'm dealing with this"
    return [[(take, f"sgack|{event.id}")], [("Not a concern", f"sgnot|{event.id}")]]


def is_control_phrase(text: str) -> bool:
    """Words that, typed alone, ask the bot for something: stop, skip, back, a person, help."""
    words = normalise(text)
    return (
        is_stop(text)
        or typed_move(text) is not None
        or words in SAFE_WORDS
        or ASKS_FOR_A_PERSON.fullmatch(words) is not None
    )


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def category_label(category: str) -> str:
    return EXTRA_CATEGORIES.get(category) or detector_label(category)


def alert_messages(
    event: records.SafeguardingEvent,
    context: BotContext,
    *,
    repeat: bool,
    same_person: Sequence[records.SafeguardingEvent] = (),
) -> tuple[str, list[str]]:
    """The alert, and the rest of words too long for it in messages to follow (first time only).

    `same_person` are the person's other open events, named so that one contact can
    take them all and nobody mistakes a second message for a second child.
    """
    tz = context.services.settings.tz
    when = records_time(event.created_at, tz)
    words, *more = in_parts(event.text, ALERT_TEXT_LIMIT)
    words_ = words + ("…" if more else "")
    heading = "🔁 REPEAT: nobody has said they are dealing with this yet.\n" if repeat else ""
    kind = (
        "For a person to look at today"
        if event.category == UNSCREENED
        else "Possible disclosure, for a person to look at today"
        if event.for_review
        else "Safeguarding alert"
    )
    triggers = ", ".join(event.trigger_list) or "—"
    alert = (
        f"{heading}🚨 <b>{kind} {event.reference}</b>\n"
        f"Category: {esc(category_label(event.category))}\n"
        f"When: {when}\n"
        f"Where: {esc(event.source)}\n"
        f"{same_person_line(same_person)}"
        f"Their words: «{esc(words_)}»\n"
        f"Triggered by: {esc(triggers)}\n\n"
        f"Reply to them through the bot: <code>/reply {event.reference} your message</code>"
    )
    continued = [
        f"📝 {event.reference}, their words go on ({number} of {len(more) + 1}): «{esc(part)}»"
        for number, part in enumerate(more, start=2)
    ]
    return alert, [] if repeat else continued


def same_person_line(events: Sequence[records.SafeguardingEvent]) -> str:
    if not events:
        return ""
    named = [
        f"{e.reference} ({esc(shorten(e.acknowledged_by, 24))} is dealing with it)"
        if e.acknowledged_by
        else f"{e.reference} (nobody yet)"
        for e in events
    ]
    return f"Same person, still open: {', '.join(named)}\n"


def usage(args: Sequence[str], example: str) -> str:
    """How to use a contacts' command, and why it was not understood."""
    how = f"Use it like this: <code>{example}</code>"
    if args and records.REFERENCE.match(args[0].strip().upper()):
        return f"There is no alert {esc(args[0].upper())}. Check the reference on the alert. {how}"
    return how


def records_time(stamp: str, tz: Any) -> str:
    return datetime.fromisoformat(stamp).astimezone(tz).strftime("%d %b %Y %H:%M %Z")


class Safeguarding:
    def __init__(
        self,
        reask: Reask,
        contacts_chats: Sequence[int] = (),
        hold_answer: HoldAnswer | None = None,
    ) -> None:
        self.reask = reask
        self.hold_answer = hold_answer
        # The SAFEGUARDING_CHAT_IDS chats, where /help and /start explain the alerts.
        self.contacts_chats = list(contacts_chats)

    def handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        return [
            CallbackQueryHandler(self.on_acknowledge, pattern=r"^sgack\|"),
            CallbackQueryHandler(self.on_not_a_concern, pattern=r"^sgnot[yn]?\|"),
            CallbackQueryHandler(self.on_person_button, pattern=r"^sg\|"),
            CommandHandler("reply", self.on_reply),
            CommandHandler("close", self.on_close),
            CommandHandler(
                ["help", "start"], self.on_contacts_help, filters.Chat(self.contacts_chats)
            ),
            CommandHandler("help", self.on_help),
            MessageHandler(filters.TEXT | filters.CAPTION | MEDIA, self.on_text),
        ]

    def is_contact(self, update: Update, context: BotContext) -> bool:
        contacts = set(context.services.settings.safeguarding_chat_ids)
        chat, user = update.effective_chat, update.effective_user
        return bool((chat and chat.id in contacts) or (user and user.id in contacts))

    async def on_call_in_own_chat(self, update: Update, context: BotContext) -> bool:
        """Whether the sender holds the safeguarding role and writes in their own chat with
        the bot: on call, away from the contacts' chat, they may /reply and /close there."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None or chat.type != chat.PRIVATE:
            return False
        return await staff.has_role(context.db, context.services.pseudonym(user.id), "safeguarding")

    async def tell_contacts_from_own_chat(
        self, update: Update, context: BotContext, event: records.SafeguardingEvent, news: str
    ) -> None:
        """What a role holder did from their own chat, for the contacts' chats: the
        others must know the person has been answered, or the thread closed."""
        user = update.effective_user
        name = esc(user.full_name) if user else "A contact"
        await queue_for_contacts(
            context.services,
            event_id=event.id,
            kind="from_elsewhere",
            texts=[f"💬 {event.reference}: {name}, from their own chat, {news}"],
        )

    async def on_contacts_help(self, update: Update, context: BotContext) -> None:
        """/help or /start in a contacts' chat: how alerts work there."""
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, CONTACTS_CHAT_GUIDE)
        raise ApplicationHandlerStop

    # Every text

    async def on_text(self, update: Update, context: BotContext) -> None:
        """Screen every message; act on an alert or a review, or pass it to a listening thread."""
        message = update.effective_message
        if message is None or update.effective_user is None or self.is_contact(update, context):
            return
        text = message.text or message.caption or ""
        media = media_kind(message)
        result = await context.services.text.screen(text) if text else Screening()
        if result.flagged and not result.by_pattern and is_control_phrase(text):
            # "I want to stop" or "I want to talk to someone" alone is the bot's own
            # request, handled below and by the flows; the model alone does not alert on it.
            result = Screening(score=result.score)
        data = context.user_data if context.user_data is not None else {}
        thread = data.get(THREAD_KEY)
        if thread and not text.startswith("/"):
            offered = data.get(OFFERED_CHOICE)
            choice = match_option(AFTER_DISCLOSURE, text, audience_of(context)) if offered else None
            if choice is not None:
                await self.on_person_choice(update, context, choice.value)
            await self.pass_on_to_contacts(update, context, thread, text, result, media)
            raise ApplicationHandlerStop
        if thread and normalise(text).startswith("start"):
            # Starting again is going back to the questions: their words are theirs again.
            data.pop(THREAD_KEY, None)
            data.pop(OFFERED_CHOICE, None)
        if result.flagged and not result.alert:
            await self.note_for_review(update, context, text, result, media)
            return  # the flow takes the words as usual, kept but flagged
        if media is not None and not result.flagged:
            await self.note_unscreened(update, context, text, media)
            return  # the flow says it reads only words, and how to get help now
        if result.flagged and str(data.get("at", "")).startswith("pr:"):
            await self.alert_from_reflection(update, context, text, result)
            return
        if result.flagged:
            await self.raise_alert(update, context, text=text, result=result, media=media)
            raise ApplicationHandlerStop
        words = normalise(text)
        if words in SAFE_WORDS and update.edited_message is None:
            await self.on_help(update, context)
            raise ApplicationHandlerStop
        if update.edited_message is not None or message.chat.type != "private":
            return  # the requests below are for the bot, in its own chat, as they are sent
        if ASKS_FOR_A_PERSON.fullmatch(words):
            await self.on_person_choice(update, context, "person")
        offered = data.pop(OFFERED_CHOICE, False)
        choice = match_option(AFTER_DISCLOSURE, text, audience_of(context)) if offered else None
        if choice is not None:
            await self.on_person_choice(update, context, choice.value)

    async def alert_from_reflection(
        self, update: Update, context: BotContext, text: str, result: Screening
    ) -> None:
        """A practitioner's reflection is kept (it is their work) but flagged, and alerted."""
        event = await self.record(update, context, text=text, result=result, category=None)
        chat = update.effective_chat
        assert chat is not None
        await context.bot.send_message(chat.id, say(texts.DISCLOSURE_THANKS, "practitioner"))
        if context.user_data is not None and event.id:
            context.user_data[FLAG_NEXT_ANSWER] = event.id
        await alert_contacts(context, event)

    async def note_for_review(
        self,
        update: Update,
        context: BotContext,
        text: str,
        result: Screening,
        media: str | None = None,
    ) -> None:
        """A person looks today: no crisis script, one gentle line, and the person carries on.

        Their words are kept as their answer but flagged, so they are never quoted or
        themed; the contacts get them in the review queue (see `send_review_digest`).
        """
        shown = f"({media}) {text}" if media else text
        event = await self.record(update, context, text=shown, result=result, category=None)
        if context.user_data is not None and media is None and event.id:
            context.user_data[FLAG_NEXT_ANSWER] = event.id
        chat = update.effective_chat
        if chat is not None and chat.type == "private" and update.edited_message is None:
            await context.bot.send_message(chat.id, say(texts.GENTLE_HELP, audience_of(context)))
        await alert_contacts(context, event)

    async def note_unscreened(
        self, update: Update, context: BotContext, caption: str, media: str
    ) -> None:
        """A voice note, photo or file the bot cannot screen: a person looks at it today."""
        shown = f"({media})" + (f" with the words: {caption}" if caption else "")
        result = Screening(level=REVIEW, category=UNSCREENED, triggers=(f"{media}: not screened",))
        event = await self.record(update, context, text=shown, result=result, category=None)
        await alert_contacts(context, event)

    async def raise_alert(
        self,
        update: Update,
        context: BotContext,
        *,
        text: str,
        result: Screening,
        media: str | None = None,
    ) -> records.SafeguardingEvent:
        """Record the event and queue the alerts, keep the words as their answer, tell the
        person, listen to what they say next, then deliver the alerts."""
        shown = f"({media}) {text}" if media else text
        chat = update.effective_chat
        assert chat is not None
        private = chat.type == "private"
        event = await self.record(
            update,
            context,
            text=shown,
            result=result,
            category=None,
            help_reply=self.help_reply(context) if private else (),
        )
        if private and context.user_data is not None and event.id:
            if self.hold_answer is not None and media is None and update.edited_message is None:
                await self.hold_answer(update, context, text, event.id)
            # What they say next goes to the contacts, until they choose to keep going.
            context.user_data[THREAD_KEY] = event.reference
            context.user_data[OFFERED_CHOICE] = True
        elif not private:
            await self.answer_in_group(context, chat.id)
        await alert_contacts(context, event)
        return event

    async def record(
        self,
        update: Update,
        context: BotContext,
        *,
        text: str,
        result: Screening | None,
        category: str | None,
        help_reply: Sequence[records.QueuedText] = (),
    ) -> records.SafeguardingEvent:
        """Record the event, with the help reply to the person in the same transaction
        (so it survives what the alert survives), then queue the alerts, held briefly."""
        services = context.services
        user, chat = update.effective_user, update.effective_chat
        assert user is not None and chat is not None
        respondent = services.pseudonym(user.id)
        reference = records.new_reference()
        fields: dict[str, Any] = {
            "reference": reference,
            "respondent": respondent,
            "text": text,
            "category": category or (result.category if result else None) or "asked_for_person",
            "strength": (result.level if result else None) or ALERT,
            "triggers": list(result.triggers) if result else [],
            "source": self.describe_source(update, context),
            "chat_type": chat.type,
        }
        try:
            await repository.remember_chat(services.db, respondent=respondent, chat_id=user.id)
            event = await records.record_event(
                services.db, now=services.now(), help_reply=help_reply, **fields
            )
            await self.queue_alerts(context, event, repeat=False, hold=True)
            services.alerted_at[event.id] = services.monotonic()
            message = update.effective_message
            if message is not None and media_kind(message) is not None:
                # The contacts get a copy, to see or hear it; the person's chat id stays here.
                copy = json.dumps({"from_chat_id": chat.id, "message_id": message.message_id})
                await queue_for_contacts(
                    services,
                    event_id=event.id,
                    kind="copy",
                    texts=[copy],
                    due=services.now() + HOLD_FOR_THE_PERSON,
                )
        except (sqlite3.Error, OSError):
            _LOGGER.exception("Could not store safeguarding event %s: journal and send", reference)
            return await self.without_the_database(context, fields, user.id, help_reply)
        _LOGGER.warning("Safeguarding event %s recorded (%s)", event.reference, event.category)
        return event

    async def without_the_database(
        self,
        context: BotContext,
        fields: dict[str, Any],
        chat_id: int,
        help_reply: Sequence[records.QueuedText],
    ) -> records.SafeguardingEvent:
        """The database cannot be written (a full disk, say): a disclosure is never dropped.

        It goes into the journal, whose space was reserved at start-up, and the help
        reply and the alerts are sent at once, directly. `drain_journal` moves it into
        the database, and queues whatever could not be sent, once it can be written.
        Returns the event as it will be stored, with id 0 (not stored yet).
        """
        services = context.services
        stamp = services.now().isoformat(timespec="seconds")
        record = {**fields, "created_at": stamp, "chat_id": chat_id}
        record["help"] = [[m.text, m.buttons] for m in help_reply]
        await asyncio.to_thread(services.journal.append, record)
        event = records.SafeguardingEvent(
            id=0,
            **{**fields, "triggers": json.dumps(fields["triggers"])},
            created_at=stamp,
            last_alerted_at=stamp,
            acknowledged_by=None,
            acknowledged_at=None,
            closed_at=None,
        )
        sent = []
        try:
            for message in help_reply:
                buttons = markup(message.buttons) if message.buttons else None
                await context.bot.send_message(chat_id, message.text, reply_markup=buttons)
            sent.append("help")
        except TelegramError:
            _LOGGER.exception("Could not send the help reply either; it waits in the journal")
        alert, continued = alert_messages(event, context, repeat=False)
        note = "\n\n⚠️ The database could not be written. This alert comes again, with its"
        try:
            for chat in services.settings.safeguarding_chat_ids:
                for text in [alert + note + " buttons, once it can.", *continued]:
                    await context.bot.send_message(chat, text)
            sent.append("alert")
        except TelegramError:
            _LOGGER.exception("Could not send the alert either; it waits in the journal")
        if sent:
            await asyncio.to_thread(
                services.journal.append, {"reference": event.reference, "sent": sent}
            )
        return event

    async def queue_alerts(
        self,
        context: BotContext,
        event: records.SafeguardingEvent,
        *,
        repeat: bool,
        hold: bool = False,
    ) -> None:
        """Queue the alert for every contact; `hold` it until `alert_contacts` (see there)."""
        due = context.services.now() + HOLD_FOR_THE_PERSON if hold else None
        same_person = await records.others_open(context.services.db, event)
        alert, continued = alert_messages(event, context, repeat=repeat, same_person=same_person)
        await queue_for_contacts(
            context.services,
            event_id=event.id,
            kind="repeat" if repeat else "alert",
            texts=[alert],
            buttons=event_buttons(event),
            due=due,
        )
        if continued:
            await queue_for_contacts(
                context.services, event_id=event.id, kind="alert", texts=continued, due=due
            )

    def describe_source(self, update: Update, context: BotContext) -> str:
        chat = update.effective_chat
        if chat is not None and chat.type != "private":
            return "a group chat"
        at = (context.user_data or {}).get("at") or ""
        flow_id, _, step_id = at.partition(":")
        names = {"yp": "young person's feedback", "pc": "parent or carer's feedback"}
        if flow_id in names and step_id:
            return f"{names[flow_id]}, question '{step_id}'"
        if flow_id.startswith("pr"):
            return f"practitioner reflection, question '{step_id}'"
        return "a message outside any feedback flow"

    def help_reply(self, context: BotContext) -> list[records.QueuedText]:
        """The reply to a disclosure in their own chat: thanks, what happens next, help now,
        and the way back to the questions. It goes through the outbox, like the alert."""
        audience = audience_of(context)
        thanks = (
            say(texts.DISCLOSURE_THANKS, audience) + " " + say(texts.WHAT_HAPPENS_NEXT, audience)
        )
        return [
            records.QueuedText(thanks),
            records.QueuedText(
                say(texts.DISCLOSURE_HELP_NOW, audience), self.after_disclosure_rows(audience)
            ),
        ]

    async def answer_in_group(self, context: BotContext, chat_id: int) -> None:
        """A disclosure in a group: the help words there, at once (the alert is queued)."""
        try:
            await context.bot.send_message(chat_id, say(texts.DISCLOSURE_THANKS, None))
            await context.bot.send_message(chat_id, say(texts.DISCLOSURE_HELP_NOW, None))
        except TelegramError:
            _LOGGER.exception("Could not answer a disclosure in a group")

    def after_disclosure_rows(self, audience: str | None) -> list[list[tuple[str, str]]]:
        return [
            [
                (texts.KEEP_GOING.for_audience(audience), "sg|continue"),
                (texts.STOP_FOR_NOW.for_audience(audience), "sg|pause"),
            ]
        ]

    def after_disclosure_buttons(self, audience: str | None) -> InlineKeyboardMarkup:
        return markup(self.after_disclosure_rows(audience))

    # Answers inside flows

    async def on_answer(self, update: Update, context: BotContext, answer: StoredAnswer) -> None:
        """Alert on answers a flow marks as worrying (feeling unsafe at home)."""
        if answer.choice and answer.choice in answer.step.alert_on:
            label = answer.step.option(answer.choice)
            shown = label.label.for_audience(None) if label else answer.choice
            event = await self.record(
                update,
                context,
                text=f"Answered '{shown}' to: {answer.step.prompt.for_audience(None)}",
                result=None,
                category="unsafe_at_home",
            )
            chat = update.effective_chat
            assert chat is not None
            await context.bot.send_message(chat.id, say(texts.UNSAFE_AT_HOME, audience_of(context)))
            await alert_contacts(context, event)

    # The person's buttons and the safe word

    async def on_help(self, update: Update, context: BotContext) -> None:
        """Show how to get help now, with a button to reach a person; staff also get their tools."""
        chat, user = update.effective_chat, update.effective_user
        assert chat is not None
        roles = (
            await staff.roles_of(context.db, context.services.pseudonym(user.id))
            if user is not None and chat.type == "private"
            else set()
        )
        audience = await reader_of(update, context, roles)
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        texts.TALK_TO_A_PERSON.for_audience(audience), callback_data="sg|person"
                    )
                ]
            ]
        )
        await context.bot.send_message(
            chat.id,
            f"{say(texts.HELP_NOW, audience)}\n\n{say(texts.HELP_COMMANDS, audience)}",
            reply_markup=keyboard if chat.type == "private" else None,
        )
        if roles:
            await context.bot.send_message(chat.id, role_guide(roles))
        data = context.user_data or {}
        if data.get("at") and not data.get(THREAD_KEY):
            # (While a thread listens, the question waits for their "Keep going".)
            await self.reask(update, context)
        raise ApplicationHandlerStop

    async def on_person_button(self, update: Update, context: BotContext) -> None:
        """Keep going, stop for now, or ask for a person."""
        query = update.callback_query
        assert query is not None
        await query.answer()
        await self.on_person_choice(update, context, (query.data or "").partition("|")[2])

    async def on_person_choice(self, update: Update, context: BotContext, choice: str) -> None:
        """Act on "person", "pause" or "continue", tapped or typed."""
        assert update.effective_chat is not None
        audience = audience_of(context)
        chat_id = update.effective_chat.id
        if choice == "person":
            event = await self.record(
                update,
                context,
                text="(asked to talk to a person)",
                result=None,
                category="asked_for_person",
            )
            await context.bot.send_message(chat_id, say(texts.PERSON_ASKED, audience))
            await alert_contacts(context, event)
        elif choice == "pause":
            await context.bot.send_message(chat_id, say(texts.PAUSED, audience))
        elif (context.user_data or {}).get("at"):
            self.stop_listening(context)
            await self.reask(update, context)
        else:
            self.stop_listening(context)
            await context.bot.send_message(chat_id, say(texts.NOTHING_TO_ANSWER, audience))
        raise ApplicationHandlerStop

    def stop_listening(self, context: BotContext) -> None:
        """Back to the questions: their messages are answers again, not for the contacts.
        (A contact's /reply starts the thread again.)"""
        if context.user_data is not None:
            context.user_data.pop(THREAD_KEY, None)
            context.user_data.pop(OFFERED_CHOICE, None)

    # Safeguarding contacts

    async def on_acknowledge(self, update: Update, context: BotContext) -> None:
        """Record who is dealing with an alert and tell the other contacts."""
        query = update.callback_query
        assert query is not None
        if not self.is_contact(update, context):
            await self.refuse(update, context)
        event_id = int((query.data or "0|0").partition("|")[2] or 0)
        event = await records.get_event(context.db, event_id)
        user = update.effective_user
        name = user.full_name if user else "A contact"
        if event is None:
            await query.answer("That alert was not found.")
            raise ApplicationHandlerStop
        services = context.services
        if not await records.acknowledge(services.db, event.id, by=name, now=services.now()):
            await query.answer(f"{event.acknowledged_by} is already dealing with this.")
            raise ApplicationHandlerStop
        await query.answer("Thank you. The other contacts have been told.")
        if query.message is not None:
            with contextlib.suppress(TelegramError):
                await query.edit_message_reply_markup(markup([event_buttons(event)[1]]))
        taken = "has looked at this" if event.for_review else "is dealing with this"
        await queue_for_contacts(
            services,
            event_id=event.id,
            kind="acknowledged",
            texts=[f"✅ {event.reference}: {esc(name)} {taken}."],
        )
        await deliver_due(context.application)
        raise ApplicationHandlerStop

    async def on_not_a_concern(self, update: Update, context: BotContext) -> None:
        """ "Not a concern", asked to be sure: the event closes, the words it flagged go back
        into the feedback, and they become a labelled example for the next training run."""
        query = update.callback_query
        assert query is not None
        if not self.is_contact(update, context):
            await self.refuse(update, context)
        action, _, number = (query.data or "").partition("|")
        event = await records.get_event(context.db, int(number or 0))
        if event is None:
            await query.answer("That alert was not found.")
            raise ApplicationHandlerStop
        if event.not_a_concern_at is not None:
            await query.answer(f"{event.not_a_concern_by} already marked this not a concern.")
            raise ApplicationHandlerStop
        sure = [("Yes, not a concern", f"sgnoty|{event.id}"), ("No, keep it", f"sgnotn|{event.id}")]
        buttons = {
            "sgnot": [sure],
            "sgnotn": event_buttons(event)[1:] if event.acknowledged_at else event_buttons(event),
        }
        if action in buttons:
            await query.answer()
            with contextlib.suppress(TelegramError):
                await query.edit_message_reply_markup(markup(buttons[action]))
            raise ApplicationHandlerStop
        services = context.services
        user = update.effective_user
        name = user.full_name if user else "A contact"
        if not await records.mark_not_a_concern(services.db, event.id, by=name, now=services.now()):
            await query.answer("Someone else marked this already.")
            raise ApplicationHandlerStop
        await query.answer("Thank you. Their words go back into the feedback.")
        with contextlib.suppress(TelegramError):
            await query.edit_message_reply_markup(None)
        await self.end_thread(context, event)
        await queue_for_contacts(
            services,
            event_id=event.id,
            kind="acknowledged",
            texts=[
                f"✅ {event.reference}: {esc(name)} marked this not a concern. Any answer it"
                " held back goes into the feedback, and the words help the detector learn."
            ],
        )
        await deliver_due(context.application)
        await tag_untagged(services.db, services.text)
        raise ApplicationHandlerStop

    async def end_thread(self, context: BotContext, event: records.SafeguardingEvent) -> None:
        """The person's messages stop going to the contacts for this event."""
        contact = await repository.get_contact(context.services.db, event.respondent)
        if contact is None:
            return
        data = context.application.user_data[contact.chat_id]
        if data.get(THREAD_KEY) == event.reference:
            data.pop(THREAD_KEY, None)
            data.pop(OFFERED_CHOICE, None)
            context.application.mark_data_for_update_persistence(user_ids=contact.chat_id)

    async def refuse(self, update: Update, context: BotContext) -> None:
        """Tell someone who is not a safeguarding contact that this is for staff; audit it."""
        user = update.effective_user
        assert user is not None
        await review.audit(
            context.db,
            actor=context.services.pseudonym(user.id),
            action="safeguarding command",
            allowed=False,
        )
        await staff_only(update, context)

    async def on_reply(self, update: Update, context: BotContext) -> None:
        """`/reply <reference> <message>`: a contact answers the person through the bot."""
        chat = update.effective_chat
        assert chat is not None
        in_contacts_chat = self.is_contact(update, context)
        if not in_contacts_chat and not await self.on_call_in_own_chat(update, context):
            await self.refuse(update, context)
        args = context.args or []
        event = await records.find_event(context.db, args[0]) if args else None
        typed = (update.effective_message.text or "") if update.effective_message else ""
        # The words after the reference, with their line breaks (context.args drops them).
        message = (typed.split(maxsplit=2)[2:] or [""])[0].strip()
        if event is None or not message:
            await context.bot.send_message(chat.id, usage(args, "/reply SG-ABCDE your message"))
            raise ApplicationHandlerStop
        services = context.services
        contact = await repository.get_contact(services.db, event.respondent)
        await records.add_message(
            services.db,
            event_id=event.id,
            direction="to_person",
            sender=update.effective_user.full_name if update.effective_user else "contact",
            text=message,
            now=services.now(),
        )
        for part in in_parts(message, MESSAGE_LIMIT - PART_WRAPPING):
            await records.enqueue(
                services.db,
                respondent=event.respondent,
                event_id=event.id,
                kind="reply",
                text=say(texts.MESSAGE_FROM_TEAM, None, message=part),
                now=services.now(),
            )
        if contact is not None:
            context.application.user_data[contact.chat_id][THREAD_KEY] = event.reference
            context.application.mark_data_for_update_persistence(user_ids=contact.chat_id)
        if not in_contacts_chat:
            sent = f"sent them: «{esc(shorten(message, REPLY_PREVIEW))}»"
            await self.tell_contacts_from_own_chat(update, context, event, sent)
        sending = f"Sending to {event.reference}."
        await context.bot.send_message(
            chat.id,
            f"{sending} If it cannot reach them, you will hear here."
            if in_contacts_chat
            else f"{sending} Their answers, and word if it cannot reach them, go to the"
            " safeguarding chat.",
        )
        await deliver_due(context.application)
        raise ApplicationHandlerStop

    async def on_close(self, update: Update, context: BotContext) -> None:
        """`/close <reference>`: end the conversation thread with the person."""
        chat = update.effective_chat
        assert chat is not None
        in_contacts_chat = self.is_contact(update, context)
        if not in_contacts_chat and not await self.on_call_in_own_chat(update, context):
            await self.refuse(update, context)
        args = context.args or []
        event = await records.find_event(context.db, args[0]) if args else None
        if event is None:
            await context.bot.send_message(chat.id, usage(args, "/close SG-ABCDE"))
            raise ApplicationHandlerStop
        services = context.services
        await records.close_event(services.db, event.id, services.now())
        await self.end_thread(context, event)
        await context.bot.send_message(chat.id, f"Closed {event.reference}.")
        if not in_contacts_chat:
            await self.tell_contacts_from_own_chat(update, context, event, "closed it.")
            await deliver_due(context.application)
        raise ApplicationHandlerStop

    async def pass_on_to_contacts(
        self,
        update: Update,
        context: BotContext,
        reference: str,
        text: str,
        result: Screening,
        media: str | None = None,
    ) -> None:
        """Their message goes to the contacts of the event that is listening, never answers a
        question; after an alert they are offered the way back to the questions again."""
        services = context.services
        message = update.effective_message
        assert message is not None
        text = f"({media}) {text}".strip() if media else text
        event = await records.find_event(services.db, reference)
        chat = update.effective_chat
        assert chat is not None
        if event is None:
            return
        await records.add_message(
            services.db,
            event_id=event.id,
            direction="from_person",
            sender="person",
            text=text,
            now=services.now(),
        )
        warning = (
            f"\n⚠️ Possible disclosure: {esc(category_label(result.category or ''))}"
            if result.flagged
            else ""
        )
        parts = in_parts(text, MESSAGE_LIMIT - PART_WRAPPING)
        await queue_for_contacts(
            services,
            event_id=event.id,
            kind="from_person",
            texts=[
                f"💬 {event.reference}, they replied"
                + (f" ({number} of {len(parts)})" if len(parts) > 1 else "")
                + f": «{esc(part)}»{warning}"
                for number, part in enumerate(parts, start=1)
            ],
        )
        if media is not None:
            copy = json.dumps({"from_chat_id": chat.id, "message_id": message.message_id})
            await queue_for_contacts(services, event_id=event.id, kind="copy", texts=[copy])
        audience = audience_of(context)
        offered = (context.user_data or {}).get(OFFERED_CHOICE)
        await context.bot.send_message(
            chat.id,
            say(texts.PASSED_ON, audience)
            + (" " + say(texts.WHEN_READY, audience) if offered else ""),
            reply_markup=self.after_disclosure_buttons(audience) if offered else None,
        )
        await deliver_due(context.application)


async def alert_contacts(context: BotContext, event: records.SafeguardingEvent) -> None:
    """Release the event's held alerts and deliver them now.

    Alerts are queued (so stored) before the person is answered, but held back
    until they have been: otherwise the outbox job could take the rate limiter's
    next places and keep a child who just disclosed waiting for their reply. If
    the bot dies before this, the outbox job sends them when the hold runs out.
    """
    if not event.id:
        return  # not stored (see `Safeguarding.without_the_database`): it was sent directly
    services = context.services
    await records.release_held(services.db, event.id, services.now())
    await deliver_due(context.application)


async def repeat_unacknowledged(context: BotContext) -> None:
    """Job: send again, marked as a repeat, any alert nobody acknowledged in 15 minutes."""
    services = context.services
    now, waited = services.now(), services.monotonic()
    handler = Safeguarding(reask=_no_reask)
    for event in await records.unacknowledged(services.db):
        if not due_again(event, services, now, waited):
            continue
        await handler.queue_alerts(context, event, repeat=True)
        await records.mark_alerted(services.db, event.id, now)
        services.alerted_at[event.id] = waited
    await deliver_due(context.application)


def due_again(
    event: records.SafeguardingEvent, services: Services, now: datetime, waited: float
) -> bool:
    """Whether an unacknowledged alert is due to be repeated. While the bot runs, by the
    monotonic clock; an alert from before a restart by the wall clock, where a last alert
    in the future means the clock stepped back: it is due."""
    alerted = services.alerted_at.get(event.id)
    if alerted is not None:
        return bool(waited - alerted >= REPEAT_AFTER.total_seconds())
    last = datetime.fromisoformat(event.last_alerted_at)
    return last <= now - REPEAT_AFTER or last > now + timedelta(minutes=1)


async def drain_journal(context: BotContext) -> int:
    """Move events kept in the journal into the database, once it can be written; queue
    the help reply and alerts that could not be sent then. Return how many were moved.

    Safe to run again after a crash part-way: an event already stored (by its
    reference) is not stored twice.
    """
    services = context.services
    kept = await asyncio.to_thread(services.journal.records)
    if not kept:
        return 0
    sent: dict[str, set[str]] = {}
    for record in kept:
        if "sent" in record:
            sent.setdefault(record["reference"], set()).update(record["sent"])
    handler = Safeguarding(reask=_no_reask)
    moved = 0
    try:
        for record in (r for r in kept if "sent" not in r):
            if await records.find_event(services.db, record["reference"]) is not None:
                continue
            done = sent.get(record["reference"], set())
            await repository.remember_chat(
                services.db, respondent=record["respondent"], chat_id=record["chat_id"]
            )
            help_reply = [records.QueuedText(text, buttons) for text, buttons in record["help"]]
            event = await records.record_event(
                services.db,
                reference=record["reference"],
                respondent=record["respondent"],
                text=record["text"],
                category=record["category"],
                strength=record["strength"],
                triggers=record["triggers"],
                source=record["source"],
                chat_type=record["chat_type"],
                now=datetime.fromisoformat(record["created_at"]),
                help_reply=[] if "help" in done else help_reply,
            )
            await handler.queue_alerts(context, event, repeat=False)
            moved += 1
    except (sqlite3.Error, OSError):
        _LOGGER.warning("The database still cannot be written; the journal keeps its events")
        return moved
    await asyncio.to_thread(services.journal.clear)
    _LOGGER.warning("Moved %d safeguarding events from the journal into the database", moved)
    await deliver_due(context.application)
    return moved


async def send_review_digest(context: BotContext) -> None:
    """Job: list, for the contacts, the review queue's items nobody has looked at yet.

    Repeats while anything is in it, so a message for a person to look at today is
    not left behind by a busy chat, without the fifteen-minute repeat alerts get.
    """
    services = context.services
    waiting = await records.open_reviews(services.db)
    if not waiting:
        return
    tz = services.settings.tz
    lines = [
        f"• {e.reference}, {records_time(e.created_at, tz)}, {esc(category_label(e.category))}:"
        f" «{esc(shorten(e.text, 80))}»"
        for e in waiting[:DIGEST_LISTS]
    ]
    more = len(waiting) - DIGEST_LISTS
    digest = (
        f"📋 <b>To look at today: {len(waiting)} not looked at yet</b>\n"
        + "\n".join(lines)
        + (f"\n…and {more} more." if more > 0 else "")
        + '\n\nOn each one, tap "I\'ve looked at this" or "Not a concern".'
    )
    await queue_for_contacts(services, event_id=waiting[0].id, kind="digest", texts=[digest])
    await deliver_due(context.application)


def markup(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


async def _no_reask(update: Update, context: BotContext) -> None:
    return None
