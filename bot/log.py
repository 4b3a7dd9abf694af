"""Logging that never leaks the bot token.

A log-record factory redacts secrets from every record when it is created,
so every handler (including pytest's capture) sees the redacted text. Our
own code never logs what people wrote; it logs update ids and step ids.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from conversations.context import handling_update

# Any Bot API token, including the form that appears in request URLs.
TOKEN_SHAPE = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")
REDACTED = "[redacted]"

_secrets: set[str] = set()
_installed = False


def redact(text: str) -> str:
    for secret in _secrets:
        text = text.replace(secret, REDACTED)
    return TOKEN_SHAPE.sub(REDACTED, text)


def configure_logging(
    level: str = "INFO", *, secrets: Iterable[str] = (), log_format: str = "text"
) -> None:
    """Install the redacting record factory and a stderr handler: plain lines, or with
    `log_format="json"` one JSON object per line for a log collector."""
    protect(secrets)
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    if log_format == "json":
        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonLines())
    quiet_libraries()


class JsonLines(logging.Formatter):
    """One JSON object per record: time, level, logger, message, the update being handled,
    and the error if any. The record factory has already redacted message and error."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if (update_id := handling_update.get()) is not None:
            line["update_id"] = update_id
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(self.formatException(record.exc_info))
        if record.exc_text:
            line["error"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


# Loggers that write what people said (SQL parameters, Bot API parameters) or the
# token (request URLs) below WARNING; capped so no log level can reveal them.
CHATTY_LIBRARIES = (
    "httpx",
    "httpcore",
    "aiosqlite",
    "telegram.Bot",
    "telegram.ext.ExtBot",
    "apscheduler",
)


def quiet_libraries() -> None:
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)


def protect(secrets: Iterable[str]) -> None:
    """Redact these exact strings from every log record from now on."""
    global _installed
    _secrets.update(secret for secret in secrets if secret)
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info))).rstrip(
                "\n"
            )
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
