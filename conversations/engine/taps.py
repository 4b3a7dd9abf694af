"""Taps on a question's buttons: an answer, Skip, Back, a tick, Done; and old buttons."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram import Update

from conversations import texts
from conversations.context import BotContext
from conversations.engine.state import BEGIN_DATA, State
from conversations.widgets import (
    Button,
    mark_answered,
    refresh_keyboard,
    remove_buttons,
    say,
    toggled,
)

if TYPE_CHECKING:
    from conversations.engine.core import FlowEngine

_LOGGER = logging.getLogger(__name__)


class Taps:
    """Buttons tapped under a question."""

    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine

    async def on_button(self, update: Update, context: BotContext) -> State:
        """Handle a button under a question: an answer, Skip, Back, or a multi-choice toggle."""
        query = update.callback_query
        assert query is not None
        place = context.place
        if query.data == BEGIN_DATA:  # "Tell us now" while a conversation is under way
            await query.answer()
            return await self.engine.on_start_again(update, context)
        button = Button.decode(query.data)
        if button is not None and button.state == place.at and place.on_review:
            return await self.engine.ending.on_review_button(update, context, button)
        position = self.engine.position(place)
        if button is None or position is None or button.state != place.at:
            await query.answer()
            await self.engine.send(update, context, say(texts.OLD_BUTTON, place.audience))
            return await self.engine.reask(update, context)
        flow, step = position
        audience = place.audience
        option = step.option(button.value)
        if button.action == "a" and option is not None:
            await query.answer()
            await mark_answered(query.message, step, audience, option.label.for_audience(audience))
            return await self.engine.answers.accept(
                update, context, flow, step, choice=option.value
            )
        if button.action == "s" and step.skippable:
            await query.answer()
            await mark_answered(
                query.message, step, audience, texts.SKIPPED_MARK.for_audience(audience)
            )
            return await self.engine.answers.accept(update, context, flow, step, skipped=True)
        if button.action == "b" and place.can_go_back:
            await query.answer()
            await remove_buttons(query.message)
            return await self.engine.answers.go_back(update, context, flow)
        if button.action == "t" and option is not None and step.kind == "multi":
            await query.answer()
            place.selected = toggled(place.selected, option.value)
            await refresh_keyboard(query.message, flow, step, place)
            return flow.state(step)
        if button.action == "d" and step.kind == "multi":
            chosen = [o.value for o in step.options if o.value in place.selected]
            if not chosen:
                await query.answer(texts.TAP_A_BUTTON.for_audience(audience))
                return flow.state(step)
            await query.answer()
            labels = ", ".join(step.option(v).label.for_audience(audience) for v in chosen)  # type: ignore[union-attr]
            await mark_answered(query.message, step, audience, labels)
            return await self.engine.answers.accept(
                update, context, flow, step, choice=",".join(chosen)
            )
        await query.answer()
        await self.engine.send(update, context, say(texts.OLD_BUTTON, audience))
        return await self.engine.reask(update, context)

    async def on_old_button(self, update: Update, context: BotContext) -> State:
        """A button that is not for the question on screen (one of another module's)."""
        assert update.callback_query is not None
        await update.callback_query.answer()
        await self.engine.send(update, context, say(texts.OLD_BUTTON, context.place.audience))
        return await self.engine.reask(update, context)
