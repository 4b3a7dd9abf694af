"""Faults: the Bot API failing in passing ways, a locked database, a failing write."""

import asyncio
import json
import sqlite3
import threading
import time

from telegram.error import TimedOut

from tests.conversations.test_feedback_flows import rows, start_young_person


def failing_first(api, method: str, times: int, failure):
    """Make the next `times` calls of `method` fail with `failure`, then answer normally."""
    left = {"n": times}

    def responder(call):
        if left["n"] > 0:
            left["n"] -= 1
            return failure(call)
        return api._default_result(call)

    api.responders[method] = responder


def flood_control(call):
    body = {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }
    return 429, json.dumps(body).encode()


def bad_gateway(call):
    return 502, b'{"ok": false, "error_code": 502, "description": "Bad Gateway"}'


def timed_out(call):
    raise TimedOut("timed out")


async def test_flood_control_is_waited_out_and_the_reply_arrives(app, young_person, bot_api):
    failing_first(bot_api, "sendMessage", 1, flood_control)
    await young_person.says("/start")
    assert "Who is talking to me?" in young_person.last_reply
    assert not young_person.said("something went wrong")


async def test_a_5xx_answer_is_retried(app, young_person, bot_api):
    failing_first(bot_api, "sendMessage", 2, bad_gateway)
    await young_person.says("/start")
    assert "Who is talking to me?" in young_person.last_reply


async def test_a_timeout_is_retried(app, young_person, bot_api):
    failing_first(bot_api, "sendMessage", 2, timed_out)
    await young_person.says("/start")
    assert "Who is talking to me?" in young_person.last_reply
    assert not young_person.said("something went wrong")


async def test_an_answer_waits_for_a_database_locked_by_another_writer(app, young_person, settings):
    await start_young_person(young_person)
    locked = threading.Event()

    def hold_the_lock() -> None:
        other = sqlite3.connect(settings.database_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(2)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    locked.wait()
    started = time.monotonic()
    await young_person.taps("12 to 15")
    waited = time.monotonic() - started
    holder.join()
    assert waited >= 1.5
    assert await rows(app, "SELECT choice FROM answers") == [{"choice": "teen"}]
    assert "How are things going" in young_person.last_reply


async def test_a_failed_write_is_reported_and_the_answer_can_be_sent_again(app, young_person):
    await start_young_person(young_person)
    await young_person.answers("12 to 15", "🙂 Good", "Yes", "Sometimes", "A bit", "Yes")
    await app.services.db.conn.execute("PRAGMA query_only = 1")  # every write now fails
    await young_person.says("my worker is kind")
    assert "could not save that just now" in young_person.replies[-2]
    assert "one good thing" in young_person.last_reply
    await app.services.db.conn.execute("PRAGMA query_only = 0")
    await young_person.says("my worker is kind")
    assert "one thing we should change" in young_person.last_reply
    assert await rows(app, "SELECT text FROM answers WHERE step_id = 'good_thing'") == [
        {"text": "my worker is kind"}
    ]
    await asyncio.sleep(0)
