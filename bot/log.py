"""Logging that never leaks the bot token.

A log-record factory redacts secrets from every record when it is created,
so every handler (including pytest's capture) sees the redacted text. Our
own code never logs what people wrote; it logs update ids and step ids.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable
from typing import Any

# Any Bot API token, including the form that appears in request URLs.
TOKEN_SHAPE = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")
REDACTED = "[redacted]"

_secrets: set[str] = set()
_installed = False


def redact(text: str) -> str:
    for secret in _secrets:
        text = text.replace(secret, REDACTED)
    return TOKEN_SHAPE.sub(REDACTED, text)


def configure_logging(level: str = "INFO", *, secrets: Iterable[str] = ()) -> None:
    """Install the redacting record factory and a plain stderr handler."""
    protect(secrets)
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    quiet_libraries()


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
