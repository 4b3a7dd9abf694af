"""The person's side of safeguarding: every message screened, the help reply at
once, "Talk to a person", and what they say after an alert passed on to the contacts."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from analysis.safeguarding import REVIEW, UNSCREENED, Screening, is_help_word
from analysis.text import normalise
from conversations import texts
from conversations.callback_data import encode, parts_of
from conversations.context import BotContext
from conversations.engine import StoredAnswer
from conversations.fitting import MESSAGE_LIMIT, in_parts
from conversations.flows import REFLECTION
from conversations.models import Option
from conversations.outbox import deliver_due, queue_for_contacts
from conversations.place import Place
from conversations.roles import reader_of, role_guide
from conversations.safeguarding.alerts import (
    alert_contacts,
    category_label,
    is_contact,
    markup,
    media_kind,
    record_disclosure,
)
from conversations.safeguarding.thread import (
    OFFERED_CHOICE,
    PART_WRAPPING,
    PERSON_CODE,
    THREAD_KEY,
    stop_listening,
)
from conversations.typed_words import is_stop, match_option, typed_move
from conversations.widgets import audience_of, esc, say
from storage import outbox, staff
from storage import safeguarding as records

_LOGGER = logging.getLogger(__name__)
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

AFTER_DISCLOSURE = (
    Option(value="continue", label=texts.KEEP_GOING, typed=("continue", "carry on", "go on")),
    Option(value="pause", label=texts.STOP_FOR_NOW, typed=("stop", "stop now", "pause")),
)

Reask = Callable[[Update, BotContext], Awaitable[object]]

# The engine's `hold_answer`: keep words as the answer on screen, flagged, and wait.
HoldAnswer = Callable[[Update, BotContext, str, int], Awaitable[bool]]


def is_control_phrase(text: str) -> bool:
    """Words that, typed alone, ask the bot for something: stop, skip, back, a person, help."""
    words = normalise(text)
    return (
        is_stop(text)
        or typed_move(text) is not None
        or words in SAFE_WORDS
        or ASKS_FOR_A_PERSON.fullmatch(words) is not None
    )


class PersonSide:
    """Screens every message and answers the person; hands events to `alerts`."""

    def __init__(self, reask: Reask, hold_answer: HoldAnswer | None = None) -> None:
        self.reask = reask
        self.hold_answer = hold_answer

    async def on_text(self, update: Update, context: BotContext) -> None:
        """Screen every message; act on an alert or a review, or pass it to a listening thread."""
        message = update.effective_message
        if message is None or update.effective_user is None or is_contact(update, context):
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
        if is_help_word(text) and update.edited_message is None:
            # "pomocy", "ਮਦਦ", "madad" alone: help now, in their language, before anything.
            await self.on_help(update, context)
            raise ApplicationHandlerStop
        if result.flagged and not result.alert:
            await self.note_for_review(update, context, text, result, media)
            return  # the flow takes the words as usual, kept but flagged
        if media is not None and not result.flagged:
            await self.note_unscreened(update, context, text, media)
            return  # the flow says it reads only words, and how to get help now
        if result.flagged and Place(data).flow_and_step[0] == REFLECTION.id:
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
        event = await record_disclosure(update, context, text=text, result=result, category=None)
        chat = update.effective_chat
        assert chat is not None
        await context.bot.send_message(chat.id, say(texts.DISCLOSURE_THANKS, "practitioner"))
        if context.user_data is not None and event.id:
            context.place.flag_next_answer(event.id)
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
        event = await record_disclosure(update, context, text=shown, result=result, category=None)
        if context.user_data is not None and media is None and event.id:
            context.place.flag_next_answer(event.id)
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
        event = await record_disclosure(update, context, text=shown, result=result, category=None)
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
        event = await record_disclosure(
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

    def help_reply(self, context: BotContext) -> list[outbox.QueuedText]:
        """The reply to a disclosure in their own chat: thanks, what happens next, help now,
        and the way back to the questions. It goes through the outbox, like the alert."""
        audience = audience_of(context)
        thanks = (
            say(texts.DISCLOSURE_THANKS, audience) + " " + say(texts.WHAT_HAPPENS_NEXT, audience)
        )
        return [
            outbox.QueuedText(thanks),
            outbox.QueuedText(
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
                (texts.KEEP_GOING.for_audience(audience), encode(PERSON_CODE, "continue")),
                (texts.STOP_FOR_NOW.for_audience(audience), encode(PERSON_CODE, "pause")),
            ]
        ]

    def after_disclosure_buttons(self, audience: str | None) -> InlineKeyboardMarkup:
        return markup(self.after_disclosure_rows(audience))

    async def on_answer(self, update: Update, context: BotContext, answer: StoredAnswer) -> None:
        """Alert on answers a flow marks as worrying (feeling unsafe at home)."""
        if answer.choice and answer.choice in answer.step.alert_on:
            label = answer.step.option(answer.choice)
            shown = label.label.for_audience(None) if label else answer.choice
            event = await record_disclosure(
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
                        texts.TALK_TO_A_PERSON.for_audience(audience),
                        callback_data=encode(PERSON_CODE, "person"),
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
        if Place(data).asked and not data.get(THREAD_KEY):
            # (While a thread listens, the question waits for their "Keep going".)
            await self.reask(update, context)
        raise ApplicationHandlerStop

    async def on_person_button(self, update: Update, context: BotContext) -> None:
        """Keep going, stop for now, or ask for a person."""
        query = update.callback_query
        assert query is not None
        await query.answer()
        await self.on_person_choice(update, context, "|".join(parts_of(query.data)))

    async def on_person_choice(self, update: Update, context: BotContext, choice: str) -> None:
        """Act on "person", "pause" or "continue", tapped or typed."""
        assert update.effective_chat is not None
        audience = audience_of(context)
        chat_id = update.effective_chat.id
        if choice == "person":
            event = await record_disclosure(
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
        elif Place.of(context).asked:
            stop_listening(context.user_data)
            await self.reask(update, context)
        else:
            stop_listening(context.user_data)
            await context.bot.send_message(chat_id, say(texts.NOTHING_TO_ANSWER, audience))
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
