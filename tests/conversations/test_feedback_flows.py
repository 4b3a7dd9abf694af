"""A young person and a parent give feedback through the real application, end to end:
every answer stored, tagged and corrected."""

from storage import contacts, tagging
from tests.support import (
    YOUNG_PERSON_ANSWERS,
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
    contact = await contacts.get_contact(app.services.db, response["respondent"])
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
    assert "safety" not in await tagging.answer_theme_ids(app.services.db, answer["id"])
    await tagging.correct_theme(
        app.services.db, answer_id=answer["id"], theme_id="safety", action="add", corrected_by="t1"
    )
    await app.services.refresh_tagger()
    assert "safety" in await tagging.answer_theme_ids(app.services.db, answer["id"])
    assert "safety" in app.services.tagger.tag("The park near my carers has no lights!").theme_ids


async def test_care_leavers_are_asked_about_their_pa_and_pathway_plan(app, young_person):
    await start_young_person(young_person)
    await young_person.says("I'm 17")
    await young_person.says("🙂 Good")
    assert "worker or PA" in young_person.last_reply
