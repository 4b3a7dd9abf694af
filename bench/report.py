"""Benchmark: build the final summary for a seeded database of 100,000 responses.

Prints the time to build and push it (and peak memory) as JSON.
Run: .venv/bin/python -m bench.report [--responses N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import tempfile
import time
import tracemalloc

from analysis.windows import parse_window
from bench.common import settings_in
from conversations.services import Services
from conversations.summaries import build_and_push
from storage.synthetic import seed_responses


async def run(count: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as directory:
        settings = settings_in(directory)
        services = Services(settings)
        await services.open()
        window = parse_window("2026-12")
        tz = settings.tz
        started = time.perf_counter()
        await seed_responses(services.db, count, window.start(tz), window.end(tz))
        await seed_responses(
            services.db, count // 2, window.previous().start(tz), window.previous().end(tz), seed=3
        )
        seeding = time.perf_counter() - started
        started = time.perf_counter()
        summary = await build_and_push(services, window, "final")
        cold = time.perf_counter() - started
        tracemalloc.start()
        started = time.perf_counter()
        await build_and_push(services, window, "final")
        warm = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        await services.close()
    return {
        "responses_in_window": count,
        "responses_in_previous_window": count // 2,
        "seconds_to_seed": round(seeding, 1),
        "seconds_to_build_and_push_final": round(cold, 3),
        "seconds_to_build_again_traced": round(warm, 3),
        "peak_traced_python_memory_mb": round(peak / 2**20, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "themes_reported": sum(1 for stat in summary.themes if stat.count.value),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=100_000)
    print(json.dumps(asyncio.run(run(parser.parse_args().responses)), indent=2))


if __name__ == "__main__":
    main()
