"""Delivering the outbox: alerts are written first, then sent, and retried until accepted.

Runs after every enqueue and from a repeating job, so an alert queued while
the Bot API is down, or before a restart, is delivered once it is back.
Messages to the safeguarding contacts are never given up: if Telegram refuses
them (the bot was removed from their group, say), they are retried until an
admin puts it right, and a group that became a supergroup is followed. When a
contact's message cannot reach the person, the contacts are told.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application

from conversations.context import FeedbackApplication
from conversations.services import Services
from storage import contacts, outbox
from storage import safeguarding as records

_LOGGER = logging.getLogger(__name__)
MAX_BACKOFF_SECONDS = 300
COPY = "copy"
# The outbox is its sends' one retry layer. It sets this around them, and the
# transport (bot/retrying.py) then tries once and raises `MaybeSent` when Telegram
# may have done it but its answer was lost, which the outbox resends at most once.
OUTBOX_SEND: ContextVar[bool] = ContextVar("outbox_send", default=False)


class MaybeSent(NetworkError):
    """Telegram may have performed the request, but its answer was lost (5xx, no answer)."""


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(5 * 2**attempts, MAX_BACKOFF_SECONDS))


async def deliver_due(application: Application[Any, Any, Any, Any, Any, Any]) -> int:
    """Send every message that is due; return how many were delivered."""
    assert isinstance(application, FeedbackApplication)
    services = application.services
    if services.delivery_lock.locked():
        # A delivery is already running (perhaps a long broadcast): it re-reads the
        # queue in priority order after every batch, so this message goes next.
        services.delivery_requested = True
        return 0
    delivered = 0
    async with services.delivery_lock:
        attempted: set[int] = set()
        while True:
            services.delivery_requested = False
            waited = services.monotonic()
            ready = [i for i, due in services.retry_due.items() if due <= waited]
            batch = [
                m
                for m in await outbox.due_messages(services.db, services.now(), also=ready)
                if m.id not in attempted
                # A retry waits on the monotonic clock, however the wall clock moved.
                and services.retry_due.get(m.id, waited) <= waited
            ]
            if not batch:
                if services.delivery_requested:
                    continue
                break
            for message in batch:
                attempted.add(message.id)
                if await _deliver(application, services, message):
                    delivered += 1
    return delivered


async def queue_for_contacts(
    services: Services,
    *,
    event_id: int,
    kind: str,
    texts: Sequence[str],
    buttons: list[list[tuple[str, str]]] | None = None,
    due: datetime | None = None,
) -> None:
    """Queue messages about an event for every safeguarding contacts' chat (from `due`)."""
    await outbox.enqueue_to_contacts(
        services.db,
        services.settings.safeguarding_chat_ids,
        event_id=event_id,
        kind=kind,
        texts=texts,
        buttons=buttons,
        now=services.now(),
        due=due,
    )


async def _deliver(
    application: FeedbackApplication,
    services: Services,
    message: outbox.OutboxMessage,
    *,
    followed: bool = False,
) -> bool:
    services.retry_due.pop(message.id, None)  # tried now; `_later` sets its next wait
    chat_id = message.chat_id
    if chat_id is None and message.respondent is not None:
        contact = await contacts.get_contact(services.db, message.respondent)
        chat_id = contact.chat_id if contact else None
    if chat_id is None:
        await outbox.mark_failed(
            services.db, message.id, error="no way to reach them", now=services.now()
        )
        await _tell_contacts_undelivered(services, message, "the bot has no chat with them")
        return False
    markup = (
        InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(label, callback_data=data) for label, data in row]
                for row in message.button_rows
            ]
        )
        if message.buttons
        else None
    )
    text = message.text
    if message.uncertain and message.for_contacts and message.kind != COPY:
        event = await records.get_event(services.db, message.event_id or 0)
        reference = event.reference if event else "an earlier message"
        text = f"🔁 This may repeat {reference} (Telegram's answer was lost).\n{text}"
    outbox_send = OUTBOX_SEND.set(True)
    try:
        if message.kind == COPY:
            # A voice note or photo the person sent, for the contacts to see or hear.
            source = json.loads(message.text)
            copied = await application.bot.copy_message(
                chat_id, source["from_chat_id"], source["message_id"]
            )
            sent_id = copied.message_id
        else:
            sent = await application.bot.send_message(chat_id, text, reply_markup=markup)
            sent_id = sent.message_id
    except RetryAfter as exc:
        wait = (
            exc.retry_after
            if isinstance(exc.retry_after, timedelta)
            else timedelta(seconds=exc.retry_after)
        )
        await outbox.mark_retry(
            services.db,
            message.id,
            error="flood control",
            retry_at=_later(services, message.id, wait),
        )
    except ChatMigrated as exc:
        _LOGGER.error(
            "Safeguarding chat %s is now %s: put the new id in SAFEGUARDING_CHAT_IDS",
            chat_id,
            exc.new_chat_id,
        )
        await outbox.move_to_chat(services.db, message.id, exc.new_chat_id)
        if not followed:
            moved = message.model_copy(update={"chat_id": exc.new_chat_id})
            return await _deliver(application, services, moved, followed=True)
    except (Forbidden, BadRequest) as exc:
        if message.for_contacts:
            _LOGGER.error(
                "Telegram refused outbox message %s to a safeguarding chat (%s): check the bot"
                " is still in that chat; retrying until it is delivered",
                message.id,
                type(exc).__name__,
            )
            await outbox.mark_retry(
                services.db,
                message.id,
                error=type(exc).__name__,
                retry_at=_later(services, message.id, backoff(message.attempts)),
            )
            return False
        _LOGGER.error("Outbox message %s cannot be delivered: %s", message.id, type(exc).__name__)
        await outbox.mark_failed(
            services.db, message.id, error=type(exc).__name__, now=services.now()
        )
        if isinstance(exc, Forbidden) and message.respondent is not None:
            # They blocked the bot: skip them next time.
            await contacts.mark_blocked(services.db, message.respondent, services.now())
        await _tell_contacts_undelivered(
            services,
            message,
            "they have blocked the bot" if isinstance(exc, Forbidden) else "Telegram refused it",
        )
    except MaybeSent as exc:
        if message.uncertain:
            _LOGGER.warning("Outbox message %s: answer lost again; counted as sent", message.id)
            await outbox.mark_probably_sent(
                services.db, message.id, error=str(exc), now=services.now()
            )
            return True
        _LOGGER.warning(
            "Outbox message %s may have been sent (%s); resending once", message.id, exc
        )
        await outbox.mark_maybe_sent(
            services.db,
            message.id,
            error=str(exc),
            retry_at=_later(services, message.id, backoff(message.attempts)),
        )
    except TelegramError as exc:
        _LOGGER.warning("Outbox message %s not delivered yet: %s", message.id, type(exc).__name__)
        await outbox.mark_retry(
            services.db,
            message.id,
            error=type(exc).__name__,
            retry_at=_later(services, message.id, backoff(message.attempts)),
        )
    else:
        await outbox.mark_sent(services.db, message.id, sent_id, services.now())
        return True
    finally:
        OUTBOX_SEND.reset(outbox_send)
    return False


def _later(services: Services, message_id: int, wait: timedelta) -> datetime:
    """When to try a message again: kept on the monotonic clock while the bot runs (so a
    wall-clock step neither stalls nor hurries it), and as a time in the outbox for after
    a restart."""
    services.retry_due[message_id] = services.monotonic() + wait.total_seconds()
    return services.now() + wait


async def _tell_contacts_undelivered(
    services: Services, message: outbox.OutboxMessage, reason: str
) -> None:
    """A contact's message to the person could not be sent: the contacts must know."""
    if message.kind not in ("reply", outbox.HELP) or message.event_id is None:
        return
    event = await records.get_event(services.db, message.event_id)
    reference = event.reference if event else "the person"
    what = "Your message to" if message.kind == "reply" else "The help reply (999, Childline) to"
    await queue_for_contacts(
        services,
        event_id=message.event_id,
        kind="undelivered",
        texts=[f"⚠️ {what} {reference} could not be delivered: {reason}."],
    )
