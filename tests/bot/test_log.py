"""Logs as JSON lines for a log collector: the update id, and never the token."""

import io
import json
import logging

from bot.log import JsonLines, configure_logging
from conversations.context import handling_update
from tests.support import TEST_TOKEN


def test_a_json_line_carries_the_update_id_and_never_the_token():
    configure_logging("INFO", secrets=[TEST_TOKEN], log_format="json")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLines())
    logger = logging.getLogger("test.json")
    logger.addHandler(handler)
    token = handling_update.set(4242)
    try:
        logger.warning("calling https://api.telegram.org/bot%s/getMe", TEST_TOKEN)
        try:
            raise RuntimeError(f"failed with {TEST_TOKEN}")
        except RuntimeError:
            logger.exception("it broke")
    finally:
        handling_update.reset(token)
        logger.removeHandler(handler)
        configure_logging("INFO")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["update_id"] == 4242 and first["level"] == "WARNING"
    assert "[redacted]" in first["message"] and TEST_TOKEN not in stream.getvalue()
    assert "RuntimeError" in second["error"]
