from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application, running
from bot.settings import Settings
from bot.transport import InProcessBotApi
from conversations.context import FeedbackApplication
from tests.support import Person, make_settings

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach beyond this machine."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[0] not in LOOPBACK:
            raise AssertionError(f"a test tried to reach the network: {address[0]}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def bot_api() -> InProcessBotApi:
    return InProcessBotApi()


@pytest.fixture
async def app(settings: Settings, bot_api: InProcessBotApi) -> AsyncIterator[FeedbackApplication]:
    async with running(build_application(settings, request=bot_api)) as application:
        yield application


@pytest.fixture
def young_person(app: FeedbackApplication, bot_api: InProcessBotApi) -> Person:
    return Person(app, bot_api, 4242)


@pytest.fixture
def parent(app: FeedbackApplication, bot_api: InProcessBotApi) -> Person:
    return Person(app, bot_api, 5151)
