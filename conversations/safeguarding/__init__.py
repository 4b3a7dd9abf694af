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

Four modules: `person` (the person's side), `contacts` (the contacts' side),
`alerts` (recording events and alerting, with the jobs that repeat them) and
`thread` (the person's messages going to the contacts after an alert).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from conversations.callback_data import tapped_with
from conversations.context import BotContext
from conversations.safeguarding.alerts import (
    A_CONCERN_AFTER_ALL,
    HOLD_FOR_THE_PERSON,
    MEDIA,
    NOT_A_CONCERN,
    REVIEW_DIGEST_EVERY,
    SURELY_NOT_A_CONCERN,
    TAKEN,
    drain_journal,
    repeat_unacknowledged,
    send_review_digest,
)
from conversations.safeguarding.contacts import ContactsSide
from conversations.safeguarding.person import HoldAnswer, PersonSide, Reask
from conversations.safeguarding.thread import PERSON_CODE

__all__ = [
    "HOLD_FOR_THE_PERSON",
    "REVIEW_DIGEST_EVERY",
    "Safeguarding",
    "drain_journal",
    "repeat_unacknowledged",
    "send_review_digest",
]


class Safeguarding:
    """Both sides, and their handlers in the order they must run."""

    def __init__(
        self,
        reask: Reask,
        contacts_chats: Sequence[int] = (),
        hold_answer: HoldAnswer | None = None,
    ) -> None:
        self.person = PersonSide(reask, hold_answer)
        self.contacts = ContactsSide(contacts_chats)

    def handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        person, contacts = self.person, self.contacts
        return [
            CallbackQueryHandler(contacts.on_acknowledge, pattern=tapped_with(TAKEN)),
            CallbackQueryHandler(
                contacts.on_not_a_concern,
                pattern=tapped_with(NOT_A_CONCERN, SURELY_NOT_A_CONCERN, A_CONCERN_AFTER_ALL),
            ),
            CallbackQueryHandler(person.on_person_button, pattern=tapped_with(PERSON_CODE)),
            CommandHandler("reply", contacts.on_reply),
            CommandHandler("close", contacts.on_close),
            CommandHandler(
                ["help", "start"], contacts.on_contacts_help, filters.Chat(contacts.contacts_chats)
            ),
            CommandHandler("help", person.on_help),
            MessageHandler(filters.TEXT | filters.CAPTION | MEDIA, person.on_text),
        ]
