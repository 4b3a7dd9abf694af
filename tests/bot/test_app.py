import asyncio
import json
import logging

from telegram.error import NetworkError

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from tests.support import TEST_TOKEN, Person, onboard


async def test_start_is_answered_through_the_transport_with_no_network(young_person, bot_api):
    await young_person.says("/start")
    greeting = young_person.messages[-1]
    assert "Who is talking to me?" in greeting.text
    assert [label for label, _ in greeting.buttons] == [
        "I'm a young person",
        "I'm a parent or carer",
        "I work here",
        "🌐 Language · Język · زبان · ਭਾਸ਼ਾ",
    ]
    assert greeting.params["parse_mode"] == "HTML"
    assert {call.method for call in bot_api.calls} <= {
        "getMe",
        "setMyCommands",
        "sendMessage",
        "deleteWebhook",
    }


async def test_a_failing_request_never_puts_the_token_in_the_logs(settings, bot_api, caplog):
    def fail_with_url(call):
        raise NetworkError(f"could not reach https://api.telegram.org/bot{TEST_TOKEN}/sendMessage")

    caplog.set_level(logging.DEBUG)
    async with running(build_application(settings, request=bot_api)) as app:
        bot_api.responders["sendMessage"] = fail_with_url
        person = Person(app, bot_api, 77)
        await person.says("/start")
    assert "Error while handling update" in caplog.text
    assert "Traceback" in caplog.text
    assert TEST_TOKEN not in caplog.text
    assert TEST_TOKEN.split(":")[1] not in caplog.text


async def test_errors_are_logged_without_what_the_person_wrote(settings, bot_api, caplog):
    secret_words = "canary-words-xyzzy-4471"

    def fail_once(call):
        if "Type /start" in call.text:  # the reply fails however often it is retried
            raise NetworkError("Bot API unavailable")
        return bot_api._default_result(call)

    caplog.set_level(logging.DEBUG)
    async with running(build_application(settings, request=bot_api)) as app:
        bot_api.responders["sendMessage"] = fail_once
        person = Person(app, bot_api, 78)
        await person.says(secret_words)
        assert person.said("something went wrong")
    assert secret_words not in caplog.text


def as_json(value):
    return json.loads(value) if isinstance(value, str) else value


def menu_commands(call) -> list[str]:
    return [command["command"] for command in as_json(call.params["commands"])]


async def test_everyone_s_command_menu_has_no_staff_commands(young_person, bot_api):
    [menu] = [
        c
        for c in bot_api.calls
        if c.method == "setMyCommands"
        and "scope" not in c.params
        and "language_code" not in c.params
    ]
    assert menu_commands(menu) == [
        "start",
        "help",
        "cancel",
        "privacy",
        "mydata",
        "forget",
        "language",
    ]


async def test_the_command_menu_is_described_in_each_language_we_speak(young_person, bot_api):
    menus = {
        c.params.get("language_code"): as_json(c.params["commands"])
        for c in bot_api.calls
        if c.method == "setMyCommands" and "scope" not in c.params
    }
    assert set(menus) == {None, "pl", "ur", "pa"}
    english = {command["command"]: command["description"] for command in menus[None]}
    for language in ("pl", "ur", "pa"):
        described = {command["command"]: command["description"] for command in menus[language]}
        assert list(described) == list(english)
        assert described["help"] != english["help"], f"/help is described in {language}"
        assert described["language"] == english["language"], "named in every language already"


async def test_staff_menus_are_set_again_at_start_up(settings):
    first_api = InProcessBotApi()
    async with running(build_application(settings, request=first_api)) as app:
        await onboard(app, Person(app, first_api, 8181))

    second_api = InProcessBotApi()

    def scoped_menus():
        return [c for c in second_api.calls if c.method == "setMyCommands" and "scope" in c.params]

    async with running(build_application(settings, request=second_api)):
        for _ in range(100):  # a job a second after start-up
            if scoped_menus():
                break
            await asyncio.sleep(0.05)
    [menu] = scoped_menus()
    assert as_json(menu.params["scope"]) == {"type": "chat", "chat_id": 8181}
    assert "reflect" in menu_commands(menu)
