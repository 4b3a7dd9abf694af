"""A young person and a parent give feedback through the real application."""

from typing import Any

import pytest

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from storage import repository
from tests.support import (
    YOUNG_PERSON_ANSWERS,
    Person,
    button_labels,
    reach_first_free_text,
    rows,
    start_young_person,
)


async def test_young_person_completes_the_flow_with_buttons_and_free_text(app, young_person):
    await start_young_person(young_person)
    await young_person.answers(*YOUNG_PERSON_ANSWERS)

    assert young_person.said("Thank you for telling us!")
    [response] = await rows(app, "SELECT * FROM responses")
    assert response["status"] == "complete"
    assert response["audience_group"] == "young_person"
    assert response["audience"] == "teen"
    assert response["respondent"] != str(young_person.sim.user_id)
    answers = {a["step_id"]: a for a in await rows(app, "SELECT * FROM answers")}
    assert answers["age"]["choice"] == "teen"
    assert answers["mood"]["choice"] == "good"
    assert answers["listened"]["choice"] == "sometimes"
    assert answers["respect"]["choice"] == "yes"
    assert answers["good_thing"]["text"] == "my worker is kind and she listens"
    assert answers["anything_else"]["skipped"] == 1
    assert "safe_more" not in answers
    contact = await repository.get_contact(app.services.db, response["respondent"])
    assert contact is not None and contact.hear_back and contact.chat_id == young_person.chat_id


async def test_feeling_unsafe_at_home_asks_gently_for_more(app, young_person):
    await start_young_person(young_person)
    await young_person.answers("8 to 11", "😐 OK", "Yes", "Yes, always", "Yes, always", "Yes", "No")
    assert "Do you want to tell us more?" in young_person.last_reply
    await young_person.answers("Skip")
    assert "one good thing" in young_person.last_reply


async def test_every_answer_is_stored_the_moment_it_arrives(app, young_person):
    await start_young_person(young_person)
    assert await rows(app, "SELECT * FROM responses") == []
    await young_person.answers("16 or older")
    [response] = await rows(app, "SELECT * FROM responses")
    assert response["status"] == "partial"
    await young_person.answers("😄 Really good")
    assert len(await rows(app, "SELECT * FROM answers")) == 2


async def test_young_person_can_skip_and_go_back(app, young_person):
    await start_young_person(young_person)
    await young_person.taps("Skip")
    assert "How is it going" in young_person.last_reply  # skipped age: simplest wording
    await young_person.taps("⬅️ Back")
    assert "How old are you?" in young_person.last_reply
    await young_person.taps("16 or older")
    assert "How are things going" in young_person.last_reply
    answers = await rows(app, "SELECT step_id, choice, skipped FROM answers")
    assert answers == [{"step_id": "age", "choice": "young_adult", "skipped": 0}]


async def test_a_sticker_mid_flow_gets_a_kind_reply_and_the_same_question(app, young_person):
    await start_young_person(young_person)
    for kind in ("sticker", "photo", "voice", "location"):
        await young_person.sends(kind)
        assert "I can only read typed words and buttons" in young_person.replies[-2]
        assert "If you need help now, type help." in young_person.replies[-2]
        assert "How old are you?" in young_person.last_reply
    assert await rows(app, "SELECT * FROM answers") == []


async def test_hello_from_someone_coming_back_is_not_taken_as_an_answer(app, young_person):
    await start_young_person(young_person)
    await young_person.says("hiya")
    assert "tap one of the buttons" not in young_person.replies[-2]
    assert "We are part way through" in young_person.replies[-2]
    assert "How old are you?" in young_person.last_reply
    await young_person.answers(*YOUNG_PERSON_ANSWERS[:7])
    assert "one good thing" in young_person.last_reply
    await young_person.says("Hello!")
    assert "We are part way through" in young_person.replies[-2]
    assert "one good thing" in young_person.last_reply
    await young_person.says("hi, my worker always listens")  # more than a hello: an answer
    assert await rows(app, "SELECT text FROM answers WHERE text IS NOT NULL") == [
        {"text": "hi, my worker always listens"}
    ]


async def test_hello_at_the_greeting_asks_who_again_without_a_telling_off(app, young_person):
    await young_person.says("/start")
    await young_person.says("hey")
    assert "Who is talking to me?" in young_person.last_reply
    assert not young_person.said("tap one of the buttons")


async def test_typed_answers_to_button_questions(app, young_person):
    await start_young_person(young_person)
    await young_person.says("maybe later")
    assert "Please tap one of the buttons" in young_person.replies[-2]
    await young_person.says("16 or older")
    await young_person.says("🙂")
    answers = await rows(app, "SELECT step_id, choice FROM answers ORDER BY id")
    assert answers == [
        {"step_id": "age", "choice": "young_adult"},
        {"step_id": "mood", "choice": "good"},
    ]


def edits_to(api: InProcessBotApi, message_id: int, method: str = "editMessageText") -> list[Any]:
    """The calls that edited a message with `method`, oldest first."""
    return [
        call
        for call in api.calls
        if call.method == method and int(call.params.get("message_id") or 0) == message_id
    ]


async def test_answers_typed_the_way_people_type_them(app, young_person, bot_api):
    await young_person.says("/start")
    await young_person.taps("I'm a young person")
    await young_person.says("ok")  # to "OK, let's start"
    await young_person.says("14")  # to "8 to 11", "12 to 15", "16 or older"
    await young_person.says("good")
    await young_person.says("yep")
    listened = young_person.messages[-1].message_id
    await young_person.says("always")  # to "Yes, always", "Sometimes", "No"
    assert edits_to(bot_api, listened)[-1].params["text"].endswith("✓ Yes, always")
    assert "Do you feel we respect you" in young_person.last_reply
    await young_person.says("not sure")  # no button says so
    assert "Please tap one of the buttons" in young_person.replies[-2]
    answers = await rows(app, "SELECT step_id, choice FROM answers ORDER BY id")
    assert answers == [  # consent is not an answer: starting shows it was given
        {"step_id": "age", "choice": "teen"},
        {"step_id": "mood", "choice": "good"},
        {"step_id": "know_worker", "choice": "yes"},
        {"step_id": "listened", "choice": "yes"},
    ]


async def test_words_in_more_than_one_button_choose_none_and_are_named(app, young_person):
    await start_young_person(young_person)
    await young_person.says("12 to 15")
    await young_person.says("really")  # "Really good" or "Really bad"?
    assert young_person.replies[-2] == (
        "Do you mean “😢 Really bad” or “😄 Really good”? Tap the one you mean."
    )
    assert "How are things going" in young_person.last_reply
    assert [a["step_id"] for a in await rows(app, "SELECT step_id FROM answers")] == ["age"]


async def test_a_sentence_where_a_button_is_wanted_is_told_where_words_are_welcome(
    app, young_person
):
    await start_young_person(young_person)
    await young_person.says("12 to 15")
    await young_person.says("my worker never listens to me")
    assert "You can tell us more in your own words later on" in young_person.replies[-2]
    assert "How are things going" in young_person.last_reply

    await young_person.answers(*YOUNG_PERSON_ANSWERS[1:10])
    assert "tell you what we change?" in young_person.last_reply
    await young_person.says("i dont really mind either way")  # no question for words is left
    assert young_person.replies[-2] == "Please tap one of the buttons under the question."


async def test_skip_and_back_can_be_typed_and_are_never_stored_as_words(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("skip")
    assert "do better?" in young_person.last_reply
    await young_person.says("back")
    assert "one good thing" in young_person.last_reply
    await young_person.says("Skip")
    await young_person.says("more time to talk")
    answers = {a["step_id"]: a for a in await rows(app, "SELECT * FROM answers")}
    assert answers["good_thing"]["skipped"] == 1 and answers["good_thing"]["text"] is None
    assert answers["change"]["text"] == "more time to talk"


async def test_the_skip_and_back_commands_other_bots_have_work_like_the_buttons(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("/skip")
    assert "do better?" in young_person.last_reply
    await young_person.says("/back")
    assert "one good thing" in young_person.last_reply
    await young_person.says("more time to talk")
    [good_thing] = await rows(app, "SELECT * FROM answers WHERE step_id = 'good_thing'")
    assert good_thing["skipped"] == 0 and good_thing["text"] == "more time to talk"


async def test_skip_and_back_commands_where_there_is_nothing_to_skip_or_go_back_to(
    app, young_person
):
    await young_person.says("/start")
    await young_person.taps("I'm a young person")
    await young_person.says("/skip")
    assert young_person.replies[-2] == "Please tap one of the buttons under the question."
    assert "Is that OK?" in young_person.last_reply
    await young_person.says("/back")
    assert young_person.replies[-2] == "Please tap one of the buttons under the question."
    assert "Is that OK?" in young_person.last_reply
    assert await rows(app, "SELECT * FROM answers") == []


async def test_skip_typed_at_the_question_that_cannot_be_skipped_asks_for_a_tap(app, young_person):
    await young_person.says("/start")
    await young_person.taps("I'm a young person")
    await young_person.says("skip")
    assert "Please tap one of the buttons" in young_person.replies[-2]
    assert "Is that OK?" in young_person.last_reply


async def test_who_they_are_can_be_typed_at_the_greeting(app, young_person, bot_api):
    await young_person.says("/start")
    greeting = young_person.messages[-1].message_id
    await young_person.says("young person")
    assert "Before we start" in young_person.replies[-2]
    [edit] = edits_to(bot_api, greeting)
    assert edit.params["text"] == young_person.messages[0].params["text"] + "\n✓ I'm a young person"


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


async def test_stop_inside_a_longer_answer_is_just_an_answer(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("stop moving me around")
    assert "do better?" in young_person.last_reply
    [answer] = await rows(app, "SELECT text FROM answers WHERE text IS NOT NULL")
    assert answer["text"] == "stop moving me around"


async def test_an_edited_answer_replaces_the_stored_one_and_its_themes(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("my worker is kind and she listens")
    await young_person.says("more time to talk")
    asked = len(young_person.replies)
    await young_person.edits_last_message("nobody rings me back when I call")

    assert "I changed your answer" in young_person.last_reply
    assert len(young_person.replies) == asked + 1
    answers = await rows(app, "SELECT id, step_id, text FROM answers WHERE text IS NOT NULL")
    assert [(a["step_id"], a["text"]) for a in answers] == [
        ("good_thing", "my worker is kind and she listens"),
        ("change", "nobody rings me back when I call"),
    ]
    changed = answers[1]["id"]
    themes = await rows(
        app, "SELECT theme_id, evidence FROM answer_themes WHERE answer_id = ?", changed
    )
    assert themes and all("rings me back" in t["evidence"] for t in themes)
    await young_person.answers("Skip")  # the flow goes on where it was
    assert "tell you what we change" in young_person.last_reply


async def test_an_edit_the_bot_cannot_use_is_answered_and_changes_nothing(app, young_person):
    await start_young_person(young_person)
    await young_person.says("12 to 15")
    await young_person.edits_last_message("8 to 11")
    assert "send a new message" in young_person.last_reply
    [answer] = await rows(app, "SELECT choice FROM answers")
    assert answer["choice"] == "teen"


async def test_an_edit_after_the_last_answer_leaves_the_sent_answers_alone(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.answers("my worker is kind", "more time to talk", "Skip", "No thanks")
    assert young_person.said("Thank you for telling us!")
    await young_person.edits_last_message("something else")
    assert "send a new message" in young_person.last_reply
    texts = await rows(app, "SELECT text FROM answers WHERE text IS NOT NULL")
    assert [t["text"] for t in texts] == ["my worker is kind", "more time to talk"]


async def test_empty_and_too_long_answers_are_refused_and_nothing_is_truncated(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("   ")
    assert "didn't get any words" in young_person.replies[-2]
    await young_person.says("a" * 1501)
    assert "under 1,500 letters" in young_person.last_reply
    assert "1,501" in young_person.last_reply
    texts = await rows(app, "SELECT text FROM answers WHERE text IS NOT NULL")
    assert texts == []
    await young_person.says("b" * 1500)
    assert (
        await rows(app, "SELECT length(text) AS n FROM answers WHERE step_id = 'good_thing'")
    ) == [{"n": 1500}]


async def test_emoji_only_answers_are_accepted(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("👍💛")
    assert await rows(app, "SELECT text FROM answers WHERE step_id = 'good_thing'") == [
        {"text": "👍💛"}
    ]


async def test_a_button_from_an_earlier_question_shows_the_current_one(app, young_person):
    await start_young_person(young_person)
    await young_person.taps("12 to 15")
    await young_person.presses_data("a|yp:age|child")
    assert "That button is from an earlier question" in young_person.replies[-2]
    assert "How are things going" in young_person.last_reply
    assert await rows(app, "SELECT choice FROM answers") == [{"choice": "teen"}]


async def test_callback_data_the_bot_never_sent_is_harmless(app, young_person):
    await start_young_person(young_person)
    for data in ("nonsense", "a|yp:age|robot", "x|y|z|w", "b|yp:age|"):
        await young_person.presses_data(data)
    assert "How old are you?" in young_person.last_reply
    assert await rows(app, "SELECT * FROM answers") == []


async def test_commands_mid_flow_are_handled_not_stored(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("/dance")
    assert "I don't know that command" in young_person.replies[-2]
    await young_person.says("/help")
    assert "Childline on 0800 1111" in young_person.replies[-2]
    assert "999" in young_person.replies[-2]
    await young_person.says("/start")
    assert "part way through" in young_person.replies[-2]
    assert "one good thing" in young_person.last_reply
    assert await rows(app, "SELECT * FROM answers WHERE text IS NOT NULL") == []


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


async def test_a_parent_completes_their_flow(app, parent):
    await parent.says("/start")
    await parent.taps("I'm a parent or carer")
    assert "Before we start" in parent.replies[-2]
    await parent.taps("Yes, let's start")
    await parent.taps("▫️ Early help")
    await parent.taps("▫️ Social work")
    await parent.taps("✅ Early help")  # changed their mind
    await parent.taps("Done")
    await parent.answers(
        "😐 OK",
        "Sometimes",
        "Yes, always",
        "Partly",
        "the family support worker was brilliant",
        "call back when you say you will",
        "no",
        "No thanks",
    )
    assert parent.said("Thank you for your feedback.")
    [response] = await rows(app, "SELECT * FROM responses")
    assert (response["audience_group"], response["status"]) == ("parent_carer", "complete")
    answers = {a["step_id"]: a for a in await rows(app, "SELECT * FROM answers")}
    assert answers["service"]["choice"] == "social_work"
    assert answers["respect"]["choice"] == "yes"
    assert answers["hear_back"]["choice"] == "no"
    assert "contact_ok" not in answers
    # "No thanks" to news: nobody is kept to hear back from us. (A chat id may be kept
    # with a safeguarding event, so a contact can reach them; it never means news.)
    assert [c["hear_back"] for c in await rows(app, "SELECT * FROM contacts")] in ([], [0])


async def test_a_parent_can_tick_services_by_typing_them(app, parent):
    await parent.says("/start")
    await parent.taps("I'm a parent or carer")
    await parent.taps("Yes, let's start")
    await parent.says("done")
    assert "tap one of the buttons" in parent.replies[-2]  # nothing ticked yet
    await parent.says("social work")
    await parent.says("Fostering")
    assert "Ticked: Fostering" in parent.replies[-2]
    assert "✅ Social work" in button_labels(parent.messages[-1])
    await parent.says("fostering")  # changed their mind
    assert "Unticked: Fostering" in parent.replies[-2]
    assert "▫️ Fostering" in button_labels(parent.messages[-1])
    await parent.says("Done")
    assert "Overall, how was the help" in parent.last_reply
    [answer] = await rows(app, "SELECT * FROM answers WHERE step_id = 'service'")
    assert answer["choice"] == "social_work"


async def test_a_parent_can_type_several_services_at_once(app, parent):
    await parent.says("/start")
    await parent.taps("I'm a parent or carer")
    await parent.taps("Yes, let's start")
    await parent.says("social worker and foster carers")
    assert "Ticked: Social work, Fostering" in parent.replies[-2]
    await parent.says("we had a social worker and then early help")
    assert "tap one of the buttons" in parent.replies[-2]
    await parent.says("early help, social work")  # one already ticked stays ticked
    assert "Ticked: Early help, Social work" in parent.replies[-2]
    labels = button_labels(parent.messages[-1])
    assert {"✅ Early help", "✅ Social work", "✅ Fostering"} <= set(labels)
    await parent.says("done")
    [answer] = await rows(app, "SELECT * FROM answers WHERE step_id = 'service'")
    assert answer["choice"] == "early_help,social_work,fostering"


async def test_each_typed_pick_takes_the_buttons_off_the_question_it_replaces(app, parent, bot_api):
    await parent.says("/start")
    await parent.taps("I'm a parent or carer")
    await parent.taps("Yes, let's start")
    first_question = parent.messages[-1].message_id
    await parent.says("early help")
    [cleared] = edits_to(bot_api, first_question, "editMessageReplyMarkup")
    assert cleared.buttons == []


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
    review_id = await repository.create_review(
        app.services.db, reference_hash="h1", created_by="p1"
    )
    await repository.create_review_link(
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


async def test_free_text_answers_are_tagged_with_themes_and_sentiment(app, young_person):
    await start_young_person(young_person)
    await young_person.answers(*YOUNG_PERSON_ANSWERS[:8])
    await young_person.answers("she never rings back")
    tagged = await rows(
        app,
        "SELECT a.step_id, t.theme_id, n.label FROM answers a JOIN answer_analysis n"
        " ON n.answer_id = a.id LEFT JOIN answer_themes t ON t.answer_id = a.id"
        " ORDER BY a.id",
    )
    by_step = {(row["step_id"], row["theme_id"]): row["label"] for row in tagged}
    assert by_step[("good_thing", "relationship_with_worker")] == "positive"
    assert by_step[("change", "communication")] == "negative"


async def test_going_back_and_skipping_a_typed_answer_leaves_no_themes_behind(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("she never rings back when i call")
    await young_person.taps("⬅️ Back")
    assert "one good thing" in young_person.last_reply
    await young_person.taps("Skip")
    [answer] = await rows(app, "SELECT id, text, skipped FROM answers WHERE step_id = 'good_thing'")
    assert (answer["text"], answer["skipped"]) == (None, 1)
    assert await rows(app, "SELECT * FROM answer_themes WHERE answer_id = ?", answer["id"]) == []
    assert await rows(app, "SELECT * FROM answer_analysis WHERE answer_id = ?", answer["id"]) == []


async def test_a_correction_is_stored_and_reaches_the_tagger(app, young_person):
    await reach_first_free_text(young_person)
    text = "the park near my carers has no lights"
    await young_person.says(text)
    [answer] = await rows(app, "SELECT id FROM answers WHERE text = ?", text)
    assert "safety" not in await repository.answer_theme_ids(app.services.db, answer["id"])
    await repository.correct_theme(
        app.services.db, answer_id=answer["id"], theme_id="safety", action="add", corrected_by="t1"
    )
    await app.services.refresh_tagger()
    assert "safety" in await repository.answer_theme_ids(app.services.db, answer["id"])
    assert "safety" in app.services.tagger.tag("The park near my carers has no lights!").theme_ids


async def test_an_edited_command_is_not_taken_for_an_edited_answer(app, young_person):
    await reach_first_free_text(young_person)
    await young_person.says("/help")
    replies = len(young_person.replies)
    await young_person.edits_last_message("/privacy")
    assert not any("changes to that message" in r for r in young_person.replies[replies:])


async def test_typed_replies_at_buttons_are_understood(app, young_person):
    await start_young_person(young_person)
    await young_person.says("im 9")
    assert "How is it going" in young_person.last_reply
    await young_person.says("pretty good")
    assert "Do you know who your worker is?" in young_person.last_reply
    await young_person.says("idk")
    await young_person.says("sumtimes")
    answers = {a["step_id"]: a["choice"] for a in await rows(app, "SELECT * FROM answers")}
    assert answers == {
        "age": "child",
        "mood": "good",
        "know_worker": "not_sure",
        "listened": "sometimes",
    }


async def test_a_question_about_the_question_gets_a_plain_explanation(app, young_person):
    await start_young_person(young_person)
    await young_person.answers("12 to 15", "🙂 Good", "Yes", "Sometimes")
    assert "respect you" in young_person.last_reply
    await young_person.says("wat does respect mean")
    assert young_person.replies[-2].startswith("Respect means we treat you well")
    assert "respect you" in young_person.last_reply


async def test_skip_typed_in_words_skips(app, young_person):
    await start_young_person(young_person)
    await young_person.says("12 to 15")
    await young_person.says("rather not say")
    assert "Do you know who your worker is?" in young_person.last_reply
    [mood] = await rows(app, "SELECT skipped FROM answers WHERE step_id = 'mood'")
    assert mood["skipped"] == 1


async def test_care_leavers_are_asked_about_their_pa_and_pathway_plan(app, young_person):
    await start_young_person(young_person)
    await young_person.says("I'm 17")
    await young_person.says("🙂 Good")
    assert "worker or PA" in young_person.last_reply
