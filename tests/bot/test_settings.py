import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import ENVIRONMENT_NAMES, SettingsError, load_settings
from tests.support import TEST_KEY, TEST_TOKEN

ROOT = Path(__file__).resolve().parents[2]
VALID = {
    "TELEGRAM_BOT_TOKEN": TEST_TOKEN,
    "PSEUDONYM_KEY": TEST_KEY,
    "SAFEGUARDING_CHAT_IDS": "111, -100222",
}


def test_valid_settings_are_parsed():
    settings = load_settings({**VALID, "TIMEZONE": "Europe/London", "RETENTION_DAYS": "30"})
    assert settings.safeguarding_chat_ids == (111, -100222)
    assert settings.retention_days == 30
    assert settings.telegram_api_base_url == "https://api.telegram.org"


def test_base_url_loses_its_trailing_slash():
    settings = load_settings({**VALID, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/"})
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TELEGRAM_BOT_TOKEN", "not-a-token"),
        ("TELEGRAM_API_BASE_URL", "ftp://example.org"),
        ("TIMEZONE", "Mars/Olympus_Mons"),
        ("SAFEGUARDING_CHAT_IDS", "12, twelve"),
        ("PSEUDONYM_KEY", "tiny-key"),
        ("RETENTION_DAYS", "0"),
        ("RETENTION_DAYS", "soon"),
        ("WEBHOOK_URL", "http://insecure.example.org/hook"),
        ("WEBHOOK_PORT", "70000"),
        ("WEBHOOK_SECRET_TOKEN", "has spaces in it"),
        ("LOG_LEVEL", "LOUD"),
    ],
)
def test_each_invalid_setting_names_itself_and_the_fix(name, value):
    with pytest.raises(SettingsError) as error:
        load_settings({**VALID, name: value})
    message = str(error.value)
    assert message.startswith(name)
    assert value not in message or len(value) < 3
    assert message.count(". ") == 0, "one sentence"


@pytest.mark.parametrize(
    "missing", ["TELEGRAM_BOT_TOKEN", "PSEUDONYM_KEY", "SAFEGUARDING_CHAT_IDS"]
)
def test_running_needs_token_key_and_safeguarding_contacts(missing):
    environ = {key: value for key, value in VALID.items() if key != missing}
    with pytest.raises(SettingsError, match=f"^{missing}"):
        load_settings(environ)


def test_the_token_never_appears_in_an_error():
    bad_token = "123456:short"
    with pytest.raises(SettingsError) as error:
        load_settings({**VALID, "TELEGRAM_BOT_TOKEN": bad_token})
    assert bad_token not in str(error.value)


def test_try_mode_needs_no_token_and_keeps_one_local_key(tmp_path):
    environ = {"DATABASE_PATH": str(tmp_path / "db" / "feedback.sqlite3")}
    first = load_settings(environ, mode="try")
    second = load_settings(environ, mode="try")
    assert first.telegram_bot_token is None
    assert first.pseudonym_secret == second.pseudonym_secret
    assert (tmp_path / "db" / "pseudonym.key").exists()


def test_env_example_lists_every_setting_the_code_reads():
    example = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^([A-Z_]+)=", example, flags=re.MULTILINE))
    assert documented == set(ENVIRONMENT_NAMES)


def test_env_example_comments_every_setting():
    lines = (ROOT / ".env.example").read_text().splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^[A-Z_]+=", line):
            previous = lines[index - 1]
            assert previous.startswith("#") or re.match(r"^[A-Z_]+=", previous), line


def test_cli_stops_with_one_clear_line_and_status_2(tmp_path):
    environ = {"PATH": os.environ["PATH"], "TELEGRAM_BOT_TOKEN": "nonsense-token-value"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("Configuration error: TELEGRAM_BOT_TOKEN")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert "nonsense-token-value" not in result.stderr + result.stdout


def test_secrets_can_come_from_files_as_container_platforms_give_them(tmp_path):
    (tmp_path / "token").write_text(TEST_TOKEN + "\n")
    (tmp_path / "key").write_text(TEST_KEY)
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN_FILE": str(tmp_path / "token"),
            "PSEUDONYM_KEY_FILE": str(tmp_path / "key"),
            "SAFEGUARDING_CHAT_IDS": "111",
        }
    )
    assert settings.token == TEST_TOKEN
    assert settings.pseudonym_secret == TEST_KEY.encode()


def test_a_secret_file_that_cannot_be_read_is_named_clearly(tmp_path):
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN_FILE must name a file"):
        load_settings({**VALID, "TELEGRAM_BOT_TOKEN": "", "TELEGRAM_BOT_TOKEN_FILE": "/no/such"})
