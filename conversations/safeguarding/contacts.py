"""The contacts' side of safeguarding: taking an alert, "Not a concern",
`/reply` to the person through the bot and `/close`, from the contacts' chat or,
for the safeguarding role on call, from their own chat with the bot."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from conversations import texts
from conversations.callback_data import code_of, encode, parts_of
from conversations.context import BotContext
from conversations.fitting import MESSAGE_LIMIT, in_parts, shorten
from conversations.language import language_of, reading_in
from conversations.outbox import deliver_due, queue_for_contacts
from conversations.roles import staff_only
from conversations.safeguarding.alerts import (
    A_CONCERN_AFTER_ALL,
    NOT_A_CONCERN,
    SURELY_NOT_A_CONCERN,
    event_buttons,
    is_contact,
    markup,
)
from conversations.safeguarding.thread import PART_WRAPPING, THREAD_KEY, stop_listening
from conversations.tagging import tag_untagged
from conversations.widgets import esc, say
from storage import audit, contacts, outbox, staff
from storage import safeguarding as records

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


def usage(args: Sequence[str], example: str) -> str:
    """How to use a contacts' command, and why it was not understood."""
    how = f"Use it like this: <code>{example}</code>"
    if args and records.REFERENCE.match(args[0].strip().upper()):
        return f"There is no alert {esc(args[0].upper())}. Check the reference on the alert. {how}"
    return how


class ContactsSide:
    """What the contacts do with an alert."""

    def __init__(self, contacts_chats: Sequence[int] = ()) -> None:
        # The SAFEGUARDING_CHAT_IDS chats, where /help and /start explain the alerts.
        self.contacts_chats = list(contacts_chats)

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

    async def on_acknowledge(self, update: Update, context: BotContext) -> None:
        """Record who is dealing with an alert and tell the other contacts."""
        query = update.callback_query
        assert query is not None
        if not is_contact(update, context):
            await self.refuse(update, context)
        event_id = int((parts_of(query.data) or ["0"])[0] or 0)
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
        if not is_contact(update, context):
            await self.refuse(update, context)
        action, number = code_of(query.data), (parts_of(query.data) or ["0"])[0]
        event = await records.get_event(context.db, int(number or 0))
        if event is None:
            await query.answer("That alert was not found.")
            raise ApplicationHandlerStop
        if event.not_a_concern_at is not None:
            await query.answer(f"{event.not_a_concern_by} already marked this not a concern.")
            raise ApplicationHandlerStop
        sure = [
            ("Yes, not a concern", encode(SURELY_NOT_A_CONCERN, event.id)),
            ("No, keep it", encode(A_CONCERN_AFTER_ALL, event.id)),
        ]
        buttons = {
            NOT_A_CONCERN: [sure],
            A_CONCERN_AFTER_ALL: (
                event_buttons(event)[1:] if event.acknowledged_at else event_buttons(event)
            ),
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
        contact = await contacts.get_contact(context.services.db, event.respondent)
        if contact is None:
            return
        data = context.application.user_data[contact.chat_id]
        if data.get(THREAD_KEY) == event.reference:
            stop_listening(data)
            context.application.mark_data_for_update_persistence(user_ids=contact.chat_id)

    async def refuse(self, update: Update, context: BotContext) -> None:
        """Tell someone who is not a safeguarding contact that this is for staff; audit it."""
        user = update.effective_user
        assert user is not None
        await audit.audit(
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
        in_contacts_chat = is_contact(update, context)
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
        contact = await contacts.get_contact(services.db, event.respondent)
        await records.add_message(
            services.db,
            event_id=event.id,
            direction="to_person",
            sender=update.effective_user.full_name if update.effective_user else "contact",
            text=message,
            now=services.now(),
        )
        # Worded for the person who reads it, in their language, not the contact's.
        reader = context.application.user_data.get(contact.chat_id) if contact else None
        for part in in_parts(message, MESSAGE_LIMIT - PART_WRAPPING):
            with reading_in(language_of(reader)):
                text = say(texts.MESSAGE_FROM_TEAM, None, message=part)
            await outbox.enqueue(
                services.db,
                respondent=event.respondent,
                event_id=event.id,
                kind="reply",
                text=text,
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
        in_contacts_chat = is_contact(update, context)
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
