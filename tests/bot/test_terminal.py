"""`feedbackbot try`: a terminal chat driven by the real application."""

import io
import os
import sqlite3
import subprocess
import sys

from bot.settings import load_settings
from bot.terminal import chat_in_terminal
from tests.support import free_port


def run_try(directory, typed: str) -> subprocess.CompletedProcess[str]:
    environ = {"PATH": os.environ["PATH"], "HOME": str(directory)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "try"],
        cwd=directory,
        env=environ,
        input=typed,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_try_chats_in_the_terminal_with_numbered_buttons_and_stores_answers(tmp_path):
    result = run_try(tmp_path, "1\n1\n3\n4\nmaybe later\n/quit\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "bot: Hi! 👋 I'm the feedback bot." in out
    assert "[1] I'm a young person" in out
    assert "[3] 16 or older" in out
    assert "Please tap one of the buttons" in out
    assert "Bye!" in out
    database = tmp_path / "data" / "feedback.sqlite3"
    with sqlite3.connect(database) as conn:
        answers = conn.execute("SELECT step_id, choice FROM answers ORDER BY id").fetchall()
    conn.close()
    assert answers == [("age", "young_adult"), ("mood", "good")]
    assert (tmp_path / "data" / "pseudonym.key").exists()


def test_try_ends_cleanly_at_end_of_input(tmp_path):
    result = run_try(tmp_path, "")
    assert result.returncode == 0
    assert "Who is talking to me?" in result.stdout


async def test_the_terminal_chat_can_be_driven_in_process(tmp_path):
    settings = load_settings({"DATABASE_PATH": str(tmp_path / "f.sqlite3")}, mode="try")
    output = io.StringIO()
    await chat_in_terminal(settings, io.StringIO("2\n1\n/cancel\n"), output)
    text = output.getvalue()
    assert "Before we start: we use what you tell us" in text
    assert "[1] ▫️ Early help" in text
    assert "OK, that's fine" not in text


async def test_a_ticked_choice_shows_the_buttons_again_with_their_ticks(tmp_path):
    settings = load_settings({"DATABASE_PATH": str(tmp_path / "f.sqlite3")}, mode="try")
    output = io.StringIO()
    await chat_in_terminal(settings, io.StringIO("2\n1\n2\n"), output)
    after_tick = output.getvalue().rsplit("you> ", 1)[0].rsplit("you> ", 1)[1]
    assert "[2] ✅ Social work" in after_tick
    assert "[1] ▫️ Early help" in after_tick


async def test_pressing_enter_alone_sends_nothing(tmp_path):
    settings = load_settings({"DATABASE_PATH": str(tmp_path / "f.sqlite3")}, mode="try")
    output = io.StringIO()
    await chat_in_terminal(settings, io.StringIO("\n  \n1\n"), output)
    text = output.getvalue()
    assert "only read typed words" not in text
    assert "Before we start, here is what happens" in text


async def test_try_shows_the_alert_as_the_contacts_would_see_it_with_no_contacts_configured(
    tmp_path,
):
    settings = load_settings({"DATABASE_PATH": str(tmp_path / "f.sqlite3")}, mode="try")
    assert settings.safeguarding_chat_ids == ()
    output = io.StringIO()
    await chat_in_terminal(settings, io.StringIO("my stepdad hits me\n"), output)
    text = output.getvalue()
    assert "bot: Thank you for telling me." in text
    assert "[safeguarding contacts' chat] 🚨 Safeguarding alert SG-" in text
    assert "Their words: «my stepdad hits me»" in text
    assert "[I'm dealing with this] | [Not a concern]" in text
    # The person's own buttons stay the ones they can choose.
    assert "[1] Keep going" in text


async def test_a_number_typed_at_a_question_for_words_is_an_answer_not_a_button(tmp_path):
    settings = load_settings({"DATABASE_PATH": str(tmp_path / "f.sqlite3")}, mode="try")
    typed = "1\n1\n2\n4\nYes\nYes, always\nYes, always\nYes\nYes\n1\n"
    await chat_in_terminal(settings, io.StringIO(typed), io.StringIO())
    with sqlite3.connect(tmp_path / "f.sqlite3") as db:
        [(text, skipped)] = db.execute(
            "SELECT text, skipped FROM answers WHERE step_id = 'good_thing'"
        ).fetchall()
    db.close()
    assert (text, skipped) == ("1", 0)


def test_a_document_the_bot_sends_is_saved_and_its_place_printed(tmp_path):
    from bot.terminal import TerminalChat
    from bot.transport import ApiCall

    output = io.StringIO()
    chat = TerminalChat(output, copies=tmp_path / "copies")
    call = ApiCall(
        "sendDocument",
        {"chat_id": 100_000_001, "caption": "Your copy"},
        {"document": ("reflection.txt", b"what went well", "text/plain")},
    )
    chat.show(call)
    saved = tmp_path / "copies" / "reflection.txt"
    assert saved.read_bytes() == b"what went well"
    assert f"saved as {saved}" in output.getvalue()


def test_something_arriving_while_the_prompt_waits_prints_on_its_own_line():
    from bot.terminal import TerminalChat
    from bot.transport import ApiCall

    output = io.StringIO()
    chat = TerminalChat(output)
    chat.prompt()
    chat.show(
        ApiCall("sendMessage", {"chat_id": 100_000_001, "text": "News: we changed visits"}, {})
    )
    assert output.getvalue() == "you> \nbot: News: we changed visits\nyou> "


class Printed:
    """What a child process prints, read as it comes (so its pipe never fills)."""

    def __init__(self, stream) -> None:
        import threading

        self.lines: list[str] = []
        threading.Thread(target=lambda: self.lines.extend(stream), daemon=True).start()

    def wait_for(self, fragment: str, seconds: float = 30) -> str:
        import time

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if fragment in (text := "".join(self.lines)):
                return text
            time.sleep(0.05)
        raise AssertionError(f"never printed {fragment!r}; printed:\n{''.join(self.lines)[-2000:]}")


def test_try_web_serves_the_page_and_the_terminal_is_the_contacts_chat(tmp_path):
    import re

    import httpx

    port = free_port()
    environ = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "WEB_CHAT_PORT": str(port)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "try", "--web"],
        cwd=tmp_path,
        env=environ,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    printed = Printed(process.stdout)
    try:
        printed.wait_for(f"http://127.0.0.1:{port}/")
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, headers={"Origin": base}, timeout=30) as page:
            assert "Quick exit" in page.get("/").text
            page.post("/api/session", json={})
            page.post("/api/start", json={})
            page.post("/api/say", json={"text": "my stepdad hits me"})
            alert = printed.wait_for("Reply to them through the bot")
            [reference] = set(re.findall(r"alert (SG-[A-Z0-9]+)", alert))
            process.stdin.write(f"/reply {reference} We are here. Are you safe?\n")
            process.stdin.flush()
            printed.wait_for(f"Sending to {reference}")
            texts: list[str] = []
            for _ in range(30):
                found = page.get("/api/messages", params={"after": 0, "wait": 1}).json()
                texts = [message["text"] for message in found["messages"]]
                if any("Are you safe?" in text for text in texts):
                    break
            assert any("Are you safe?" in text for text in texts), texts
        process.stdin.write("/quit\n")
        process.stdin.flush()
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
