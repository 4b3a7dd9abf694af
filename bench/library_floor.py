"""Benchmark: what python-telegram-bot alone costs for the pipeline's exchange.

The same people, script and update queue as `bench.pipeline`, and the same
Bot API calls per update (answer the button, mark the question answered, ask
the next one with its buttons), but no storage, tagging, screening or
persistence. The figure is the ceiling the bot's own pipeline can approach on
this machine, so the two are run side by side.

Run: .venv/bin/python -m bench.library_floor [--people N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    filters,
)

from bench.pipeline import percentiles, replay, time_each_update
from bot.concurrency import PerChatUpdateProcessor
from bot.transport import InProcessBotApi

QUESTION = "<b>Do you feel listened to by your worker?</b>"
KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Always", callback_data="a|yp:listened|always"),
            InlineKeyboardButton("Sometimes", callback_data="a|yp:listened|sometimes"),
            InlineKeyboardButton("No", callback_data="a|yp:listened|no"),
        ],
        [
            InlineKeyboardButton("⬅️ Back", callback_data="b|yp:listened|"),
            InlineKeyboardButton("Skip", callback_data="s|yp:listened|"),
        ],
    ]
)


async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer()
    await context.bot.edit_message_text(
        f"{QUESTION}\n✔️ Sometimes", query.message.chat.id, query.message.message_id
    )
    await context.bot.send_message(query.message.chat.id, QUESTION, reply_markup=KEYBOARD)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    await context.bot.edit_message_reply_markup(message.chat.id, message.message_id - 1)
    await context.bot.send_message(message.chat.id, QUESTION, reply_markup=KEYBOARD)


async def run(people: int) -> dict[str, object]:
    application = (
        Application.builder()
        .token("123456:floor")
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=ZoneInfo("Europe/London")))
        .request(InProcessBotApi())
        .get_updates_request(InProcessBotApi())
        .concurrent_updates(PerChatUpdateProcessor())
        .updater(None)
        .build()
    )
    application.add_handler(CallbackQueryHandler(on_press))
    application.add_handler(MessageHandler(filters.TEXT, on_text))
    latencies = time_each_update(application)
    async with application:
        await application.start()
        elapsed, cpu = await replay(application, people, latencies)
        await application.stop()
    return {"people": people, "updates": len(latencies), **percentiles(latencies, elapsed, cpu)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1000)
    print(json.dumps(asyncio.run(run(parser.parse_args().people)), indent=2))


if __name__ == "__main__":
    main()
