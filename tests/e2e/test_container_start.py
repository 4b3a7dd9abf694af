"""The container's start command, run outside a container: `feedbackbot run` with the
image's environment (paths moved into a temporary folder), its secrets read from files,
against a local Bot API server. Its HEALTHCHECK address answers, as the image's would."""

from __future__ import annotations

import json
import re
import subprocess
import urllib.request
from pathlib import Path

from tests.e2e.harness import EmulatedPerson, wait_until
from tests.support import SAFEGUARDING_CHAT, TEST_KEY, TEST_TOKEN, free_port

ROOT = Path(__file__).parents[2]


def image_environment() -> dict[str, str]:
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    env: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("ENV "):
            env.update(dict(re.findall(r"(\w+)=(\S+)", line)))
    return env


def image_command() -> list[str]:
    [line] = [
        line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD ")
    ]
    return list(json.loads(line[4:]))


def test_the_images_start_command_runs_the_bot_and_its_healthcheck_answers(emulator, tmp_path):
    import os
    import sys

    (tmp_path / "token").write_text(TEST_TOKEN)
    (tmp_path / "key").write_text(TEST_KEY)
    metrics_port = free_port()
    env = {key: value.replace("/data", str(tmp_path)) for key, value in image_environment().items()}
    env.update(
        PATH=os.environ["PATH"],
        HOME=str(tmp_path),
        METRICS_PORT=str(metrics_port),
        METRICS_LISTEN="127.0.0.1",
        TELEGRAM_API_BASE_URL=emulator.url,
        TELEGRAM_BOT_TOKEN_FILE=str(tmp_path / "token"),
        PSEUDONYM_KEY_FILE=str(tmp_path / "key"),
        SAFEGUARDING_CHAT_IDS=str(SAFEGUARDING_CHAT),
    )
    command = image_command()
    assert command[0] == "feedbackbot"
    executable = str(Path(sys.executable).with_name("feedbackbot"))
    log = (tmp_path / "bot.log").open("w")
    process = subprocess.Popen(
        [executable, *command[1:]], cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        health = f"http://127.0.0.1:{metrics_port}/healthz"

        def healthy() -> bool:
            try:
                with urllib.request.urlopen(health, timeout=2) as answer:
                    return bool(answer.status == 200)
            except OSError:
                return False

        wait_until(healthy, 60, "the image's HEALTHCHECK address to answer 200")
        person = EmulatedPerson(emulator, 6301)
        person.says("/start")
        person.waits_for("Who is talking to me?", timeout=60)
        person.close()
        assert (tmp_path / "feedback.sqlite3").exists(), "its data where the volume would be"
        lines = (tmp_path / "bot.log").read_text().splitlines()
        assert lines and all(line.startswith("{") for line in lines), "LOG_FORMAT=json"
        assert all(json.loads(line)["level"] for line in lines)
    finally:
        process.terminate()
        process.wait(timeout=30)
