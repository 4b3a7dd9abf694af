"""Retrying Bot API requests that failed for reasons that pass: 5xx answers and timeouts.

Flood control (429) is left to `AIORateLimiter`, which waits as told. Anything
else is an answer from Telegram and is not retried.
"""

from __future__ import annotations

import asyncio
import logging

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_LOGGER = logging.getLogger(__name__)
ATTEMPTS = 4
FIRST_BACKOFF_SECONDS = 0.5


class RetryingRequest(BaseRequest):
    def __init__(
        self,
        inner: BaseRequest,
        *,
        attempts: int = ATTEMPTS,
        backoff: float = FIRST_BACKOFF_SECONDS,
    ) -> None:
        self.inner = inner
        self.attempts = attempts
        self.backoff = backoff

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

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
        for attempt in range(1, self.attempts + 1):
            try:
                code, payload = await self.inner.do_request(
                    url,
                    method,
                    request_data,
                    read_timeout,
                    write_timeout,
                    connect_timeout,
                    pool_timeout,
                )
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
