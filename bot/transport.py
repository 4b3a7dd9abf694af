"""An in-process Bot API: the transport under `feedbackbot try`, the tests and benchmarks.

`InProcessBotApi` is a `BaseRequest` that answers Bot API methods itself and
records every call; it never opens a socket. `ChatSimulator` builds the
updates a person would send (text, commands, button presses, stickers) so the
real `Application` can process them.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

BOT_ID = 7_000_000_001
BOT_USERNAME = "practice_feedback_bot"


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    files: dict[str, Any] = field(default_factory=dict)
    result: Any = None

    @property
    def message_id(self) -> int | None:
        """The id of the message this call created, if it created one."""
        if isinstance(self.result, dict) and "message_id" in self.result:
            return int(self.result["message_id"])
        return None

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback data) of every inline button, in order."""
        markup = self.params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        return [
            (button["text"], button.get("callback_data", button.get("url", "")))
            for row in markup.get("inline_keyboard", [])
            for button in row
        ]


Responder = Callable[[ApiCall], Any]


class WrappedRequest(BaseRequest):
    """A transport around another (retries, health, the web chat): its life cycle and
    timeouts are the inner one's; a subclass decides what `do_request` adds."""

    def __init__(self, inner: BaseRequest) -> None:
        self.inner = inner

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

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
        return await self.inner.do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )


class InProcessBotApi(BaseRequest):
    """Answers Bot API calls in process; `responders` can override any method's answer."""

    def __init__(self, *, on_call: Callable[[ApiCall], None] | None = None) -> None:
        self.calls: list[ApiCall] = []
        self.responders: dict[str, Responder] = {}
        self._on_call = on_call
        self._message_ids = itertools.count(1000)

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

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
        files = (
            dict(request_data.multipart_data)
            if request_data and request_data.contains_files
            else {}
        )
        call = ApiCall(api_method, params, files)
        self.calls.append(call)
        responder = self.responders.get(api_method)
        result = responder(call) if responder else self._default_result(call)
        if isinstance(result, tuple):
            return result
        call.result = result
        if self._on_call:
            self._on_call(call)
        if api_method == "getUpdates":
            await asyncio.sleep(0.05)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _default_result(self, call: ApiCall) -> Any:
        if call.method == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "Feedback",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if call.method == "getUpdates":
            return []
        if call.method in {"sendMessage", "sendDocument", "sendPhoto", "editMessageText"}:
            return self._message_json(call)
        if call.method == "copyMessage":
            return {"message_id": next(self._message_ids)}
        return True

    def _message_json(self, call: ApiCall) -> dict[str, Any]:
        chat_id = call.chat_id or 0
        message: dict[str, Any] = {
            "message_id": int(call.params.get("message_id") or next(self._message_ids)),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Feedback"},
        }
        if "text" in call.params:
            message["text"] = call.params["text"]
        if call.method == "sendDocument":
            message["document"] = {"file_id": "doc", "file_unique_id": "doc"}
        if call.method == "sendPhoto":
            message["photo"] = [
                {"file_id": "photo", "file_unique_id": "photo", "width": 1, "height": 1}
            ]
        if call.params.get("reply_markup"):
            markup = call.params["reply_markup"]
            message["reply_markup"] = json.loads(markup) if isinstance(markup, str) else markup
        return message

    # Reading what was sent

    def sent_to(self, chat_id: int) -> list[ApiCall]:
        return [
            call
            for call in self.calls
            if call.chat_id == chat_id
            and call.method in {"sendMessage", "sendDocument", "sendPhoto", "editMessageText"}
        ]


class ChatSimulator:
    """Builds the updates one person sends in one chat, as Telegram would deliver them."""

    _update_ids = itertools.count(1)

    def __init__(
        self,
        user_id: int,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Sam",
    ) -> None:
        self.user_id = user_id
        self.chat_id = chat_id if chat_id is not None else user_id
        self.chat_type = chat_type
        self.first_name = first_name
        # What the person's Telegram app is set to ("pl-PL"), if the test says.
        self.language_code: str | None = None
        self._message_ids = itertools.count(1)
        self.last_message_id = 0

    def _user(self) -> dict[str, Any]:
        user = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        return user | ({"language_code": self.language_code} if self.language_code else {})

    def _chat(self) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.chat_id, "type": self.chat_type}
        if self.chat_type == "private":
            chat["first_name"] = self.first_name
        else:
            chat["title"] = "A group"
        return chat

    def _message(self, *, message_id: int | None = None, **content: Any) -> dict[str, Any]:
        if message_id is None:
            message_id = self.last_message_id = next(self._message_ids)
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self._chat(),
            "from": self._user(),
            **content,
        }

    def _update(self, payload: dict[str, Any], bot: Any) -> Update:
        update = Update.de_json({"update_id": next(self._update_ids), **payload}, bot)
        assert update is not None
        return update

    def text(self, text: str, bot: Any) -> Update:
        return self._update({"message": self._message(**text_content(text))}, bot)

    def edited_text(self, text: str, bot: Any, *, message_id: int | None = None) -> Update:
        """The person edits one of their messages (by default, a new one)."""
        content = text_content(text)
        message = self._message(message_id=message_id, edit_date=int(time.time()), **content)
        return self._update({"edited_message": message}, bot)

    def press(self, callback_data: str, bot: Any, *, message_id: int = 1) -> Update:
        query = {
            "id": str(next(self._update_ids)),
            "from": self._user(),
            "chat_instance": str(self.chat_id),
            "data": callback_data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": self._chat(),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Feedback"},
                "text": "question",
            },
        }
        return self._update({"callback_query": query}, bot)

    def sticker(self, bot: Any) -> Update:
        sticker = {
            "file_id": "sticker",
            "file_unique_id": "sticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return self._update({"message": self._message(sticker=sticker)}, bot)

    def photo(self, bot: Any, caption: str | None = None) -> Update:
        photo = [{"file_id": "p", "file_unique_id": "p", "width": 10, "height": 10}]
        if caption:
            return self._update({"message": self._message(photo=photo, caption=caption)}, bot)
        return self._update({"message": self._message(photo=photo)}, bot)

    def voice(self, bot: Any) -> Update:
        voice = {"file_id": "v", "file_unique_id": "v", "duration": 3}
        return self._update({"message": self._message(voice=voice)}, bot)

    def location(self, bot: Any) -> Update:
        location = {"latitude": 51.5, "longitude": -0.1}
        return self._update({"message": self._message(location=location)}, bot)


def text_content(text: str) -> dict[str, Any]:
    """A text message's content, with the entity Telegram marks a leading command with
    (also how the web chat's messages reach the bot, `bot.web_chat.hub`)."""
    content: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        command = text.split()[0]
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return content
