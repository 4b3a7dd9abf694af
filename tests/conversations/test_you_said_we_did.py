"""You said, we did: recording actions, moving them on, and the news they send."""

from telegram.error import Forbidden

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from storage import actions, audit, contacts
from tests.support import (
    assert_valid_for_the_bot_api,
    delivered,
    feedback,
    make_settings,
    member,
    rows,
)


async def test_actions_read_as_two_sentences(app, bot_api):
    await actions.create_action(
        app.services.db,
        theme_id="communication",
        you_said="answer your phone or call back.",
        we_did="Every social worker now rings back within a day",
        status="planned",
        created_by="x",
    )
    team = await member(app, bot_api, 921)
    await team.says("/actions")
    assert (
        "You said: answer your phone or call back. "
        "We did: Every social worker now rings back within a day." in team.last_reply
    )
    assert ".." not in team.last_reply


async def test_the_actions_list_shows_every_action_however_long(app, bot_api):
    for number in range(20):
        await actions.create_action(
            app.services.db,
            theme_id="communication",
            you_said=f"action {number}: " + "you & <b>us</b> " * 50,
            we_did="we rang back " * 60,
            status="planned",
            created_by="x",
        )
    team = await member(app, bot_api, 911)
    await team.says("/actions")
    assert all(f"action {number}: you &amp; &lt;b&gt;" in team.last_reply for number in range(20))
    assert_valid_for_the_bot_api(bot_api)


async def test_an_action_marked_done_goes_only_to_the_right_people(tmp_path):
    api = InProcessBotApi()
    blocked_chat = 203

    def blocked(call):
        if call.chat_id == blocked_chat:
            raise Forbidden("Forbidden: bot was blocked by the user")
        return api._default_result(call)

    async with running(build_application(make_settings(tmp_path), request=api)) as app:
        for user in (201, 202, blocked_chat):
            await feedback(app, api, user, "she never rings back")
        await feedback(app, api, 204, "more trips out")  # opted in, other theme
        await feedback(app, api, 205, "nobody calls me back", hear_back=False)  # not opted in
        team = await member(app, api, 903)
        await team.says("/action")
        await team.taps("Communication")
        await team.says("workers don't call back")
        await team.says("every call is now returned within a day")
        await team.taps("Done")
        assert "Preview of what 3 people" in team.last_reply
        api.responders["sendMessage"] = blocked
        await team.taps("Send to 3 people")
        await delivered(app)
        told = {
            c.chat_id
            for c in api.calls
            if c.method == "sendMessage" and c.text.startswith("💬 You said") and c.result
        }
        assert told == {201, 202}
        contact = await contacts.get_contact(app.services.db, app.services.pseudonym(blocked_chat))
        assert contact is not None and contact.blocked_at is not None
        assert blocked_chat not in [
            c.chat_id
            for c in [
                await contacts.get_contact(app.services.db, r)
                for r in await actions.audience_for_theme(app.services.db, "communication")
            ]
            if c
        ]
        assert "broadcast" in [e["action"] for e in await audit.audit_entries(app.services.db)]


async def test_cancel_while_recording_an_action_records_nothing(app, bot_api):
    team = await member(app, bot_api, 907)
    await team.says("/action")
    await team.taps("Communication")
    await team.says("/cancel")
    assert team.last_reply == "OK, stopped."
    await team.says("workers don't call back")
    assert "Type /start" in team.last_reply
    assert await rows(app, "SELECT * FROM actions") == []


async def test_an_action_half_recorded_is_asked_again_where_it_stopped(app, bot_api):
    team = await member(app, bot_api, 904)
    await team.says("/action")
    await team.says("which one is it")
    assert "tap one of the buttons" in team.replies[-2]
    assert "Which theme is the action about?" in team.last_reply
    await team.says("communication")  # a button's words typed
    await team.sends("sticker")
    assert "What did people say?" in team.last_reply
    await team.says("workers don't call back")
    await team.says("calls are returned within a day")
    await team.says("/start")
    assert "What is its status?" in team.last_reply
    await team.taps("Done")
    [action] = await rows(app, "SELECT theme_id, you_said, we_did, status FROM actions")
    assert action == {
        "theme_id": "communication",
        "you_said": "workers don't call back",
        "we_did": "calls are returned within a day",
        "status": "done",
    }
