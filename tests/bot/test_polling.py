"""Polling through the inbox: stored before confirmed, handled once, and going without Telegram."""

import asyncio
import logging
import sqlite3
from typing import Any

from bot.app import build_application, running
from bot.polling import poll, replay_inbox
from bot.settings import Settings
from bot.transport import ApiCall, ChatSimulator, InProcessBotApi
from tests.support import connection_refused, make_settings

PERSON = 4242


def greetings(api: InProcessBotApi) -> list[ApiCall]:
    return [c for c in api.sent_to(PERSON) if "Who is talking to me?" in c.text]


def telegram_with(
    updates_json: list[dict[str, Any]], stop: asyncio.Event, seen: list[int]
) -> InProcessBotApi:
    """A Bot API that hands out `updates_json` once, then notes what the bot had stored
    when it confirmed them (its next getUpdates), and stops the loop."""
    api = InProcessBotApi()
    calls = {"n": 0}

    def get_updates(call: ApiCall):
        calls["n"] += 1
        if calls["n"] == 1:
            return updates_json
        seen.append(int(call.params["offset"]))
        stop.set()
        return []

    api.responders["getUpdates"] = get_updates
    return api


def inbox_rows(settings: Settings) -> list[tuple[int, int, str | None]]:
    with sqlite3.connect(settings.database_path) as db:
        found = db.execute(
            "SELECT update_id, payload IS NOT NULL, handled_at FROM inbox"
        ).fetchall()
    db.close()
    return found


async def test_updates_are_stored_before_they_are_confirmed_and_handled_after_a_crash(tmp_path):
    settings = make_settings(tmp_path)
    update = ChatSimulator(PERSON).text("/start", None).to_dict()
    stop, confirmed = asyncio.Event(), list[int]()
    api = telegram_with([update], stop, confirmed)
    application = build_application(settings, request=api)
    # Fetched, but the bot dies before handling them: nothing takes them from the queue.
    await application.initialize()
    assert application.post_init is not None and application.post_shutdown is not None
    await application.post_init(application)
    await asyncio.wait_for(poll(application, stop), timeout=10)
    assert confirmed == [update["update_id"] + 1]
    assert inbox_rows(settings) == [(update["update_id"], 1, None)]
    assert greetings(api) == []
    await application.shutdown()
    await application.post_shutdown(application)

    again = InProcessBotApi()
    async with running(build_application(settings, request=again)) as restarted:
        assert await replay_inbox(restarted) == 1
        for _ in range(100):
            if greetings(again):
                break
            await asyncio.sleep(0.05)
    assert len(greetings(again)) == 1
    [(_, has_payload, handled_at)] = inbox_rows(settings)
    assert handled_at is not None and not has_payload  # what they wrote is not kept


async def test_an_update_telegram_sends_again_is_handled_once(tmp_path):
    settings = make_settings(tmp_path)
    update = ChatSimulator(PERSON).text("/start", None).to_dict()
    handled = []
    for _ in range(2):  # the second time, as after a restart before the offset was confirmed
        stop, confirmed = asyncio.Event(), list[int]()
        api = telegram_with([update], stop, confirmed)
        async with running(build_application(settings, request=api)) as app:
            await asyncio.wait_for(poll(app, stop), timeout=10)
            for _ in range(40):
                await asyncio.sleep(0.05)
                if not app.inbox_pending:
                    break
        handled.append(len(greetings(api)))
    assert handled == [1, 0]  # greeted once; the resend was recognised
    assert [row[0] for row in inbox_rows(settings)] == [update["update_id"]]


async def test_the_bot_starts_without_telegram_using_the_identity_it_saved(tmp_path, caplog):
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=InProcessBotApi())):
        pass  # a first start with Telegram there: the bot's identity is saved
    down = InProcessBotApi()
    for method in ("getMe", "getUpdates", "deleteWebhook", "setMyCommands", "sendMessage"):
        down.responders[method] = lambda call: (_ for _ in ()).throw(connection_refused())
    caplog.set_level(logging.WARNING)
    stop = asyncio.Event()
    async with running(build_application(settings, request=down)) as app:
        assert app.bot.username  # known without asking
        polling = asyncio.ensure_future(poll(app, stop))
        await asyncio.sleep(3.5)  # waits of 1 and 2 seconds: three tries
        stop.set()
        await asyncio.wait_for(polling, timeout=5)
    lost = [r for r in caplog.records if "Lost contact with the Bot API" in r.getMessage()]
    assert len(lost) == 1  # one line, not one per try
    assert not any(r.exc_info for r in caplog.records if r.name == "bot.polling")
