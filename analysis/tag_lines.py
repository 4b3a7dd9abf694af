"""`feedbackbot tag` and `feedbackbot deidentify`: lines of text (plain, or JSON with
"text" and "group") in, one JSON object per line out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from analysis.deidentify import deidentify
from analysis.safeguarding import screen
from analysis.themes import Tagger
from analysis.vocabulary import AUDIENCE_GROUPS

GROUPS = frozenset(AUDIENCE_GROUPS)


def tag_line(tagger: Tagger, line: str) -> dict[str, Any]:
    text, group = parse_line(line)
    result = tagger.tag(text, group, with_key_phrases=True)
    safeguarding = screen(text)
    return {
        "themes": [
            {"id": tag.id, "confidence": tag.confidence, "evidence": tag.evidence}
            for tag in result.themes
        ],
        "sentiment": {"polarity": result.sentiment.polarity, "label": result.sentiment.label},
        "key_phrases": list(result.key_phrases),
        "safeguarding": safeguarding.as_json(),
    }


def parse_line(line: str) -> tuple[str, str | None]:
    stripped = line.strip()
    if not stripped.startswith("{"):
        if not stripped:
            raise ValueError("empty line")
        return stripped, None
    data = json.loads(stripped)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("text"), str)
        or not data["text"].strip()
    ):
        raise ValueError('a JSON line needs a non-empty "text" string')
    group = data.get("group")
    if group is not None and group not in GROUPS:
        raise ValueError(f'"group" must be one of {sorted(GROUPS)}')
    return data["text"], group


def tag_lines(lines: Iterable[str], tagger: Tagger | None = None) -> Iterator[str]:
    """One JSON object per input line; a bad line gives an error object and the rest carry on."""
    tagger = tagger or Tagger()
    for number, line in enumerate(lines, start=1):
        try:
            output: dict[str, Any] = tag_line(tagger, line)
        except (ValueError, json.JSONDecodeError) as exc:
            output = {"error": str(exc), "line": number}
        yield json.dumps(output, ensure_ascii=False)


def deidentify_lines(lines: Iterable[str]) -> Iterator[str]:
    """`{"text": …}` with identifying details replaced, per input line (blank lines skipped)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            text, _ = parse_line(line)
            output: dict[str, Any] = {"text": deidentify(text)}
        except (ValueError, json.JSONDecodeError) as exc:
            output = {"error": str(exc), "line": number}
        yield json.dumps(output, ensure_ascii=False)
