"""Words sent after a feedback chat has ended are offered a place, never just lost."""

import time
from typing import Any

from bot.app import build_application, running
from tests.support import (
    REFLECTION_ANSWERS,
    YOUNG_PERSON_ANSWERS,
    Person,
    assert_valid_for_the_bot_api,
    make_settings,
    onboard,
    rows,
    start_reflection,
    start_young_person,
)

OFFER = "Do you want to add this to what you told us?"


async def finish_young_person(person: Person) -> None:
    await start_young_person(person)
    await person.answers(*YOUNG_PERSON_ANSWERS)
    assert person.said("Thank you for telling us!")


async def anything_else(app) -> dict[str, Any]:
    [answer] = await rows(
        app,
        "SELECT a.id, a.text, a.skipped, s.label FROM answers a"
        " LEFT JOIN answer_analysis s ON s.answer_id = a.id WHERE a.step_id = 'anything_else'",
    )
    return answer


async def test_words_after_the_end_are_added_when_the_person_says_yes(app, young_person, bot_api):
    await finish_young_person(young_person)
    await young_person.says("oh and my new school is really good")
    assert young_person.last_reply.endswith(OFFER)
    assert [label for label, _ in young_person.last_buttons] == ["Yes, add it", "No thanks"]
    await young_person.taps("Yes, add it")
    assert young_person.last_reply == "Thank you! We have added it. 💛"

    answer = await anything_else(app)
    assert answer["text"] == "oh and my new school is really good" and answer["skipped"] == 0
    assert answer["label"] == "positive"  # tagged, as any answer is
    themes = await rows(app, "SELECT theme_id FROM answer_themes WHERE answer_id = ?", answer["id"])
    assert {"theme_id": "education"} in themes
    assert_valid_for_the_bot_api(bot_api)


async def test_several_messages_in_a_row_are_asked_about_together_and_typed_yes_adds_them(
    app, young_person
):
    await finish_young_person(young_person)
    await young_person.says("also i moved to a new foster home")
    await young_person.says("and i like it there")
    assert young_person.last_reply.endswith(OFFER)
    offers = [m for m in young_person.messages if m.text and m.text.endswith(OFFER)]
    assert len(offers) == 2
    await young_person.says("yes")
    assert young_person.last_reply == "Thank you! We have added it. 💛"
    answer = await anything_else(app)
    assert answer["text"] == "also i moved to a new foster home\nand i like it there"


async def test_words_after_the_end_follow_what_was_already_said_there(app, young_person):
    await start_young_person(young_person)
    answers = list(YOUNG_PERSON_ANSWERS)
    answers[9] = "my sister helps me"
    await young_person.answers(*answers)
    await young_person.says("and my nan is great too")
    await young_person.taps("Yes, add it")
    answer = await anything_else(app)
    assert answer["text"] == "my sister helps me\n\nand my nan is great too"


async def test_a_short_word_while_asked_is_asked_for_a_tap_and_never_added(app, young_person):
    await finish_young_person(young_person)
    await young_person.says("my worker is always late")
    await young_person.says("thanks")
    assert young_person.replies[-2] == "Please tap one of the buttons under the question."
    assert young_person.last_reply.endswith(OFFER)
    await young_person.taps("Yes, add it")
    assert (await anything_else(app))["text"] == "my worker is always late"


async def test_no_thanks_keeps_nothing(app, young_person):
    await finish_young_person(young_person)
    before = await rows(app, "SELECT * FROM answers ORDER BY id")
    await young_person.says("i dont know what else to say really")
    await young_person.says("no")
    assert young_person.last_reply == "OK. We have not kept it."
    assert await rows(app, "SELECT * FROM answers ORDER BY id") == before
    await young_person.says("ok thanks bye")  # nothing is waiting to be added now: asked again
    assert young_person.last_reply.endswith(OFFER)


async def test_a_thank_you_or_hello_after_the_end_is_not_taken_for_more_to_say(app, young_person):
    await finish_young_person(young_person)
    for short in ("hi", "ok cool"):
        await young_person.says(short)
        assert "Type /start to tell us how our help is going" in young_person.last_reply
    for thanks in ("thanks", "Thank you!", "ok thanks"):
        await young_person.says(thanks)
        assert young_person.last_reply == (
            "You're welcome! 😊 Type /start any time to tell us more."
        )
    assert not young_person.said(OFFER)


async def test_a_disclosure_after_the_end_alerts_and_is_never_added(app, young_person):
    await finish_young_person(young_person)
    await young_person.says("my stepdad hits me when mum is out")
    assert young_person.said("You did the right thing")
    assert not young_person.said(OFFER)
    assert (await anything_else(app))["text"] is None


async def test_a_parent_is_asked_in_their_own_words(app, parent):
    await parent.says("/start")
    await parent.taps("I'm a parent or carer")
    await parent.taps("Yes, let's start")
    await parent.taps("▫️ Early help")
    await parent.taps("Done")
    await parent.answers(
        "😐 OK", "Yes", "Yes", "Yes", "they helped", "call back", "Skip", "No thanks"
    )
    assert parent.said("Thank you for your feedback.")
    await parent.says("Sorry, I forgot to say the family worker was brilliant")
    assert parent.last_reply == "Thank you. Would you like us to add this to your feedback?"
    await parent.taps("Yes, add it")
    assert parent.last_reply == "Thank you. We have added it to your feedback."


async def test_after_forget_there_is_nothing_to_add_to(app, young_person):
    await finish_young_person(young_person)
    await young_person.says("one more thing about my worker")
    await young_person.says("/forget")
    await young_person.taps("Yes, delete it")
    await young_person.taps("Yes, add it")  # the offer from before /forget
    assert "That button is from an earlier chat" in young_person.last_reply
    await young_person.says("one more thing about my worker")
    assert "Type /start" in young_person.last_reply
    assert await rows(app, "SELECT * FROM answers") == []


async def test_the_offer_lasts_two_weeks(tmp_path, bot_api):
    now = [time.time()]
    application = build_application(make_settings(tmp_path), request=bot_api, clock=lambda: now[0])
    async with running(application) as app:
        person = Person(app, bot_api, 4343)
        await finish_young_person(person)
        now[0] += 13 * 24 * 3600
        await person.says("my worker still has not called back")
        assert person.last_reply.endswith(OFFER)
        await person.says("no")
        now[0] += 2 * 24 * 3600
        await person.says("my worker still has not called back")
        assert "Type /start" in person.last_reply


async def test_a_failed_write_keeps_the_words_and_asks_again(app, young_person):
    await finish_young_person(young_person)
    await young_person.says("my new school is really good")
    await app.services.db.conn.execute("PRAGMA query_only = 1")  # every write now fails
    await young_person.taps("Yes, add it")
    assert "could not save that just now" in young_person.replies[-2]
    assert young_person.last_reply.endswith(OFFER)
    await app.services.db.conn.execute("PRAGMA query_only = 0")
    await young_person.taps("Yes, add it")
    assert (await anything_else(app))["text"] == "my new school is really good"


async def test_a_practitioner_reflection_takes_no_later_words(app, bot_api):
    practitioner = Person(app, bot_api, 8081)
    await onboard(app, practitioner)
    await start_reflection(practitioner)
    for answer in REFLECTION_ANSWERS:
        await practitioner.says(answer)
    await practitioner.taps("Good")
    await practitioner.taps("✅ Submit")
    assert practitioner.said("Your reflection is submitted")
    await practitioner.says("one more thought about this review")
    assert not practitioner.said(OFFER)
