"""Take the README's picture of the web chat on a phone-sized screen (360 × 740).

A young person part way through, in Debian's Chromium, with the bot and its web
chat in this process and an in-process Telegram. Writes docs/web-chat-phone.png.

Run: .venv/bin/python -m bench.web_chat_screenshot
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from playwright.async_api import async_playwright

from bench.common import settings_in
from bot.app import build_application, running
from bot.transport import InProcessBotApi

ROOT = Path(__file__).parents[1]
PICTURE = ROOT / "docs" / "web-chat-phone.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


async def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        application = build_application(
            settings_in(directory), request=InProcessBotApi(), web_chat=True
        )
        async with running(application), async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=ARGS
            )
            page = await browser.new_page(viewport={"width": 360, "height": 740})
            await page.goto(f"http://127.0.0.1:{application.web_chat_site.port}/")
            for label in ("I'm a young person", "OK, let's start", "12 to 15"):
                await page.get_by_role("button", name=label).last.click()
                await page.wait_for_timeout(400)
            await page.screenshot(path=str(PICTURE))
            await browser.close()
    print(f"Wrote {PICTURE}")


if __name__ == "__main__":
    asyncio.run(main())
