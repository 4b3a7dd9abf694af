"""The practitioner reflective tool, through the real application."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from conversations.reminders import reminder_allowed
from storage import responses
from tests.support import (
    REFLECTION_ANSWERS,
    Person,
    alerts,
    assert_valid_for_the_bot_api,
    onboard,
    reach_first_free_text,
    rows,
    start_reflection,
)

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def practitioner(app, bot_api):
    return Person(app, bot_api, 8080)


async def test_anyone_without_the_role_is_refused_and_nothing_else(app, young_person):
    await young_person.says("/reflect")
    assert young_person.replies == [
        "Sorry, the reflective tool is for practitioners with an invite. "
        "Ask your manager or the QA team for one."
    ]
    await young_person.says("CPR-2026-014")
    assert "Type /start" in young_person.last_reply
    assert await rows(app, "SELECT * FROM reviews") == []


async def test_an_answer_edited_at_the_review_shows_the_review_again(app, practitioner):
    await onboard(app, practitioner)
    await start_reflection(practitioner)
    for answer in REFLECTION_ANSWERS:
        await practitioner.says(answer)
    await practitioner.edits_last_message("More time in supervision, and a steadier caseload.")
    await practitioner.taps("Good")
    assert "a steadier caseload" in practitioner.last_reply
    await practitioner.edits_last_message("Supervision every fortnight would help.")
    assert "Updated" in practitioner.replies[-2]
    assert "check your answers" in practitioner.last_reply
    assert "Supervision every fortnight would help." in practitioner.last_reply


async def test_a_full_reflection_with_an_edit_before_submitting(app, practitioner, bot_api):
    await onboard(app, practitioner)
    await practitioner.says("/reflect")
    await practitioner.says("not a ref!")
    assert "doesn't look like a review reference" in practitioner.last_reply
    await practitioner.says("CPR-2026-014")
    photos = [c for c in bot_api.sent_to(practitioner.chat_id) if c.method == "sendPhoto"]
    assert len(photos) == 2
    assert any("start=yp-" in reply and "start=pc-" in reply for reply in practitioner.replies)
    assert "1. What is life like for this child today?" in practitioner.last_reply
    for answer in REFLECTION_ANSWERS:
        await practitioner.says(answer)
    await practitioner.taps("Good")
    review = practitioner.last_reply
    assert "check your answers" in review
    assert "Using her own words in the plan." in review
    await practitioner.taps("✏️ 3")
    assert "3. What difference has your work made" in practitioner.last_reply
    await practitioner.says("Attendance is up and she has a stable home.")
    assert "Attendance is up" in practitioner.last_reply
    await practitioner.taps("✅ Submit")
    assert practitioner.said("Your reflection is submitted")
    [copy] = [c for c in bot_api.sent_to(practitioner.chat_id) if c.method == "sendDocument"]
    content = next(iter(copy.files.values()))
    document = content[1] if isinstance(content, tuple) else content
    text = document.decode() if isinstance(document, bytes) else str(document)
    assert "Sam Patel (Family Support East)" in text
    assert "Attendance is up and she has a stable home." in text
    assert "Good" in text

    [response] = await rows(app, "SELECT status, review_id, audience_group FROM responses")
    assert response["status"] == "complete" and response["review_id"] is not None
    assert response["audience_group"] == "practitioner"
    [review_row] = await rows(app, "SELECT reference_hash FROM reviews")
    assert "CPR" not in review_row["reference_hash"]


async def test_my_reflections_before_any_is_submitted_points_to_the_unfinished_one(
    app, practitioner, bot_api
):
    await onboard(app, practitioner)
    await practitioner.says("/myreflections")
    assert "haven't submitted a reflection yet. Type /reflect" in practitioner.last_reply
    await start_reflection(practitioner)
    await practitioner.says(REFLECTION_ANSWERS[0])
    await practitioner.says("/myreflections")
    assert practitioner.said("You have 1 unfinished: type /drafts to carry on")
    assert "2. How have you heard the child's voice" in practitioner.last_reply
    assert not [c for c in bot_api.sent_to(practitioner.chat_id) if c.method == "sendDocument"]


async def test_review_links_start_the_child_and_family_flows_on_the_same_review(
    app, practitioner, young_person, parent
):
    await onboard(app, practitioner)
    await start_reflection(practitioner)
    await practitioner.says(REFLECTION_ANSWERS[0])
    links = next(reply for reply in practitioner.replies if "start=yp-" in reply)
    child_match = re.search(r"start=yp-([\w-]+)", links)
    family_match = re.search(r"start=pc-([\w-]+)", links)
    assert child_match and family_match
    child_token, family_token = child_match.group(1), family_match.group(1)
    await young_person.says(f"/start yp-{child_token}")
    await young_person.taps("OK, let's start")
    await young_person.taps("12 to 15")
    await parent.says(f"/start pc-{family_token}")
    await parent.taps("Yes, let's start")
    await parent.taps("Skip")
    linked = await rows(app, "SELECT audience_group, review_id FROM responses ORDER BY id")
    review_ids = {row["review_id"] for row in linked}
    assert len(review_ids) == 1 and None not in review_ids
    assert {row["audience_group"] for row in linked} == {
        "practitioner",
        "young_person",
        "parent_carer",
    }


async def test_stop_restart_and_resume_from_drafts(settings):
    first = InProcessBotApi()
    async with running(build_application(settings, request=first)) as app:
        person = Person(app, first, 8181)
        await onboard(app, person)
        await start_reflection(person)
        for answer in REFLECTION_ANSWERS[:3]:
            await person.says(answer)
        assert "4. Have you been ambitious" in person.last_reply

    second = InProcessBotApi()
    async with running(build_application(settings, request=second)) as app:
        person = Person(app, second, 8181)
        await person.says("/start")
        await person.says("/drafts")
        assert "unfinished reflections" in person.last_reply
        assert "3 of 10 answered" in person.last_reply
        await person.taps("1. She is settled")
        assert "4. Have you been ambitious" in person.last_reply


async def test_stopping_a_reflection_keeps_it_as_a_draft_in_practitioners_words(app, practitioner):
    await onboard(app, practitioner)
    await start_reflection(practitioner)
    await practitioner.says(REFLECTION_ANSWERS[0])
    await practitioner.says("/cancel")
    assert "keep it as a draft to finish later" in practitioner.last_reply
    await practitioner.taps("Keep it as a draft")
    assert "Saved as a draft. /drafts carries on with it" in practitioner.last_reply
    await practitioner.says("/drafts")
    assert "1 of 10 answered." in practitioner.last_reply


async def test_a_draft_counts_skipped_questions_apart_from_answered_ones(app, practitioner):
    await onboard(app, practitioner)
    await start_reflection(practitioner)
    await practitioner.says(REFLECTION_ANSWERS[0])
    await practitioner.says("skip")
    await practitioner.says(REFLECTION_ANSWERS[2])
    await practitioner.says("stop")
    await practitioner.taps("Keep it as a draft")
    await practitioner.says("/drafts")
    assert "2 of 10 answered, 1 skipped." in practitioner.last_reply


async def test_drafts_are_told_apart_by_the_start_of_their_first_answer(app, practitioner):
    await onboard(app, practitioner)
    for reference, first_answer in [
        ("CPR-2026-014", "Kai is <settled> at his nan's and going to school most days now."),
        ("CPR-2026-015", "Mia moved foster home twice this year."),
    ]:
        await start_reflection(practitioner, reference)
        await practitioner.says(first_answer)
        await practitioner.says("/cancel")
        await practitioner.taps("Keep it as a draft")
    await start_reflection(practitioner, "CPR-2026-016")
    await practitioner.taps("Skip")
    await practitioner.says("/cancel")
    await practitioner.taps("Keep it as a draft")

    await practitioner.says("/drafts")
    listing = practitioner.last_reply
    assert "1. Started " in listing and ", last saved " in listing
    assert "“Kai is &lt;settled&gt; at his nan's and going to school most days now.”" in listing
    assert "“Mia moved foster home twice this year.”" in listing
    first, second, third = (label for label, _ in practitioner.last_buttons)
    assert first.startswith("1. Started ")  # nothing written in it yet: its date tells it
    assert second == "2. Mia moved foster home twice…"
    assert third == "3. Kai is <settled> at his…"
    await practitioner.taps("3. Kai")
    assert "2. How have you heard the child's voice" in practitioner.last_reply


async def test_a_restart_or_an_old_button_at_the_review_reference_asks_for_it_again(
    app, practitioner
):
    await onboard(app, practitioner)
    await practitioner.says("/reflect")
    await practitioner.presses_data("who|yp")
    assert "from an earlier question" in practitioner.replies[-2]
    assert "Which practice review" in practitioner.last_reply
    await practitioner.says("/start")
    assert "Which practice review" in practitioner.last_reply
    await practitioner.says("CPR-2026-014")
    assert "1. What is life like for this child today?" in practitioner.last_reply


async def test_a_long_list_of_drafts_says_how_many_more_there_are(app, practitioner):
    await onboard(app, practitioner)
    for _ in range(12):
        await responses.create_response(
            app.services.db,
            respondent=app.services.pseudonym(practitioner.chat_id),
            flow_id="pr",
            audience_group="practitioner",
            audience="practitioner",
        )
    await practitioner.says("/drafts")
    assert len(practitioner.last_buttons) == 10
    assert "These are the 10 you worked on last, of 12." in practitioner.last_reply


async def test_words_typed_at_the_list_of_drafts_show_the_list_again(app, practitioner):
    await onboard(app, practitioner)
    await start_reflection(practitioner)
    await practitioner.says(REFLECTION_ANSWERS[0])
    await practitioner.says("/drafts")
    await practitioner.says("the first one")
    assert "tap one of the buttons" in practitioner.replies[-2]
    assert "unfinished reflections" in practitioner.last_reply
    await practitioner.taps("1. ")
    assert "2. " in practitioner.last_reply


async def test_a_disclosure_in_a_reflection_alerts_and_keeps_the_answer_flagged(
    app, practitioner, bot_api
):
    await onboard(app, practitioner)
    await start_reflection(practitioner)
    await practitioner.says("He told me his stepdad hits him when mum is at work")
    assert "passed to the safeguarding contacts" in practitioner.replies[-2]
    assert "2. How have you heard the child's voice" in practitioner.last_reply
    assert "practitioner reflection" in alerts(bot_api)[0]
    [answer] = await rows(app, "SELECT step_id, flagged FROM answers")
    assert answer == {"step_id": "life_today", "flagged": 1}


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        (london(2026, 8, 3, 10), True),  # Monday in August, 10:00
        (london(2026, 12, 1, 16, 59), True),
        (london(2026, 8, 3, 8, 59), False),  # before 09:00
        (london(2026, 8, 3, 17, 0), False),  # from 17:00
        (london(2026, 8, 1, 11), False),  # Saturday
        (london(2026, 9, 1, 11), False),  # not a reflection month
        (london(2026, 11, 30, 11), False),
    ],
)
def test_reminders_only_on_weekdays_in_working_hours_of_the_reflection_months(moment, allowed):
    assert reminder_allowed(moment, []) is allowed


def test_at_most_twice_a_week_and_never_two_days_running():
    monday, wednesday, friday = (
        london(2026, 8, 3, 10),
        london(2026, 8, 5, 10),
        london(2026, 8, 7, 10),
    )
    assert not reminder_allowed(london(2026, 8, 4, 10), [monday])
    assert reminder_allowed(wednesday, [monday])
    assert not reminder_allowed(friday, [monday, wednesday])
    assert reminder_allowed(london(2026, 8, 10, 10), [monday, wednesday])  # a new week


async def test_reminders_are_sent_and_stop_when_asked(tmp_path):
    from tests.support import make_settings

    now = [london(2026, 8, 3, 10).timestamp()]
    api = InProcessBotApi()
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=api, clock=lambda: now[0])) as app:
        person = Person(app, api, 8282)
        await onboard(app, person)
        await start_reflection(person)
        await person.says(REFLECTION_ANSWERS[0])
        assert app.job_queue is not None
        [job] = app.job_queue.get_jobs_by_name("reminders")
        await job.run(app)
        assert "unfinished reflection" in person.last_reply
        assert person.last_buttons == [("No more reminders", "remind|off")]
        await job.run(app)
        assert sum("unfinished reflection" in r for r in person.replies) == 1
        await person.taps("No more reminders")
        assert person.last_reply == "OK, no more reminders."  # not taken for an old button
        now[0] += 2 * 24 * 3600
        await job.run(app)
        assert sum("unfinished reflection" in r for r in person.replies) == 1


@pytest.mark.parametrize("command", ["/reflect", "/drafts", "/myreflections"])
async def test_a_young_person_trying_a_practitioner_command_mid_flow_keeps_their_place(
    app, young_person, command
):
    await reach_first_free_text(young_person)
    await young_person.says(command)
    assert "for practitioners with an invite" in young_person.replies[-2]
    assert "one good thing" in young_person.last_reply
    await young_person.says("my worker listens")
    assert await rows(app, "SELECT text FROM answers WHERE text IS NOT NULL") == [
        {"text": "my worker listens"}
    ]


async def test_the_check_your_answers_screen_stays_valid_html_with_long_answers(
    app, practitioner, bot_api
):
    await onboard(app, practitioner)
    await start_reflection(practitioner)
    for number in range(len(REFLECTION_ANSWERS)):
        await practitioner.says(f"Answer {number}: " + "<b>Tom & Jerry</b> " * 200)
    await practitioner.taps("Good")
    review = practitioner.last_reply
    assert "check your answers" in review and "1. 1." not in review
    assert "✅ Submit" in [label for label, _ in practitioner.last_buttons]
    assert_valid_for_the_bot_api(bot_api)
    # Every answer is still shown, shortened alike, rather than the last ones cut off.
    for number in range(len(REFLECTION_ANSWERS)):
        assert f"Answer {number}: &lt;b&gt;Tom &amp; Jerry" in review
