"""The engine's wiring: the greeting, deep links, group chats, resuming after a restart,
starting fresh after 14 idle days, and messages the Bot API accepts."""

import pytest
from telegram.ext import ConversationHandler

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from conversations.engine import FlowEngine
from conversations.flows import ALL_FLOWS
from storage import practice_reviews
from tests.support import (
    YOUNG_PERSON_ANSWERS,
    Person,
    edits_to,
    rows,
    start_young_person,
)


async def test_hello_at_the_greeting_asks_who_again_without_a_telling_off(app, young_person):
    await young_person.says("/start")
    await young_person.says("hey")
    assert "Who is talking to me?" in young_person.last_reply
    assert not young_person.said("tap one of the buttons")


async def test_who_they_are_can_be_typed_at_the_greeting(app, young_person, bot_api):
    await young_person.says("/start")
    greeting = young_person.messages[-1].message_id
    await young_person.says("young person")
    assert "Before we start" in young_person.replies[-2]
    [edit] = edits_to(bot_api, greeting)
    assert edit.params["text"] == young_person.messages[0].params["text"] + "\n✓ I'm a young person"


async def test_the_flow_resumes_after_the_application_is_rebuilt(settings):
    first_api = InProcessBotApi()
    async with running(build_application(settings, request=first_api)) as app:
        person = Person(app, first_api, 9001)
        await start_young_person(person)
        await person.answers("12 to 15", "🙂 Good")
        assert "Do you know who your worker is?" in person.last_reply

    second_api = InProcessBotApi()
    async with running(build_application(settings, request=second_api)) as app:
        person = Person(app, second_api, 9001)
        await person.says("Yes")
        assert "Do you feel we listen to you?" in person.last_reply
        await person.taps("⬅️ Back")
        assert "Do you know who your worker is?" in person.last_reply
        answers = await rows(app, "SELECT step_id FROM answers ORDER BY id")
        assert [a["step_id"] for a in answers] == ["age", "mood", "know_worker"]
        assert len(await rows(app, "SELECT * FROM responses")) == 1


async def test_a_conversation_idle_for_14_days_starts_fresh(settings):
    now = [1_800_000_000.0]
    api = InProcessBotApi()
    async with running(build_application(settings, request=api, clock=lambda: now[0])) as app:
        person = Person(app, api, 9002)
        await start_young_person(person)
        await person.answers("12 to 15")
        now[0] += 13 * 24 * 3600
        await person.answers("🙂 Good")
        assert "Do you know who your worker is?" in person.last_reply
        now[0] += 15 * 24 * 3600
        await person.says("Yes")
        assert "we will start again" in person.replies[-2]
        assert "Who is talking to me?" in person.last_reply
        [response] = await rows(app, "SELECT status FROM responses")
        assert response["status"] == "partial"


async def test_a_group_chat_is_told_to_message_privately_and_nothing_is_stored(app, bot_api):
    group = Person(app, bot_api, 3003, chat_type="group", chat_id=-400500)
    await group.says("/start")
    assert "only collect feedback in a private chat" in group.last_reply
    await group.says("my feedback is that it was fine")
    await group.presses_data("who|yp")
    assert await rows(app, "SELECT * FROM responses") == []
    assert await rows(app, "SELECT * FROM ptb_state WHERE kind LIKE 'conversation:%'") == []


@pytest.mark.parametrize("greeted_first", [False, True], ids=["new", "after the greeting"])
async def test_a_deep_link_goes_straight_to_the_flow_and_links_the_review(
    app, young_person, greeted_first
):
    review_id = await practice_reviews.create_review(
        app.services.db, reference_hash="h1", created_by="p1"
    )
    await practice_reviews.create_review_link(
        app.services.db, token="tok123", review_id=review_id, audience_group="young_person"
    )
    if greeted_first:
        await young_person.says("/start")
    await young_person.says("/start yp-tok123")
    assert "Is that OK?" in young_person.last_reply
    await young_person.taps("OK, let's start")
    await young_person.answers("8 to 11")
    [response] = await rows(app, "SELECT review_id FROM responses")
    assert response["review_id"] == review_id


async def test_a_review_link_tapped_mid_flow_keeps_them_where_they_were(app, young_person):
    await start_young_person(young_person)
    await young_person.answers("8 to 11")
    await young_person.says("/start yp-tok789")
    assert "part way through" in young_person.replies[-2]
    assert "the help you get from us?" in young_person.last_reply
    assert len(await rows(app, "SELECT * FROM responses")) == 1


async def test_an_unknown_review_link_still_lets_them_give_feedback(app, parent):
    await parent.says("/start pc-doesnotexist")
    assert "That link didn't work" in parent.replies[-3]
    await parent.taps("Yes, let's start")
    await parent.taps("Skip")
    [response] = await rows(app, "SELECT review_id, audience_group FROM responses")
    assert response == {"review_id": None, "audience_group": "parent_carer"}


async def test_every_message_is_valid_for_the_bot_api(app, young_person, parent, bot_api):
    await start_young_person(young_person)
    await young_person.answers(*YOUNG_PERSON_ANSWERS)
    await parent.says("/start")
    await parent.taps("I'm a parent or carer")
    for call in bot_api.calls:
        if call.method in {"sendMessage", "editMessageText"}:
            assert 0 < len(call.text) <= 4096
            assert call.params.get("parse_mode") == "HTML"
        for _, data in call.buttons:
            assert len(data.encode()) <= 64


def test_a_feature_must_install_itself_before_the_engine_builds_its_handler():
    engine = FlowEngine(ALL_FLOWS)

    async def late(update, context):
        return ConversationHandler.END

    engine.add_command("early", late)
    engine.conversation()
    with pytest.raises(RuntimeError, match="before conversation"):
        engine.add_command("late", late)
    with pytest.raises(RuntimeError, match="before conversation"):
        engine.add_state("late", [], ask=late)
