"""A young person gives feedback to the bot running as a real process."""

import json
import signal
import sqlite3

import pytest

from tests.e2e.harness import EmulatedPerson
from tests.support import SAFEGUARDING_CHAT

pytestmark = pytest.mark.e2e


def stored_answers(database) -> dict[str, tuple[str | None, str | None]]:
    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT step_id, choice, text FROM answers").fetchall()
    conn.close()
    return {step: (choice, text) for step, choice, text in rows}


def saved_step(database) -> str | None:
    """The step the saved conversation state says the person is on."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT data FROM ptb_state WHERE kind = 'user'").fetchall()
    conn.close()
    return json.loads(rows[0][0]).get("step") if rows else None


def test_a_young_person_completes_feedback(emulator, bot_process):
    bot_process.start()
    person = EmulatedPerson(emulator, 6001)
    person.says("/start")
    person.waits_for("Who is talking to me?")
    person.taps("I'm a young person")
    person.waits_for("Is that OK?")
    person.taps("OK, let's start")
    person.waits_for("How old are you?")
    for label, next_question in [
        ("12 to 15", "How are things going"),
        ("🙂 Good", "Do you know who your worker is?"),
        ("Yes", "Do you feel we listen to you?"),
        ("Yes, always", "Do you feel we respect you"),
        ("Yes, always", "Do you understand your plan?"),
        ("Yes", "Do you feel safe where you live?"),
        ("Yes", "one good thing"),
    ]:
        person.taps(label)
        person.waits_for(next_question)
    person.says("my worker always calls me back")
    person.waits_for("one thing we should change")
    person.says("less waiting")
    person.waits_for("anything else")
    person.taps("Skip")
    person.waits_for("tell you what we change?")
    person.taps("No thanks")
    person.waits_for("Thank you for telling us!")
    answers = stored_answers(bot_process.database)
    assert answers["good_thing"] == (None, "my worker always calls me back")
    assert answers["age"] == ("teen", None)
    with sqlite3.connect(bot_process.database) as conn:
        assert conn.execute("SELECT status FROM responses").fetchall() == [("complete",)]
    conn.close()
    person.close()


def test_a_bot_killed_mid_flow_resumes_at_the_same_step(emulator, bot_process):
    bot_process.start()
    person = EmulatedPerson(emulator, 6002)
    person.says("/start")
    person.waits_for("Who is talking to me?")
    person.taps("I'm a young person")
    person.waits_for("Is that OK?")
    person.taps("OK, let's start")
    person.waits_for("How old are you?")
    person.taps("8 to 11")
    person.waits_for("How is it going")
    person.taps("😐 OK")
    person.waits_for("Do you know who your worker is?")
    # Killed the moment the question arrives: the answers and the position were saved before it.
    bot_process.kill()
    assert bot_process.process is not None
    assert bot_process.process.returncode == -signal.SIGKILL
    assert stored_answers(bot_process.database) == {"age": ("child", None), "mood": ("ok", None)}
    assert saved_step(bot_process.database) == "know_worker"

    bot_process.start()
    person.taps("Not sure")
    person.waits_for("Do you feel we listen to you?")
    assert stored_answers(bot_process.database)["know_worker"] == ("not_sure", None)
    person.close()


def test_a_disclosure_reaches_the_safeguarding_contact_with_its_button(emulator, bot_process):
    bot_process.start()
    person = EmulatedPerson(emulator, 6003)
    contact_chat = EmulatedPerson(emulator, 9999, chat_id=SAFEGUARDING_CHAT)
    person.says("/start")
    person.waits_for("Who is talking to me?")
    person.says("my stepdad hits me")
    person.waits_for("You did the right thing")
    alert = contact_chat.waits_for("my stepdad hits me")
    assert "Physical abuse" in alert
    buttons = contact_chat.received[-1]["message"]["reply_markup"]["inline_keyboard"]
    assert buttons[0][0]["text"] == "I'm dealing with this"
    contact_chat.taps("I'm dealing with this")
    contact_chat.waits_for("is dealing with this")
    person.close()
    contact_chat.close()


def invite(bot_process, role: str) -> str:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "bot", "invite", "--role", role],
        cwd=bot_process.directory,
        env=bot_process.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split("Code: ")[1].split()[0]


def test_a_parent_completes_feedback(emulator, bot_process):
    bot_process.start()
    person = EmulatedPerson(emulator, 6101)
    person.says("/start pc")
    person.waits_for("Are you happy to start?")
    person.taps("Yes, let's start")
    person.waits_for("Which of our services")
    person.taps("▫️ Social work")
    person.taps("Done")
    person.waits_for("Overall, how was the help")
    for label, question in [
        ("🙂 Good", "Did you feel listened to?"),
        ("Yes, always", "treated with respect"),
        ("Sometimes", "understand the plan"),
        ("Yes", "made a difference"),
    ]:
        person.taps(label)
        person.waits_for(question)
    person.says("the family support worker")
    person.waits_for("What should we change")
    person.says("less waiting")
    person.waits_for("anything else")
    person.taps("Skip")
    person.waits_for("hear what we change")
    person.taps("No thanks")
    person.waits_for("Thank you for your feedback")
    person.close()


def test_a_practitioner_is_invited_reflects_stops_and_resumes(emulator, bot_process):
    code = invite(bot_process, "practitioner")
    bot_process.start()
    person = EmulatedPerson(emulator, 6201)
    person.says(f"/start {code}")
    person.waits_for("What name should I use")
    person.says("Sam")
    person.waits_for("Which team")
    person.says("Family Support East")
    person.waits_for("You're set up")
    person.says("/reflect")
    person.waits_for("Which practice review")
    person.says("CPR-2026-014")
    person.waits_for("1. What is life like")
    person.says("Settled at her nan's")
    person.waits_for("2. How have you heard")
    bot_process.stop()
    bot_process.start()
    person.says("/drafts")
    person.waits_for("unfinished reflections")
    person.taps("1. ")
    person.waits_for("2. How have you heard")
    # Long enough to be tagged and screened by the bot's worker process.
    reflection = (
        "We heard her through her own words at every visit, and through her nan, who "
        "keeps a diary of the good days and the hard ones. We could have listened "
        "better at school: the meetings there were long and she waited a lot. "
    ) * 3
    person.says(reflection)
    person.waits_for("3. ")
    with sqlite3.connect(bot_process.database) as conn:
        tagged = conn.execute(
            "SELECT n.label FROM answers a JOIN answer_analysis n ON n.answer_id = a.id"
            " WHERE a.text = ?",
            (reflection.strip(),),
        ).fetchall()
    conn.close()
    assert len(tagged) == 1
    logs = "".join(log.read_text() for log in bot_process.directory.glob("bot-*.log"))
    assert "text worker failed" not in logs
    person.close()


def test_the_participation_team_uses_themes(emulator, bot_process):
    code = invite(bot_process, "participation")
    bot_process.start()
    young = EmulatedPerson(emulator, 6301)
    young.says("/start yp")
    young.waits_for("Is that OK?")
    young.taps("OK, let's start")
    young.waits_for("How old are you?")
    team = EmulatedPerson(emulator, 6302)
    team.says(f"/start {code}")
    team.waits_for("participation role")
    team.says("/themes")
    team.waits_for("Themes,")
    young.close()
    team.close()
