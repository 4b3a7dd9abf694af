"""The participation team's tools (themes, search) and people's rights over their data."""

import json
from datetime import UTC, datetime

import pytest

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from storage import audit, contacts, tagging
from tests.support import (
    Person,
    assert_valid_for_the_bot_api,
    delivered,
    feedback,
    make_settings,
    member,
    onboard,
    rows,
    start_reflection,
    start_young_person,
)

PRIVILEGED = ["/themes", "/search call", "/actions", "/action", "/report"]


@pytest.mark.parametrize("command", PRIVILEGED)
async def test_privileged_commands_are_refused_and_audited(app, young_person, command):
    await young_person.says(command)
    assert young_person.last_reply == "Sorry, this is for staff."
    entries = await audit.audit_entries(app.services.db)
    assert entries and entries[-1]["allowed"] == 0


@pytest.mark.parametrize("data", ["th|timeliness|2026-12|0", "te|1", "ta|1|safety", "gp|1", "ax|1"])
async def test_privileged_buttons_are_refused(app, young_person, bot_api, data):
    await young_person.presses_data(data)
    answers = [c.params.get("text") for c in bot_api.calls if c.method == "answerCallbackQuery"]
    assert "Sorry, this is for staff." in answers
    assert await rows(app, "SELECT * FROM theme_corrections") == []


async def test_themes_page_through_responses_newest_first(app, bot_api):
    for number in range(7):
        await feedback(app, bot_api, 100 + number, f"she never rings back, week {number}")
    team = await member(app, bot_api, 900)
    await team.says("/themes")
    assert "Communication: 7" in team.last_reply
    await team.taps("Communication")
    page = team.last_reply
    assert "page 1 of 2" in page and "week 6" in page and "week 2" in page and "week 1" not in page
    await team.taps("Older ➡️")
    assert "page 2 of 2" in team.last_reply and "week 0" in team.last_reply
    logged = [e["action"] for e in await audit.audit_entries(app.services.db)]
    assert "view themes" in logged and "button th" in logged and "role granted" in logged


async def test_staff_see_small_theme_counts_as_they_are(app, bot_api):
    for number in range(2):
        await feedback(app, bot_api, 120 + number, f"she never rings back, time {number}")
    team = await member(app, bot_api, 920)
    await team.says("/themes")
    assert "Communication: 2 (+2)" in team.last_reply
    assert "fewer than 5" not in team.last_reply


async def test_a_correction_from_the_chat_reaches_the_tagger(app, bot_api):
    await feedback(app, bot_api, 101, "the park near my carers has no lights")
    [answer] = await rows(app, "SELECT id FROM answers WHERE text LIKE 'the park%'")
    team = await member(app, bot_api, 901)
    await team.presses_data(f"te|{answer['id']}")
    await team.taps("➕ Safety")
    assert "safety" in await tagging.answer_theme_ids(app.services.db, answer["id"])
    assert "safety" in app.services.tagger.tag("the park near my carers has no lights").theme_ids
    [correction] = await rows(app, "SELECT theme_id, action FROM theme_corrections")
    assert correction == {"theme_id": "safety", "action": "add"}


async def test_search_finds_de_identified_responses(app, bot_api):
    await feedback(app, bot_api, 102, "Sarah never calls back")
    team = await member(app, bot_api, 902)
    await team.says("/search calls back")
    assert "[name] never calls back" in team.last_reply
    assert "Sarah" not in team.last_reply


LONG_CHANGE = ("she never rings back & I wait <i>weeks</i> for news " * 40)[:1490]


async def test_pages_of_long_answers_show_every_answer_shortened_and_stay_valid(app, bot_api):
    for number in range(5):
        await feedback(app, bot_api, 110 + number, f"week {number}: {LONG_CHANGE}")
    team = await member(app, bot_api, 910)
    await team.says("/themes")
    await team.taps("Communication")
    page = team.last_reply
    await team.says("/search rings back")
    found = team.last_reply
    for shown in (page, found):
        assert all(f"week {number}: she never rings back &amp;" in shown for number in range(5))
        assert "…”" in shown
    await team.taps("✏️")
    assert "week 4: she never rings back" in team.last_reply
    assert_valid_for_the_bot_api(bot_api)


async def test_mydata_sends_everything_held(app, bot_api):
    person = await feedback(app, bot_api, 301, "less waiting")
    await person.says("/mydata")
    [document] = [c for c in bot_api.sent_to(person.chat_id) if c.method == "sendDocument"]
    content = next(iter(document.files.values()))
    data = json.loads(content[1] if isinstance(content, tuple) else content)
    [response] = data["responses"]
    assert {"step_id": "change", "text": "less waiting"}.items() <= {
        k: v for a in response["answers"] if a["step_id"] == "change" for k, v in a.items()
    }.items()
    assert data["opt_ins"]["hear_what_we_change"] is True


async def test_mydata_shows_the_answers_in_the_chat_in_plain_words(app, bot_api):
    person = await feedback(app, bot_api, 303, "less waiting")
    await person.says("/mydata")
    shown = "\n".join(person.replies)
    assert "<b>How old are you?</b>\n12 to 15" in shown
    assert "less waiting" in shown
    assert "(skipped)" in shown
    assert "you said we can tell you what we change" in shown.lower()
    assert "teen" not in shown and "good_thing" not in shown
    assert_valid_for_the_bot_api(bot_api)


async def test_mydata_shows_every_choice_of_a_pick_several_question(app, parent):
    await parent.says("/start")
    await parent.taps("I'm a parent or carer")
    await parent.taps("Yes, let's start")
    await parent.taps("▫️ Early help")
    await parent.taps("▫️ Social work")
    await parent.taps("Done")
    await parent.says("/mydata")
    assert "Early help, Social work" in "\n".join(parent.replies)
    assert "Not finished yet" in "\n".join(parent.replies)


async def test_mydata_sends_a_long_reflection_whole_in_several_messages(app, bot_api):
    person = Person(app, bot_api, 304)
    await onboard(app, person, "long")
    await start_reflection(person)
    long_answer = "word " * 790 + "end"
    for _ in range(3):
        await person.says(long_answer)
    await person.says("/mydata")
    shown = [c.text for c in bot_api.sent_to(person.chat_id) if c.method == "sendMessage"]
    after = shown[shown.index("Here is everything we have from you.") + 1 :]
    assert "".join(after).count("end") >= 3
    assert_valid_for_the_bot_api(bot_api)


async def every_value(app) -> str:
    dump = []
    async with app.services.db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    ) as c:
        tables = [row[0] for row in await c.fetchall()]
    for table in tables:
        async with app.services.db.conn.execute(f"SELECT * FROM {table}") as cursor:
            dump += [f"{table}:{tuple(row)}" for row in await cursor.fetchall()]
    return "\n".join(dump)


async def record_done_action(team: Person, said: str, did: str) -> None:
    await team.says("/action")
    await team.taps("Communication")
    await team.says(said)
    await team.says(did)
    await team.taps("Done")


async def test_news_can_be_stopped_with_the_button_under_it(app, bot_api):
    person = await feedback(app, bot_api, 305, "she never rings back")
    team = await member(app, bot_api, 905)
    await record_done_action(team, "workers don't call back", "calls are returned in a day")
    await team.taps("Send to 1 person")
    await delivered(app)
    assert person.last_reply.startswith("💬 You said")
    assert person.last_buttons == [("✏️ Tell us now", "begin"), ("No more messages", "news|off")]

    await person.taps("No more messages")
    assert "We won't send you any more news" in person.last_reply
    contact = await contacts.get_contact(app.services.db, app.services.pseudonym(305))
    assert contact is not None and not contact.hear_back
    await person.says("/mydata")
    assert not person.said("You said we can tell you what we change")

    await record_done_action(team, "nobody rings back", "a duty worker answers every call")
    assert "nobody who opted in" in team.last_reply


async def test_news_has_a_button_to_tell_us_more(app, bot_api):
    person = await feedback(app, bot_api, 306, "she never rings back")
    team = await member(app, bot_api, 906)
    await record_done_action(team, "workers don't call back", "calls are returned in a day")
    await team.taps("Send to 1 person")
    await delivered(app)
    await person.taps("✏️ Tell us now")
    assert "Who is talking to me?" in person.last_reply


async def test_forget_leaves_nothing_outside_safeguarding_records(app, bot_api):
    # An id long enough that no timestamp or counter can contain it by chance.
    chat_id = 730_021_957
    person = await feedback(app, bot_api, chat_id, "less waiting")
    await person.says("dad beats me")
    await person.says("/forget")
    await person.taps("Yes, delete it")
    assert "deleted your answers" in person.replies[-2]
    assert "must keep what you told us about being unsafe" in person.last_reply
    pseudonym = app.services.pseudonym(chat_id)
    remaining = [
        line
        for line in (await every_value(app)).splitlines()
        if pseudonym in line or str(chat_id) in line
    ]
    assert all(line.startswith(("safeguarding_events", "outbox")) for line in remaining), remaining
    assert all(pseudonym not in line for line in remaining if line.startswith("outbox"))
    assert await rows(app, "SELECT * FROM responses") == []


async def test_unclear_words_at_the_delete_question_delete_nothing_and_ask_again(app, bot_api):
    person = await feedback(app, bot_api, 303, "less waiting")
    await person.says("/forget")
    await person.says("what does that mean for my answers")
    assert "tap one of the buttons" in person.replies[-2]
    assert "delete everything you told us?" in person.last_reply
    await person.says("/start")
    assert "delete everything you told us?" in person.last_reply
    assert len(await rows(app, "SELECT * FROM responses")) == 1
    await person.taps("Yes, delete it")
    assert await rows(app, "SELECT * FROM responses") == []


async def test_yes_typed_at_the_delete_question_deletes_as_the_button_would(app, bot_api):
    person = await feedback(app, bot_api, 304, "less waiting")
    await person.says("/forget")
    await person.says("yes")
    assert "Done. We deleted your answers" in person.last_reply
    assert await rows(app, "SELECT * FROM responses") == []


async def test_no_typed_at_the_delete_question_keeps_everything(app, bot_api):
    person = await feedback(app, bot_api, 305, "less waiting")
    await person.says("/forget")
    await person.says("nah")
    assert "we kept it all" in person.last_reply
    assert len(await rows(app, "SELECT * FROM responses")) == 1


async def test_forget_in_the_middle_of_feedback_then_keep_goes_back_to_the_question(
    app, young_person
):
    await start_young_person(young_person)
    await young_person.answers("12 to 15")
    await young_person.says("/forget")
    await young_person.taps("No, keep it")
    assert "we kept it all" in young_person.replies[-2]
    assert "How are things going" in young_person.last_reply
    await young_person.taps("🙂 Good")
    assert "Do you know who your worker is?" in young_person.last_reply


@pytest.mark.parametrize("stop", ["/cancel", "stop"])
async def test_cancel_at_the_forget_question_deletes_nothing_and_goes_back(app, young_person, stop):
    await start_young_person(young_person)
    await young_person.answers("12 to 15")
    await young_person.says("/forget")
    await young_person.says(stop)
    assert young_person.replies[-2] == "OK, stopped."
    assert "How are things going" in young_person.last_reply
    assert len(await rows(app, "SELECT * FROM answers")) == 1


async def test_retention_purges_old_answers_but_reports_stay(tmp_path):
    now = [datetime.now(UTC).timestamp()]
    api = InProcessBotApi()
    settings = make_settings(tmp_path, RETENTION_DAYS="30")
    async with running(build_application(settings, request=api, clock=lambda: now[0])) as app:
        await feedback(app, api, 401, "less waiting")
        assert app.job_queue is not None
        [job] = app.job_queue.get_jobs_by_name("retention")
        await job.run(app)
        assert len(await rows(app, "SELECT * FROM responses")) == 1
        now[0] += 31 * 24 * 3600
        await job.run(app)
        assert await rows(app, "SELECT * FROM responses") == []
        assert await rows(app, "SELECT * FROM answers") == []


async def test_privacy_notice_in_plain_words(app, young_person):
    await young_person.says("/privacy")
    assert any("/forget" in reply for reply in young_person.replies)
    assert any("We don't ask your name" in reply for reply in young_person.replies)
    # Reports carry de-identified quotes, and the notice says so, not "only totals".
    assert any("some of the words people wrote" in reply for reply in young_person.replies)
    assert not any("only share totals" in reply for reply in young_person.replies)


async def test_privacy_notice_in_the_middle_of_feedback_then_the_same_question(app, young_person):
    await start_young_person(young_person)
    await young_person.says("/privacy")
    assert "Your choices" in young_person.replies[-2]
    assert "How old are you?" in young_person.last_reply


@pytest.mark.parametrize("role", ["participation", "practitioner"])
async def test_staff_are_told_what_is_kept_about_them(app, bot_api, role):
    person = await member(app, bot_api, 908, role)
    await person.says("/privacy")
    notice = " ".join(person.replies[-4:])  # and the name question again
    assert "the name and team you gave us" in notice
    assert "your role here included" in notice
    assert "We don't ask your name" not in notice


@pytest.mark.parametrize("command", ["/reply SG-AAAAA hello", "/close SG-AAAAA", "/reflect"])
async def test_other_staff_commands_are_refused_and_audited_too(app, young_person, command):
    await young_person.says(command)
    entries = await audit.audit_entries(app.services.db)
    assert entries and entries[-1]["allowed"] == 0


async def test_news_reaches_each_person_in_their_own_language(app, bot_api):
    english = await feedback(app, bot_api, 307, "she never rings back")
    polish = await feedback(app, bot_api, 308, "she never rings back")
    app.user_data[308]["language"] = "pl"  # chosen with /language, kept with their place
    team = await member(app, bot_api, 907)
    await record_done_action(team, "workers don't call back", "calls are returned in a day")
    await team.taps("Send to 2 people")
    await delivered(app)
    assert english.last_reply.startswith("💬 You said")
    assert polish.last_reply.startswith("💬") and "You said" not in polish.last_reply
    assert "calls are returned in a day" in polish.last_reply, "the team's own words as written"
    assert polish.last_buttons[0][0] != "✏️ Tell us now"
