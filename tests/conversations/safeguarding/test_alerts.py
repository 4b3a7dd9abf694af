"""Alerts reach every contact, survive restarts and refusals, are repeated until taken,
name the same person's open alerts, and the review queue's digest repeats."""

import html
import json
import sqlite3

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from conversations.outbox import deliver_due, queue_for_contacts
from conversations.safeguarding import HOLD_FOR_THE_PERSON
from storage import outbox
from storage import safeguarding as records
from tests.support import (
    SAFEGUARDING_CHAT,
    SECOND_CONTACT,
    Person,
    alerts,
    assert_valid_for_the_bot_api,
    connection_refused,
    contacts_chat,
    make_settings,
    reach_first_free_text,
    rows,
    start_young_person,
)


async def outbox_alerts(app) -> list[outbox.OutboxMessage]:
    return [m for m in await outbox.list_outbox(app.services.db) if m.kind == "alert"]


def refused(description: str, status: int = 403, **parameters: int):
    body = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return status, json.dumps(body).encode()


async def test_the_alert_reaches_every_contact(tmp_path):
    settings = make_settings(
        tmp_path, SAFEGUARDING_CHAT_IDS=f"{SAFEGUARDING_CHAT},{SECOND_CONTACT}"
    )
    api = InProcessBotApi()
    async with running(build_application(settings, request=api)) as app:
        await Person(app, api, 41).says("he makes me do stuff for money")
    assert "exploitation" in alerts(api)[0].lower()
    assert "exploitation" in alerts(api, SECOND_CONTACT)[0].lower()


async def test_the_outbox_retries_and_delivers_after_a_restart(tmp_path):
    now = [1_800_000_000.0]
    settings = make_settings(tmp_path)
    down = InProcessBotApi()

    def bot_api_down(call):
        if call.chat_id == SAFEGUARDING_CHAT:
            raise connection_refused()
        return down._default_result(call)

    down.responders["sendMessage"] = bot_api_down
    async with running(
        build_application(settings, request=down, clock=lambda: now[0], monotonic=lambda: now[0])
    ) as app:
        person = Person(app, down, 42)
        await person.says("dad beats me")
        assert person.said("You did the right thing")
        [queued] = await outbox_alerts(app)
        assert queued.sent_at is None and queued.attempts == 1

    now[0] += 600
    back = InProcessBotApi()
    async with running(
        build_application(settings, request=back, clock=lambda: now[0], monotonic=lambda: now[0])
    ) as app:
        assert await deliver_due(app) == 1
        [delivered] = await outbox_alerts(app)
        assert delivered.sent_at is not None
    assert "dad beats me" in alerts(back)[0]


async def test_the_help_reply_is_queued_with_the_event_and_goes_out_before_the_alert(tmp_path):
    """Both are stored before anything is sent, and the outbox sends the child's reply first,
    so the outbox job, running at any moment, can never send the alert ahead of it."""
    settings = make_settings(tmp_path)
    api = InProcessBotApi()
    outbox_when_first_sent: list[list[str]] = []

    def look_at_the_outbox(call):
        if not outbox_when_first_sent:
            with sqlite3.connect(settings.database_path) as db:
                kinds = [row[0] for row in db.execute("SELECT kind FROM outbox ORDER BY id")]
            outbox_when_first_sent.append(kinds)
        return api._default_result(call)

    async with running(build_application(settings, request=api)) as app:
        person = Person(app, api, 46)
        await person.says("/start")
        api.responders["sendMessage"] = look_at_the_outbox
        await person.says("my stepdad hits me")
    assert outbox_when_first_sent == [["help", "help", "alert"]]
    order = [c.chat_id for c in api.calls if c.method == "sendMessage"][-3:]
    assert order == [46, 46, SAFEGUARDING_CHAT]


async def test_a_held_alert_goes_out_by_itself_if_the_bot_stopped_before_releasing_it(tmp_path):
    now = [1_800_000_000.0]
    settings = make_settings(tmp_path)
    api = InProcessBotApi()
    async with running(
        build_application(settings, request=api, clock=lambda: now[0], monotonic=lambda: now[0])
    ) as app:
        event = await records.record_event(
            app.services.db,
            respondent="r1",
            text="he hits me",
            category="physical_abuse",
            strength="strong",
            triggers=["hits me"],
            source="a message outside any feedback flow",
            chat_type="private",
            now=app.services.now(),
        )
        await queue_for_contacts(
            app.services,
            event_id=event.id,
            kind="alert",
            texts=["alert"],
            due=app.services.now() + HOLD_FOR_THE_PERSON,
        )
        assert await deliver_due(app) == 0
        now[0] += HOLD_FOR_THE_PERSON.total_seconds()
        assert await deliver_due(app) == 1


async def test_an_alert_telegram_refuses_is_retried_until_the_bot_is_back_in_the_group(tmp_path):
    now = [1_800_000_000.0]
    api = InProcessBotApi()
    api.responders["sendMessage"] = lambda call: (
        refused("Forbidden: bot was kicked from the group chat")
        if call.chat_id == SAFEGUARDING_CHAT
        else api._default_result(call)
    )
    settings = make_settings(tmp_path)
    async with running(
        build_application(settings, request=api, clock=lambda: now[0], monotonic=lambda: now[0])
    ) as app:
        person = Person(app, api, 43)
        await person.says("my stepdad hits me")
        [queued] = await outbox_alerts(app)
        assert queued.failed_at is None and queued.sent_at is None

        del api.responders["sendMessage"]  # an admin adds the bot back to the group
        now[0] += 600
        assert await deliver_due(app) == 1
    assert "my stepdad hits me" in alerts(api)[-1]


async def test_an_alert_follows_a_group_that_became_a_supergroup(app, young_person, bot_api):
    supergroup = -100_999_888
    bot_api.responders["sendMessage"] = lambda call: (
        refused(
            "Bad Request: group chat was upgraded to a supergroup chat",
            400,
            migrate_to_chat_id=supergroup,
        )
        if call.chat_id == SAFEGUARDING_CHAT
        else bot_api._default_result(call)
    )
    await young_person.says("my stepdad hits me")
    assert "my stepdad hits me" in alerts(bot_api, supergroup)[-1]
    [alert] = await outbox_alerts(app)
    assert alert.chat_id == supergroup and alert.sent_at is not None


async def test_contacts_are_told_when_their_reply_cannot_reach_the_person(
    app, young_person, bot_api
):
    await young_person.says("im scared to go home")
    [event] = await rows(app, "SELECT reference FROM safeguarding_events")
    bot_api.responders["sendMessage"] = lambda call: (
        refused("Forbidden: bot was blocked by the user")
        if call.chat_id == young_person.chat_id
        else bot_api._default_result(call)
    )
    lead = Person(app, bot_api, 557, chat_type="group", chat_id=SAFEGUARDING_CHAT)
    await lead.says(f"/reply {event['reference']} Are you safe right now?")
    assert alerts(bot_api)[-1] == (
        f"⚠️ Your message to {event['reference']} could not be delivered: they have blocked the bot."
    )


async def test_an_alert_nobody_acknowledges_is_repeated_after_15_minutes(tmp_path):
    now = [1_800_000_000.0]
    api = InProcessBotApi()
    settings = make_settings(tmp_path)
    async with running(
        build_application(settings, request=api, clock=lambda: now[0], monotonic=lambda: now[0])
    ) as app:
        await Person(app, api, 44).says("i cut my arms when im sad")
        assert app.job_queue is not None
        [repeat_job] = app.job_queue.get_jobs_by_name("repeat alerts")
        now[0] += 14 * 60
        await repeat_job.run(app)
        assert len(alerts(api)) == 1
        now[0] += 2 * 60
        await repeat_job.run(app)
        assert len(alerts(api)) == 2
        assert alerts(api)[1].startswith("🔁 REPEAT")
        [event] = await rows(app, "SELECT id FROM safeguarding_events")
        await Person(app, api, 1, chat_type="group", chat_id=SAFEGUARDING_CHAT).presses_data(
            f"sgack|{event['id']}"
        )
        now[0] += 30 * 60
        await repeat_job.run(app)
        assert not any(text.startswith("🔁") for text in alerts(api)[2:])


async def test_words_too_long_for_one_alert_follow_it_in_full(app, young_person, bot_api):
    words = "i dont know how to say this & it is hard. " * 90 + "my stepdad hits me"
    await young_person.says(words)
    alert, continued = alerts(bot_api)
    assert "Their words: «i dont know how to say this &amp;" in alert and "…»" in alert
    assert continued.startswith("📝 SG-") and "(2 of 2)" in continued
    assert "my stepdad hits me»" in continued
    assert_valid_for_the_bot_api(bot_api)
    shown = alert.split("Their words: «", 1)[1].split("…»", 1)[0] + continued.split("«", 1)[1]
    assert html.unescape(shown.removesuffix("»")).split() == words.split()


async def test_a_second_alert_names_the_same_persons_open_alerts(app, young_person, bot_api):
    await start_young_person(young_person)
    await young_person.answers("8 to 11", "😐 OK", "Yes", "Yes, always", "Yes, always", "Yes", "No")
    [first] = await rows(app, "SELECT id, reference FROM safeguarding_events")
    lead = Person(app, bot_api, 555, chat_type="group", chat_id=SAFEGUARDING_CHAT)
    lead.sim.first_name = "Priya"
    await lead.presses_data(f"sgack|{first['id']}")

    await young_person.says("my stepdad hits me when mum is out")

    second = alerts(bot_api)[-1]
    assert "my stepdad hits me" in second
    assert f"Same person, still open: {first['reference']} (Priya is dealing with it)" in second
    assert "Same person" not in alerts(bot_api)[0]


async def test_a_closed_alert_is_not_named_again(app, young_person, bot_api):
    await young_person.says("im scared to go home")
    [first] = await rows(app, "SELECT reference FROM safeguarding_events")
    lead = Person(app, bot_api, 555, chat_type="group", chat_id=SAFEGUARDING_CHAT)
    await lead.says(f"/close {first['reference']}")
    await young_person.says("he hits me")
    assert "Same person" not in alerts(bot_api)[-1]


async def test_another_persons_alert_is_not_named(app, young_person, parent, bot_api):
    await young_person.says("im scared to go home")
    await parent.says("my partner hits me")
    assert "Same person" not in alerts(bot_api)[-1]


async def test_an_alert_naming_open_alerts_with_the_longest_words_still_fits(
    app, young_person, bot_api
):
    for number in range(4):
        await young_person.says(f"he hits me {number}")
        await young_person.taps("Keep going")  # so the next words are not for this alert
        [latest] = await rows(app, "SELECT id FROM safeguarding_events ORDER BY id DESC LIMIT 1")
        contact = Person(app, bot_api, 600 + number, chat_type="group", chat_id=SAFEGUARDING_CHAT)
        contact.sim.first_name = "&" * 64
        await contact.presses_data(f"sgack|{latest['id']}")
    await young_person.says("& " * 1400 + "my stepdad hits me")
    [*_, alert] = [text for text in alerts(bot_api) if text.startswith("🚨")]
    assert alert.count("is dealing with it") == 3
    assert_valid_for_the_bot_api(bot_api)


async def test_the_review_queue_digest_repeats_until_every_item_is_looked_at(tmp_path):
    now = [1_800_000_000.0]
    api = InProcessBotApi()
    async with running(
        build_application(
            make_settings(tmp_path), request=api, clock=lambda: now[0], monotonic=lambda: now[0]
        )
    ) as app:
        young = Person(app, api, 44)
        await reach_first_free_text(young)
        await young.says("nobody rings me back when I call")
        assert app.job_queue is not None
        [digest] = app.job_queue.get_jobs_by_name("review digest")
        [repeat] = app.job_queue.get_jobs_by_name("repeat alerts")
        now[0] += 20 * 60
        await repeat.run(app)
        assert not any(text.startswith("🔁") for text in alerts(api))  # reviews get the digest
        await digest.run(app)
        [event] = await rows(app, "SELECT id, reference FROM safeguarding_events")
        assert alerts(api)[-1].startswith("📋")
        assert event["reference"] in alerts(api)[-1]
        assert "nobody rings me back" in alerts(api)[-1]
        await digest.run(app)
        assert len([t for t in alerts(api) if t.startswith("📋")]) == 2

        await contacts_chat(app, api).presses_data(f"sgack|{event['id']}")
        assert "Sam has looked at this" in alerts(api)[-1]
        sent = len(alerts(api))
        await digest.run(app)
        assert len(alerts(api)) == sent


async def test_reports_count_concerns_not_cleared_false_alarms_or_asks_for_a_person(
    app, young_person, parent, bot_api
):
    from storage import reporting

    await young_person.says("my stepdad hits me")
    await parent.says("I want to talk to someone")
    await contacts_chat(app, bot_api).presses_data("sgnoty|1")  # the first: not a concern
    await young_person.says("/start")
    await young_person.says("he hits me when mum is out")
    raw = await reporting.load_raw(app.services.db, "2000-01-01", "2100-01-01")
    assert len(await rows(app, "SELECT id FROM safeguarding_events")) == 3
    assert raw.safeguarding_events == 1
