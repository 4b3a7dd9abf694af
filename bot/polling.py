"""Long polling with a durable inbox, that keeps going while Telegram cannot be reached.

python-telegram-bot's updater confirms a batch of updates (asks for the next
offset) before the batch has been handled, so a bot killed in between loses
them. Here each batch is written to the inbox (`storage/inbox.py`) first, and
only then confirmed; whatever was stored but not handled is handled at the next
start. While the Bot API cannot be reached the loop waits and tries again, with
one log line when contact is lost and one when it is back; the outbox and the
scheduled jobs go on meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sqlite3
import time
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.error import InvalidToken, TelegramError

from bot.app import running
from conversations.context import FeedbackApplication
from storage import inbox

_LOGGER = logging.getLogger(__name__)
POLL_TIMEOUT_SECONDS = 30
MAX_WAIT_SECONDS = 60.0


class Contact:
    """Whether the Bot API answers: one log line when it stops, one when it is back."""

    def __init__(self) -> None:
        self.lost_at: float | None = None
        self.failures = 0

    def lost(self, error: BaseException) -> float:
        """Note a failure; return how long to wait before trying again."""
        if self.lost_at is None:
            self.lost_at = time.monotonic()
            _LOGGER.warning(
                "Lost contact with the Bot API (%s); trying again until it is back",
                type(error).__name__,
            )
        self.failures += 1
        return min(2.0 ** (self.failures - 1), MAX_WAIT_SECONDS)

    def back(self) -> None:
        if self.lost_at is not None:
            _LOGGER.warning(
                "Contact with the Bot API is back after %.0f s", time.monotonic() - self.lost_at
            )
        self.lost_at = None
        self.failures = 0


async def serve_polling(application: FeedbackApplication) -> None:
    """Run the bot with long polling until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await initialize_when_reachable(application, stop)
    if stop.is_set():
        return
    async with running(application):
        await replay_inbox(application)
        await poll(application, stop)


async def keep_trying(stop: asyncio.Event, attempt: Callable[[], Awaitable[object]]) -> None:
    """Run `attempt` until it succeeds or `stop` is set, waiting with backoff while the
    Bot API cannot be reached. A rejected token is not worth waiting for: it is raised."""
    contact = Contact()
    while not stop.is_set():
        try:
            await attempt()
        except InvalidToken:
            raise
        except TelegramError as exc:
            await wait_or_stop(stop, contact.lost(exc))
        else:
            contact.back()
            return


async def initialize_when_reachable(application: FeedbackApplication, stop: asyncio.Event) -> None:
    """Initialize the application, waiting for the Bot API if it cannot be reached.

    Usually it can start at once even then: the bot's own identity (getMe) is
    remembered from the last start (see `bot.retrying`). Only a first start with
    no Telegram at all waits here.
    """
    await keep_trying(stop, application.initialize)


async def replay_inbox(application: FeedbackApplication) -> int:
    """Queue every update stored but not handled before the bot stopped; return how many."""
    stored = await inbox.unhandled(application.services.db)
    for row in stored:
        update = Update.de_json(json.loads(row.payload), application.bot)
        application.inbox_pending.add(update.update_id)
        await application.update_queue.put(update)
    if stored:
        _LOGGER.warning("Handling %d updates that arrived before the bot stopped", len(stored))
    return len(stored)


async def poll(application: FeedbackApplication, stop: asyncio.Event) -> None:
    """Fetch updates, store them, then confirm them by asking for the next ones."""
    # Polling and a webhook exclude each other (as run_polling does it, once).
    await keep_trying(stop, application.bot.delete_webhook)
    contact = Contact()
    offset: int | None = None
    while not stop.is_set():
        fetching = asyncio.ensure_future(
            application.bot.get_updates(
                offset=offset, timeout=POLL_TIMEOUT_SECONDS, allowed_updates=Update.ALL_TYPES
            )
        )
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({fetching, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not fetching.done():
            fetching.cancel()
            break
        try:
            updates = fetching.result()
        except InvalidToken:
            raise
        except TelegramError as exc:
            await wait_or_stop(stop, contact.lost(exc))
            continue
        contact.back()
        if not updates:
            continue
        services = application.services
        try:
            new = set(
                await inbox.store(
                    services.db,
                    [(u.update_id, json.dumps(u.to_dict())) for u in updates],
                    services.now(),
                )
            )
        except (sqlite3.Error, OSError):
            # Not confirmed: Telegram keeps them and sends them again.
            _LOGGER.exception("Could not store updates; asking for them again")
            await wait_or_stop(stop, contact.lost(OSError("database")))
            continue
        offset = updates[-1].update_id + 1
        for update in updates:
            if update.update_id in new:
                application.inbox_pending.add(update.update_id)
                await application.update_queue.put(update)


async def wait_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
