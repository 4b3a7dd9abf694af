"""Run every benchmark and evaluation, printing one JSON object each.

Run: make bench  (or .venv/bin/python -m bench [--quick])
--quick uses smaller sizes, for a fast look; the README's figures use the defaults.
"""

from __future__ import annotations

import subprocess
import sys

QUICK = "--quick" in sys.argv
RUNS = [
    ("theme quality", ["bench.theme_eval"]),
    ("safeguarding detector", ["bench.safeguarding_eval"]),
    ("learning from corrections", ["bench.corrections_effect"]),
    ("tagger speed", ["bench.tagger", "--texts", "1000" if QUICK else "5000"]),
    (
        "final summary, 100,000 responses",
        ["bench.report", "--responses", "10000" if QUICK else "100000"],
    ),
    ("pipeline, 1,000 people", ["bench.pipeline", "--people", "100" if QUICK else "1000"]),
    (
        "pipeline, 1,000 people, one in ten writing a long answer",
        ["bench.pipeline", "--people", "100" if QUICK else "1000", "--long-every", "10"],
    ),
    (
        "python-telegram-bot alone, same exchange",
        ["bench.library_floor", "--people", "100" if QUICK else "1000"],
    ),
    ("one durable write", ["bench.round_trip", "--writes", "800" if QUICK else "4000"]),
    ("broadcast pacing, 5,000 people", ["bench.broadcast", "--people", "300" if QUICK else "5000"]),
]


def main() -> int:
    for title, module in RUNS:
        print(f"# {title}", flush=True)
        result = subprocess.run([sys.executable, "-m", *module], check=False)
        if result.returncode:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
