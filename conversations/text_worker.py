"""Tagging and screening long texts in a worker process.

Both are pure Python and `re`, which hold the GIL. In the bot's own process a
1,500-character answer holds the event loop for about 16 ms, and a
4,000-character reflection for about 40 ms, while everyone else's updates
wait; a thread would not help. Texts of `LONG_TEXT` characters or more go to
one worker process instead, which also puts the machine's second core to
work. Shorter ones, most answers, are quicker analysed in place than sent.
If the worker fails, the text is analysed in place, so a disclosure is never
missed for want of a worker.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from analysis import theme_model
from analysis.corrections import CorrectionLookup
from analysis.safeguarding import Screening, screen
from analysis.themes import Tagger, Tagging

LONG_TEXT = 400
_LOGGER = logging.getLogger(__name__)
Correction = tuple[str, str, str]
PoolFactory = Callable[[Sequence[Correction], Path | None], Executor]
Result = TypeVar("Result")

# In the worker process: its own tagger, built once when the process starts.
_worker_tagger: Tagger | None = None


def make_tagger(corrections: Sequence[Correction], model_path: Path | None = None) -> Tagger:
    """The tagger with the trust's own model (`feedbackbot train --with-corrections`) when
    there is one, else the shipped model, and the stored corrections on top."""
    lookup = CorrectionLookup(corrections) if corrections else None
    if model_path is not None and model_path.exists():
        return Tagger(corrections=lookup, model=theme_model.load(model_path))
    return Tagger(corrections=lookup)


def _start_worker(corrections: Sequence[Correction], model_path: Path | None) -> None:
    global _worker_tagger
    _worker_tagger = make_tagger(corrections, model_path)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End the worker once the bot is gone, even if it was killed and could not say so."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _tag_in_worker(text: str, group: str | None) -> Tagging:
    assert _worker_tagger is not None
    return _worker_tagger.tag(text, group)


def worker_pool(corrections: Sequence[Correction], model_path: Path | None = None) -> Executor:
    """One worker process, spawned fresh rather than forked from a process with threads."""
    return ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(tuple(corrections), model_path),
    )


class TextWorker:
    """Tags and screens texts: short ones in place, long ones in the worker process.

    The worker starts with the first long text, and again after the
    corrections change, so its tagger always knows the same corrections.
    """

    def __init__(
        self,
        corrections: Sequence[Correction] = (),
        *,
        pool_factory: PoolFactory = worker_pool,
        model_path: Path | None = None,
    ) -> None:
        self._pool_factory = pool_factory
        self._pool: Executor | None = None
        self.model_path = model_path
        self.use_corrections(corrections)

    def use_corrections(self, corrections: Sequence[Correction]) -> None:
        self.corrections = tuple(corrections)
        self.tagger = make_tagger(self.corrections, self.model_path)
        self._discard_pool()

    def use_model(self, model_path: Path | None) -> None:
        """Tag with the model in this file from now on, when it exists."""
        self.model_path = model_path
        self.use_corrections(self.corrections)

    async def tag(self, text: str, group: str | None = None) -> Tagging:
        if len(text) < LONG_TEXT:
            return self.tagger.tag(text, group)
        return await self._in_worker(self.tagger.tag, _tag_in_worker, text, group)

    async def screen(self, text: str) -> Screening:
        if len(text) < LONG_TEXT:
            return screen(text)
        return await self._in_worker(screen, screen, text)

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown)

    async def _in_worker(
        self,
        in_place: Callable[..., Result],
        in_worker: Callable[..., Result],
        *args: str | None,
    ) -> Result:
        try:
            if self._pool is None:
                self._pool = self._pool_factory(self.corrections, self.model_path)
            return await asyncio.get_running_loop().run_in_executor(self._pool, in_worker, *args)
        except Exception as exc:
            # Only the kind of failure: an exception's message could quote the text.
            _LOGGER.warning("The text worker failed (%s); analysing in place", type(exc).__name__)
            self._discard_pool()
            return in_place(*args)

    def _discard_pool(self) -> None:
        # Texts already sent are still analysed (cancelling them would fail their updates,
        # a screening among them); the old worker then ends.
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False)
