"""Invites, setting up and being welcomed back, through the real application."""

import json

import pytest

from tests.support import (
    Person,
    make_invite,
    onboard,
    reach_first_free_text,
    rows,
)


@pytest.fixture
def practitioner(app, bot_api):
    return Person(app, bot_api, 8080)


def as_json(value):
    return json.loads(value) if isinstance(value, str) else value


def staff_menu(api, chat_id: int) -> list[str]:
    """The commands last put in this chat's menu; [] once the menu was taken away."""
    calls = [
        c
        for c in api.calls
        if c.method in {"setMyCommands", "deleteMyCommands"}
        and as_json(c.params.get("scope", {})).get("chat_id") == chat_id
    ]
    if not calls or calls[-1].method == "deleteMyCommands":
        return []
    return [command["command"] for command in as_json(calls[-1].params["commands"])]


async def test_a_team_invite_says_what_the_role_can_do(app, practitioner):
    await make_invite(app, "team", role="participation")
    await practitioner.says("/start inv-team")
    assert "You now have the participation role" in practitioner.last_reply
    assert "/themes" in practitioner.last_reply and "/report" in practitioner.last_reply


async def test_a_safeguarding_invite_says_where_alerts_go_and_how_to_answer(app, practitioner):
    await make_invite(app, "dsl", role="safeguarding")
    await practitioner.says("/start inv-dsl")
    assert "safeguarding chat" in practitioner.last_reply
    assert "/reply" in practitioner.last_reply and "/close" in practitioner.last_reply


async def test_start_shows_team_members_their_tools(app, practitioner):
    await make_invite(app, "team2", role="participation")
    await practitioner.says("/start inv-team2")
    await practitioner.says("/start")
    assert "/themes" in practitioner.last_reply
    assert "reflective tool is for practitioners" not in " ".join(practitioner.replies)


async def test_help_shows_staff_how_to_get_help_and_their_tools(app, practitioner, young_person):
    await make_invite(app, "team3", role="participation")
    await practitioner.says("/start inv-team3")
    await practitioner.says("/help")
    assert "NSPCC helpline" in practitioner.replies[-2]  # the staff wording of help-now
    assert "/themes" in practitioner.last_reply and "/report" in practitioner.last_reply

    await young_person.says("/help")
    assert "Childline on 0800 1111" in young_person.last_reply
    assert "/themes" not in " ".join(young_person.replies)


async def test_a_welcomed_back_practitioner_starts_a_reflection(app, practitioner):
    await onboard(app, practitioner)
    await practitioner.says("/start")
    assert "/reflect" in practitioner.last_reply
    await practitioner.says("/reflect")
    assert "Which practice review is this reflection for?" in practitioner.last_reply


async def test_i_work_here_without_an_invite_asks_for_one(app, young_person):
    await young_person.says("/start")
    await young_person.taps("I work here")
    assert "Ask your manager or the QA team for one" in young_person.replies[-2]
    assert "Who is talking to me?" in young_person.last_reply


async def test_taking_up_an_invite_puts_the_role_s_commands_in_the_menu(app, bot_api):
    person = Person(app, bot_api, 8282)
    await onboard(app, person, "menu1")
    assert staff_menu(bot_api, 8282)[-3:] == ["reflect", "drafts", "myreflections"]
    await make_invite(app, "menu2", role="participation")
    await person.says("/start inv-menu2")
    menu = staff_menu(bot_api, 8282)
    assert menu[:6] == ["start", "help", "cancel", "privacy", "mydata", "forget"]
    assert {"reflect", "themes", "search", "action", "actions", "report"} <= set(menu)


async def test_forgetting_a_staff_member_takes_their_commands_away(app, bot_api):
    person = Person(app, bot_api, 8383)
    await onboard(app, person, "menu3")
    await person.says("/forget")
    await person.taps("Yes, delete it")
    assert staff_menu(bot_api, 8383) == []


async def test_an_invite_works_once(app, practitioner, young_person):
    await onboard(app, practitioner, "once")
    await young_person.says("/start inv-once")
    assert "expired or has already been used" in young_person.last_reply
    assert await rows(app, "SELECT role FROM roles") == [{"role": "practitioner"}]


async def test_an_invite_tapped_after_the_greeting_is_used(app, practitioner):
    await practitioner.says("/start")
    assert "Who is talking to me?" in practitioner.last_reply
    await make_invite(app, "later")
    await practitioner.says("/start inv-later")
    assert "What name should I use for you?" in practitioner.last_reply
    assert await rows(app, "SELECT role FROM roles") == [{"role": "practitioner"}]


async def test_an_invite_tapped_in_the_middle_of_feedback_is_used(app, young_person):
    await reach_first_free_text(young_person)
    await make_invite(app, "midway", role="participation")
    await young_person.says("/start inv-midway")
    assert "You now have the participation role" in young_person.last_reply
    assert await rows(app, "SELECT role FROM roles") == [{"role": "participation"}]


async def test_an_expired_invite_does_not_work(app, practitioner):
    await make_invite(app, "old", days=-1)
    await practitioner.says("/start inv-old")
    assert "expired or has already been used" in practitioner.last_reply
    assert await rows(app, "SELECT * FROM roles") == []


async def test_closing_the_app_while_setting_up_keeps_the_practitioner_at_the_same_question(
    app, practitioner
):
    await make_invite(app, "code1")
    await practitioner.says("/start inv-code1")
    await practitioner.sends("sticker")
    assert "only read typed words" in practitioner.replies[-2]
    assert "What name should I use for you?" in practitioner.last_reply
    await practitioner.says("/start")
    assert "part way through" in practitioner.replies[-2]
    assert "What name should I use for you?" in practitioner.last_reply
    await practitioner.says("Sam Patel")
    await practitioner.says("/start")
    assert "Which team are you in?" in practitioner.last_reply
    await practitioner.says("Family Support East")
    assert "You're set up, Sam Patel" in practitioner.last_reply


async def test_typing_cancel_at_the_name_question_stops_and_is_not_taken_for_a_name(
    app, practitioner
):
    await make_invite(app, "code1")
    await practitioner.says("/start inv-code1")
    await practitioner.says("cancel")
    assert practitioner.last_reply == "OK, stopped."


async def test_start_welcomes_back_a_practitioner_by_name_not_as_a_newcomer(app, practitioner):
    await onboard(app, practitioner)
    await practitioner.says("/start")
    assert practitioner.last_reply.startswith("Welcome back, Sam Patel.")
    assert "Who is talking to me?" not in practitioner.last_reply
