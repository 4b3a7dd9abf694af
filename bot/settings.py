"""Settings read from the environment and `.env`, validated once at start-up.

Build them with `load_settings()` and pass the object down; nothing imports a
settings global. Tests inject their own environment mapping.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Mode = Literal["run", "try", "tool"]

TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")
SECRET_TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
MIN_PSEUDONYM_KEY_LENGTH = 32


class SettingsError(Exception):
    """A setting is missing or invalid; the message is one sentence naming it and the fix."""


class Settings(BaseSettings):
    """Every setting the bot reads. Field names are the environment names in lower case."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org"
    bot_username: str | None = None
    database_path: Path = Path("data/feedback.sqlite3")
    reporting_database_path: Path = Path("data/reporting.sqlite3")
    timezone: str = "Europe/London"
    safeguarding_chat_ids: Annotated[tuple[int, ...], NoDecode] = ()
    pseudonym_key: SecretStr | None = None
    retention_days: int = Field(default=400, ge=1, le=3650)
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret_token: SecretStr | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # The web chat (bot/web_chat/): served when a port is set.
    web_chat_port: int | None = Field(default=None, ge=1, le=65535)
    web_chat_listen: str = "127.0.0.1"
    web_chat_url: str | None = None
    # Secrets may come from files instead (Docker and Kubernetes secrets, systemd credentials).
    telegram_bot_token_file: Path | None = None
    pseudonym_key_file: Path | None = None
    webhook_secret_token_file: Path | None = None
    # Operations (docs: README, "Running it as a service").
    log_format: Literal["text", "json"] = "text"
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_listen: str = "127.0.0.1"
    backup_dir: Path | None = None
    backup_keep: int = Field(default=14, ge=1, le=365)

    @model_validator(mode="before")
    @classmethod
    def _secrets_from_files(cls, data: Any) -> Any:
        """`X_FILE` holds the secret `X` (unless `X` itself is set): the file's text, trimmed."""
        if not isinstance(data, dict):
            return data
        for name in ("telegram_bot_token", "pseudonym_key", "webhook_secret_token"):
            path = data.get(f"{name}_file")
            if path and not data.get(name):
                try:
                    data = {**data, name: Path(str(path)).read_text(encoding="utf-8").strip()}
                except OSError as exc:
                    raise ValueError(f"{name}_file") from exc
        return data

    @field_validator("telegram_bot_token", "pseudonym_key", "webhook_secret_token", mode="before")
    @classmethod
    def _blank_is_missing(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("web_chat_port", mode="before")
    @classmethod
    def _blank_port_is_missing(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("bot_username", "webhook_url", "web_chat_url", mode="before")
    @classmethod
    def _blank_text_is_missing(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not TOKEN_PATTERN.match(value.get_secret_value()):
            raise ValueError("token shape")
        return value

    @field_validator("telegram_api_base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("base url")
        return value.rstrip("/")

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("timezone") from exc
        return value

    @field_validator("safeguarding_chat_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(re.fullmatch(r"-?\d+", part) for part in parts):
                raise ValueError("chat ids")
            return tuple(int(part) for part in parts)
        return value

    @field_validator("pseudonym_key")
    @classmethod
    def _long_enough_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < MIN_PSEUDONYM_KEY_LENGTH:
            raise ValueError("key length")
        return value

    @field_validator("webhook_secret_token")
    @classmethod
    def _secret_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not SECRET_TOKEN_PATTERN.match(value.get_secret_value()):
            raise ValueError("secret token")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("webhook url")
        return value

    @field_validator("web_chat_url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", value):
            raise ValueError("web chat url")
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def token(self) -> str:
        if self.telegram_bot_token is None:
            raise SettingsError(FIXES["telegram_bot_token"])
        return self.telegram_bot_token.get_secret_value()

    @property
    def pseudonym_secret(self) -> bytes:
        if self.pseudonym_key is None:
            raise SettingsError(f"{FIXES['pseudonym_key']} {TRY_FIRST}")
        return self.pseudonym_key.get_secret_value().encode()


# Only tools reach a missing key (`run` refuses to start without one).
TRY_FIRST = (
    "Only trying the bot out? Run `feedbackbot try` once: it keeps a local key "
    "beside its database, which the other commands then use."
)
# One sentence per setting: what is wrong and how to fix it. Never echo the value.
FIXES: dict[str, str] = {
    "telegram_bot_token": (
        "TELEGRAM_BOT_TOKEN is missing or malformed: set it to the token @BotFather gave you "
        "(digits, a colon, then at least 30 letters), or run `feedbackbot try` to chat "
        "without a token."
    ),
    "telegram_api_base_url": (
        "TELEGRAM_API_BASE_URL must be an http:// or https:// URL such as "
        "https://api.telegram.org or http://127.0.0.1:8081."
    ),
    "bot_username": "BOT_USERNAME must be the bot's @username without the @.",
    "database_path": "DATABASE_PATH must be a file path such as data/feedback.sqlite3.",
    "reporting_database_path": (
        "REPORTING_DATABASE_PATH must be a file path such as data/reporting.sqlite3."
    ),
    "timezone": "TIMEZONE must be an IANA time zone name such as Europe/London.",
    "safeguarding_chat_ids": (
        "SAFEGUARDING_CHAT_IDS must list at least one Telegram chat id, comma-separated "
        "(for example 12345,-100987), so that a disclosure always reaches a person."
    ),
    "pseudonym_key": (
        f"PSEUDONYM_KEY is missing or shorter than {MIN_PSEUDONYM_KEY_LENGTH} characters: "
        "set it to a long random secret, for example the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`."
    ),
    "retention_days": "RETENTION_DAYS must be a whole number of days between 1 and 3650.",
    "webhook_url": "WEBHOOK_URL must be the public https:// address Telegram should call.",
    "webhook_listen": "WEBHOOK_LISTEN must be an address to listen on, such as 0.0.0.0.",
    "webhook_port": "WEBHOOK_PORT must be a port number between 1 and 65535.",
    "webhook_secret_token": (
        "WEBHOOK_SECRET_TOKEN must be 1 to 256 characters of letters, digits, _ and -."
    ),
    "log_level": "LOG_LEVEL must be one of DEBUG, INFO, WARNING or ERROR.",
    "web_chat_port": "WEB_CHAT_PORT must be a port number between 1 and 65535.",
    "telegram_bot_token_file": "TELEGRAM_BOT_TOKEN_FILE must name a file the bot can read.",
    "pseudonym_key_file": "PSEUDONYM_KEY_FILE must name a file the bot can read.",
    "webhook_secret_token_file": "WEBHOOK_SECRET_TOKEN_FILE must name a file the bot can read.",
    "log_format": "LOG_FORMAT must be text or json.",
    "metrics_port": "METRICS_PORT must be a port number between 1 and 65535.",
    "metrics_listen": "METRICS_LISTEN must be an address to listen on, such as 127.0.0.1.",
    "backup_dir": "BACKUP_DIR must be a folder path such as /var/backups/feedbackbot.",
    "backup_keep": "BACKUP_KEEP must be how many nightly backups to keep, 1 to 365.",
    "web_chat_listen": "WEB_CHAT_LISTEN must be an address to listen on, such as 127.0.0.1.",
    "web_chat_url": (
        "WEB_CHAT_URL must be the web chat's public address, such as "
        "https://feedback.example.org/ (no ? or # part)."
    ),
}


class _InjectedSettings(Settings):
    """Settings read only from the mapping given to `load_settings`, never the process."""

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: Any, *_: Any, **__: Any
    ) -> tuple[Any, ...]:
        return (init_settings,)


# The key `feedbackbot try` keeps beside its database when PSEUDONYM_KEY is not set.
LOCAL_KEY_NAME = "pseudonym.key"
ENVIRONMENT_NAMES = tuple(name.upper() for name in Settings.model_fields)


def load_settings(
    environ: Mapping[str, str] | None = None,
    *,
    mode: Mode = "run",
    env_file: Path | None = Path(".env"),
) -> Settings:
    """Read and validate settings, raising `SettingsError` with one clear sentence.

    With `environ`, only that mapping is read (tests); otherwise the process
    environment and `env_file`.
    """
    try:
        if environ is None:
            settings = Settings(_env_file=env_file)
        else:
            values = {key.lower(): value for key, value in environ.items()}
            settings = _InjectedSettings(
                **{name: values[name] for name in Settings.model_fields if name in values}  # type: ignore[arg-type]
            )
    except ValidationError as exc:
        error = exc.errors()[0]
        # A whole-model check (a secret's file) names its setting in its error instead.
        field = str(error["loc"][0]) if error["loc"] else str(error.get("ctx", {}).get("error", ""))
        raise SettingsError(FIXES.get(field, f"{field.upper()} is invalid.")) from None
    return _complete_for_mode(settings, mode)


def _complete_for_mode(settings: Settings, mode: Mode) -> Settings:
    if mode == "run":
        for name in ("telegram_bot_token", "pseudonym_key"):
            if getattr(settings, name) is None:
                raise SettingsError(FIXES[name])
        if not settings.safeguarding_chat_ids:
            raise SettingsError(FIXES["safeguarding_chat_ids"])
        return settings
    if settings.pseudonym_key is not None:
        return settings
    key_path = settings.database_path.parent / LOCAL_KEY_NAME
    # Tools (`invite`, `report`…) use the terminal chat's key, so an invite made for its
    # database works there; only `try` ever creates one.
    if mode == "try" or (mode == "tool" and key_path.exists()):
        return settings.model_copy(update={"pseudonym_key": SecretStr(_local_key(key_path))})
    return settings


def _local_key(key_path: Path) -> str:
    """Create (once) and read the pseudonym key kept next to the try-mode database."""
    if not key_path.exists():
        key_path.parent.mkdir(parents=True, exist_ok=True)
        key_path.write_text(secrets.token_urlsafe(48))
        key_path.chmod(0o600)
    return key_path.read_text().strip()
