"""Words typed where the engine waits: free-text answers, a button's words in the
person's own (`analysis.replies`), /skip and /back, edits, and what is not words."""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from telegram import Update

from analysis.replies import EXPLAIN, SKIP, asks_who_sees
from conversations import texts
from conversations.context import BotContext
from conversations.engine.own_questions import CANCELLING, OWN_QUESTIONS, WHO
from conversations.engine.state import State
from conversations.models import Flow, Step
from conversations.typed_words import (
    is_done,
    is_greeting,
    match_option,
    match_options,
    read_typed,
    typed_move,
)
from conversations.widgets import answered, say, toggled

if TYPE_CHECKING:
    from conversations.engine.core import FlowEngine

_LOGGER = logging.getLogger(__name__)


class TypedReplies:
    """Typed replies and edits."""

    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine

    async def on_text(self, update: Update, context: BotContext) -> State:
        """Take a typed answer: free text, or the words of one of the buttons."""
        message = update.effective_message
        assert message is not None and message.text is not None
        place = context.place
        audience = place.audience
        text = message.text.strip()
        if is_greeting(text) and place.at != CANCELLING:
            # Someone back after a while says hello: not an answer, and not wrong.
            if place.at != WHO:  # the greeting already says hello
                await self.engine.send(update, context, say(texts.HELLO_AGAIN, audience))
            return await self.engine.reask(update, context)
        if place.at in OWN_QUESTIONS:
            return await self.engine.ending.on_typed_own_choice(update, context, text)
        position = self.engine.position(place)
        if position is None or place.on_review:
            await self.engine.send(update, context, say(texts.TAP_A_BUTTON, audience))
            return await self.engine.reask(update, context)
        flow, step = position
        moved = await self.take_move(update, context, flow, step, typed_move(text))
        if moved is not None:
            return moved
        if step.kind == "multi":
            return await self.on_typed_pick(update, context, flow, step, text)
        if step.kind != "text":
            option = match_option(step.options, text, audience)
            if option is None:
                return await self.not_a_button(update, context, flow, step, text)
            label = option.label.for_audience(audience)
            await self.engine.retire_prompt(update, context, answered(step, audience, label))
            return await self.engine.answers.accept(
                update, context, flow, step, choice=option.value
            )
        if not text:
            await self.engine.send(update, context, say(texts.EMPTY_ANSWER, audience))
            return await self.engine.ask(update, context, flow, step, intro=False)
        if len(text) > flow.text_limit:
            await self.engine.send(
                update,
                context,
                say(
                    texts.TOO_LONG, audience, limit=f"{flow.text_limit:,}", length=f"{len(text):,}"
                ),
            )
            return flow.state(step)
        await self.engine.retire_prompt(update, context)
        place.typed_answer(message.message_id, step.id)
        return await self.engine.answers.accept(update, context, flow, step, text=text)

    async def on_move_command(self, update: Update, context: BotContext) -> State:
        """/skip and /back, as other bots have them: what the Skip and Back buttons do."""
        message = update.effective_message
        assert message is not None and message.text is not None
        command = message.text.split()[0].lstrip("/").partition("@")[0].lower()
        position = self.engine.position(context.place)
        if position is not None:
            flow, step = position
            moved = await self.take_move(update, context, flow, step, command[0])
            if moved is not None:
                return moved
        # Nothing to skip here (a question that must be answered), or nothing to go back to.
        await self.engine.send(update, context, say(texts.TAP_A_BUTTON, context.place.audience))
        return await self.engine.reask(update, context)

    async def take_move(
        self, update: Update, context: BotContext, flow: Flow, step: Step, move: str | None
    ) -> State | None:
        """Skip ("s") or go back ("b") from `step` when it allows; None when it does not."""
        place = context.place
        audience = place.audience
        if move == "s" and step.skippable:
            skipped = answered(step, audience, texts.SKIPPED_MARK.for_audience(audience))
            await self.engine.retire_prompt(update, context, skipped)
            return await self.engine.answers.accept(update, context, flow, step, skipped=True)
        if move == "b" and place.can_go_back:
            await self.engine.retire_prompt(update, context)
            return await self.engine.answers.go_back(update, context, flow)
        return None

    async def on_typed_pick(
        self, update: Update, context: BotContext, flow: Flow, step: Step, text: str
    ) -> State:
        """A pick-several question answered by typing: tick or untick a choice, or finish."""
        place = context.place
        audience = place.audience
        typed = match_options(step.options, text, audience)
        selected = place.selected
        chosen = [o.value for o in step.options if o.value in selected]
        if not typed and chosen and is_done(text, audience):
            await self.engine.retire_prompt(update, context)
            return await self.engine.answers.accept(
                update, context, flow, step, choice=",".join(chosen)
            )
        if not typed:
            return await self.ask_for_a_tap(update, context, flow, step, text)
        if len(typed) == 1:  # typed again, a choice comes unticked, as a second tap would
            place.selected = toggled(selected, typed[0].value)
        else:  # several typed together are all meant to be ticked
            place.selected = [*selected, *(o.value for o in typed if o.value not in selected)]
        ticked = typed[0].value in place.selected
        labels = ", ".join(option.label.for_audience(audience) for option in typed)
        await self.engine.retire_prompt(update, context)
        await self.engine.send(
            update, context, say(texts.TICKED if ticked else texts.UNTICKED, audience, label=labels)
        )
        return await self.engine.ask(update, context, flow, step, intro=False)

    async def not_a_button(
        self, update: Update, context: BotContext, flow: Flow, step: Step, text: str
    ) -> State:
        """A typed reply no one button fits: skip if asked, explain if asked, say which
        buttons it could mean, or ask for a tap."""
        audience = context.place.audience
        reading = read_typed(step.options, text, audience)
        if reading.intent == SKIP:
            moved = await self.take_move(update, context, flow, step, "s")
            if moved is not None:
                return moved
        # "ok but u wont tel my mum will u": who will see it deserves its answer too.
        who_sees = not reading.could_be and asks_who_sees(text)
        if reading.intent == EXPLAIN or who_sees:
            explanation = step.explain or texts.EXPLAIN_QUESTION
            if who_sees:
                explanation = texts.WHO_SEES  # "will my mum find out?"
            await self.engine.send(update, context, say(explanation, audience))
            return await self.engine.ask(update, context, flow, step, intro=False)
        if len(reading.could_be) > 1:
            labels = [o.label.for_audience(audience) for o in step.options]
            named = [labels[[o.value for o in step.options].index(v)] for v in reading.could_be]
            options = " or ".join(f"“{label}”" for label in named)
            await self.engine.send(update, context, say(texts.WHICH_ONE, audience, options=options))
            return await self.engine.ask(update, context, flow, step, intro=False)
        return await self.ask_for_a_tap(update, context, flow, step, text)

    async def ask_for_a_tap(
        self, update: Update, context: BotContext, flow: Flow, step: Step, text: str
    ) -> State:
        """Words where a button is wanted: ask for a tap, and for a sentence, say where
        their own words are welcome, so they need not feel unheard."""
        sentence = len(text.split()) >= 3 and flow.asks_for_words_after(step)
        wording = texts.TAP_THEN_WRITE_LATER if sentence else texts.TAP_A_BUTTON
        await self.engine.send(update, context, say(wording, context.place.audience))
        return await self.engine.ask(update, context, flow, step, intro=False)

    async def on_edited(self, update: Update, context: BotContext) -> None:
        """A typed answer of this flow, edited: store the new words in its place."""
        message = update.edited_message
        assert message is not None and message.text is not None
        place = context.place
        audience = place.audience
        step_id = place.step_typed_in(message.message_id)
        flow = self.engine.flows.get(place.flow_id)
        text = message.text.strip()
        if step_id is None or flow is None or not 0 < len(text) <= flow.text_limit:
            await self.engine.send(update, context, say(texts.EDIT_NOT_USED, audience))
            return
        try:
            await self.engine.answers.store(
                update, context, flow, flow.step(step_id), choice=None, text=text, skipped=False
            )
        except (sqlite3.Error, OSError):
            _LOGGER.exception(
                "Could not store the edited answer to %s", flow.state(flow.step(step_id))
            )
            await self.engine.send(update, context, say(texts.SAVE_FAILED, audience))
            return
        await self.engine.send(update, context, say(texts.EDIT_SAVED, audience))
        if place.on_review:
            await self.engine.ending.ask_review(update, context, flow)

    async def on_tap_instead(self, update: Update, context: BotContext) -> State:
        """Words typed where only a button will do (one of another module's questions)."""
        await self.engine.send(update, context, say(texts.TAP_A_BUTTON, context.place.audience))
        return await self.engine.reask(update, context)

    async def on_not_text(self, update: Update, context: BotContext) -> State:
        """Stickers, photos, voice notes and the like: a kind word and the question again."""
        await self.engine.send(update, context, say(texts.ONLY_WORDS, context.place.audience))
        return await self.engine.reask(update, context)
