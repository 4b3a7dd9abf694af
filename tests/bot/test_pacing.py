"""Fair sending: turns go round the chats, messages before cosmetic edits, floods wait."""

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import NetworkError, RetryAfter

from bot.pacing import FairRateLimiter


def sender(log: list[tuple[str, object]]):
    def make(endpoint: str, chat: object):
        async def call() -> dict[str, Any]:
            log.append((endpoint, chat))
            return {"ok": True}

        return call

    return make


async def send(limiter: FairRateLimiter, call, endpoint: str, chat: object) -> Any:
    return await limiter.process_request(call, (), {}, endpoint, {"chat_id": chat}, None)


async def test_one_chats_flood_does_not_hold_another_chat_up():
    limiter = FairRateLimiter(per_second=200)
    log: list[tuple[str, object]] = []
    make = sender(log)
    flood = [send(limiter, make("sendMessage", "storm"), "sendMessage", "storm") for _ in range(60)]
    tasks = [asyncio.ensure_future(c) for c in flood]
    await asyncio.sleep(0)  # the storm is queued first
    ordinary = asyncio.ensure_future(
        send(limiter, make("sendMessage", "sam"), "sendMessage", "sam")
    )
    await asyncio.gather(*tasks, ordinary)
    await limiter.shutdown()
    assert log.index(("sendMessage", "sam")) <= 5  # within a few turns, not after sixty


async def test_a_chats_next_question_goes_before_cosmetic_edits():
    limiter = FairRateLimiter(per_second=200)
    log: list[tuple[str, object]] = []
    make = sender(log)
    edits = [
        asyncio.ensure_future(send(limiter, make("editMessageText", n), "editMessageText", n))
        for n in range(10)
    ]
    await asyncio.sleep(0)
    question = asyncio.ensure_future(send(limiter, make("sendMessage", 1), "sendMessage", 1))
    await asyncio.gather(*edits, question)
    await limiter.shutdown()
    assert log.index(("sendMessage", 1)) <= 3  # not after the ten edits


async def test_flood_control_pauses_and_retries():
    limiter = FairRateLimiter(per_second=200)
    tries = {"n": 0}

    async def flooded() -> dict[str, Any]:
        tries["n"] += 1
        if tries["n"] == 1:
            raise RetryAfter(timedelta(seconds=0.2))
        return {"ok": True}

    assert await send(limiter, flooded, "sendMessage", 1) == {"ok": True}
    assert tries["n"] == 2
    await limiter.shutdown()


async def test_a_failed_cosmetic_edit_is_not_an_error_but_a_failed_message_is():
    limiter = FairRateLimiter(per_second=200)

    async def failing() -> dict[str, Any]:
        raise NetworkError("httpx.ReadError")

    assert await send(limiter, failing, "editMessageReplyMarkup", 1) is True
    with pytest.raises(NetworkError):
        await send(limiter, failing, "sendMessage", 1)
    await limiter.shutdown()


async def test_a_web_chats_messages_never_wait_for_telegrams_flood_control():
    from conversations.channels import web_chat_id

    now = [100.0]
    limiter = FairRateLimiter(per_second=200, monotonic=lambda: now[0])
    limiter.paused_until = now[0] + 3600  # Telegram asked us to wait an hour
    log: list[tuple[str, object]] = []
    web = web_chat_id(7)
    await asyncio.wait_for(send(limiter, sender(log)("sendMessage", web), "sendMessage", web), 1)
    await limiter.shutdown()
    assert log == [("sendMessage", web)]
