"""Hostile and odd input: nothing crashes, every reply is valid for the Bot API, and
updates that should be ignored store nothing."""

import asyncio
import itertools
import sqlite3
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from tests.support import Person, assert_valid_for_the_bot_api, make_settings

HOSTILE = [
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "</b></i>",
    "&amp; &lt; & <",
    "**bold** _it_ [x](http://x)",
    "'; DROP TABLE answers; --",
    '" OR 1=1 --',
    "\u202eevil\u202c",
    "zero\u200bwidth\u200d",
    "\x00\x01\x1b[31m",
    "/start yp-'; DROP TABLE reviews; --",
    "/start " + "A" * 200,
    "/start inv-../../etc/passwd",
    "💥" * 500,
    "a" * 5000,
    "\ud7ff\U0010fffd",
    " ",
    "\n\n\n",
]
texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.text(st.characters(codec="utf-8"), min_size=1500, max_size=4500),
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("text"), texts),
        st.tuples(st.just("press"), st.text(max_size=100)),
        st.tuples(st.just("button"), st.integers(0, 6)),
        st.tuples(st.just("edit"), texts),
        st.tuples(st.just("sticker"), st.none()),
        st.tuples(st.just("channel"), texts),
        st.tuples(st.just("unknown"), st.none()),
    ),
    min_size=1,
    max_size=12,
)
_ids = itertools.count(10_000)


def raw_update(payload: dict[str, object], bot) -> Update:
    update = Update.de_json({"update_id": next(_ids), **payload}, bot)
    assert update is not None
    return update


async def play(directory: Path, script) -> InProcessBotApi:
    api = InProcessBotApi()
    async with running(build_application(make_settings(directory), request=api)) as app:
        person = Person(app, api, 555_000)
        for kind, value in script:
            if kind == "text":
                await person.says(value)
            elif kind == "press":
                await person.presses_data(value)
            elif kind == "button" and person.last_buttons:
                await person.presses_data(person.last_buttons[value % len(person.last_buttons)][1])
            elif kind == "edit":
                await app.process_update(person.sim.edited_text(value, app.bot))
            elif kind == "sticker":
                await person.sends("sticker")
            elif kind == "channel":
                chat = {"id": -100_777, "type": "channel", "title": "A channel"}
                await app.process_update(
                    raw_update(
                        {
                            "channel_post": {
                                "message_id": 1,
                                "date": int(time.time()),
                                "chat": chat,
                                "text": value,
                            }
                        },
                        app.bot,
                    )
                )
            elif kind == "unknown":
                await app.process_update(raw_update({"business_mystery": {"x": 1}}, app.bot))
    return api


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(script=steps)
def test_nothing_crashes_and_every_reply_is_valid(script):
    with tempfile.TemporaryDirectory() as directory:
        api = asyncio.run(play(Path(directory), script))
    assert_valid_for_the_bot_api(api)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(texts, min_size=1, max_size=5))
def test_channel_posts_and_unknown_updates_store_nothing(values):
    script = [("channel", value) for value in values] + [("unknown", None)]
    with tempfile.TemporaryDirectory() as directory:
        asyncio.run(play(Path(directory), script))
        conn = sqlite3.connect(Path(directory) / "feedback.sqlite3")
        counts = [
            conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in (
                "responses",
                "answers",
                "contacts",
                "ptb_state",
                "safeguarding_events",
            )
        ]
        conn.close()
    assert counts == [0, 0, 0, 0, 0]
