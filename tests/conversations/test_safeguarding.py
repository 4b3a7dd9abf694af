"""A disclosure anywhere reaches the person first, then every safeguarding contact."""

import html
import json
import sqlite3
from typing import Any

import pytest

from analysis.safeguarding import screen
from bot.app import build_application, running
from bot.transport import InProcessBotApi
from conversations.outbox import deliver_due, queue_for_contacts
from conversations.safeguarding import HOLD_FOR_THE_PERSON
from storage import safeguarding as records
from tests.support import (
    SAFEGUARDING_CHAT,
    Person,
    alerts,
    assert_valid_for_the_bot_api,
    connection_refused,
    make_settings,
    member,
    rows,
    start_young_person,
)

SECOND_CONTACT = 777


async def outbox_alerts(app) -> list[records.OutboxMessage]:
    return [m for m in await records.list_outbox(app.services.db) if m.kind == "alert"]


async def reach_free_text(person: Person) -> None:
    await start_young_person(person)
    await person.answers("12 to 15", "🙂 Good", "Yes", "Sometimes", "Yes, always", "A bit", "Yes")


async def test_a_disclosure_mid_flow_reaches_the_person_first_then_the_contact(
    app, young_person, bot_api
):
    await reach_free_text(young_person)
    before = len(bot_api.calls)
    await young_person.says("my stepdad hits me")

    sent = [c for c in bot_api.calls[before:] if c.method == "sendMessage"]
    assert sent[0].chat_id == young_person.chat_id
    assert "You did the right thing" in sent[0].text
    assert "We can't keep this a secret" in sent[0].text
    assert "999" in sent[1].text and "0800 1111" in sent[1].text
    assert [label for label, _ in sent[1].buttons] == ["Keep going", "Stop for now"]
    alert = sent[2]
    assert alert.chat_id == SAFEGUARDING_CHAT
    assert "my stepdad hits me" in alert.text
    assert "Physical abuse" in alert.text
    assert "young person's feedback, question 'good_thing'" in alert.text
    assert alert.buttons[0][0] == "I'm dealing with this"

    [event] = await rows(app, "SELECT * FROM safeguarding_events")
    assert event["text"] == "my stepdad hits me"
    assert event["category"] == "physical_abuse"
    # Their words are kept as their answer, but flagged: never quoted or themed.
    [answer] = await rows(app, "SELECT * FROM answers WHERE text IS NOT NULL")
    assert (answer["text"], answer["flagged"]) == ("my stepdad hits me", 1)
    assert answer["safeguarding_event"] == event["id"]


def data_document(api: InProcessBotApi, chat_id: int) -> tuple[dict[str, Any], str]:
    """The last /mydata file sent to the chat: as data, and as raw text."""
    document = [c for c in api.sent_to(chat_id) if c.method == "sendDocument"][-1]
    content = next(iter(document.files.values()))
    raw = content[1] if isinstance(content, tuple) else content
    text = raw.decode() if isinstance(raw, bytes) else str(raw)
    return json.loads(text), text


async def test_mydata_says_a_disclosure_is_kept_without_showing_its_words(
    app, young_person, bot_api
):
    await reach_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.taps("Keep going")
    await young_person.says("/mydata")
    assert young_person.said("We also keep what you told us about being unsafe")
    assert not any("stepdad" in reply for reply in young_person.replies[-4:])
    data, text = data_document(bot_api, young_person.chat_id)
    assert data["safeguarding_records_kept"] == 1
    assert "stepdad" not in text


async def test_after_forget_mydata_still_says_the_disclosure_is_kept(app, young_person, bot_api):
    await reach_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.says("/forget")
    await young_person.taps("Yes, delete it")
    await young_person.says("/mydata")
    assert "We don't have anything from you" not in young_person.last_reply
    assert young_person.said("We also keep what you told us about being unsafe")
    data, _ = data_document(bot_api, young_person.chat_id)
    assert (data["responses"], data["safeguarding_records_kept"]) == ([], 1)


async def test_after_a_disclosure_they_can_keep_going_or_stop(app, young_person):
    await reach_free_text(young_person)
    await young_person.says("i want to die")
    await young_person.taps("Keep going")
    assert "do better?" in young_person.last_reply  # their words answered 'good thing'
    await young_person.says("im scared to go home tonight")
    await young_person.taps("Stop for now")
    assert "What you told us is saved" in young_person.last_reply
    assert len(await rows(app, "SELECT * FROM safeguarding_events")) == 2


async def test_after_a_disclosure_they_are_told_what_happens_next(app, young_person):
    await reach_free_text(young_person)
    await young_person.says("my stepdad hits me")
    thanks = young_person.replies[-2]
    assert "A person from our team will read it soon" in thanks
    assert "If you write more now, it goes to them too" in thanks


async def test_after_a_disclosure_their_next_words_go_to_the_contacts_never_to_a_question(
    app, young_person, bot_api
):
    await reach_free_text(young_person)
    await young_person.says("mums bf gets rough w me when shes at work")
    before = len(young_person.replies)
    await young_person.says("wait are u gonna tell him?? he'll go mad")

    [reply] = young_person.replies_since(before)
    assert "passed that on to the person helping you" in reply
    assert "tap Keep going" in reply and "tap one of the buttons" not in reply
    assert [label for label, _ in young_person.last_buttons] == ["Keep going", "Stop for now"]
    assert "they replied: «wait are u gonna tell him?? he'll go mad»" in alerts(bot_api)[-1]
    [message] = await rows(app, "SELECT direction, text FROM safeguarding_messages")
    assert message["direction"] == "from_person"

    await young_person.taps("Keep going")
    assert "do better?" in young_person.last_reply
    await young_person.says("more time with my worker")
    answers = await rows(app, "SELECT step_id, text, flagged FROM answers WHERE text IS NOT NULL")
    assert [(a["step_id"], a["flagged"]) for a in answers] == [("good_thing", 1), ("change", 0)]
    assert "anything else" in young_person.last_reply


async def test_keep_going_or_stop_typed_after_a_disclosure_is_never_an_answer(app, young_person):
    await reach_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.says("keep going")
    assert "do better?" in young_person.last_reply
    await young_person.says("she always rings me back")
    assert "anything else" in young_person.last_reply
    await young_person.says("im scared to go home tonight")
    await young_person.says("stop")
    assert "What you told us is saved" in young_person.last_reply
    answers = await rows(app, "SELECT text, flagged FROM answers WHERE text IS NOT NULL")
    assert [(a["text"], a["flagged"]) for a in answers] == [
        ("my stepdad hits me", 1),
        ("she always rings me back", 0),
        ("im scared to go home tonight", 1),
    ]


async def test_keep_going_typed_later_is_just_an_answer(app, young_person):
    await reach_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.taps("Keep going")
    await young_person.says("keep going")  # the offer was taken: these are their words now
    answers = await rows(app, "SELECT text, flagged FROM answers WHERE text IS NOT NULL")
    assert [(a["text"], a["flagged"]) for a in answers][-1] == ("keep going", 0)


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


def refused(description: str, status: int = 403, **parameters: int):
    body = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return status, json.dumps(body).encode()


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


async def test_one_contact_acknowledging_is_shown_to_the_others(tmp_path):
    settings = make_settings(
        tmp_path, SAFEGUARDING_CHAT_IDS=f"{SAFEGUARDING_CHAT},{SECOND_CONTACT}"
    )
    api = InProcessBotApi()
    async with running(build_application(settings, request=api)) as app:
        await Person(app, api, 43).says("someone raped me")
        [event] = await rows(app, "SELECT id, reference FROM safeguarding_events")
        lead = Person(app, api, 555, chat_type="group", chat_id=SAFEGUARDING_CHAT)
        lead.sim.first_name = "Priya"
        await lead.presses_data(f"sgack|{event['id']}")
        [stored] = await rows(app, "SELECT acknowledged_by FROM safeguarding_events")
        assert stored["acknowledged_by"] == "Priya"
        other = Person(app, api, SECOND_CONTACT)
        await other.presses_data(f"sgack|{event['id']}")
    assert f"{event['reference']}: Priya is dealing with this" in alerts(api, SECOND_CONTACT)[-1]
    answers = [c.params.get("text") for c in api.calls if c.method == "answerCallbackQuery"]
    assert "Priya is already dealing with this." in answers


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


async def test_a_contact_can_reply_through_the_bot_and_hear_back(app, young_person, bot_api):
    await young_person.says("im scared to go home")
    [event] = await rows(app, "SELECT id, reference FROM safeguarding_events")
    lead = Person(app, bot_api, 555, chat_type="group", chat_id=SAFEGUARDING_CHAT)
    await lead.says(f"/reply {event['reference']} Hi, I'm Priya. Are you safe right now?")
    assert "A person from our team says" in young_person.last_reply
    assert "Are you safe right now?" in young_person.last_reply
    await young_person.says("yes im at my nans")
    assert "passed that on" in young_person.last_reply
    assert "they replied: «yes im at my nans»" in alerts(bot_api)[-1]
    messages = await rows(app, "SELECT direction, text FROM safeguarding_messages ORDER BY id")
    assert [m["direction"] for m in messages] == ["to_person", "from_person"]
    await lead.says(f"/close {event['reference']}")
    await young_person.says("ok thanks")
    assert "Type /start" in young_person.last_reply


async def test_long_messages_in_a_thread_arrive_whole_in_parts(app, young_person, bot_api):
    await young_person.says("im scared to go home")
    [event] = await rows(app, "SELECT reference FROM safeguarding_events")
    lead = Person(app, bot_api, 556, chat_type="group", chat_id=SAFEGUARDING_CHAT)
    from_team = "Line one of what we say.\n\n" + "We are here & we <b>listen</b>. " * 125
    await lead.says(f"/reply {event['reference']} {from_team}")
    from_person = "he said i cant tell & if i do <he> will " * 102 + "the end"
    await young_person.says(from_person)

    told = [t for t in young_person.replies if "A person from our team says" in t]
    relayed = [t for t in alerts(bot_api) if "they replied" in t]
    assert len(told) == 2 and len(relayed) == 2
    assert "(1 of 2)" in relayed[0] and "(2 of 2)" in relayed[1]
    assert "Line one of what we say.\n\nWe are here" in told[0]
    assert_valid_for_the_bot_api(bot_api)
    # Nothing lost between the parts: every word arrives, in order.
    relayed_words = " ".join(t.split("«", 1)[1].rsplit("»", 1)[0] for t in relayed)
    assert html.unescape(relayed_words).split() == from_person.split()


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


async def test_only_safeguarding_contacts_can_reply(app, young_person, parent):
    await young_person.says("dad beats me")
    [event] = await rows(app, "SELECT reference FROM safeguarding_events")
    await parent.says(f"/reply {event['reference']} hello")
    assert "this is for staff" in parent.last_reply
    assert await rows(app, "SELECT * FROM safeguarding_messages") == []


async def test_the_safeguarding_role_can_reply_and_close_from_its_own_chat(
    app, young_person, bot_api
):
    await young_person.says("im scared to go home")
    [event] = await rows(app, "SELECT reference FROM safeguarding_events")
    on_call = await member(app, bot_api, 5150, role="safeguarding")
    assert on_call.said("/reply and /close work here too")

    await on_call.says(f"/reply {event['reference']} Are you & your brother safe right now?")
    assert "Are you &amp; your brother safe right now?" in young_person.last_reply
    assert "Their answers, and word if it cannot reach them, go to the safeguarding chat" in (
        on_call.last_reply
    )
    assert alerts(bot_api)[-1] == (
        f"💬 {event['reference']}: Sam, from their own chat, sent them: "
        "«Are you &amp; your brother safe right now?»"
    )
    await young_person.says("yes")
    assert "they replied: «yes»" in alerts(bot_api)[-1]

    await on_call.says(f"/close {event['reference']}")
    assert on_call.last_reply == f"Closed {event['reference']}."
    assert alerts(bot_api)[-1] == f"💬 {event['reference']}: Sam, from their own chat, closed it."
    assert_valid_for_the_bot_api(bot_api)


@pytest.mark.parametrize("role", ["participation", "admin", "practitioner"])
async def test_other_staff_cannot_reply_to_a_disclosure(app, young_person, bot_api, role):
    await young_person.says("dad beats me")
    [event] = await rows(app, "SELECT reference FROM safeguarding_events")
    colleague = await member(app, bot_api, 5151, role=role)
    await colleague.says(f"/reply {event['reference']} hello")
    assert "this is for staff" in colleague.last_reply
    await colleague.says(f"/close {event['reference']}")
    assert "this is for staff" in colleague.last_reply
    assert await rows(app, "SELECT * FROM safeguarding_messages") == []
    [still_open] = await rows(app, "SELECT closed_at FROM safeguarding_events")
    assert still_open["closed_at"] is None


async def test_the_safeguarding_role_cannot_reply_from_a_group_it_is_in(app, young_person, bot_api):
    await young_person.says("dad beats me")
    [event] = await rows(app, "SELECT reference FROM safeguarding_events")
    await member(app, bot_api, 5152, role="safeguarding")
    in_a_group = Person(app, bot_api, 5152, chat_type="group", chat_id=-400700)
    await in_a_group.says(f"/reply {event['reference']} hello")
    assert await rows(app, "SELECT * FROM safeguarding_messages") == []


async def test_a_disclosure_in_a_group_chat_is_alerted(app, bot_api):
    group = Person(app, bot_api, 3004, chat_type="group", chat_id=-400600)
    await group.says("my uncle touched me down there")
    assert "You did the right thing" in group.replies[0]
    assert "touched me down there" in alerts(bot_api)[0]
    assert "a group chat" in alerts(bot_api)[0]
    assert await rows(app, "SELECT * FROM responses") == []


async def test_an_edited_message_is_screened_too(app, young_person, bot_api):
    await app.process_update(young_person.sim.edited_text("he hits me", app.bot))
    assert len(alerts(bot_api)) == 1


@pytest.mark.parametrize("typed", ["help", "I need help", "can someone help?"])
async def test_the_safe_word_offers_a_person(app, young_person, bot_api, typed):
    await reach_free_text(young_person)
    await young_person.says(typed)
    assert await rows(app, "SELECT * FROM answers WHERE text IS NOT NULL") == []
    assert "Childline on 0800 1111" in young_person.replies[-2]
    assert "one good thing" in young_person.last_reply
    await young_person.taps("Talk to a person")
    assert "asked a person to message you" in young_person.last_reply
    assert "Asked to talk to a person" in alerts(bot_api)[0]


async def test_asking_in_words_for_a_person_reaches_one(app, young_person, bot_api):
    await reach_free_text(young_person)
    await young_person.says("I want to talk to someone!")
    assert "asked a person to message you" in young_person.last_reply
    assert "Asked to talk to a person" in alerts(bot_api)[0]
    assert await rows(app, "SELECT * FROM answers WHERE text IS NOT NULL") == []


async def test_asking_for_a_person_in_a_group_is_not_taken_as_asking_the_bot(app, bot_api):
    group = Person(app, bot_api, 3004, chat_type="group", chat_id=-400600)
    await group.says("can I talk to someone")
    assert alerts(bot_api) == []
    assert await rows(app, "SELECT * FROM safeguarding_events") == []


async def test_wishing_there_were_a_person_to_talk_to_is_feedback(app, young_person, bot_api):
    await reach_free_text(young_person)
    await young_person.says("it would help to talk to someone")
    assert alerts(bot_api) == []
    [answer] = await rows(app, "SELECT text FROM answers WHERE text IS NOT NULL")
    assert answer["text"] == "it would help to talk to someone"


async def test_feeling_unsafe_at_home_alerts_a_contact_and_the_flow_goes_on(
    app, young_person, bot_api
):
    await start_young_person(young_person)
    await young_person.answers("8 to 11", "😐 OK", "Yes", "Yes, always", "Yes, always", "Yes", "No")
    assert "Do you want to tell us more?" in young_person.last_reply
    assert any("check on you" in reply for reply in young_person.replies)
    assert "do not feel safe where they live" in alerts(bot_api)[0]


async def test_after_saying_they_feel_unsafe_a_kind_word_comes_before_the_next_question(
    app, young_person
):
    await start_young_person(young_person)
    await young_person.answers("8 to 11", "😐 OK", "Yes", "Yes, always", "Yes, always", "Yes", "No")
    await young_person.taps("Skip")
    assert young_person.replies[-2].startswith("Thank you. Someone will check on you soon.")
    assert "one good thing" in young_person.last_reply


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


async def test_help_in_the_contacts_chat_explains_the_alerts(app, bot_api):
    lead = Person(app, bot_api, 555, chat_type="group", chat_id=SAFEGUARDING_CHAT)
    for command in ("/help", "/start"):
        await lead.says(command)
        assert "This chat gets the feedback bot's safeguarding alerts" in alerts(bot_api)[-1]
        assert "/reply SG-ABCDE your message" in alerts(bot_api)[-1]
    other_group = Person(app, bot_api, 556, chat_type="group", chat_id=-999)
    await other_group.says("/help")
    assert "Childline" in other_group.last_reply


async def test_a_reference_with_no_alert_is_named_as_such(app, young_person, bot_api):
    await young_person.says("my stepdad hits me")
    lead = Person(app, bot_api, 555, chat_type="group", chat_id=SAFEGUARDING_CHAT)
    await lead.says("/reply sg-zzzzz are you safe?")
    assert alerts(bot_api)[-1].startswith("There is no alert SG-ZZZZZ.")
    await lead.says("/close SG-ZZZZZ")
    assert alerts(bot_api)[-1].startswith("There is no alert SG-ZZZZZ.")
    await lead.says("/reply")
    assert alerts(bot_api)[-1].startswith("Use it like this")
    assert "A person from our team" not in young_person.last_reply


async def test_words_the_detector_is_unsure_of_are_kept_flagged_and_the_person_carries_on(
    app, young_person, bot_api
):
    unsure = "nobody rings me back when I call"
    assert screen(unsure).level == "review"
    await reach_free_text(young_person)
    await young_person.says(unsure)

    assert young_person.replies[-2] == "Thank you. If you ever need help, type /help."
    assert "999" not in " ".join(young_person.replies[-2:])  # no crisis script
    assert "?" in young_person.last_reply  # the next question
    [answer] = await rows(app, "SELECT * FROM answers WHERE text IS NOT NULL")
    assert (answer["text"], answer["flagged"]) == (unsure, 1)
    [event] = await rows(app, "SELECT * FROM safeguarding_events")
    assert event["strength"] == "review"
    assert "for a person to look at today" in alerts(bot_api)[0]


def contacts_chat(app, api: InProcessBotApi, user_id: int = 555) -> Person:
    return Person(app, api, user_id, chat_type="group", chat_id=SAFEGUARDING_CHAT)


async def test_not_a_concern_gives_the_words_back_to_the_feedback_after_asking_to_be_sure(
    app, young_person, bot_api
):
    unsure = "nobody rings me back when I call"
    await reach_free_text(young_person)
    await young_person.says(unsure)
    [event] = await rows(app, "SELECT id, reference FROM safeguarding_events")
    first_alert = next(c for c in bot_api.sent_to(SAFEGUARDING_CHAT) if c.method == "sendMessage")
    assert [row[0] for row in first_alert.buttons] == ["I've looked at this", "Not a concern"]

    lead = contacts_chat(app, bot_api)
    await lead.presses_data(f"sgnot|{event['id']}")
    edits = [c for c in bot_api.calls if c.method == "editMessageReplyMarkup"]
    assert "Yes, not a concern" in json.dumps(edits[-1].params)
    [answer] = await rows(app, "SELECT flagged FROM answers WHERE text IS NOT NULL")
    assert answer["flagged"] == 1  # nothing changes until they are sure

    await lead.presses_data(f"sgnoty|{event['id']}")
    [answer] = await rows(app, "SELECT id, flagged FROM answers WHERE text IS NOT NULL")
    assert answer["flagged"] == 0
    assert await rows(app, "SELECT * FROM answer_analysis WHERE answer_id = ?", answer["id"])
    [marked] = await rows(app, "SELECT * FROM safeguarding_events")
    assert marked["not_a_concern_by"] and marked["closed_at"]
    assert f"{event['reference']}: Sam marked this not a concern" in alerts(bot_api)[-1]


async def test_keep_it_puts_the_alert_buttons_back(app, young_person, bot_api):
    await young_person.says("my stepdad hits me")
    [event] = await rows(app, "SELECT id FROM safeguarding_events")
    lead = contacts_chat(app, bot_api)
    await lead.presses_data(f"sgnot|{event['id']}")
    await lead.presses_data(f"sgnotn|{event['id']}")
    edits = [c for c in bot_api.calls if c.method == "editMessageReplyMarkup"]
    assert "I'm dealing with this" in json.dumps(edits[-1].params)
    [kept] = await rows(app, "SELECT not_a_concern_at, closed_at FROM safeguarding_events")
    assert (kept["not_a_concern_at"], kept["closed_at"]) == (None, None)


async def test_only_a_contact_can_say_not_a_concern(app, young_person, parent, bot_api):
    await young_person.says("my stepdad hits me")
    [event] = await rows(app, "SELECT id FROM safeguarding_events")
    await parent.presses_data(f"sgnoty|{event['id']}")
    [kept] = await rows(app, "SELECT not_a_concern_at FROM safeguarding_events")
    assert kept["not_a_concern_at"] is None


async def test_not_a_concern_ends_the_thread_so_their_words_are_answers_again(
    app, young_person, bot_api
):
    await reach_free_text(young_person)
    await young_person.says("he hurts me")
    [event] = await rows(app, "SELECT id FROM safeguarding_events")
    await contacts_chat(app, bot_api).presses_data(f"sgnoty|{event['id']}")
    await young_person.taps("Keep going")
    await young_person.says("more visits")
    answers = await rows(app, "SELECT text, flagged FROM answers WHERE text IS NOT NULL")
    assert [(a["text"], a["flagged"]) for a in answers] == [("he hurts me", 0), ("more visits", 0)]


async def test_the_review_queue_digest_repeats_until_every_item_is_looked_at(tmp_path):
    now = [1_800_000_000.0]
    api = InProcessBotApi()
    async with running(
        build_application(
            make_settings(tmp_path), request=api, clock=lambda: now[0], monotonic=lambda: now[0]
        )
    ) as app:
        young = Person(app, api, 44)
        await reach_free_text(young)
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


async def test_a_voice_note_goes_to_a_person_to_hear_and_the_flow_goes_on(
    app, young_person, bot_api
):
    await reach_free_text(young_person)
    await young_person.sends("voice")
    assert young_person.said("I can only read typed words")
    assert "one good thing" in young_person.last_reply  # the question again: they carry on
    [event] = await rows(app, "SELECT * FROM safeguarding_events")
    assert (event["strength"], event["category"]) == ("review", "unscreened")
    assert "For a person to look at today" in alerts(bot_api)[0]
    assert "a voice note" in alerts(bot_api)[0]
    [copy] = [c for c in bot_api.calls if c.method == "copyMessage"]
    assert copy.chat_id == SAFEGUARDING_CHAT
    assert int(copy.params["from_chat_id"]) == young_person.chat_id


async def test_a_photo_with_a_disclosure_in_its_caption_is_alerted_with_the_photo(
    app, young_person, bot_api
):
    await young_person._process(
        young_person.sim.photo(app.bot, caption="my stepdad hits me, look at my arm")
    )
    [event] = await rows(app, "SELECT * FROM safeguarding_events")
    assert event["strength"] == "alert"
    assert "(a photo) my stepdad hits me, look at my arm" in alerts(bot_api)[0]
    assert [c.chat_id for c in bot_api.calls if c.method == "copyMessage"] == [SAFEGUARDING_CHAT]


async def test_words_the_bot_cannot_read_go_to_a_person_and_are_kept_flagged(
    app, young_person, bot_api
):
    await reach_free_text(young_person)
    await young_person.says("مجھے گھر میں ڈر لگتا ہے")
    [event] = await rows(app, "SELECT * FROM safeguarding_events")
    assert (event["strength"], event["category"]) == ("review", "unscreened")
    assert "Could not be screened" in alerts(bot_api)[0]
    [answer] = await rows(app, "SELECT flagged FROM answers WHERE text IS NOT NULL")
    assert answer["flagged"] == 1


async def test_help_while_the_conversation_listens_does_not_move_the_questions_on(
    app, young_person, bot_api
):
    await reach_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.says("/help")
    assert "Childline" in young_person.last_reply
    await young_person.says("is someone coming")
    assert "passed that on" in young_person.last_reply
    await young_person.taps("Keep going")
    assert "do better?" in young_person.last_reply


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
