"""Words sent after a feedback chat has ended: offered a place, never just lost.

Someone who remembers more after "Thank you" types it into the chat. Within
`OFFER_FOR` of finishing, they are asked whether to add it to what they told us;
if they say yes it goes under the flow's `later_words_step` ("Is there anything
else…?"), and is tagged as any answer is. Safeguarding has screened the words
before this module sees them, so a disclosure never reaches it.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from conversations import texts
from conversations.callback_data import encode, parts_of, tapped_with
from conversations.context import BotContext
from conversations.engine import FlowEngine, StoredAnswer
from conversations.general import nothing_to_answer
from conversations.models import Flow, Option, Wording
from conversations.typed_words import is_greeting, match_option
from conversations.widgets import remove_buttons, remove_buttons_by_id, reply, say
from storage import responses
from storage.models import Response

_LOGGER = logging.getLogger(__name__)

# In the person's data from the end of a flow: {"response", "flow", "until"}, and, while
# they are asked, "pending" (their words) and "offer" (the message asking).
LATER = "later_words"
# The code of the offer's buttons ("later|<choice>").
LATER_CODE = "later"
OFFER_FOR = timedelta(days=14)
# Shorter messages ("thanks", "ok bye") are not taken for more to say.
FEWEST_WORDS = 3
ADD, DROP = "add", "drop"
CHOICES = (
    Option(value=ADD, label=texts.LATER_WORDS_ADD, typed=("ok", "okay", "add", "please")),
    Option(value=DROP, label=texts.LATER_WORDS_DROP, typed=("no", "don't", "dont")),
)


class LaterWords:
    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine
        engine.on_completion(self.remember)

    def handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        """Ahead of the replies for messages outside any flow, which these fall back to."""
        private_text = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.TEXT
        return [
            CallbackQueryHandler(self.on_choice, pattern=tapped_with(LATER_CODE)),
            MessageHandler(private_text & ~filters.COMMAND, self.on_text),
        ]

    async def remember(
        self, update: Update, context: BotContext, flow: Flow, response: int
    ) -> None:
        """At the end of a flow that takes later words: where they would go, and until when."""
        if flow.later_words_step is None:
            return
        until = self.engine.clock() + OFFER_FOR.total_seconds()
        context.data[LATER] = {"response": response, "flow": flow.id, "until": until}

    async def on_text(self, update: Update, context: BotContext) -> None:
        message = update.effective_message
        assert message is not None and message.text is not None
        text = message.text.strip()
        later = context.data.get(LATER)
        if later is None or self.engine.clock() > later["until"]:
            context.data.pop(LATER, None)
            return await nothing_to_answer(update, context)
        target = await self.where_to_add(context)
        if target is None:
            context.data.pop(LATER, None)
            return await nothing_to_answer(update, context)
        flow, response = target
        audience = response.audience
        pending: str | None = later.get("pending")
        if pending is not None:
            choice = match_option(CHOICES, text, audience)
            if choice is not None:
                await remove_buttons_by_id(context, update, later.pop("offer", None))
                return await self.choose(update, context, choice.value, flow, response)
        if pending is not None and len(text.split()) < FEWEST_WORDS:  # "thanks", "hmm"
            await self.send(update, context, texts.TAP_A_BUTTON, audience)
            return await self.offer(update, context, audience)
        if is_greeting(text) or len(text.split()) < FEWEST_WORDS:
            return await nothing_to_answer(update, context)
        # Several messages in a row are one thought: asked about together.
        words = text if pending is None else f"{pending}\n{text}"
        if len(words) > flow.text_limit:
            limit, length = f"{flow.text_limit:,}", f"{len(words):,}"
            await self.send(update, context, texts.TOO_LONG, audience, limit=limit, length=length)
            return None
        later["pending"] = words
        await self.offer(update, context, audience)
        return None

    async def offer(self, update: Update, context: BotContext, audience: str) -> None:
        """Ask whether to add their words, under one message: an earlier one loses its buttons."""
        later = context.data[LATER]
        await remove_buttons_by_id(context, update, later.pop("offer", None))
        buttons = [
            [
                InlineKeyboardButton(
                    o.label.for_audience(audience), callback_data=encode(LATER_CODE, o.value)
                )
            ]
            for o in CHOICES
        ]
        assert update.effective_chat is not None
        offer = await context.bot.send_message(
            update.effective_chat.id,
            say(texts.LATER_WORDS_OFFER, audience),
            reply_markup=InlineKeyboardMarkup(buttons),
        )
        later["offer"] = offer.message_id

    async def on_choice(self, update: Update, context: BotContext) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await remove_buttons(query.message)
        later = context.data.get(LATER) or {}
        later.pop("offer", None)
        target = await self.where_to_add(context)
        if target is None:
            later.pop("pending", None)
            await self.send(update, context, texts.OLD_BUTTON_NO_CHAT, None)
            return
        await self.choose(update, context, "|".join(parts_of(query.data)), *target)

    async def where_to_add(self, context: BotContext) -> tuple[Flow, Response] | None:
        """The flow and response later words go to; None once deleted (/forget, retention)."""
        later = context.data.get(LATER) or {}
        flow = self.engine.flows.get(later.get("flow", ""))
        response = await responses.get_response(context.db, later.get("response", 0))
        if flow is None or flow.later_words_step is None or response is None:
            return None
        return flow, response

    async def choose(
        self, update: Update, context: BotContext, choice: str, flow: Flow, response: Response
    ) -> None:
        """Add the words they were asked about, or let them go."""
        later = context.data[LATER]
        pending = later.pop("pending", None)
        if pending is None:
            await self.send(update, context, texts.OLD_BUTTON_NO_CHAT, None)
            return
        audience = response.audience
        if choice != ADD:
            await self.send(update, context, texts.LATER_WORDS_DROPPED, audience)
            return
        assert flow.later_words_step is not None  # where_to_add takes no other flow
        step = flow.step(flow.later_words_step)
        try:
            answer_id, whole = await responses.add_to_answer(
                context.db, response_id=response.id, step_id=step.id, text=pending
            )
        except (sqlite3.Error, OSError):
            _LOGGER.exception("Could not add later words to a response")
            later["pending"] = pending  # still theirs to add: asked again
            await self.send(update, context, texts.SAVE_FAILED_TRY_AGAIN, audience)
            await self.offer(update, context, audience)
            return
        stored = StoredAnswer(response.id, answer_id, flow, step, None, whole, False)
        await self.engine.answer_stored(update, context, stored)
        await self.send(update, context, texts.LATER_WORDS_ADDED, audience)

    async def send(
        self,
        update: Update,
        context: BotContext,
        wording: Wording,
        audience: str | None,
        **values: object,
    ) -> None:
        await reply(update, context, say(wording, audience, **values))
