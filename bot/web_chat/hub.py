"""The web chat's side of the bot: what a page says goes in as an update, and what
the bot sends to a web chat is kept for the page.

To the application a web visitor is one more private chat. What they type or tap
becomes the same `Update` Telegram would send, stored in the inbox first (as
Telegram's are) and queued, so flows, safeguarding, tagging and storage run as
they do for Telegram. The bot's calls addressed to a web chat id never reach
Telegram: `WebChatRequest` hands them here, and they are kept in
`storage.web_chat` until the page asks for them (now, or the next time it opens).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

from bot.transport import WrappedRequest, text_content
from bot.web_chat.markup import to_page
from conversations import texts
from conversations.channels import web_chat_id, web_session_of
from conversations.context import BotContext, FeedbackApplication
from conversations.language import RIGHT_TO_LEFT, language_of, reading_in
from storage import inbox, web_chat
from storage.web_chat import WebMessage

# What the bot may do in a web chat, by Bot API method; anything else is a no-op there.
SENDS = {"sendMessage", "sendPhoto", "sendDocument"}
EDITS = {"editMessageText", "editMessageReplyMarkup"}
CALLBACK_PREFIX = "web"
# The page's own words, by the element or message they fill (see page/chat.js).
PAGE_WORDS = {
    "title": texts.WEB_TITLE,
    "intro": texts.WEB_INTRO,
    "quick-exit": texts.WEB_QUICK_EXIT,
    "say-label": texts.WEB_TYPE_HERE,
    "send": texts.WEB_SEND,
    "read": texts.WEB_READ_ALOUD,
    "offline": texts.WEB_OFFLINE,
    "not-sent": texts.WEB_NOT_SENT,
    "empty": texts.WEB_EMPTY,
}
ATTACHMENT = "📎"


class WebChat:
    """Web chat sessions as chats of the one application."""

    def __init__(self) -> None:
        self._application: FeedbackApplication | None = None
        self._last_seq = 0
        self._last_update_id = 0
        self._taps = itertools.count(1)
        # A session's pages waiting for news (two tabs share one), and how many wait.
        self._waiting: dict[int, asyncio.Event] = {}
        self._waiters: dict[int, int] = {}
        # Short notes for a page (a tapped button's answer), kept only until it next asks.
        self._notes: dict[int, list[str]] = {}

    def attach(self, application: FeedbackApplication) -> None:
        self._application = application

    @property
    def application(self) -> FeedbackApplication:
        if self._application is None:
            raise RuntimeError("the web chat is not attached to an application")
        return self._application

    def _next_seq(self) -> int:
        # Microseconds since 1970, never twice: later than any page saw, also after a restart.
        self._last_seq = max(self._last_seq + 1, time.time_ns() // 1000)
        return self._last_seq

    def _next_update_id(self) -> int:
        # From 2**52 up, like the chat ids: never one of Telegram's update ids.
        self._last_update_id = max(self._last_update_id + 1, web_chat_id(time.time_ns() // 1000))
        return self._last_update_id

    # What the person does

    async def says(self, session_id: int, text: str) -> WebMessage:
        """The person sent `text`: show it on their page, and give it to the bot."""
        services = self.application.services
        shown = await web_chat.add_message(
            services.db,
            session_id,
            seq=self._next_seq(),
            sender="person",
            body=text,
            buttons=None,
            now=services.now(),
        )
        self._wake(session_id)
        await self._queue(session_id, {"message": self._message(session_id, shown.id, text)})
        return shown

    async def starts(
        self, session_id: int, payload: str | None, browser_language: str | None = None
    ) -> None:
        """The page opened with nothing on it: `/start` (with a link's payload), unshown.
        The browser's language chooses the bot's, as Telegram's app's does, until they do."""
        text = "/start" + (f" {payload}" if payload else "")
        message = self._message(session_id, 0, text)
        if browser_language:
            message["from"]["language_code"] = browser_language
        await self._queue(session_id, {"message": message})

    async def taps(self, session_id: int, message_id: int, data: str) -> bool:
        """The person tapped a button; False if that message has no such button."""
        db = self.application.services.db
        source = await web_chat.find_message(db, session_id, message_id)
        if source is None or source.sender != "bot" or data not in _tap_data(source.buttons):
            return False  # a stale page, or a forged tap: never another chat's buttons
        chat_id = web_chat_id(session_id)
        query = {
            "id": f"{CALLBACK_PREFIX}{session_id}-{next(self._taps)}",
            "from": _person(chat_id),
            "chat_instance": str(chat_id),
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": _chat(chat_id),
                "from": {"id": self.application.bot.id, "is_bot": True, "first_name": "Bot"},
                "text": source.body,
            },
        }
        await self._queue(session_id, {"callback_query": query})
        return True

    def _message(self, session_id: int, message_id: int, text: str) -> dict[str, Any]:
        chat_id = web_chat_id(session_id)
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "from": _person(chat_id),
            **text_content(text),
        }

    async def _queue(self, session_id: int, content: dict[str, Any]) -> None:
        """Stored in the inbox before it is queued: a restart handles it, as for Telegram."""
        application = self.application
        services = application.services
        payload = {"update_id": self._next_update_id(), **content}
        await inbox.store(
            services.db, [(payload["update_id"], json.dumps(payload))], services.now()
        )
        update = Update.de_json(payload, application.bot)
        application.inbox_pending.add(update.update_id)
        await application.update_queue.put(update)

    # What the page asks for

    async def page(self, session_id: int, after: int, wait: float) -> dict[str, Any]:
        """What changed on the page since `after`, waiting up to `wait` seconds for news."""
        db = self.application.services.db
        event = self._waiting.setdefault(session_id, asyncio.Event())
        self._waiters[session_id] = self._waiters.get(session_id, 0) + 1
        try:
            changed = await web_chat.messages_after(db, session_id, after)
            if not changed and not self._notes.get(session_id) and wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), timeout=wait)
                changed = await web_chat.messages_after(db, session_id, after)
        finally:
            self._stop_waiting(session_id, event)
        notes = self._notes.pop(session_id, [])
        return {
            "page": self.page_words(session_id),
            "messages": [_for_page(message) for message in changed],
            "notes": notes,
            "seq": max([after, *(message.seq for message in changed)]),
            # Anything older than this is no longer theirs to see (Quick exit, /forget).
            "oldest": await web_chat.first_message_id(db, session_id),
        }

    def page_words(self, session_id: int) -> dict[str, Any]:
        """The page's own words, in the language the person reads, and its direction."""
        language = language_of(self.application.user_data.get(web_chat_id(session_id)))
        with reading_in(language):
            words = {key: wording.for_audience(None) for key, wording in PAGE_WORDS.items()}
        direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
        return {"lang": language, "dir": direction, "words": words}

    def _stop_waiting(self, session_id: int, event: asyncio.Event) -> None:
        """The last page of a session to stop waiting takes its event away: visitors
        who never hear from the bot again must not leave one behind each."""
        left = self._waiters.pop(session_id, 1) - 1
        if left:
            self._waiters[session_id] = left
        elif self._waiting.get(session_id) is event:
            del self._waiting[session_id]

    def waiting_pages(self) -> int:
        """How many sessions have a page waiting for news now."""
        return len(self._waiting)

    def _wake(self, session_id: int) -> None:
        event = self._waiting.pop(session_id, None)
        if event is not None:
            event.set()

    # What the bot sends to a web chat

    async def bot_call(self, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        """Do a Bot API call addressed to a web chat: (HTTP status, result or error)."""
        services = self.application.services
        if method == "answerCallbackQuery":
            session_id = _session_of_tap(str(params.get("callback_query_id", "")))
            if session_id is not None and params.get("text"):
                self._notes.setdefault(session_id, []).append(str(params["text"]))
                self._wake(session_id)
            return 200, True
        chat_id = int(params["chat_id"])
        session_id = web_session_of(chat_id)
        assert session_id is not None
        if not await web_chat.session_exists(services.db, session_id):
            return 403, "Forbidden: the web chat session no longer exists"
        buttons = _buttons(params.get("reply_markup"))
        if method in SENDS:
            body = str(params.get("text") or params.get("caption") or "")
            if method != "sendMessage":
                body = f"{ATTACHMENT} {body}".strip()
            shown = await web_chat.add_message(
                services.db,
                session_id,
                seq=self._next_seq(),
                sender="bot",
                body=body,
                buttons=buttons,
                now=services.now(),
            )
        elif method in EDITS:
            edited = await web_chat.edit_message(
                services.db,
                session_id,
                int(params["message_id"]),
                seq=self._next_seq(),
                body=str(params["text"]) if method == "editMessageText" else None,
                buttons=buttons,
            )
            if edited is None:
                return 400, "Bad Request: message to edit not found"
            shown = edited
        else:
            return 200, True  # typing indicators and the like: nothing to show
        self._wake(session_id)
        return 200, _as_telegram_message(chat_id, shown, self.application.bot.id)


class WebChatRequest(WrappedRequest):
    """The bot's transport: calls to a web chat go to `WebChat`, the rest to Telegram."""

    def __init__(self, hub: WebChat, telegram: BaseRequest) -> None:
        super().__init__(telegram)
        self.hub = hub

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        if _for_web_chat(api_method, params):
            status, result = await self.hub.bot_call(api_method, params)
            if status == 200:
                return 200, json.dumps({"ok": True, "result": result}).encode()
            body = {"ok": False, "error_code": status, "description": result}
            return status, json.dumps(body).encode()
        return await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )


def _for_web_chat(method: str, params: dict[str, Any]) -> bool:
    if method == "answerCallbackQuery":
        return _session_of_tap(str(params.get("callback_query_id", ""))) is not None
    chat_id = params.get("chat_id")
    try:
        return chat_id is not None and web_session_of(int(chat_id)) is not None
    except (TypeError, ValueError):
        return False  # an @channel name: Telegram's


def _session_of_tap(query_id: str) -> int | None:
    if not query_id.startswith(CALLBACK_PREFIX):
        return None
    number = query_id[len(CALLBACK_PREFIX) :].split("-", 1)[0]
    return int(number) if number.isdigit() else None


def _chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "private", "first_name": "Web chat"}


def _person(chat_id: int) -> dict[str, Any]:
    # No name, no account: a web visitor is known by their chat's number alone.
    return {"id": chat_id, "is_bot": False, "first_name": "Web chat"}


def _buttons(markup: Any) -> str | None:
    """A message's inline buttons as stored: JSON rows of [label, "data" or "url", value]."""
    if not markup:
        return None
    if isinstance(markup, str):
        markup = json.loads(markup)
    rows = [
        [
            [button["text"], "url", button["url"]]
            if "url" in button
            else [button["text"], "data", button.get("callback_data", "")]
            for button in row
        ]
        for row in markup.get("inline_keyboard", [])
    ]
    return json.dumps(rows, ensure_ascii=False) if rows else None


def _tap_data(buttons: str | None) -> set[str]:
    rows: Sequence[Sequence[Sequence[str]]] = json.loads(buttons) if buttons else []
    return {value for row in rows for _, kind, value in row if kind == "data"}


def _as_telegram_message(chat_id: int, message: WebMessage, bot_id: int) -> dict[str, Any]:
    """The Message the Bot API would return for it, as python-telegram-bot expects."""
    found: dict[str, Any] = {
        "message_id": message.id,
        "date": int(time.time()),
        "chat": _chat(chat_id),
        "from": {"id": bot_id, "is_bot": True, "first_name": "Bot"},
        "text": message.body,
    }
    if message.buttons:
        found["reply_markup"] = {
            "inline_keyboard": [
                [
                    {"text": label, "url": value}
                    if kind == "url"
                    else {"text": label, "callback_data": value}
                    for label, kind, value in row
                ]
                for row in json.loads(message.buttons)
            ]
        }
    return found


def _for_page(message: WebMessage) -> dict[str, Any]:
    shown, plain = to_page(message.body) if message.sender == "bot" else ("", message.body)
    rows = json.loads(message.buttons) if message.buttons else []
    return {
        "id": message.id,
        "from": message.sender,
        "html": shown,
        "text": plain,
        "buttons": [
            [
                {"label": label, "url": value} if kind == "url" else {"label": label, "data": value}
                for label, kind, value in row
            ]
            for row in rows
        ],
    }


# A page idle this long is cleared, as the questions then start afresh (conversations.engine).
IDLE_PAGE = timedelta(days=14)


async def clear_idle_pages(context: BotContext) -> None:
    """Nightly job: take the words off web chat pages nobody has opened for two weeks."""
    services = context.services
    await web_chat.clear_idle(services.db, services.now() - IDLE_PAGE)
