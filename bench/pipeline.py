"""Benchmark: N simulated young people complete the feedback flow at once through the real
Application (in-process transport, real SQLite file). Prints updates per second,
bot-side latency per update (p50, p95, p99) and peak memory as JSON.

Updates go through the application's update queue, as they would from Telegram.
The rate limiter is off here: it models Telegram's sending limits, not the bot.
With --long-every K, every K-th person writes a long first answer (the most a
young person's answer may hold), to show what long answers do to everyone's
latency: tagging and screening them holds up the event loop.

With --processes K, K bot processes run at once, each with N/K people of its
own, and the figures are added up over the time from the first start to the
last finish: what sharding chats across processes could give on this machine,
before the router in front and the one owner of the scheduled jobs that a real
split would need. Each process has a database of its own, the most favourable
case, unless --shared-database puts them all on one, as the bot's reports and
staff tools require.

Run: .venv/bin/python -m bench.pipeline [--people N] [--long-every K]
     [--processes K [--shared-database]]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import resource
import statistics
import tempfile
import time
from typing import Any, cast

from telegram import Update
from telegram.ext import Application

from bench.common import settings_in
from bot.app import build_application, running
from bot.transport import ChatSimulator, InProcessBotApi
from conversations.flows import YOUNG_PERSON
from conversations.services import Services
from storage.synthetic import count_complete

SCRIPT: list[tuple[str, str]] = [
    ("text", "/start"),
    ("press", "who|yp"),
    ("press", "a|yp:consent|agree"),
    ("press", "a|yp:age|teen"),
    ("press", "a|yp:mood|good"),
    ("press", "a|yp:know_worker|yes"),
    ("press", "a|yp:listened|sometimes"),
    ("press", "a|yp:respect|yes"),
    ("press", "a|yp:plan|a_bit"),
    ("press", "a|yp:safe_home|yes"),
    ("text", "my worker is kind and she always rings me back"),
    ("text", "less waiting for meetings please"),
    ("press", "s|yp:anything_else|"),
    ("press", "a|yp:hear_back|no"),
]
FIRST_ANSWER = next(
    number for number, (kind, value) in enumerate(SCRIPT) if kind == "text" and value[0] != "/"
)
LONG_ANSWER = (
    "My worker is kind and she always rings me back, but the meetings are long and I "
    "wait a lot before anyone tells me what is happening with my plan. " * 20
)[: YOUNG_PERSON.text_limit]


async def run(
    people: int, long_every: int = 0, directory: str | None = None, first_chat: int = 900_000
) -> dict[str, object]:
    """Run SCRIPT for `people` chats from `first_chat` on, in `directory` or a throwaway one."""
    with tempfile.TemporaryDirectory() as throwaway:
        settings = settings_in(directory or throwaway)
        api = InProcessBotApi()
        application = build_application(settings, request=api, rate_limit=False)
        latencies = time_each_update(application)
        statements = 0

        def count_statement(_sql: str) -> None:
            nonlocal statements
            statements += 1

        async with running(application):
            # A figure that, unlike the timings, hardly drifts with the machine's speed
            # (only with how many people's saved state one persistence write carries).
            await application.services.db.conn.set_trace_callback(count_statement)
            started_at = time.time()
            elapsed, cpu = await replay(application, people, latencies, long_every, first_chat)
            ended_at = time.time()
            statements_per_update = round(statements / len(latencies), 2)
            completed = await count_complete(application.services.db)
        return {
            "people": people,
            "long_answers": people // long_every if long_every else 0,
            "updates": len(latencies),
            "responses_completed": completed,
            "sql_statements_per_update": statements_per_update,
            **percentiles(latencies, elapsed, cpu),
            # The text worker (conversations/text_worker.py), started by the first long answer.
            "worker_max_rss_mb": round(
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
            ),
            "started_at": started_at,
            "ended_at": ended_at,
        }


def time_each_update(application: Application[Any, Any, Any, Any, Any, Any]) -> list[float]:
    """The list the seconds each update takes to process are appended to."""
    latencies: list[float] = []
    original = application.process_update

    async def timed(update: object) -> None:
        started = time.perf_counter()
        await original(update)
        latencies.append(time.perf_counter() - started)

    application.process_update = timed  # type: ignore[method-assign]
    return latencies


async def replay(
    application: Application[Any, Any, Any, Any, Any, Any],
    people: int,
    latencies: list[float],
    long_every: int = 0,
    first_chat: int = 900_000,
) -> tuple[float, float]:
    """Send SCRIPT from `people` chats, one step for all of them at a time.

    Returns the seconds it took and the CPU seconds the process used meanwhile (all threads).
    """
    simulators = [ChatSimulator(first_chat + n) for n in range(people)]
    started, cpu_started = time.perf_counter(), time.process_time()
    for number, (kind, value) in enumerate(SCRIPT, start=1):
        for index, person in enumerate(simulators):
            long = long_every and number - 1 == FIRST_ANSWER and index % long_every == 0
            update: Update = (
                person.text(LONG_ANSWER if long else value, application.bot)
                if kind == "text"
                else person.press(value, application.bot)
            )
            await application.update_queue.put(update)
        await wait_until(lambda expected=people * number: len(latencies) >= expected)
    return time.perf_counter() - started, time.process_time() - cpu_started


def percentiles(latencies: list[float], elapsed: float, cpu: float) -> dict[str, float]:
    """Throughput, CPU per update, latency percentiles in milliseconds, and peak memory."""
    ordered = sorted(latencies)

    def at(p: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)

    return {
        "seconds": round(elapsed, 2),
        "updates_per_second": round(len(latencies) / elapsed),
        "cpu_ms_per_update": round(1000 * cpu / len(latencies), 3),
        "latency_ms_p50": at(0.50),
        "latency_ms_p95": at(0.95),
        "latency_ms_p99": at(0.99),
        "latency_ms_mean": round(1000 * statistics.fmean(latencies), 2),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


async def wait_until(done) -> None:
    """Poll: the library's queue offers no event to wait on."""
    while not done():  # noqa: ASYNC110
        await asyncio.sleep(0.005)


def run_in_processes(people: int, processes: int, shared: bool) -> dict[str, object]:
    """`run` in several processes at once; the sum of their updates over the whole span."""
    with tempfile.TemporaryDirectory() as directory:
        if shared:  # created and migrated once, before the processes race to do it
            asyncio.run(create_databases(directory))
        jobs = [
            (people // processes, directory if shared else None, 900_000 + 100_000 * number)
            for number in range(processes)
        ]
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            results = pool.starmap(run_alone, jobs)
    updates = sum(cast(int, result["updates"]) for result in results)
    span = max(cast(float, r["ended_at"]) for r in results) - min(
        cast(float, r["started_at"]) for r in results
    )
    completed = [cast(int, result["responses_completed"]) for result in results]
    return {
        "processes": processes,
        "shared_database": shared,
        "people": people,
        "updates": updates,
        # On one database, the last process to finish counts everyone's.
        "responses_completed": max(completed) if shared else sum(completed),
        "seconds": round(span, 2),
        "updates_per_second": round(updates / span),
        "each": [
            {key: result[key] for key in ("updates_per_second", "latency_ms_p99", "max_rss_mb")}
            for result in results
        ],
    }


async def create_databases(directory: str) -> None:
    services = Services(settings_in(directory))
    await services.open()
    await services.close()


def run_alone(people: int, directory: str | None, first_chat: int) -> dict[str, object]:
    return asyncio.run(run(people, directory=directory, first_chat=first_chat))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--long-every", type=int, default=0)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--shared-database", action="store_true")
    arguments = parser.parse_args()
    if arguments.processes > 1:
        result = run_in_processes(arguments.people, arguments.processes, arguments.shared_database)
    else:
        result = asyncio.run(run(arguments.people, arguments.long_every))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
