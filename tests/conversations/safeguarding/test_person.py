"""The person's side: a disclosure anywhere gets the help reply first, and what they
say next reaches a person; asking for a person, the safe word, and what the bot cannot read."""

import html
import json
from typing import Any

import pytest

from analysis.safeguarding import screen
from bot.transport import InProcessBotApi
from tests.support import (
    SAFEGUARDING_CHAT,
    Person,
    alerts,
    assert_valid_for_the_bot_api,
    reach_first_free_text,
    rows,
    start_young_person,
)


def data_document(api: InProcessBotApi, chat_id: int) -> tuple[dict[str, Any], str]:
    """The last /mydata file sent to the chat: as data, and as raw text."""
    document = [c for c in api.sent_to(chat_id) if c.method == "sendDocument"][-1]
    content = next(iter(document.files.values()))
    raw = content[1] if isinstance(content, tuple) else content
    text = raw.decode() if isinstance(raw, bytes) else str(raw)
    return json.loads(text), text


async def test_a_disclosure_mid_flow_reaches_the_person_first_then_the_contact(
    app, young_person, bot_api
):
    await reach_first_free_text(young_person)
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


async def test_mydata_says_a_disclosure_is_kept_without_showing_its_words(
    app, young_person, bot_api
):
    await reach_first_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.taps("Keep going")
    await young_person.says("/mydata")
    assert young_person.said("We also keep what you told us about being unsafe")
    assert not any("stepdad" in reply for reply in young_person.replies[-4:])
    data, text = data_document(bot_api, young_person.chat_id)
    assert data["safeguarding_records_kept"] == 1
    assert "stepdad" not in text


async def test_after_forget_mydata_still_says_the_disclosure_is_kept(app, young_person, bot_api):
    await reach_first_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.says("/forget")
    await young_person.taps("Yes, delete it")
    await young_person.says("/mydata")
    assert "We don't have anything from you" not in young_person.last_reply
    assert young_person.said("We also keep what you told us about being unsafe")
    data, _ = data_document(bot_api, young_person.chat_id)
    assert (data["responses"], data["safeguarding_records_kept"]) == ([], 1)


async def test_after_a_disclosure_they_can_keep_going_or_stop(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("i want to die")
    await young_person.taps("Keep going")
    assert "do better?" in young_person.last_reply  # their words answered 'good thing'
    await young_person.says("im scared to go home tonight")
    await young_person.taps("Stop for now")
    assert "What you told us is saved" in young_person.last_reply
    assert len(await rows(app, "SELECT * FROM safeguarding_events")) == 2


async def test_after_a_disclosure_they_are_told_what_happens_next(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("my stepdad hits me")
    thanks = young_person.replies[-2]
    assert "A person from our team will read it soon" in thanks
    assert "If you write more now, it goes to them too" in thanks


async def test_after_a_disclosure_their_next_words_go_to_the_contacts_never_to_a_question(
    app, young_person, bot_api
):
    await reach_first_free_text(young_person)
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
    await reach_first_free_text(young_person)
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
    await reach_first_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.taps("Keep going")
    await young_person.says("keep going")  # the offer was taken: these are their words now
    answers = await rows(app, "SELECT text, flagged FROM answers WHERE text IS NOT NULL")
    assert [(a["text"], a["flagged"]) for a in answers][-1] == ("keep going", 0)


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
    await reach_first_free_text(young_person)
    await young_person.says(typed)
    assert await rows(app, "SELECT * FROM answers WHERE text IS NOT NULL") == []
    assert "Childline on 0800 1111" in young_person.replies[-2]
    assert "one good thing" in young_person.last_reply
    await young_person.taps("Talk to a person")
    assert "asked a person to message you" in young_person.last_reply
    assert "Asked to talk to a person" in alerts(bot_api)[0]


async def test_asking_in_words_for_a_person_reaches_one(app, young_person, bot_api):
    await reach_first_free_text(young_person)
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
    await reach_first_free_text(young_person)
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


async def test_words_the_detector_is_unsure_of_are_kept_flagged_and_the_person_carries_on(
    app, young_person, bot_api
):
    unsure = "nobody rings me back when I call"
    assert screen(unsure).level == "review"
    await reach_first_free_text(young_person)
    await young_person.says(unsure)

    assert young_person.replies[-2] == "Thank you. If you ever need help, type /help."
    assert "999" not in " ".join(young_person.replies[-2:])  # no crisis script
    assert "?" in young_person.last_reply  # the next question
    [answer] = await rows(app, "SELECT * FROM answers WHERE text IS NOT NULL")
    assert (answer["text"], answer["flagged"]) == (unsure, 1)
    [event] = await rows(app, "SELECT * FROM safeguarding_events")
    assert event["strength"] == "review"
    assert "for a person to look at today" in alerts(bot_api)[0]


async def test_a_voice_note_goes_to_a_person_to_hear_and_the_flow_goes_on(
    app, young_person, bot_api
):
    await reach_first_free_text(young_person)
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
    await reach_first_free_text(young_person)
    await young_person.says("مجھے اسکول پسند ہے اور میرے دوست اچھے ہیں")
    [event] = await rows(app, "SELECT * FROM safeguarding_events")
    assert (event["strength"], event["category"]) == ("review", "unscreened")
    assert "Could not be screened" in alerts(bot_api)[0]
    [answer] = await rows(app, "SELECT flagged FROM answers WHERE text IS NOT NULL")
    assert answer["flagged"] == 1


async def test_help_while_the_conversation_listens_does_not_move_the_questions_on(
    app, young_person, bot_api
):
    await reach_first_free_text(young_person)
    await young_person.says("my stepdad hits me")
    await young_person.says("/help")
    assert "Childline" in young_person.last_reply
    await young_person.says("is someone coming")
    assert "passed that on" in young_person.last_reply
    await young_person.taps("Keep going")
    assert "do better?" in young_person.last_reply
