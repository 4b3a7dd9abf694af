"""Alerts for the safeguarding contacts: recording an event, queueing its alerts,
repeating them until someone takes them, and the review queue's digest.

An event is recorded with the help reply to the person in the same transaction,
so the reply survives what the alert survives. If the database cannot be
written, the event goes into the journal and everything is sent directly
(`without_the_database`); `drain_journal` moves it in later.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import filters

from analysis.safeguarding import ALERT, UNSCREENED, Screening
from analysis.safeguarding import category_label as detector_label
from conversations.callback_data import encode
from conversations.context import BotContext
from conversations.fitting import in_parts, shorten
from conversations.outbox import deliver_due, queue_for_contacts
from conversations.place import Place
from conversations.services import Services
from conversations.widgets import esc
from storage import contacts, outbox
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

EXTRA_CATEGORIES = {
    "asked_for_person": "Asked to talk to a person",
    "unsafe_at_home": "Said they do not feel safe where they live",
}

ALERT_TEXT_LIMIT = 3000

# The longest a new alert waits for the person to be answered first (see alert_contacts).
# Short: if answering them is slow (Telegram retrying), the alert must not wait on it, and
# the outbox job, every 10 seconds, sends it when the hold runs out.
HOLD_FOR_THE_PERSON = timedelta(seconds=10)


def media_kind(message: Message) -> str | None:
    """What the message carries that the bot cannot screen, in words, if anything."""
    for attribute, name in MEDIA_NAMES:
        if getattr(message, attribute, None):
            return name
    return None


# The codes of the buttons under alerts (`conversations.callback_data`): taken by a
# contact; "not a concern", then "yes, not a concern" or "no, keep it".
TAKEN = "sgack"
NOT_A_CONCERN = "sgnot"
SURELY_NOT_A_CONCERN = "sgnoty"
A_CONCERN_AFTER_ALL = "sgnotn"


def event_buttons(event: records.SafeguardingEvent) -> list[list[tuple[str, str]]]:
    """The buttons under an alert or a review item, while nobody has taken it."""
    take = "I've looked at this" if event.for_review else "I'm dealing with this"
    return [[(take, encode(TAKEN, event.id))], [("Not a concern", encode(NOT_A_CONCERN, event.id))]]


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


def records_time(stamp: str, tz: Any) -> str:
    return datetime.fromisoformat(stamp).astimezone(tz).strftime("%d %b %Y %H:%M %Z")


def markup(rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


def is_contact(update: Update, context: BotContext) -> bool:
    chats = set(context.services.settings.safeguarding_chat_ids)
    chat, user = update.effective_chat, update.effective_user
    return bool((chat and chat.id in chats) or (user and user.id in chats))


async def record_disclosure(
    update: Update,
    context: BotContext,
    *,
    text: str,
    result: Screening | None,
    category: str | None,
    help_reply: Sequence[outbox.QueuedText] = (),
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
        "source": describe_source(update, context),
        "chat_type": chat.type,
    }
    try:
        await contacts.remember_chat(services.db, respondent=respondent, chat_id=user.id)
        event = await records.record_event(
            services.db, now=services.now(), help_reply=help_reply, **fields
        )
        await queue_alerts(context, event, repeat=False, hold=True)
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
        return await without_the_database(context, fields, user.id, help_reply)
    _LOGGER.warning("Safeguarding event %s recorded (%s)", event.reference, event.category)
    return event


async def without_the_database(
    context: BotContext,
    fields: dict[str, Any],
    chat_id: int,
    help_reply: Sequence[outbox.QueuedText],
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


def describe_source(update: Update, context: BotContext) -> str:
    chat = update.effective_chat
    if chat is not None and chat.type != "private":
        return "a group chat"
    flow_id, step_id = Place.of(context).flow_and_step
    names = {"yp": "young person's feedback", "pc": "parent or carer's feedback"}
    if flow_id in names and step_id:
        return f"{names[flow_id]}, question '{step_id}'"
    if flow_id.startswith("pr"):
        return f"practitioner reflection, question '{step_id}'"
    return "a message outside any feedback flow"


async def alert_contacts(context: BotContext, event: records.SafeguardingEvent) -> None:
    """Release the event's held alerts and deliver them now.

    Alerts are queued (so stored) before the person is answered, but held back
    until they have been: otherwise the outbox job could take the rate limiter's
    next places and keep a child who just disclosed waiting for their reply. If
    the bot dies before this, the outbox job sends them when the hold runs out.
    """
    if not event.id:
        return  # not stored (see `without_the_database`): it was sent directly
    services = context.services
    await outbox.release_held(services.db, event.id, services.now())
    await deliver_due(context.application)


async def repeat_unacknowledged(context: BotContext) -> None:
    """Job: send again, marked as a repeat, any alert nobody acknowledged in 15 minutes."""
    services = context.services
    now, waited = services.now(), services.monotonic()
    for event in await records.unacknowledged(services.db):
        if not due_again(event, services, now, waited):
            continue
        await queue_alerts(context, event, repeat=True)
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
    moved = 0
    try:
        for record in (r for r in kept if "sent" not in r):
            if await records.find_event(services.db, record["reference"]) is not None:
                continue
            done = sent.get(record["reference"], set())
            await contacts.remember_chat(
                services.db, respondent=record["respondent"], chat_id=record["chat_id"]
            )
            help_reply = [outbox.QueuedText(text, buttons) for text, buttons in record["help"]]
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
            await queue_alerts(context, event, repeat=False)
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
