"""Questions outside the flows, declared as data: those that want a few typed words (a
practitioner's name and team, a practice review's reference, /action's "You said"
and "We did") and those answered with a button (/action's theme and status,
/forget's "are you sure?"). The
engine asks each, asks again after anything unexpected, checks the answer, and
hands it on."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from conversations.callback_data import encode, tapped_with
from conversations.context import BotContext
from conversations.engine.state import FOREGROUND, Callback, Handler, State
from conversations.models import Option, Wording
from conversations.typed_words import match_option
from conversations.widgets import with_answer

if TYPE_CHECKING:
    from conversations.engine.core import FlowEngine

# What a question does with words it accepts: store them, and return where the person goes.
TakeWords = Callable[[Update, BotContext, str], Coroutine[Any, Any, State]]


@dataclass(frozen=True)
class TypedQuestion:
    state: str
    prompt: str
    # Said when the words will not do (empty, too long, not of the form asked for).
    retry: str
    then: TakeWords
    limit: int = 200
    # When given, the words must match it whole ("CPR-2026-014").
    form: re.Pattern[str] | None = None

    def accepts(self, typed: str) -> str | None:
        """The words, trimmed, if they will do."""
        words = typed.strip()
        if not 0 < len(words) <= self.limit:
            return None
        if self.form is not None and not self.form.fullmatch(words):
            return None
        return words

    def handlers(self, engine: FlowEngine) -> tuple[list[Handler], Callback]:
        """What takes the answer, and how to ask the question (again)."""

        async def ask(update: Update, context: BotContext) -> State:
            await engine.arrive(update, context, self.state)
            await engine.send(update, context, self.prompt)
            return self.state

        async def take(update: Update, context: BotContext) -> State:
            message = update.effective_message
            words = self.accepts(message.text or "") if message else None
            if words is None:
                await engine.send(update, context, self.retry)
                return self.state
            return await self.then(update, context, words)

        return [MessageHandler(FOREGROUND & filters.TEXT & ~filters.COMMAND, take)], ask


@dataclass(frozen=True)
class ChoiceQuestion:
    state: str
    prompt: Wording
    # A button for each, worked out when the question is asked. Their words may be typed
    # instead, as at a flow's questions ("yes", "communication").
    choices: Callable[[], Sequence[Option]]
    # Takes the chosen option's value.
    then: TakeWords
    # The buttons' callback data is "<code>|<value>": short, and unique among questions.
    code: str
    columns: int = 1
    # The language it is worded in: None for the reader's; staff's questions are English.
    worded_in: str | None = None

    def handlers(self, engine: FlowEngine) -> tuple[list[Handler], Callback]:
        """What takes a tap or the words of a button, and how to ask the question (again)."""

        async def ask(update: Update, context: BotContext) -> State:
            audience = context.place.audience
            buttons = [
                InlineKeyboardButton(
                    option.label.for_audience(audience, self.worded_in),
                    callback_data=encode(self.code, option.value),
                )
                for option in self.choices()
            ]
            rows = [buttons[i : i + self.columns] for i in range(0, len(buttons), self.columns)]
            await engine.arrive(update, context, self.state)
            prompt = html.escape(self.prompt.for_audience(audience, self.worded_in), quote=False)
            await engine.send_prompt(update, context, prompt, InlineKeyboardMarkup(rows))
            return self.state

        async def take_tap(update: Update, context: BotContext) -> State:
            value = await engine.tapped(update, context)
            if value not in {option.value for option in self.choices()}:
                return await ask(update, context)  # a button from an older list
            return await self.then(update, context, value)

        async def take_typed(update: Update, context: BotContext) -> State:
            message = update.effective_message
            audience = context.place.audience
            typed = message.text or "" if message else ""
            option = match_option(self.choices(), typed, audience)
            if option is None:
                return await engine.typed.on_tap_instead(update, context)
            label = option.label.for_audience(audience, self.worded_in)
            prompt = html.escape(self.prompt.for_audience(audience, self.worded_in), quote=False)
            await engine.retire_prompt(update, context, with_answer(prompt, label))
            return await self.then(update, context, option.value)

        return [
            CallbackQueryHandler(take_tap, pattern=tapped_with(self.code)),
            MessageHandler(FOREGROUND & filters.TEXT & ~filters.COMMAND, take_typed),
        ], ask
