"""The web chat: the same bot in a page, safe to put on the internet.

These drive the real application and the real HTTP server through the page's own
API; Telegram is the in-process fake, which records what reaches the contacts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from conversations.channels import FIRST_WEB_CHAT_ID
from conversations.context import FeedbackApplication
from conversations.flows import YOUNG_PERSON
from tests.support import (
    YOUNG_PERSON_CHOICES,
    Person,
    WebVisitor,
    alerts,
    contacts_chat,
    delivered,
    flow_replies,
    make_settings,
    onboard,
    rows,
    start_reflection,
)


@pytest.fixture
async def web_app(tmp_path: Path, bot_api: InProcessBotApi) -> AsyncIterator[FeedbackApplication]:
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=bot_api, web_chat=True)) as app:
        yield app


@pytest.fixture
async def visitor(web_app: FeedbackApplication) -> AsyncIterator[WebVisitor]:
    person = WebVisitor(web_app)
    yield person
    await person.close()


async def start_young_person(visitor: WebVisitor) -> None:
    await visitor.opens()
    await visitor.taps("I'm a young person")
    await visitor.taps("OK, let's start")


async def test_a_new_visitor_is_greeted_with_real_buttons(visitor):
    await visitor.opens()
    greeting = visitor.bot_messages[-1]
    assert "Who is talking to me?" in greeting["text"]
    labels = [button["label"] for row in greeting["buttons"] for button in row]
    assert labels[:3] == ["I'm a young person", "I'm a parent or carer", "I work here"]
    assert "Język" in labels[3], "and the languages, named in their own"


async def test_a_young_person_completes_the_flow_and_it_counts_like_telegram(visitor, web_app):
    await start_young_person(visitor)
    await visitor.answers(*flow_replies(YOUNG_PERSON, "teen", YOUNG_PERSON_CHOICES))
    assert visitor.said("Thank you")
    [response] = await rows(web_app, "SELECT respondent, completed_at FROM responses")
    assert response["completed_at"] is not None
    answers = await rows(web_app, "SELECT text FROM answers WHERE text = 'more time to talk'")
    assert answers, "their words are stored like any other answer"


async def test_nothing_for_a_web_visitor_ever_goes_to_telegram(visitor, bot_api):
    await start_young_person(visitor)
    await visitor.says("hello there")
    chats = {call.chat_id for call in bot_api.calls if call.chat_id is not None}
    assert all(chat < FIRST_WEB_CHAT_ID for chat in chats)
    assert not [c for c in bot_api.calls if c.method == "answerCallbackQuery"]


async def test_a_disclosure_gets_help_in_the_page_and_alerts_the_contacts(
    visitor, web_app, bot_api
):
    await start_young_person(visitor)
    await visitor.says("my stepdad hits me when mum is out")
    assert visitor.said("Childline")
    await delivered(web_app)
    assert any("my stepdad hits me" in alert for alert in alerts(bot_api))


async def test_a_contacts_reply_reaches_the_page_and_the_answer_goes_back(
    visitor, web_app, bot_api
):
    await start_young_person(visitor)
    await visitor.says("my stepdad hits me when mum is out")
    [event] = await rows(web_app, "SELECT reference FROM safeguarding_events")
    lead = contacts_chat(web_app, bot_api)
    await lead.says(f"/reply {event['reference']} Hi, I'm Priya. Are you safe right now?")
    await visitor.settles()
    assert visitor.said("Are you safe right now?")
    await visitor.says("yes im at my nans")
    await delivered(web_app)
    assert "yes im at my nans" in alerts(bot_api)[-1]


async def test_a_reply_sent_while_the_page_is_closed_is_there_when_it_opens_again(
    visitor, web_app, bot_api
):
    await start_young_person(visitor)
    await visitor.says("my stepdad hits me when mum is out")
    [event] = await rows(web_app, "SELECT reference FROM safeguarding_events")
    cookies = visitor.client.cookies
    await visitor.close()
    await contacts_chat(web_app, bot_api).says(f"/reply {event['reference']} We are here for you.")
    again = WebVisitor(web_app)
    again.client.cookies = cookies
    await again.opens()
    assert again.said("We are here for you.")
    await again.close()


async def test_the_conversation_survives_a_restart_of_the_bot(tmp_path, bot_api):
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=bot_api, web_chat=True)) as app:
        visitor = WebVisitor(app)
        await start_young_person(visitor)
        asked = visitor.texts[-1]
        cookies = visitor.client.cookies
        await visitor.close()
    async with running(build_application(settings, request=bot_api, web_chat=True)) as app:
        again = WebVisitor(app)
        again.client.cookies = cookies
        await again.opens()
        assert again.texts[-1] == asked, "the page shows where they were"
        await again.answers(flow_replies(YOUNG_PERSON, "teen", YOUNG_PERSON_CHOICES)[0])
        assert len(await rows(app, "SELECT id FROM answers")) == 1
        await again.close()


async def test_a_second_browser_sees_nothing_of_the_first(visitor, web_app):
    await start_young_person(visitor)
    await visitor.says("my worker is kind")
    other = WebVisitor(web_app)
    await other.opens()
    assert not any("my worker is kind" in m["text"] for m in other.page.values())
    assert len(other.bot_messages) == 1, "only its own greeting"
    # Nor can it tap the first visitor's buttons.
    first_buttons = visitor.bot_messages[-1]
    response = await other.client.post(
        "/api/tap", json={"message": first_buttons["id"], "data": "who|yp"}
    )
    assert response.status_code == 409
    await other.close()


async def test_the_session_cookie_is_unguessable_httponly_and_strict(visitor, web_app):
    response = await visitor.opens()
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    token = visitor.client.cookies["feedback_chat"]
    assert len(token) >= 40
    [stored] = await rows(web_app, "SELECT token_hash FROM web_sessions")
    assert stored["token_hash"] == hashlib.sha256(token.encode()).hexdigest() != token


async def test_the_cookie_is_secure_when_the_chat_is_served_over_https(tmp_path, bot_api):
    settings = make_settings(tmp_path, WEB_CHAT_URL="https://feedback.example.org/")
    async with running(build_application(settings, request=bot_api, web_chat=True)) as app:
        visitor = WebVisitor(app, origin="https://feedback.example.org")
        response = await visitor.client.post("/api/session", json={})
        assert "Secure" in response.headers["set-cookie"]
        await visitor.close()


async def test_a_message_from_another_site_is_refused(visitor, web_app):
    await visitor.opens()
    forged = await visitor.client.post(
        "/api/say", json={"text": "hi"}, headers={"Origin": "https://evil.example"}
    )
    assert forged.status_code == 403
    missing = await visitor.client.post("/api/say", json={"text": "hi"}, headers={"Origin": ""})
    assert missing.status_code == 403
    assert not await rows(web_app, "SELECT id FROM web_messages WHERE sender = 'person'")


async def test_too_long_a_message_gets_a_kind_answer_and_is_not_taken(visitor):
    await visitor.opens()
    response = await visitor.says("a" * 4001)
    assert response.status_code == 413
    assert "two parts" in response.json()["error"]


async def test_a_flood_from_one_session_is_slowed_kindly(visitor):
    await visitor.opens()
    statuses = [
        (await visitor.client.post("/api/say", json={"text": f"hi {n}"})).status_code
        for n in range(25)
    ]
    assert 429 in statuses
    assert statuses[:15] == [200] * 15
    await visitor.settles()


async def test_every_response_carries_a_strict_content_security_policy(visitor):
    for path in ("/", "/chat.js", "/api/session"):
        method = "POST" if path.startswith("/api") else "GET"
        response = await visitor.client.request(method, path, json={} if method == "POST" else None)
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["cache-control"] == "no-store"


async def test_the_page_is_accessible_by_structure():
    page = (Path(__file__).parents[3] / "bot" / "web_chat" / "page" / "index.html").read_text()
    assert 'role="log"' in page and 'aria-live="polite"' in page
    assert '<label for="say-text"' in page
    assert "http" not in page.replace('name="viewport"', ""), "nothing from other sites"


async def test_quick_exit_clears_the_page_but_keeps_their_place(visitor, web_app):
    await start_young_person(visitor)
    asked = visitor.texts[-1]
    response = await visitor.client.post("/api/exit", json={})
    assert response.status_code == 200
    assert not await rows(web_app, "SELECT id FROM web_messages")
    again = WebVisitor(web_app)
    again.client.cookies = visitor.client.cookies
    await again.opens()
    assert again.texts[-1] == asked, "they carry on where they were"
    assert not again.said("Who is talking to me?"), "nothing from before the exit"
    await again.close()


async def test_forget_takes_their_words_off_the_page_too(visitor, web_app):
    await start_young_person(visitor)
    await visitor.says("/forget")
    await visitor.taps("Yes")
    texts = [m["text"] for m in visitor.page.values()]
    assert len(texts) == 1 and "deleted" in texts[0].lower()


async def test_no_address_is_stored(visitor, web_app):
    await start_young_person(visitor)
    tables = await rows(web_app, "SELECT name FROM sqlite_master WHERE type = 'table'")
    for table in (t["name"] for t in tables):
        for row in await rows(web_app, f"SELECT * FROM {table}"):
            assert "127.0.0.1" not in str(row), table


async def test_a_mangled_link_still_starts_the_chat(visitor):
    await visitor.client.post("/api/session", json={})
    await visitor.client.post("/api/start", json={"payload": "<script>"})
    await visitor.settles()
    assert "Who is talking to me?" in visitor.texts[-1]


async def test_a_reflections_child_link_opens_the_web_chat_linked_to_the_review(tmp_path, bot_api):
    settings = make_settings(tmp_path, WEB_CHAT_URL="http://feedback.example.org/chat")
    async with running(build_application(settings, request=bot_api, web_chat=True)) as app:
        practitioner = Person(app, bot_api, 9001)
        await onboard(app, practitioner)
        await start_reflection(practitioner)
        links = next(reply for reply in practitioner.replies if "start=yp-" in reply)
        [child_link] = re.findall(r"http://feedback\.example\.org/chat\?start=(yp-[\w-]+)", links)
        assert "t.me" not in links
        visitor = WebVisitor(app, origin="http://feedback.example.org")
        await visitor.opens(link=child_link)
        await visitor.taps("OK, let's start")
        await visitor.answers(YOUNG_PERSON_CHOICES["age"])
        [response] = await rows(
            app, "SELECT review_id FROM responses WHERE flow_id = 'yp' AND review_id IS NOT NULL"
        )
        assert response["review_id"] is not None
        await visitor.close()


async def test_telegrams_greeting_tells_under_16s_about_the_web_chat(tmp_path, bot_api):
    settings = make_settings(tmp_path, WEB_CHAT_URL="http://feedback.example.org/")
    async with running(build_application(settings, request=bot_api, web_chat=True)) as app:
        person = Person(app, bot_api, 4242)
        await person.says("/start")
        assert "Under 16?" in person.last_reply
        assert "http://feedback.example.org/" in person.last_reply
        web = WebVisitor(app, origin="http://feedback.example.org")
        await web.opens()
        assert "Who is talking to me?" in web.texts[-1]
        assert not web.said("Under 16?"), "the web chat's own greeting sends no one away"
        await web.close()


async def test_one_address_cannot_open_sessions_without_end(web_app):
    statuses = []
    for _ in range(35):
        visitor = WebVisitor(web_app)
        statuses.append((await visitor.client.post("/api/session", json={})).status_code)
        await visitor.close()
    assert statuses[:30] == [200] * 30
    assert statuses[-1] == 429


async def test_the_privacy_notice_says_what_the_web_chat_keeps(visitor):
    await start_young_person(visitor)
    await visitor.says("/privacy")
    assert visitor.said("a cookie keeps your place")


async def test_the_pages_own_words_read_easily_for_a_9_year_old():
    import textstat

    from bot.web_chat import server

    page = (Path(__file__).parents[3] / "bot" / "web_chat" / "page" / "index.html").read_text()
    found = re.search(r'<p class="intro"[^>]*>(.*?)</p>', page)
    assert found is not None
    intro = re.sub(r"<[^>]+>", "", found.group(1))
    refusals = [server.TOO_FAST, server.TOO_LONG, server.EMPTY, server.OLD_BUTTON]
    words = [intro, *(refusal.for_audience(None) for refusal in refusals)]
    for text in words:
        assert textstat.flesch_reading_ease(text) >= 80, text


async def test_a_page_that_waited_and_heard_nothing_leaves_nothing_behind(visitor, web_app):
    await visitor.opens()
    hub = web_app.web_chat_site.hub
    seen = (await visitor.client.get("/api/messages", params={"wait": 0})).json()["seq"]
    waited = await visitor.client.get("/api/messages", params={"after": seen, "wait": 0.05})
    assert waited.status_code == 200 and waited.json()["messages"] == []
    assert hub.waiting_pages() == 0
