"""Run the emulated Bot API and the bot as real processes, and act as a person.

The emulator is `telegram-test-api` behind `bot_api_server.js`, which fixes
the two things python-telegram-bot rejects (getMe without `is_bot`, dates in
milliseconds). The bot is `python -m bot run` pointed at it with
TELEGRAM_API_BASE_URL.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support import SAFEGUARDING_CHAT, TEST_KEY, TEST_TOKEN, free_port

E2E_DIR = Path(__file__).resolve().parent
ROOT = E2E_DIR.parents[1]
BOT_FROM = {"id": 666, "is_bot": True, "first_name": "Feedback"}


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class BotApiEmulator:
    def __init__(self, log_path: Path, port: int | None = None) -> None:
        if shutil.which("node") is None:
            pytest.skip("Node.js is not installed")
        if not (E2E_DIR / "node_modules" / "telegram-test-api").exists():
            pytest.fail(
                "run `make test` (or npm install in tests/e2e) to install telegram-test-api"
            )
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log_path.open("w")
        self.process = subprocess.Popen(
            ["node", str(E2E_DIR / "bot_api_server.js"), str(self.port)],
            cwd=E2E_DIR,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert "listening" in line, f"emulator did not start: {line!r}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self._log.close()


class BotProcess:
    """`python -m bot run` as a real process, killable with SIGKILL."""

    def __init__(self, emulator: Any, directory: Path, **extra_env: str) -> None:
        self.directory = directory
        self.database = directory / "feedback.sqlite3"
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": str(directory),
            "TELEGRAM_BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_BASE_URL": emulator.url,
            "PSEUDONYM_KEY": TEST_KEY,
            "SAFEGUARDING_CHAT_IDS": str(SAFEGUARDING_CHAT),
            "DATABASE_PATH": str(self.database),
            "REPORTING_DATABASE_PATH": str(directory / "reporting.sqlite3"),
            **extra_env,
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = itertools.count(1)

    def start(self) -> None:
        log = (self.directory / f"bot-{next(self.starts)}.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=self.directory,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def logs(self) -> str:
        return "".join(path.read_text() for path in sorted(self.directory.glob("bot-*.log")))


class EmulatedPerson:
    """A Telegram user talking to the bot through the emulator's client API."""

    def __init__(
        self, emulator: BotApiEmulator, user_id: int, *, chat_id: int | None = None
    ) -> None:
        self.client = httpx.Client(base_url=emulator.url, timeout=10)
        self.user = {"id": user_id, "is_bot": False, "first_name": "Sam"}
        self.chat = {"id": chat_id or user_id, "type": "private", "first_name": "Sam"}
        self.received: list[dict[str, Any]] = []

    def _common(self) -> dict[str, Any]:
        return {
            "botToken": TEST_TOKEN,
            "from": self.user,
            "chat": self.chat,
            "date": int(time.time()),
        }

    def says(self, text: str) -> None:
        body = {**self._common(), "text": text}
        if text.startswith("/"):
            body["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
            self.client.post("/sendCommand", json=body).raise_for_status()
        else:
            self.client.post("/sendMessage", json=body).raise_for_status()

    def taps(self, label: str) -> None:
        for item in reversed(self.received):
            for row in (item["message"].get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if button["text"] == label or button["text"].startswith(label):
                        self._press(button["callback_data"], item["messageId"])
                        return
        raise AssertionError(f"no button {label!r} in what the bot sent")

    def _press(self, data: str, message_id: int) -> None:
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self.chat,
            "from": BOT_FROM,
            "text": "question",
        }
        body = {"botToken": TEST_TOKEN, "from": self.user, "message": message, "data": data}
        self.client.post("/sendCallback", json=body).raise_for_status()

    def fetch(self) -> list[dict[str, Any]]:
        response = self.client.post(
            "/getUpdates", json={"token": TEST_TOKEN, "chatId": self.chat["id"]}
        )
        response.raise_for_status()
        new = response.json().get("result") or []
        self.received.extend(new)
        return new

    def waits_for(self, fragment: str, timeout: float = 20) -> str:
        """Wait until a message containing `fragment` arrives; return its text."""
        seen = len(self.received)

        def arrived() -> str | None:
            self.fetch()
            for item in self.received[seen:]:
                text = str(item["message"].get("text") or "")
                if fragment in text:
                    return text
            return None

        return str(wait_until(arrived, timeout, f"a message containing {fragment!r}"))

    def close(self) -> None:
        self.client.close()
