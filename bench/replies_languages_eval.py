"""Score typed replies in Polish, Urdu and Punjabi (in their scripts and romanised), once.

The split (`tests/data/replies_frozen/languages/`) was written by an author given only
the questions and buttons in each language, who never saw the matcher or its word
lists. Figures per language, as `bench.replies_eval` gives them. Never tune on it.

Run: .venv/bin/python -m bench.replies_languages_eval [--dev]
(`--dev` scores the development set, `analysis/training/replies/languages/`, instead.)
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.common import load_jsonl
from bench.replies_eval import score

ROOT = Path(__file__).parents[1]
FROZEN = ROOT / "tests" / "data" / "replies_frozen" / "languages"
DEV = ROOT / "analysis" / "training" / "replies" / "languages"
RESULTS = ROOT / "analysis" / "models" / "replies-languages.frozen-test.json"


def main() -> None:
    dev = "--dev" in sys.argv
    by_language: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in load_jsonl(DEV if dev else FROZEN):
        by_language[line["language"]].append(line)
    figures = {language: score(lines) for language, lines in sorted(by_language.items())}
    figures["all"] = score([line for lines in by_language.values() for line in lines])
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if not dev:
        RESULTS.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
