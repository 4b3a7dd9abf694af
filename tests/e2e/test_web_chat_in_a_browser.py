"""The web chat in a real browser: Debian's Chromium, driven by Playwright.

The bot runs in this process with its web chat on a free port; Telegram is the
in-process fake, which records what reaches the contacts' chat. Nothing leaves
the machine: Quick exit's neutral site is answered by the test.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, ViewportSize, async_playwright, expect

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from conversations.context import FeedbackApplication
from conversations.flows import YOUNG_PERSON
from tests.support import (
    YOUNG_PERSON_CHOICES,
    alerts,
    contacts_chat,
    delivered,
    flow_replies,
    make_settings,
    rows,
)

CHROMIUM = shutil.which("chromium")
# Chromium as the machine's own probe starts it: no sandbox as root, no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: ViewportSize = {"width": 360, "height": 740}
NEUTRAL = "https://www.bbc.co.uk/weather"


@pytest.fixture
async def web_app(tmp_path: Path, bot_api: InProcessBotApi) -> AsyncIterator[FeedbackApplication]:
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=bot_api, web_chat=True)) as app:
        yield app


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    assert CHROMIUM, "Chromium is missing: `make test` installs Debian's package"
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


def address(app: FeedbackApplication) -> str:
    return f"http://127.0.0.1:{app.web_chat_site.port}/"


async def phone(browser: Browser) -> Page:
    context = await browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = await context.new_page()
    # Quick exit's neutral site, answered here: tests never reach the internet.
    await page.route(f"{NEUTRAL}**", lambda route: route.fulfill(body="Weather", status=200))
    return page


async def bot_messages(page: Page) -> int:
    return await page.locator("#log > li.bot").count()


async def answer(page: Page, reply: str) -> None:
    """Tap the newest message's button with this label, or type the reply and send it."""
    before = await page.locator("#log > li").count()
    newest = page.locator("#log > li.bot").last
    button = newest.locator(".buttons button", has_text=reply)
    if await button.count():
        await button.first.click()
    else:
        await page.get_by_label("Type your answer").fill(reply)
        await page.get_by_role("button", name="Send").click()
    await expect(page.locator("#log > li")).not_to_have_count(before, timeout=10_000)
    await page.wait_for_timeout(150)  # the rest of the bot's answer


async def test_a_young_person_completes_the_flow_on_a_phone(browser, web_app):
    page = await phone(browser)
    await page.goto(address(web_app))
    await expect(page.locator("#log")).to_contain_text("Who is talking to me?")
    for reply in ["I'm a young person", "OK, let's start"]:
        await answer(page, reply)
    for reply in flow_replies(YOUNG_PERSON, "teen", YOUNG_PERSON_CHOICES):
        await answer(page, reply)
    await expect(page.locator("#log")).to_contain_text("Thank you")
    [response] = await rows(web_app, "SELECT status FROM responses")
    assert response["status"] == "complete"


async def test_buttons_are_real_buttons_big_enough_to_tap(browser, web_app):
    page = await phone(browser)
    await page.goto(address(web_app))
    button = page.get_by_role("button", name="I'm a young person")
    await expect(button).to_be_visible()
    box = await button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 200


async def test_everything_works_from_the_keyboard(browser, web_app):
    page = await phone(browser)
    await page.goto(address(web_app))
    await expect(page.get_by_role("button", name="I'm a young person")).to_be_visible()
    for _ in range(30):
        await page.keyboard.press("Tab")
        focused = await page.evaluate("document.activeElement.textContent")
        if focused == "I'm a young person":
            break
    else:
        raise AssertionError("Tab never reached the first answer button")
    await page.keyboard.press("Enter")
    await expect(page.locator("#log")).to_contain_text("If you tell us someone is hurting you")
    await page.get_by_label("Type your answer").focus()
    await page.keyboard.type("what does that mean")
    await page.keyboard.press("Enter")
    await expect(page.locator("#log > li.person")).to_contain_text(["what does that mean"])


async def test_the_conversation_is_a_log_a_screen_reader_announces(browser, web_app):
    page = await phone(browser)
    await page.goto(address(web_app))
    log = page.get_by_role("log")
    await expect(log).to_have_attribute("aria-live", "polite")
    await expect(log.locator("li").first.locator("button").first).to_be_visible()


async def test_colours_meet_wcag_aa_contrast(browser, web_app):
    page = await phone(browser)
    await page.goto(address(web_app))
    await expect(page.get_by_role("button", name="I'm a young person")).to_be_visible()
    ratios = await page.evaluate(
        """() => {
        const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = (c) => {
          const [r, g, b] = rgb(c).map((v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const backdrop = (el) => {
          for (let e = el; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (!c.startsWith("rgba(0, 0, 0, 0)")) return c;
          }
          return "rgb(255, 255, 255)";
        };
        const ratio = (el) => {
          const [a, b] = [lum(getComputedStyle(el).color), lum(backdrop(el))];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        };
        const picks = ["#log li.bot .words", ".buttons button", "#quick-exit", "#send",
                       "label[for=say-text]", ".read", "h1"];
        return Object.fromEntries(picks.map((s) => [s, ratio(document.querySelector(s))]));
      }"""
    )
    assert all(ratio >= 4.5 for ratio in ratios.values()), ratios


async def test_read_it_to_me_uses_the_browsers_own_voice(browser, web_app):
    page = await phone(browser)
    await page.add_init_script(
        "window.__spoken = [];"
        "window.speechSynthesis.speak = (words) => window.__spoken.push(words.text);"
    )
    await page.goto(address(web_app))
    await page.get_by_role("button", name="🔊 Read it to me").first.click()
    spoken = await page.evaluate("window.__spoken")
    assert spoken and "Who is talking to me?" in spoken[0]


async def test_a_disclosure_shows_help_alerts_the_contacts_and_their_reply_arrives(
    browser, web_app, bot_api
):
    page = await phone(browser)
    await page.goto(address(web_app))
    await answer(page, "I'm a young person")
    await answer(page, "OK, let's start")
    await answer(page, "my stepdad hits me when mum is out")
    await expect(page.locator("#log")).to_contain_text("Childline")
    await delivered(web_app)
    assert any("my stepdad hits me" in alert for alert in alerts(bot_api))
    [event] = await rows(web_app, "SELECT reference FROM safeguarding_events")
    await contacts_chat(web_app, bot_api).says(f"/reply {event['reference']} Are you safe now?")
    await expect(page.locator("#log")).to_contain_text("Are you safe now?", timeout=30_000)


async def test_closing_the_tab_and_coming_back_carries_on(browser, web_app):
    page = await phone(browser)
    await page.goto(address(web_app))
    await answer(page, "I'm a young person")
    await answer(page, "OK, let's start")
    asked = await page.locator("#log > li.bot > .words").last.inner_text()
    context = page.context
    await page.close()
    again = await context.new_page()
    await again.goto(address(web_app))
    await expect(again.locator("#log > li.bot > .words").last).to_have_text(asked)
    cookies = await context.cookies()
    [cookie] = [c for c in cookies if c["name"] == "feedback_chat"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"


async def test_quick_exit_leaves_at_once_and_clears_the_conversation(browser, web_app):
    page = await phone(browser)
    await page.goto(address(web_app))
    await answer(page, "I'm a young person")
    await page.get_by_role("button", name="Quick exit").click()
    await page.wait_for_url(f"{NEUTRAL}**")
    assert "Who is talking to me?" not in await page.content()
    back = await page.context.new_page()
    await back.goto(address(web_app))
    await expect(back.locator("#log > li.bot").first).to_be_visible()
    assert "Who is talking to me?" not in await back.locator("#log").inner_text()


async def test_a_second_browser_sees_nothing_of_the_first(browser, web_app):
    first = await phone(browser)
    await first.goto(address(web_app))
    await answer(first, "I'm a young person")
    await answer(first, "OK, let's start")
    second = await phone(browser)
    await second.goto(address(web_app))
    await expect(second.locator("#log > li.bot")).to_have_count(1)
    assert "hurting you" not in await second.locator("#log").inner_text()


async def test_the_page_loads_nothing_from_other_sites(browser, web_app):
    page = await phone(browser)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    await page.goto(address(web_app))
    await expect(page.locator("#log > li.bot")).to_have_count(1)
    assert all(url.startswith(address(web_app)) for url in requested), requested
