"""What a trust's IT team deploys: the Dockerfile, the compose file, the systemd unit and
the lock files. The image is not built here (no Docker daemon in CI); what can be checked
is: the Dockerfile's instructions, and its start command run outside a container
(tests/e2e/test_container_start.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def instructions(dockerfile: str) -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", dockerfile)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def dockerfile_env() -> dict[str, str]:
    """The ENV the image sets (the start-command test runs with it)."""
    env: dict[str, str] = {}
    for keyword, rest in instructions((ROOT / "Dockerfile").read_text()):
        if keyword == "ENV":
            env.update(dict(re.findall(r"(\w+)=(\S+)", rest)))
    return env


def test_the_image_runs_as_a_user_with_no_privileges_with_data_on_a_volume():
    steps = instructions((ROOT / "Dockerfile").read_text())
    keywords = [keyword for keyword, _ in steps]
    assert keywords[0] == "FROM" and "slim" in steps[0][1]
    users = [rest for keyword, rest in steps if keyword == "USER"]
    assert users and users[-1] not in {"root", "0"}
    assert keywords.index("USER") > max(i for i, k in enumerate(keywords) if k == "RUN")
    assert ("VOLUME", '["/data"]') in steps
    assert dockerfile_env()["DATABASE_PATH"].startswith("/data/")


def test_the_image_checks_its_own_health_and_starts_the_bot():
    steps = dict(instructions((ROOT / "Dockerfile").read_text()))
    assert "/healthz" in steps["HEALTHCHECK"]
    assert json.loads(steps["CMD"]) == ["feedbackbot", "run"]
    assert dockerfile_env()["METRICS_PORT"] == "9090"


def test_the_image_installs_exactly_the_hashed_lock_file():
    steps = instructions((ROOT / "Dockerfile").read_text())
    runs = " ".join(rest for keyword, rest in steps if keyword == "RUN")
    assert "--require-hashes" in runs and "requirements.lock" in runs
    for keyword, rest in steps:
        if keyword == "COPY":
            for source in rest.split()[:-1]:
                assert (ROOT / source).exists(), f"COPY {source}: no such file"


def test_every_locked_package_is_pinned_with_a_hash():
    for name in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / name).read_text()
        pins = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", text, re.MULTILINE)
        assert pins, name
        blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text.split("\n\n", 1)[-1])
        assert all("--hash=sha256:" in block for block in blocks if "==" in block), name
    runtime = (ROOT / "requirements.lock").read_text()
    assert "python-telegram-bot==" in runtime and "pytest==" not in runtime


def test_compose_runs_the_bot_with_its_volume_secrets_and_ports():
    compose = (ROOT / "compose.yaml").read_text()
    assert "feedbackbot-data:/data" in compose
    assert "TELEGRAM_BOT_TOKEN_FILE: /run/secrets/telegram_bot_token" in compose
    assert '"127.0.0.1:8080:8080"' in compose and '"127.0.0.1:9090:9090"' in compose


def test_the_systemd_unit_runs_the_bot_unprivileged_and_restarts_it():
    unit = (ROOT / "deploy" / "feedbackbot.service").read_text()
    assert "ExecStart=/opt/feedbackbot/.venv/bin/feedbackbot run" in unit
    assert "DynamicUser=yes" in unit and "Restart=always" in unit
    assert "LoadCredential=telegram_bot_token" in unit


def test_a_wheel_carries_every_package_the_code_imports():
    """The image installs a wheel, not the working tree: every subpackage must be in it."""
    import tomllib

    from setuptools import find_packages  # type: ignore[import-untyped]

    found = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    included = set(find_packages(ROOT, include=found["packages"]["find"]["include"]))
    layers = {"bot", "conversations", "storage", "analysis"}
    packages = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in ROOT.rglob("__init__.py")
        if path.relative_to(ROOT).parts[0] in layers
    }
    assert packages <= included, sorted(packages - included)
