"""Faults against the real bot process and a local Bot API server."""

import time
from types import SimpleNamespace

from tests.e2e.harness import (
    BotApiEmulator,
    BotProcess,
    EmulatedPerson,
    wait_until,
)
from tests.support import free_port


def test_the_bot_starts_without_telegram_and_answers_once_it_is_there(tmp_path):
    port = free_port()
    bot = BotProcess(SimpleNamespace(url=f"http://127.0.0.1:{port}"), tmp_path)
    bot.start()
    emulator = None
    try:
        time.sleep(4)  # a first start ever, with nothing listening at the Bot API's address
        assert bot.process is not None and bot.process.poll() is None, bot.logs()
        logs = bot.logs()
        assert logs.count("Lost contact with the Bot API") == 1, logs
        assert "Traceback" not in logs
        emulator = BotApiEmulator(tmp_path / "emulator.log", port=port)
        person = EmulatedPerson(emulator, 6101)
        person.says("/start")
        person.waits_for("Who is talking to me?", timeout=60)
        assert "Contact with the Bot API is back" in bot.logs()
        person.close()
    finally:
        bot.stop()
        if emulator is not None:
            emulator.stop()


def test_messages_fetched_just_before_a_sigkill_are_answered_after_the_restart(
    emulator, bot_process
):
    bot_process.start()
    first = EmulatedPerson(emulator, 6200)
    first.says("/start")
    first.waits_for("Who is talking to me?")  # the bot is up and polling
    people = [EmulatedPerson(emulator, 6201 + n) for n in range(20)]
    for kills in range(3):  # bounded: three crashes, each soon after a burst
        for person in people:
            person.says("/start")
        time.sleep(0.3 * (kills + 1))
        bot_process.kill()
        bot_process.start()
    for person in people:

        def greeted_three_times(person: EmulatedPerson = person) -> bool:
            person.fetch()
            texts = [str(item["message"].get("text")) for item in person.received]
            return sum("Who is talking to me?" in text for text in texts) >= 3

        wait_until(greeted_three_times, 60, f"three greetings for {person.user['id']}")
        person.close()
    first.close()
