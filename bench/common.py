"""What the benchmarks share."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.settings import Settings, load_settings


def settings_in(directory: str | Path) -> Settings:
    """Settings for a throwaway pair of databases in `directory` (no token needed)."""
    directory = Path(directory)
    return load_settings(
        {
            "DATABASE_PATH": str(directory / "feedback.sqlite3"),
            "REPORTING_DATABASE_PATH": str(directory / "reporting.sqlite3"),
        },
        mode="try",
    )


def load_jsonl(folder: Path, pattern: str = "*.jsonl") -> list[dict[str, Any]]:
    """Every line of every `.jsonl` file in a labelled set's folder, in a fixed order."""
    lines = []
    for path in sorted(folder.glob(pattern)):
        text = path.read_text(encoding="utf-8")
        lines += [json.loads(line) for line in text.splitlines() if line]
    return lines


def score_split(
    score: Callable[..., dict[str, Any]],
    *,
    dev: Path,
    frozen: Path,
    results: Path,
    apart: bool = False,
) -> None:
    """Score the frozen split (and keep its figures in `results`), or with `--dev` the
    development set; `--show` prints every miss. `apart` scores each frozen file on its
    own as well as together: files by different authors, written at different times."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", action="store_true", help="score the development set")
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    if apart and not args.dev:
        files = sorted(frozen.glob("*.jsonl"))
        result = {path.stem: score(load_jsonl(frozen, path.name), show=args.show) for path in files}
        result["all"] = score(load_jsonl(frozen))
    else:
        result = score(load_jsonl(dev if args.dev else frozen), show=args.show)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not args.dev:
        results.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


def wilson(part: int, whole: int) -> str:
    """The share with its Wilson 95% interval."""
    if not whole:
        return "n/a"
    z, p = 1.96, part / whole
    centre = (p + z * z / (2 * whole)) / (1 + z * z / whole)
    half = z * math.sqrt(p * (1 - p) / whole + z * z / (4 * whole * whole)) / (1 + z * z / whole)
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    return f"{p:.3f} [{low:.3f}, {high:.3f}] ({part}/{whole})"
