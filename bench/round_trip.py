"""Benchmark: the CPU one `Database.write()` costs, alone and while the event loop is busy.

Eight writers each do some pure-Python work (standing in for handling an
update) and then one durable write. The CPU the process spends beyond that
work, divided by the writes, is what a write costs: the trip to aiosqlite's
thread and back, the GIL changing hands, and a share of the group COMMIT. It
explains how much of the pipeline's CPU per update goes to storage.

Run: .venv/bin/python -m bench.round_trip [--writes N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from storage.database import Migration, open_database

SCHEMA = (Migration(1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"),)
WRITERS = 8


def busy(microseconds: int) -> None:
    """Hold the CPU (and the GIL) as handling an update would."""
    end = time.perf_counter() + microseconds / 1_000_000
    while time.perf_counter() < end:
        pass


async def cpu_per_write(directory: Path, writes: int, work_us: int) -> float:
    """Microseconds of CPU per write, beyond the work done between writes."""
    db = await open_database(directory / f"notes-{work_us}.sqlite3", SCHEMA)

    async def writer(count: int) -> None:
        for _ in range(count):
            busy(work_us)
            await db.write("INSERT INTO notes (text) VALUES (?) RETURNING id", ("a note",))

    started = time.process_time()
    await asyncio.gather(*(writer(writes // WRITERS) for _ in range(WRITERS)))
    cpu = time.process_time() - started
    await db.close()
    return round(1_000_000 * cpu / writes - work_us)


async def run(writes: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as directory:
        return {
            "writes": writes,
            "writers": WRITERS,
            "cpu_us_per_write_loop_idle": await cpu_per_write(Path(directory), writes, 0),
            "cpu_us_per_write_loop_busy": await cpu_per_write(Path(directory), writes, 1000),
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=4000)
    print(json.dumps(asyncio.run(run(parser.parse_args().writes)), indent=2))


if __name__ == "__main__":
    main()
