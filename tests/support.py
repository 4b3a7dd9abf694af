"""Test helpers: settings for a temporary directory, and a person chatting with the bot
(or a staff member, who took up an invite)."""

from __future__ import annotations

import asyncio
import re
import socket
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
from telegram import Update
from telegram.error import NetworkError

from bot.settings import Settings, load_settings
from bot.transport import ApiCall, ChatSimulator, InProcessBotApi
from conversations.context import FeedbackApplication
from conversations.flows import YOUNG_PERSON
from conversations.models import END, Flow, Step
from conversations.outbox import deliver_due
from storage import outbox, staff
from storage.pseudonym import keyed_hash

TEST_TOKEN = "123456789:AAE-canary-token-for-tests-only-xyz123"
TEST_KEY = "test-pseudonym-key-that-is-long-enough-0123456789"
SAFEGUARDING_CHAT = -100_200_300
# A second member of the safeguarding contacts' chat.
SECOND_CONTACT = 777


def free_port() -> int:
    """A port nothing listens on now, for a server a test starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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


# Walking a flow from its declaration: a new question changes the flow file only.
KIND_WORDS = "my worker is kind and she listens"
FIRST_WORDS = "(the first question for words)"


def flow_replies(
    flow: Flow, audience: str, chosen: dict[str, str] | None = None, *, until: str | None = None
) -> list[str]:
    """What a person answers from the question after consent to the end of `flow`, or up
    to (not including) step `until` (`FIRST_WORDS`: the first question for words it
    reaches): `chosen[step id]` where given, else the first button (in `audience`'s
    words) or, for words, a kind sentence. Branches follow the chosen button, as the
    engine does."""
    chosen = chosen or {}
    steps = {step.id: step for step in flow.steps}
    replies = []
    index = next(n for n, step in enumerate(flow.steps) if step.kind != "consent")
    step: Step | None = flow.steps[index]
    while step is not None and step.id != until:
        if until == FIRST_WORDS and step.kind == "text":
            break
        options = {option.label.for_audience(audience): option for option in step.options}
        reply = chosen.get(step.id) or (next(iter(options)) if options else KIND_WORDS)
        replies.append(reply)
        picked = next((o for label, o in options.items() if label.startswith(reply)), None)
        jump = (picked.next if picked else None) or step.next
        if jump == END:
            break
        if jump is not None:
            step = steps[jump]
            continue
        position = flow.steps.index(step) + 1
        step = flow.steps[position] if position < len(flow.steps) else None
    return replies


# A 12-to-15-year-old's answers where the first button or a kind sentence would not do.
YOUNG_PERSON_CHOICES = {
    "age": "12 to 15",
    "mood": "🙂 Good",
    "listened": "Sometimes",
    "plan": "A bit",
    "change": "more time to talk",
    "anything_else": "Skip",
}
YOUNG_PERSON_ANSWERS = tuple(flow_replies(YOUNG_PERSON, "teen", YOUNG_PERSON_CHOICES))
# Nine answers, one for each of the reflection's questions for words.
REFLECTION_ANSWERS = [
    "She is settled at her nan's and going to school most days.",
    "Through direct work with three houses; she talks about feeling scared of shouting.",
    "She has a stable home and school attendance is up.",
    "I could have pushed harder for a tutor.",
    "Her Polish heritage matters; we got an interpreter for mum.",
    "School and health have worked well with us.",
    "Using her own words in the plan.",
    "Start the life story work sooner.",
    "More time in supervision to reflect.",
]


async def rows(app: FeedbackApplication, sql: str, *params: Any) -> list[dict[str, Any]]:
    async with app.services.db.conn.execute(sql, params) as cursor:
        return [dict(row) for row in await cursor.fetchall()]


async def start_young_person(person: Person) -> None:
    await person.says("/start")
    await person.taps("I'm a young person")
    await person.taps("OK, let's start")


async def reach_first_free_text(person: Person) -> None:
    """Start as a 12-to-15-year-old and answer every button question before the first
    question for their own words."""
    await start_young_person(person)
    buttons = len(flow_replies(YOUNG_PERSON, "teen", until=FIRST_WORDS))
    await person.answers(*YOUNG_PERSON_ANSWERS[:buttons])
    assert "one good thing" in person.last_reply


async def feedback(
    app: FeedbackApplication,
    api: InProcessBotApi,
    user_id: int,
    change: str,
    *,
    hear_back: bool = True,
) -> Person:
    """A young person who gives feedback, saying `change` should change."""
    person = Person(app, api, user_id)
    await start_young_person(person)
    chosen = {**YOUNG_PERSON_CHOICES, "change": change}
    if not hear_back:
        chosen["hear_back"] = "No thanks"
    await person.answers(*flow_replies(YOUNG_PERSON, "teen", chosen))
    return person


async def delivered(app: FeedbackApplication) -> None:
    """Wait until the outbox has sent everything due (delivery runs as a background task)."""
    for _ in range(200):
        await deliver_due(app)
        due = await outbox.due_messages(app.services.db, app.services.now())
        if not due and not app.services.delivery_lock.locked():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the outbox did not empty")


async def make_invite(
    app: FeedbackApplication, code: str, role: str = "practitioner", days: int = 14
) -> None:
    await staff.create_invite(
        app.services.db,
        code_hash=keyed_hash(app.services.settings.pseudonym_secret, "invite", code),
        role=role,
        expires_at=datetime.now(UTC) + timedelta(days=days),
    )


async def onboard(app: FeedbackApplication, person: Person, code: str = "code1") -> None:
    await make_invite(app, code)
    await person.says(f"/start inv-{code}")
    assert "What name should I use for you?" in person.last_reply
    await person.says("Sam Patel")
    await person.says("Family Support East")
    assert "You're set up, Sam Patel" in person.last_reply


async def start_reflection(person: Person, reference: str = "CPR-2026-014") -> None:
    await person.says("/reflect")
    await person.says(reference)


def alerts(api: InProcessBotApi, chat_id: int = SAFEGUARDING_CHAT) -> list[str]:
    return [call.text for call in api.sent_to(chat_id) if call.method == "sendMessage"]


def contacts_chat(app: FeedbackApplication, api: InProcessBotApi, user_id: int = 555) -> Person:
    """A member of the safeguarding contacts' chat, writing there."""
    return Person(app, api, user_id, chat_type="group", chat_id=SAFEGUARDING_CHAT)


def edits_to(api: InProcessBotApi, message_id: int, method: str = "editMessageText") -> list[Any]:
    """The calls that edited a message with `method`, oldest first."""
    return [
        call
        for call in api.calls
        if call.method == method and int(call.params.get("message_id") or 0) == message_id
    ]


class WebVisitor:
    """Someone using the web chat page, through its HTTP API, as the page's script does."""

    def __init__(self, app: FeedbackApplication, *, origin: str | None = None) -> None:
        site = app.web_chat_site
        assert site is not None and site.port is not None, "build the app with web_chat=True"
        self.app = app
        self.base = f"http://127.0.0.1:{site.port}"
        self.client = httpx.AsyncClient(base_url=self.base, headers={"Origin": origin or self.base})
        self.page: dict[int, dict[str, Any]] = {}
        self.notes: list[str] = []
        self.seq = 0

    async def close(self) -> None:
        await self.client.aclose()

    async def opens(self, link: str | None = None) -> httpx.Response:
        """Open the page: its session, and `/start` (with a link's payload) if it is empty."""
        response = await self.client.post("/api/session", json={})
        response.raise_for_status()
        self._apply(response.json())
        if not self.page or link:
            await self.client.post("/api/start", json={"payload": link} if link else {})
        await self.settles()
        return response

    async def says(self, text: str) -> httpx.Response:
        response = await self.client.post("/api/say", json={"text": text})
        await self.settles()
        return response

    async def taps(self, label: str) -> httpx.Response:
        """Tap the newest button with this label (or starting with it)."""
        for message in reversed(self.bot_messages):
            for row in message["buttons"]:
                for button in row:
                    if button["label"] == label or button["label"].startswith(label):
                        response = await self.client.post(
                            "/api/tap", json={"message": message["id"], "data": button["data"]}
                        )
                        await self.settles()
                        return response
        raise AssertionError(f"no button {label!r} on the page")

    async def answers(self, *replies: str) -> None:
        """Tap each label, or type each text that is not a button of the newest message."""
        for reply in replies:
            labels = [b["label"] for row in self.bot_messages[-1]["buttons"] for b in row]
            if any(label == reply or label.startswith(reply) for label in labels):
                await self.taps(reply)
            else:
                await self.says(reply)

    async def settles(self) -> None:
        """Wait until the bot has handled everything sent, and the page shows it."""
        await delivered(self.app)
        for _ in range(100):
            response = await self.client.get(
                "/api/messages", params={"after": self.seq, "wait": 0.1}
            )
            response.raise_for_status()
            changed = self._apply(response.json())
            if not changed and not self.app.inbox_pending and self.app.update_queue.empty():
                return
        raise AssertionError("the bot never finished answering")

    def _apply(self, page: dict[str, Any]) -> bool:
        oldest = page["oldest"]
        for message_id in [i for i in self.page if oldest is None or i < oldest]:
            del self.page[message_id]
        for message in page["messages"]:
            self.page[message["id"]] = message
        self.notes += page["notes"]
        self.seq = max(self.seq, page["seq"])
        return bool(page["messages"] or page["notes"])

    @property
    def bot_messages(self) -> list[dict[str, Any]]:
        return [m for _, m in sorted(self.page.items()) if m["from"] == "bot"]

    @property
    def texts(self) -> list[str]:
        return [m["text"] for m in self.bot_messages]

    def said(self, fragment: str) -> bool:
        return any(fragment in text for text in self.texts)
