"""Limits per session and per address, kept in memory only.

An address is never stored or logged: it is known here by a keyed hash, with a
key made fresh at each start, and forgotten once its bucket is full again.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Bucket:
    tokens: float
    at: float


class RateLimit:
    """A token bucket per key: `burst` at once, then one every `every` seconds."""

    def __init__(
        self, burst: int, every: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = burst
        self.every = every
        self.clock = clock
        self._buckets: dict[str, Bucket] = {}

    def allow(self, key: str) -> bool:
        now = self.clock()
        bucket = self._buckets.get(key) or Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) / self.every)
        bucket.at = now
        if bucket.tokens < 1:
            self._buckets[key] = bucket
            return False
        bucket.tokens -= 1
        self._buckets[key] = bucket
        if len(self._buckets) > 10_000:
            self._forget_full(now)
        return True

    def _forget_full(self, now: float) -> None:
        full = [
            key
            for key, bucket in self._buckets.items()
            if bucket.tokens + (now - bucket.at) / self.every >= self.burst
        ]
        for key in full:
            del self._buckets[key]


class Addresses:
    """Addresses as keys that say nothing about the address."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def key(self, address: str) -> str:
        return hmac.new(self._key, address.encode(), hashlib.sha256).hexdigest()[:32]
