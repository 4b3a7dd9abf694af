from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.harness import BotApiEmulator, BotProcess


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[BotApiEmulator]:
    server = BotApiEmulator(tmp_path / "emulator.log")
    yield server
    server.stop()


@pytest.fixture
def bot_process(emulator: BotApiEmulator, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess(emulator, tmp_path)
    yield process
    process.stop()
