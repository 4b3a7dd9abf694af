"""Stopping: /cancel and "stop" ask whether to keep what was given; "not now" stores nothing."""

import pytest

from tests.support import (
    edits_to,
    reach_first_free_text,
    rows,
    start_young_person,
)


@pytest.mark.parametrize("stop", ["stop", "Stop!", "I want to stop", "cancel"])
async def test_typing_stop_in_the_middle_asks_whether_to_keep_the_answers(app, young_person, stop):
    await start_young_person(young_person)
    await young_person.says("12 to 15")
    await young_person.says(stop)
    assert "keep" in young_person.last_reply.lower()
    await young_person.taps("Stop and keep it")
    [response] = await rows(app, "SELECT status FROM responses")
    assert response["status"] == "partial"
    assert len(await rows(app, "SELECT * FROM answers")) == 1


async def test_typing_stop_at_the_greeting_says_come_back_any_time(app, young_person, bot_api):
    await young_person.says("/start")
    greeting = young_person.messages[-1].message_id
    await young_person.says("stop")
    assert "You can come back at any time" in young_person.last_reply
    assert await rows(app, "SELECT * FROM responses") == []
    [tidied] = edits_to(bot_api, greeting, "editMessageReplyMarkup")
    assert tidied.buttons == []


async def test_cancel_and_delete_removes_what_was_given(app, young_person):
    await start_young_person(young_person)
    await young_person.answers("12 to 15", "🙂 Good")
    await young_person.says("/cancel")
    assert "keep what you told us so far, or delete it" in young_person.last_reply
    await young_person.taps("Stop and delete it")
    assert "deleted what you told us" in young_person.last_reply
    assert await rows(app, "SELECT * FROM responses") == []
    assert await rows(app, "SELECT * FROM answers") == []


async def test_cancel_and_keep_leaves_a_partial_response(app, young_person):
    await start_young_person(young_person)
    await young_person.answers("12 to 15")
    await young_person.says("/cancel")
    await young_person.taps("Stop and keep it")
    [response] = await rows(app, "SELECT status FROM responses")
    assert response["status"] == "partial"
    await young_person.says("hello?")
    assert "Type /start" in young_person.last_reply


async def test_cancel_then_carry_on_returns_to_the_question(app, young_person):
    await start_young_person(young_person)
    await young_person.answers("12 to 15")
    await young_person.says("/cancel")
    await young_person.taps("Carry on")
    assert "How are things going" in young_person.last_reply


async def test_words_at_the_cancel_question_never_answer_the_question_behind_it(
    app, young_person, bot_api
):
    await reach_first_free_text(young_person)
    await young_person.says("/cancel")
    await young_person.says("my worker is kind")
    assert "Please tap one of the buttons" in young_person.replies[-2]
    assert "keep what you told us so far, or delete it" in young_person.last_reply
    assert await rows(app, "SELECT * FROM answers WHERE text IS NOT NULL") == []
    question = young_person.messages[-1].message_id
    await young_person.says("carry on")
    assert "one good thing" in young_person.last_reply
    assert edits_to(bot_api, question)[-1].params["text"].endswith("✓ Carry on")


@pytest.mark.parametrize(("typed", "kept"), [("keep", True), ("yes", True), ("delete", False)])
async def test_the_cancel_question_can_be_answered_in_words(app, young_person, typed, kept):
    await start_young_person(young_person)
    await young_person.answers("12 to 15")
    await young_person.says("/cancel")
    await young_person.says(typed)
    assert len(await rows(app, "SELECT * FROM responses")) == (1 if kept else 0)
    assert "Type /start" in young_person.last_reply


async def test_saying_not_now_at_the_start_stores_nothing(app, young_person):
    await young_person.says("/start")
    await young_person.taps("I'm a young person")
    await young_person.taps("Not now")
    assert "come back at any time" in young_person.last_reply
    assert await rows(app, "SELECT * FROM responses") == []
