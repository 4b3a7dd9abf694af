"""Taking answers: buttons, words typed the way people type them, skip and back,
edits, and whatever is not an answer (stickers, old buttons, commands)."""

import pytest

from tests.support import (
    YOUNG_PERSON_ANSWERS,
    button_labels,
    edits_to,
    reach_first_free_text,
    rows,
    start_young_person,
)


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


async def test_asking_who_will_see_it_gets_a_plain_answer_about_privacy(app, young_person):
    await start_young_person(young_person)
    await young_person.says("12 to 15")
    await young_person.says("will my mum find out?")
    assert young_person.replies[-2].startswith("We don't ask your name")
    assert "we must tell a person who can help" in young_person.replies[-2]
    assert "How are things going" in young_person.last_reply
    assert await rows(app, "SELECT * FROM answers WHERE step_id = 'mood'") == []


@pytest.mark.parametrize(
    "typed", ["ok but u wont tel my mum will u", "yes but I'd rather my name wasn't on it"]
)
async def test_a_yes_with_a_worry_about_who_will_be_told_gets_the_privacy_answer(
    app, young_person, typed
):
    await young_person.says("/start")
    await young_person.taps("I'm a young person")
    await young_person.says(typed)
    assert young_person.replies[-2].startswith("We don't ask your name")
    assert "Is that OK?" in young_person.last_reply  # not started until they say so


async def test_skip_typed_in_words_skips(app, young_person):
    await start_young_person(young_person)
    await young_person.says("12 to 15")
    await young_person.says("rather not say")
    assert "Do you know who your worker is?" in young_person.last_reply
    [mood] = await rows(app, "SELECT skipped FROM answers WHERE step_id = 'mood'")
    assert mood["skipped"] == 1
