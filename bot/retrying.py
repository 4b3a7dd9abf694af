"""Retrying Bot API requests that failed for reasons that pass: 5xx answers and timeouts.

Flood control (429) is left to `AIORateLimiter`, which waits as told. Anything
else is an answer from Telegram and is not retried.

Messages sent from the outbox are not retried here: the outbox is their one retry
layer. For them a failure is sorted into "never reached Telegram" (retry freely)
and `MaybeSent` (Telegram may have done it and its answer was lost), which the
outbox resends at most once, saying it may be a repeat.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.transport import WrappedRequest
from conversations.outbox import OUTBOX_SEND, MaybeSent

_LOGGER = logging.getLogger(__name__)
# Failures that prove the request never reached the Bot API.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def never_reached(exc: BaseException) -> bool:
    """Whether a failed request certainly did not reach the Bot API (so resending is safe)."""
    return isinstance(exc.__cause__, NEVER_SENT) or "httpx.ConnectError" in str(exc)


ATTEMPTS = 4
FIRST_BACKOFF_SECONDS = 0.5


class RetryingRequest(WrappedRequest):
    def __init__(
        self,
        inner: BaseRequest,
        *,
        attempts: int = ATTEMPTS,
        backoff: float = FIRST_BACKOFF_SECONDS,
        identity_file: Path | None = None,
    ) -> None:
        super().__init__(inner)
        self.attempts = attempts
        self.backoff = backoff
        # The bot's own getMe answer from the last start, so it can start without Telegram.
        self.identity_file = identity_file

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        if api_method == "getMe" and self.identity_file is not None:
            return await self._identity(url, method, request_data)

        def send() -> Awaitable[tuple[int, bytes]]:
            return self.inner.do_request(
                url,
                method,
                request_data,
                read_timeout,
                write_timeout,
                connect_timeout,
                pool_timeout,
            )

        if OUTBOX_SEND.get():
            return await self._once(send)
        for attempt in range(1, self.attempts + 1):
            try:
                code, payload = await send()
            except (TimedOut, NetworkError) as exc:
                if attempt == self.attempts:
                    raise
                _LOGGER.warning("%s failed (%s); retrying", api_method, type(exc).__name__)
            else:
                if code < 500 or attempt == self.attempts:
                    return code, payload
                _LOGGER.warning("%s answered %s; retrying", api_method, code)
            await asyncio.sleep(self.backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    async def _identity(
        self, url: str, method: str, request_data: RequestData | None
    ) -> tuple[int, bytes]:
        """getMe, remembered: while the Bot API cannot be reached, the last answer it gave
        (the bot's id and name, nothing secret) lets the bot start and work offline."""
        assert self.identity_file is not None
        try:
            code, payload = await self.inner.do_request(url, method, request_data)
        except (TimedOut, NetworkError):
            if not self.identity_file.exists():
                raise
            _LOGGER.warning("Cannot reach the Bot API; starting with the identity saved last time")
            return 200, await asyncio.to_thread(self.identity_file.read_bytes)
        if code == 200:
            await asyncio.to_thread(self._remember, payload)
        return code, payload

    def _remember(self, payload: bytes) -> None:
        assert self.identity_file is not None
        if self.identity_file.exists() and self.identity_file.read_bytes() == payload:
            return
        self.identity_file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.identity_file.with_suffix(".partial")
        partial.write_bytes(payload)
        partial.replace(self.identity_file)

    async def _once(self, send: Callable[[], Awaitable[tuple[int, bytes]]]) -> tuple[int, bytes]:
        """One try, for the outbox: a failure that may have been done is `MaybeSent`."""
        try:
            code, payload = await send()
        except (TimedOut, NetworkError) as exc:
            if never_reached(exc):
                raise
            raise MaybeSent(f"no answer from Telegram ({type(exc).__name__})") from exc
        if code >= 500:
            raise MaybeSent(f"Telegram answered {code}")
        return code, payload
