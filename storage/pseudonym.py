"""How people are keyed in storage: a keyed HMAC of their Telegram id, never the id."""

import hashlib
import hmac


def pseudonymise(key: bytes, telegram_id: int) -> str:
    return hmac.new(key, f"telegram:{telegram_id}".encode(), hashlib.sha256).hexdigest()[:32]


def keyed_hash(key: bytes, purpose: str, value: str) -> str:
    """A keyed hash for other identifiers (review references), separated by purpose."""
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()
