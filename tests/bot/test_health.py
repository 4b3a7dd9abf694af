"""/healthz and /metrics for the operators, on METRICS_PORT."""

from __future__ import annotations

import time

import httpx

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from tests.support import Person, free_port, make_settings


async def test_healthz_is_ok_while_the_database_and_the_bot_api_answer(tmp_path):
    port = free_port()
    api = InProcessBotApi()
    settings = make_settings(tmp_path, METRICS_PORT=str(port))
    async with running(build_application(settings, request=api)) as app:
        await Person(app, api, 4242).says("/start")
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            health = await client.get("/healthz")
            assert (health.status_code, health.text.strip()) == (200, "ok")
            api.responders["sendMessage"] = lambda call: (502, b'{"ok": false}')
            await Person(app, api, 4343).says("/start")
            health = await client.get("/healthz")
            assert health.status_code == 503
            assert "Bot API" in health.text and "502" in health.text


async def test_metrics_count_updates_errors_and_waiting_alerts(tmp_path):
    port = free_port()
    api = InProcessBotApi()
    settings = make_settings(tmp_path, METRICS_PORT=str(port))
    now = [time.time()]
    async with running(build_application(settings, request=api, clock=lambda: now[0])) as app:
        # The contacts' chat cannot be reached: the alert waits in the outbox.
        api.responders["sendMessage"] = lambda call: (
            (400, b'{"ok": false, "error_code": 400, "description": "Bad Request: chat not found"}')
            if call.chat_id is not None and call.chat_id < 0
            else api._default_result(call)
        )
        await Person(app, api, 4242).says("my stepdad hits me")
        now[0] += 400  # six minutes and more, still undelivered
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            text = (await client.get("/metrics")).text
    values = {
        line.split()[0]: float(line.split()[1])
        for line in text.splitlines()
        if line and not line.startswith("#")
    }
    assert values["feedbackbot_updates_total"] >= 1
    assert values["feedbackbot_handler_errors_total"] == 0
    assert values["feedbackbot_safeguarding_unacknowledged"] == 1
    assert values["feedbackbot_outbox_pending"] >= 1
    assert values["feedbackbot_safeguarding_oldest_undelivered_seconds"] >= 400
    assert "feedbackbot_last_summary_timestamp_seconds" in values
    assert "feedbackbot_last_retention_purge_timestamp_seconds" in values
