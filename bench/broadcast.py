"""Benchmark: a "you said, we did" broadcast to N people through a fake Bot API that enforces
Telegram's overall limit (30 messages a second) and answers flood control with 429 and
`retry_after`, like Telegram. Prints the delivered rate as a share of the limit, and
how many messages were lost or sent twice, as JSON.

Run: .venv/bin/python -m bench.broadcast [--people N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from collections import Counter, deque
from typing import Any

from bench.common import settings_in
from bot.app import build_application, running
from bot.transport import ApiCall, InProcessBotApi
from conversations.outbox import deliver_due
from storage import outbox
from storage.synthetic import seed_contacts

LIMIT_PER_SECOND = 30
FIRST_CHAT = 50_000_000


class TelegramLimits(InProcessBotApi):
    """Accepts at most 30 messages in any one second; beyond that, 429 retry_after 1."""

    def __init__(self) -> None:
        super().__init__()
        self.accepted: deque[float] = deque()
        self.delivered: Counter[int] = Counter()
        self.flood_answers = 0
        self.responders["sendMessage"] = self.send

    def send(self, call: ApiCall) -> Any:
        now = time.monotonic()
        while self.accepted and now - self.accepted[0] >= 1.0:
            self.accepted.popleft()
        if len(self.accepted) >= LIMIT_PER_SECOND:
            self.flood_answers += 1
            body = {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 1",
                "parameters": {"retry_after": 1},
            }
            return 429, json.dumps(body).encode()
        self.accepted.append(now)
        if call.chat_id is not None and call.chat_id >= FIRST_CHAT:
            self.delivered[call.chat_id] += 1
        return self._default_result(call)


async def run(people: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as directory:
        settings = settings_in(directory)
        api = TelegramLimits()
        async with running(build_application(settings, request=api)) as application:
            services = application.services
            assert application.job_queue is not None
            for job in application.job_queue.get_jobs_by_name("outbox"):
                job.schedule_removal()  # measure one delivery run from start to end
            respondents = await seed_contacts(services.db, people, FIRST_CHAT)
            await outbox.enqueue_to_many(
                services.db,
                respondents,
                kind="you_said_we_did",
                text="💬 You said: workers change too often.\n✅ We did: ...",
                now=services.now(),
            )
            started = time.monotonic()
            await deliver_due(application)
            elapsed = time.monotonic() - started
            unsent = len(await outbox.due_messages(services.db, services.now(), limit=people))
    rate = sum(api.delivered.values()) / elapsed
    return {
        "people": people,
        "seconds": round(elapsed, 1),
        "delivered": len(api.delivered),
        "lost": people - len(api.delivered),
        "sent_twice": sum(1 for n in api.delivered.values() if n > 1),
        "still_queued": unsent,
        "messages_per_second": round(rate, 2),
        "share_of_limit": round(rate / LIMIT_PER_SECOND, 3),
        "flood_control_answers": api.flood_answers,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=5000)
    print(json.dumps(asyncio.run(run(parser.parse_args().people)), indent=2))


if __name__ == "__main__":
    main()
