"""What the benchmarks share."""

from __future__ import annotations

import json
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


def load_jsonl(folder: Path) -> list[dict[str, Any]]:
    """Every line of every `.jsonl` file in a labelled set's folder, in a fixed order."""
    lines = []
    for path in sorted(folder.glob("*.jsonl")):
        text = path.read_text(encoding="utf-8")
        lines += [json.loads(line) for line in text.splitlines() if line]
    return lines
