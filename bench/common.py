"""What the benchmarks share."""

from __future__ import annotations

from pathlib import Path

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
