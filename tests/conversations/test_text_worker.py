"""Long texts are tagged and screened in a worker process; short ones in place."""

import asyncio
import contextlib
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from analysis.safeguarding import screen
from analysis.themes import Tagger
from conversations.text_worker import LONG_TEXT, Correction, TextWorker

LONG_ANSWER = ("The meetings are long and nobody tells me what is happening with my plan. " * 10)[
    : LONG_TEXT + 100
]
LONG_DISCLOSURE = ("I like football and my school is fine. " * 15) + "My stepdad hits me."


class RecordingPool(Executor):
    """Runs each job at once, in this process, and remembers it."""

    def __init__(self, jobs: list[tuple[Any, ...]], *, broken: bool = False) -> None:
        self.jobs = jobs
        self.broken = broken

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self.broken:
            raise BrokenProcessPool("the worker died")
        self.jobs.append(args)
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def recording(jobs: list[tuple[Any, ...]], started: list[Sequence[Correction]], **options: Any):
    def factory(corrections: Sequence[Correction], model_path: Path | None) -> Executor:
        started.append(corrections)
        return RecordingPool(jobs, **options)

    return factory


async def test_only_long_texts_go_to_the_worker():
    jobs: list[tuple[Any, ...]] = []
    worker = TextWorker(pool_factory=recording(jobs, []))
    await worker.tag("my worker is kind", "young_person")
    await worker.screen("my worker is kind")
    assert jobs == []
    await worker.tag(LONG_ANSWER, "young_person")
    await worker.screen(LONG_ANSWER)
    assert jobs == [(LONG_ANSWER, "young_person"), (LONG_ANSWER,)]


async def test_the_worker_process_tags_and_screens_as_the_bot_would():
    worker = TextWorker()
    try:
        assert await worker.tag(LONG_ANSWER, "young_person") == Tagger().tag(
            LONG_ANSWER, "young_person"
        )
        screening = await worker.screen(LONG_DISCLOSURE)
        assert screening.flagged
        assert screening == screen(LONG_DISCLOSURE)
    finally:
        await worker.close()


async def test_the_worker_tags_with_the_corrections_it_was_given():
    worker = TextWorker()
    try:
        assert "safety" not in (await worker.tag(LONG_ANSWER)).theme_ids
        worker.use_corrections([(LONG_ANSWER, "safety", "add")])
        assert "safety" in (await worker.tag(LONG_ANSWER)).theme_ids
    finally:
        await worker.close()


async def test_texts_already_sent_are_analysed_when_the_corrections_change():
    worker = TextWorker()
    try:
        screenings = [asyncio.create_task(worker.screen(LONG_DISCLOSURE)) for _ in range(5)]
        await asyncio.sleep(0)  # sent; the worker is still starting
        worker.use_corrections([(LONG_ANSWER, "safety", "add")])
        assert all(screening.flagged for screening in await asyncio.gather(*screenings))
    finally:
        await worker.close()


async def test_new_corrections_start_a_new_worker_that_knows_them():
    started: list[Sequence[Correction]] = []
    worker = TextWorker(pool_factory=recording([], started))
    await worker.tag(LONG_ANSWER)
    worker.use_corrections([(LONG_ANSWER, "safety", "add")])
    await worker.tag(LONG_ANSWER)
    assert started == [(), ((LONG_ANSWER, "safety", "add"),)]


async def test_a_failed_worker_never_loses_a_disclosure_nor_logs_the_text(caplog):
    caplog.set_level(logging.WARNING)
    started: list[Sequence[Correction]] = []
    worker = TextWorker(pool_factory=recording([], started, broken=True))
    assert (await worker.screen(LONG_DISCLOSURE)).flagged
    assert (await worker.tag(LONG_ANSWER)).theme_ids
    assert len(started) == 2  # a fresh worker is tried each time
    assert "BrokenProcessPool" in caplog.text
    assert "stepdad" not in caplog.text and "meetings" not in caplog.text


@pytest.mark.parametrize("text", ["", "x" * (LONG_TEXT - 1)])
async def test_texts_shorter_than_the_limit_never_start_a_worker(text):
    started: list[Sequence[Correction]] = []
    worker = TextWorker(pool_factory=recording([], started))
    await worker.tag(text)
    await worker.screen(text)
    assert started == []


BOT_THAT_STARTS_A_WORKER = f"""
import asyncio, time
from conversations.text_worker import TextWorker

async def main():
    worker = TextWorker()
    await worker.tag({LONG_ANSWER!r})
    print("ready", flush=True)
    time.sleep(60)

if __name__ == "__main__":
    asyncio.run(main())
"""


def children_of(pid: int) -> set[int]:
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[1]) == pid:
                children.add(int(stat.parent.name))
    return children


def alive(pid: int) -> bool:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    return False


def test_the_worker_ends_when_the_bot_is_killed(tmp_path):
    script = tmp_path / "bot_with_worker.py"
    script.write_text(BOT_THAT_STARTS_A_WORKER)
    root = Path(__file__).resolve().parents[2]
    bot = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        assert bot.stdout is not None and bot.stdout.readline().strip() == "ready"
        workers = children_of(bot.pid)
        assert workers
    finally:
        bot.kill()
        bot.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)
