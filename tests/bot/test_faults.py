"""Faults: the Bot API failing in passing ways, a locked database, a failing write."""

import asyncio
import json
import sqlite3
import threading
import time

import pytest
from telegram.error import NetworkError, TimedOut

from bot.app import build_application, running
from bot.transport import ApiCall, InProcessBotApi
from conversations.outbox import deliver_due
from storage import outbox
from tests.support import (
    SAFEGUARDING_CHAT,
    Person,
    connection_refused,
    make_settings,
    onboard,
    rows,
    start_young_person,
)


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
    await young_person.answers(
        "12 to 15", "🙂 Good", "Yes", "Sometimes", "Yes, always", "A bit", "Yes"
    )
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


def saved_position(database_path) -> tuple[str | None, str | None]:
    """Where the saved user data and the saved conversation state say the person is."""
    with sqlite3.connect(database_path) as conn:
        user = conn.execute("SELECT data FROM ptb_state WHERE kind = 'user'").fetchone()
        state = conn.execute(
            "SELECT data FROM ptb_state WHERE kind = 'conversation:feedback'"
        ).fetchone()
    conn.close()
    return (
        json.loads(user[0]).get("at") if user else None,
        json.loads(state[0]) if state else None,
    )


async def test_each_question_goes_out_only_once_the_person_is_saved_as_being_there(settings):
    saved_when_asked: dict[str, tuple[str | None, str | None]] = {}

    def on_call(call: ApiCall) -> None:
        if call.method == "sendMessage" and call.buttons:
            saved_when_asked[call.text] = saved_position(settings.database_path)

    api = InProcessBotApi(on_call=on_call)
    async with running(build_application(settings, request=api)) as app:
        person = Person(app, api, 4242)
        await start_young_person(person)
        await person.answers("12 to 15", "🙂 Good")
        await person.says("/cancel")

    # Saved user data and conversation state, as they were when each question went out.
    assert list(saved_when_asked.values()) == [
        (state, state)
        for state in ("who", "yp:consent", "yp:age", "yp:mood", "yp:know_worker", "cancelling")
    ]


async def test_the_last_message_of_a_conversation_goes_out_once_it_has_ended_on_disk(settings):
    saved_when_told: dict[str, tuple[str | None, str | None]] = {}

    def on_call(call: ApiCall) -> None:
        for ending in ("You're set up", "we kept it all"):
            if call.method == "sendMessage" and ending in call.text:
                saved_when_told[ending] = saved_position(settings.database_path)

    api = InProcessBotApi(on_call=on_call)
    async with running(build_application(settings, request=api)) as app:
        person = Person(app, api, 4545)
        await onboard(app, person)
        await person.says("/forget")
        await person.taps("No, keep it")

    assert saved_when_told == {
        "You're set up": (None, None),
        "we kept it all": (None, None),
    }


async def test_a_bot_killed_just_as_it_asks_resumes_at_that_question(settings, tmp_path):
    killed = tmp_path / "killed"
    killed.mkdir()
    killed_settings = make_settings(killed)
    asked: list[ApiCall] = []

    def kill_when_asked(call: ApiCall) -> None:
        """Copy the database as a SIGKILL would leave it: sent, nothing written after."""
        if call.method == "sendMessage" and "know who your worker is" in call.text:
            asked.append(call)
            source = sqlite3.connect(settings.database_path)
            target = sqlite3.connect(killed_settings.database_path)
            source.backup(target)
            target.close()
            source.close()

    api = InProcessBotApi(on_call=kill_when_asked)
    async with running(build_application(settings, request=api)) as app:
        person = Person(app, api, 4343)
        await start_young_person(person)
        await person.answers("8 to 11", "😐 OK")
    [question] = asked

    restarted_api = InProcessBotApi()
    async with running(build_application(killed_settings, request=restarted_api)) as app:
        person = Person(app, restarted_api, 4343)
        not_sure = dict((label, data) for label, data in question.buttons)["Not sure"]
        await person.presses_data(not_sure, message_id=question.message_id or 1)
        assert "Do you feel we listen to you?" in person.last_reply
        answers = await rows(app, "SELECT step_id, choice FROM answers ORDER BY id")
    assert answers == [
        {"step_id": "age", "choice": "child"},
        {"step_id": "mood", "choice": "ok"},
        {"step_id": "know_worker", "choice": "not_sure"},
    ]


def contacts_texts(api: InProcessBotApi) -> list[str]:
    return [c.text for c in api.sent_to(SAFEGUARDING_CHAT) if c.method == "sendMessage"]


async def test_help_reaches_a_child_who_disclosed_during_an_outage_once_it_is_back(tmp_path):
    now = [1_800_000_000.0]
    settings = make_settings(tmp_path)
    down = InProcessBotApi()

    def unreachable(call):
        raise connection_refused()

    down.responders["sendMessage"] = unreachable
    async with running(
        build_application(settings, request=down, clock=lambda: now[0], monotonic=lambda: now[0])
    ) as app:
        await Person(app, down, 42).says("my stepdad hits me")
    # The bot stopped (or was killed) during the outage; it starts again once the API is back.
    now[0] += 600
    back = InProcessBotApi()
    async with running(
        build_application(settings, request=back, clock=lambda: now[0], monotonic=lambda: now[0])
    ) as app:
        await deliver_due(app)
    sent = [c for c in back.calls if c.method == "sendMessage"]
    assert [c.chat_id for c in sent] == [42, 42, SAFEGUARDING_CHAT]
    assert "You did the right thing" in sent[0].text
    assert "999" in sent[1].text and "0800 1111" in sent[1].text
    assert [label for label, _ in sent[1].buttons] == ["Keep going", "Stop for now"]
    assert "my stepdad hits me" in sent[2].text


def done_but_answer_lost(api: InProcessBotApi, failure):
    """Telegram performs each send to the contacts (the call is recorded), but the bot
    never gets its answer."""

    def responder(call):
        if call.chat_id == SAFEGUARDING_CHAT:
            return failure(call)
        return api._default_result(call)

    api.responders["sendMessage"] = responder


def server_error(call):
    return 500, b'{"ok": false, "error_code": 500, "description": "Internal Server Error"}'


@pytest.mark.parametrize("failure", [server_error, timed_out], ids=["500", "no answer"])
async def test_an_alert_whose_answer_is_lost_is_sent_at_most_twice_the_second_saying_so(
    tmp_path, failure
):
    now = [1_800_000_000.0]
    api = InProcessBotApi()
    done_but_answer_lost(api, failure)
    async with running(
        build_application(
            make_settings(tmp_path), request=api, clock=lambda: now[0], monotonic=lambda: now[0]
        )
    ) as app:
        await Person(app, api, 45).says("my stepdad hits me")
        for _ in range(6):  # the outbox job, well after every backoff
            now[0] += 600
            await deliver_due(app)
        [event] = await rows(app, "SELECT reference FROM safeguarding_events")
        [alert] = [m for m in await outbox.list_outbox(app.services.db) if m.kind == "alert"]
    sent = contacts_texts(api)
    assert len(sent) == 2
    assert sent[1].startswith(f"🔁 This may repeat {event['reference']}")
    assert alert.sent_at is not None  # counted as delivered: no third copy, ever


async def test_an_unreachable_api_is_retried_until_the_alert_is_delivered(tmp_path):
    now = [1_800_000_000.0]
    api = InProcessBotApi()
    api.responders["sendMessage"] = lambda call: (_ for _ in ()).throw(connection_refused())
    async with running(
        build_application(
            make_settings(tmp_path), request=api, clock=lambda: now[0], monotonic=lambda: now[0]
        )
    ) as app:
        await Person(app, api, 47).says("my stepdad hits me")
        for _ in range(8):
            now[0] += 600
            await deliver_due(app)
        del api.responders["sendMessage"]
        now[0] += 600
        await deliver_due(app)
    assert contacts_texts(api)[-1].startswith("🚨")  # no "may repeat": it never got there


async def test_a_disclosure_when_the_database_cannot_be_written_still_gets_help_and_an_alert(
    app, young_person, bot_api
):
    await start_young_person(young_person)
    await app.services.db.conn.execute("PRAGMA query_only = 1")  # as when the disk is full
    await young_person.says("my stepdad hits me")

    assert young_person.said("You did the right thing")
    assert young_person.said("0800 1111")
    [alert] = contacts_texts(bot_api)
    assert "my stepdad hits me" in alert and "database could not be written" in alert
    reference = alert.split("Safeguarding alert ")[1].split("\n")[0].strip("</b>")
    assert app.services.journal.records()

    await app.services.db.conn.execute("PRAGMA query_only = 0")  # space freed
    [outbox_job] = app.job_queue.get_jobs_by_name("outbox")
    await outbox_job.run(app)

    [event] = await rows(app, "SELECT reference, text FROM safeguarding_events")
    assert (event["reference"], event["text"]) == (reference, "my stepdad hits me")
    again = contacts_texts(bot_api)[-1]
    assert reference in again and "I'm dealing with this" in json.dumps(
        bot_api.sent_to(SAFEGUARDING_CHAT)[-1].params
    )
    assert len([r for r in young_person.replies if "You did the right thing" in r]) == 1
    assert app.services.journal.records() == []
    await outbox_job.run(app)  # moved once, never twice
    assert len(await rows(app, "SELECT * FROM safeguarding_events")) == 1


async def test_a_disclosure_with_no_database_and_no_api_is_delivered_when_both_are_back(
    app, young_person, bot_api
):
    await app.services.db.conn.execute("PRAGMA query_only = 1")
    bot_api.responders["sendMessage"] = lambda call: (_ for _ in ()).throw(connection_refused())
    await young_person.says("my stepdad hits me")
    assert contacts_texts(bot_api) and not any(
        "SG-" in c.text for c in bot_api.calls if c.method == "sendMessage" and c.result
    )
    await app.services.db.conn.execute("PRAGMA query_only = 0")
    del bot_api.responders["sendMessage"]
    [outbox_job] = app.job_queue.get_jobs_by_name("outbox")
    await outbox_job.run(app)
    delivered = [c for c in bot_api.calls if c.method == "sendMessage" and c.result]
    assert [c.chat_id for c in delivered] == [young_person.chat_id] * 2 + [SAFEGUARDING_CHAT]
    assert "You did the right thing" in delivered[0].text


async def test_a_failed_mark_as_answered_edit_never_fails_the_answer(app, young_person, bot_api):
    await start_young_person(young_person)

    def edits_fail(call):
        raise NetworkError("httpx.ReadError: the edit was lost")

    bot_api.responders["editMessageText"] = edits_fail
    bot_api.responders["editMessageReplyMarkup"] = edits_fail
    await young_person.taps("12 to 15")
    assert "How is it going" in young_person.last_reply or "going" in young_person.last_reply
    assert await rows(app, "SELECT choice FROM answers") == [{"choice": "teen"}]
    assert not young_person.said("something went wrong")


class Clocks:
    """A wall clock that can be stepped, and a monotonic clock that only moves forward."""

    def __init__(self) -> None:
        self.wall = 1_800_000_000.0
        self.steady = 1000.0

    def wait(self, seconds: float) -> None:
        self.wall += seconds
        self.steady += seconds


@pytest.mark.parametrize("step", [-3600, 3600], ids=["stepped back", "stepped forward"])
async def test_an_alert_retry_neither_stalls_nor_hurries_when_the_wall_clock_steps(tmp_path, step):
    clocks = Clocks()
    api = InProcessBotApi()
    api.responders["sendMessage"] = lambda call: (
        (_ for _ in ()).throw(connection_refused())
        if call.chat_id == SAFEGUARDING_CHAT
        else api._default_result(call)
    )
    application = build_application(
        make_settings(tmp_path),
        request=api,
        clock=lambda: clocks.wall,
        monotonic=lambda: clocks.steady,
    )
    async with running(application) as app:
        await Person(app, api, 48).says("my stepdad hits me")
        tried = len(contacts_texts(api))
        clocks.wall += step  # the wall clock steps while the alert waits (5 s) to be retried
        clocks.wait(1)
        await deliver_due(app)
        assert len(contacts_texts(api)) == tried  # not hurried by a step forward
        del api.responders["sendMessage"]  # the API is back
        clocks.wait(10)
        assert await deliver_due(app) >= 1  # not stalled by a step back
    assert contacts_texts(api)[-1].startswith("🚨")


@pytest.mark.parametrize("step", [-3600, 3600], ids=["stepped back", "stepped forward"])
async def test_repeats_of_an_unacknowledged_alert_keep_their_15_minutes_when_the_clock_steps(
    tmp_path, step
):
    clocks = Clocks()
    api = InProcessBotApi()
    application = build_application(
        make_settings(tmp_path),
        request=api,
        clock=lambda: clocks.wall,
        monotonic=lambda: clocks.steady,
    )
    async with running(application) as app:
        await Person(app, api, 49).says("my stepdad hits me")
        assert app.job_queue is not None
        [repeat] = app.job_queue.get_jobs_by_name("repeat alerts")
        clocks.wall += step
        clocks.wait(60)
        await repeat.run(app)
        assert not any(t.startswith("🔁") for t in contacts_texts(api))  # not hurried
        clocks.wait(15 * 60)
        await repeat.run(app)
        assert any(t.startswith("🔁") for t in contacts_texts(api))  # not stalled
