"""Limits per session and per address, in memory, naming no address."""

from bot.web_chat.limits import Addresses, RateLimit


def test_a_burst_is_allowed_then_one_at_a_time():
    now = [0.0]
    limit = RateLimit(burst=3, every=2.0, clock=lambda: now[0])
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limit.allow("b"), "each key has its own bucket"
    now[0] = 2.0
    assert limit.allow("a") and not limit.allow("a")


def test_an_address_is_known_only_by_a_keyed_hash_fresh_at_each_start():
    first, second = Addresses(), Addresses()
    assert first.key("203.0.113.9") == first.key("203.0.113.9")
    assert "203.0.113.9" not in first.key("203.0.113.9")
    assert first.key("203.0.113.9") != second.key("203.0.113.9")
