"""Test helpers: settings for a temporary directory, and a person chatting with the bot
(or a staff member, who took up an invite)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.error import NetworkError

from bot.settings import Settings, load_settings
from bot.transport import ApiCall, ChatSimulator, InProcessBotApi
from conversations.context import FeedbackApplication
from storage import staff
from storage.pseudonym import keyed_hash

TEST_TOKEN = "123456789:AAE-canary-token-for-tests-only-xyz123"
TEST_KEY = "test-pseudonym-key-that-is-long-enough-0123456789"
SAFEGUARDING_CHAT = -100_200_300


def connection_refused() -> NetworkError:
    """What python-telegram-bot raises when the Bot API cannot be reached at all."""
    return NetworkError("httpx.ConnectError: [Errno 111] Connection refused")


def make_settings(directory: Path, **overrides: str) -> Settings:
    environ = {
        "TELEGRAM_BOT_TOKEN": TEST_TOKEN,
        "PSEUDONYM_KEY": TEST_KEY,
        "SAFEGUARDING_CHAT_IDS": str(SAFEGUARDING_CHAT),
        "DATABASE_PATH": str(directory / "feedback.sqlite3"),
        "REPORTING_DATABASE_PATH": str(directory / "reporting.sqlite3"),
        **overrides,
    }
    return load_settings(environ)


class Person:
    """Someone chatting with the bot through the real application and a fake transport."""

    def __init__(
        self,
        app: FeedbackApplication,
        api: InProcessBotApi,
        user_id: int,
        *,
        chat_type: str = "private",
        chat_id: int | None = None,
    ) -> None:
        self.app = app
        self.api = api
        self.sim = ChatSimulator(user_id, chat_type=chat_type, chat_id=chat_id)

    @property
    def chat_id(self) -> int:
        return self.sim.chat_id

    async def says(self, text: str) -> None:
        await self._process(self.sim.text(text, self.app.bot))

    async def edits_last_message(self, text: str) -> None:
        """Edit the message this person sent last, as Telegram lets them."""
        message_id = self.sim.last_message_id
        await self._process(self.sim.edited_text(text, self.app.bot, message_id=message_id))

    async def sends(self, kind: str) -> None:
        await self._process(getattr(self.sim, kind)(self.app.bot))

    async def presses_data(self, data: str, message_id: int = 1) -> None:
        await self._process(self.sim.press(data, self.app.bot, message_id=message_id))

    async def _process(self, update: Update) -> None:
        """Process the update, and let an outbox delivery already under way finish.

        A handler's own delivery steps aside when the outbox job is mid-run (that run
        sends its messages next), so without this a test could look too soon.
        """
        await self.app.process_update(update)
        async with self.app.services.delivery_lock:
            pass

    async def taps(self, label: str) -> None:
        """Tap the button with this label (or starting with it) on the newest keyboard."""
        keyboards = [
            call
            for call in self.api.calls
            if call.chat_id == self.chat_id
            and call.method in {"sendMessage", "editMessageReplyMarkup"}
        ]
        for call in reversed(keyboards):
            for text, data in call.buttons:
                if text == label or text.startswith(label):
                    message_id = call.message_id or int(call.params.get("message_id") or 1)
                    await self.presses_data(data, message_id=message_id)
                    return
        raise AssertionError(f"no button {label!r}; last buttons: {self.last_buttons}")

    async def answers(self, *replies: str) -> None:
        """Tap each label, or type each text that is not a button on the last question."""
        for reply in replies:
            labels = [text for text, _ in self.last_buttons]
            if any(label == reply or label.startswith(reply) for label in labels):
                await self.taps(reply)
            else:
                await self.says(reply)

    @property
    def messages(self) -> list[ApiCall]:
        return [c for c in self.api.sent_to(self.chat_id) if c.method != "editMessageText"]

    @property
    def replies(self) -> list[str]:
        return [call.text for call in self.messages]

    @property
    def last_reply(self) -> str:
        return self.replies[-1] if self.replies else ""

    @property
    def last_buttons(self) -> list[tuple[str, str]]:
        return self.messages[-1].buttons if self.messages else []

    def replies_since(self, count: int) -> list[str]:
        return self.replies[count:]

    def said(self, fragment: str) -> bool:
        return any(fragment in reply for reply in self.replies)


async def member(
    app: FeedbackApplication, api: InProcessBotApi, user_id: int, role: str = "participation"
) -> Person:
    """A staff member in their own chat with the bot, who has taken up an invite to `role`."""
    code = f"code{user_id}"
    await staff.create_invite(
        app.services.db,
        code_hash=keyed_hash(app.services.settings.pseudonym_secret, "invite", code),
        role=role,
        expires_at=datetime.now(UTC) + timedelta(days=1),
    )
    person = Person(app, api, user_id)
    await person.says(f"/start inv-{code}")
    return person


def button_labels(call: ApiCall) -> list[str]:
    return [label for label, _ in call.buttons]


def params(call: ApiCall) -> dict[str, Any]:
    return call.params


ALLOWED_TAGS = {"b", "i", "code"}
# Telegram's HTML mode knows these entities only, and only whole (a cut "&am" is an error).
BARE_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")


class StrictTelegramHtml(HTMLParser):
    """Fails on anything Telegram's HTML parse mode would reject."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag in ALLOWED_TAGS, tag
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, tag


def assert_valid_for_the_bot_api(api: InProcessBotApi) -> None:
    for call in api.calls:
        if call.method in {"sendMessage", "editMessageText"}:
            assert 0 < len(call.text) <= 4096
            parser = StrictTelegramHtml()
            parser.feed(call.text)
            parser.close()
            assert not parser.stack
            assert not BARE_AMPERSAND.search(call.text), call.text
            assert "something went wrong" not in call.text
        for _, data in call.buttons:
            assert len(data.encode()) <= 64
