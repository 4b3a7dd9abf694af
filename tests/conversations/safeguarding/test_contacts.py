"""The contacts' side: taking an alert, replying through the bot, closing, and
"Not a concern", from the contacts' chat or, for the safeguarding role, their own."""

import json

import pytest

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from tests.support import (
    SAFEGUARDING_CHAT,
    SECOND_CONTACT,
    Person,
    alerts,
    assert_valid_for_the_bot_api,
    contacts_chat,
    make_settings,
    member,
    reach_first_free_text,
    rows,
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


async def test_not_a_concern_gives_the_words_back_to_the_feedback_after_asking_to_be_sure(
    app, young_person, bot_api
):
    unsure = "nobody rings me back when I call"
    await reach_first_free_text(young_person)
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
    await reach_first_free_text(young_person)
    await young_person.says("he hurts me")
    [event] = await rows(app, "SELECT id FROM safeguarding_events")
    await contacts_chat(app, bot_api).presses_data(f"sgnoty|{event['id']}")
    await young_person.taps("Keep going")
    await young_person.says("more visits")
    answers = await rows(app, "SELECT text, flagged FROM answers WHERE text IS NOT NULL")
    assert [(a["text"], a["flagged"]) for a in answers] == [("he hurts me", 0), ("more visits", 0)]
