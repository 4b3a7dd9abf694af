"""Fair sending: Telegram's overall limit, shared out by chat, replies before cosmetic edits.

Telegram takes about 30 messages a second from a bot. python-telegram-bot's
`AIORateLimiter` keeps to that with one first-come queue, so a storm from one
chat (or a long broadcast) makes everyone else wait behind it, and a cosmetic
edit (ticking an answered question) waits in the same line as the next
question. Here each request waits for a turn: turns go round the chats that are
waiting, one each, and a chat's messages go before any cosmetic edit. Flood
control (429) pauses every turn for as long as Telegram asks, then the request
is tried again, up to `max_retries` times.

Cosmetic requests never fail the action they decorate: if one fails, it is
logged and treated as done.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter

from conversations.channels import web_session_of

_LOGGER = logging.getLogger(__name__)
MESSAGES_PER_SECOND = 29
# Edits that only tidy what is on screen: they wait for every chat's messages.
COSMETIC = frozenset({"editMessageReplyMarkup", "editMessageText"})
# Never worth failing anything for: the spinner on a tapped button stops by itself.
HARMLESS_TO_FAIL = frozenset({"editMessageReplyMarkup", "answerCallbackQuery"})
MESSAGES, EDITS = 0, 1
JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


def _web_chat(chat_id: object) -> bool:
    """A web chat's messages never reach Telegram, so they count towards no limit of its."""
    return isinstance(chat_id, int) and web_session_of(chat_id) is not None


def paced(endpoint: str) -> bool:
    """Whether a request counts towards Telegram's overall limit on what a bot sends."""
    return endpoint.startswith(("send", "copy", "forward", "edit"))


class FairRateLimiter(BaseRateLimiter[int]):
    def __init__(
        self,
        per_second: float = MESSAGES_PER_SECOND,
        *,
        max_retries: int = 5,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = 1 / per_second
        self.max_retries = max_retries
        self.monotonic = monotonic
        # Per priority: chats in turn order, each with its waiting requests' tickets.
        self.waiting: tuple[OrderedDict[object, deque[asyncio.Future[None]]], ...] = (
            OrderedDict(),
            OrderedDict(),
        )
        self.paused_until = 0.0
        self.wake = asyncio.Event()
        self.dispatcher: asyncio.Task[None] | None = None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.dispatcher
            self.dispatcher = None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        for attempt in range(self.max_retries + 1):
            if paced(endpoint) and not _web_chat(data.get("chat_id")):
                await self.turn(data.get("chat_id"), EDITS if endpoint in COSMETIC else MESSAGES)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = exc.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                self.paused_until = max(self.paused_until, self.monotonic() + seconds)
                _LOGGER.warning("Flood control: pausing all sending for %.0f s", seconds)
                if attempt == self.max_retries:
                    raise
                await asyncio.sleep(seconds)
            except TelegramError as exc:
                if endpoint not in HARMLESS_TO_FAIL:
                    raise
                _LOGGER.info("%s failed (%s); it only tidies the screen", endpoint, exc)
                return True
        raise AssertionError("unreachable")

    async def turn(self, chat: object, priority: int) -> None:
        """Wait until this request may be sent."""
        ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting[priority].setdefault(chat, deque()).append(ticket)
        if self.dispatcher is None or self.dispatcher.done():
            self.dispatcher = asyncio.ensure_future(self.dispatch())
        self.wake.set()
        try:
            await ticket
        except asyncio.CancelledError:
            queue = self.waiting[priority].get(chat)
            if queue is not None and ticket in queue:
                queue.remove(ticket)
            raise

    async def dispatch(self) -> None:
        """Give out turns, one per interval, round the waiting chats in order."""
        next_slot = 0.0
        while True:
            ticket = self.next_ticket()
            if ticket is None:
                self.wake.clear()
                await self.wake.wait()
                continue
            delay = max(next_slot, self.paused_until) - self.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if not ticket.done():
                ticket.set_result(None)
            next_slot = self.monotonic() + self.interval

    def next_ticket(self) -> asyncio.Future[None] | None:
        for chats in self.waiting:
            while chats:
                chat, queue = next(iter(chats.items()))
                ticket = queue.popleft() if queue else None
                if queue:
                    chats.move_to_end(chat)  # its next request waits for the others' turns
                else:
                    del chats[chat]
                if ticket is not None and not ticket.done():
                    return ticket
        return None
