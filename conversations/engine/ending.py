"""The end of a flow: finishing, the review screen before submitting, resuming a saved
response, and /cancel's question (keep, delete or carry on)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ConversationHandler

from conversations import texts
from conversations.callback_data import encode
from conversations.context import BotContext
from conversations.engine.own_questions import (
    CANCEL_CODE,
    CANCEL_OPTIONS,
    CANCELLING,
    OWN_QUESTIONS,
    WHO,
)
from conversations.engine.state import NUMBERED, State
from conversations.fitting import fitted, shorten
from conversations.models import Flow, Wording
from conversations.place import REVIEW
from conversations.typed_words import match_option
from conversations.widgets import Button, answer_in_words, remove_buttons, say, with_answer
from storage import responses

if TYPE_CHECKING:
    from conversations.engine.core import FlowEngine


class Ending:
    """Finishing a flow, reviewing it, resuming it, or stopping it with /cancel."""

    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine

    async def finish(self, update: Update, context: BotContext, flow: Flow) -> State:
        place = context.place
        response_id = place.response_id
        audience = place.audience
        if response_id is not None:
            await responses.complete_response(context.db, response_id)
        await self.engine.arrive(update, context, ConversationHandler.END)
        await self.engine.send(update, context, say(flow.done, audience))
        if response_id is not None:
            await self.engine.response_completed(update, context, flow, response_id)
        return ConversationHandler.END

    async def ask_review(self, update: Update, context: BotContext, flow: Flow) -> State:
        """Show every answer so far, with a button to edit each, and a Submit button."""
        place = context.place
        answers = {}
        if place.response_id is not None:
            answers = {
                a.step_id: a for a in await responses.list_answers(context.db, place.response_id)
            }
        state = f"{flow.id}:{REVIEW}"
        audience = place.audience
        shown: list[tuple[str, str, bool]] = []  # (question, answer, typed by the person)
        for number, step in enumerate(flow.steps, start=1):
            answer = answers.get(step.id)
            question = f"{number}. {NUMBERED.sub('', step.prompt.for_audience(audience))}"
            if answer is None:
                shown.append((question, texts.SKIPPED_MARK.for_audience(audience), False))
                continue
            words = answer_in_words(
                step, audience, choice=answer.choice, text=answer.text, skipped=answer.skipped
            )
            shown.append((question, words, answer.text is not None and not answer.skipped))

        def render(length: int) -> str:
            lines = [f"<b>{html.escape(flow.title)}: check your answers</b>"]
            for question, answer, typed in shown:
                answer = shorten(answer, length) if typed else answer
                lines.append(
                    f"\n<b>{html.escape(question)}</b>\n{html.escape(answer, quote=False)}"
                )
            return "\n".join(lines)

        buttons = [
            InlineKeyboardButton(f"✏️ {number}", callback_data=Button("e", state, step.id).encode())
            for number, step in enumerate(flow.steps, start=1)
        ]
        rows = [buttons[i : i + 5] for i in range(0, len(buttons), 5)]
        rows.append([InlineKeyboardButton("✅ Submit", callback_data=Button("u", state).encode())])
        place.asking(flow.id, REVIEW)
        await self.engine.arrive(update, context, state)
        await self.engine.send(update, context, fitted(render), InlineKeyboardMarkup(rows))
        return state

    async def on_review_button(self, update: Update, context: BotContext, button: Button) -> State:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await remove_buttons(query.message)
        flow = self.engine.flows[context.place.flow_id]
        if button.action == "u":
            return await self.finish(update, context, flow)
        try:
            step = flow.step(button.value)
        except KeyError:
            return await self.ask_review(update, context, flow)
        context.place.start_editing()
        return await self.engine.ask(update, context, flow, step, intro=False)

    async def resume(self, update: Update, context: BotContext, flow: Flow, response: Any) -> State:
        """Continue a saved response at its first unanswered step (or its review)."""
        answered = {a.step_id for a in await responses.list_answers(context.db, response.id)}
        context.place.resume(
            flow.id,
            audience=response.audience,
            response_id=response.id,
            review_id=response.review_id,
            answered=[step.id for step in flow.steps if step.id in answered],
        )
        for step in flow.steps:
            if step.id not in answered:
                return await self.engine.ask(update, context, flow, step)
        return await self.ask_review(update, context, flow)

    async def on_cancel(self, update: Update, context: BotContext) -> State:
        """Ask whether to keep or delete what they gave, or stop at once if nothing was given."""
        place = context.place
        if str(place.at) in self.engine.askers:
            return await self.resume_or_end(update, context, texts.STOPPED)
        if place.response_id is None:
            audience = place.audience
            await self.engine.arrive(update, context, ConversationHandler.END)
            await self.engine.retire_prompt(update, context)  # its buttons would lead nowhere now
            await self.engine.send(update, context, say(texts.NOT_NOW, audience))
            return ConversationHandler.END
        return await self.ask_cancel(update, context)

    async def resume_or_end(self, update: Update, context: BotContext, wording: Wording) -> State:
        """After another module's question: say `wording`, then go back to what was on
        screen before it, or end. Either is saved before the person is told."""
        place = context.place
        audience = place.audience
        under = place.take_under()
        await self.engine.arrive(update, context, under or ConversationHandler.END)
        await self.engine.send(update, context, say(wording, audience))
        return await self.engine.reask(update, context) if under else ConversationHandler.END

    async def ask_cancel(self, update: Update, context: BotContext) -> State:
        audience = context.place.audience
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        option.label.for_audience(audience),
                        callback_data=encode(CANCEL_CODE, option.value),
                    )
                ]
                for option in CANCEL_OPTIONS
            ]
        )
        await self.engine.arrive(update, context, CANCELLING)
        await self.engine.send_prompt(
            update, context, say(texts.CANCEL_QUESTION, audience), keyboard
        )
        return CANCELLING

    async def on_cancel_choice(self, update: Update, context: BotContext) -> State:
        return await self.end_or_carry_on(
            update, context, await self.engine.tapped(update, context)
        )

    async def on_typed_own_choice(self, update: Update, context: BotContext, text: str) -> State:
        """Words typed at the greeting or /cancel's question: one of its choices, or ask again."""
        at = str(context.place.at)
        audience = context.place.audience
        question, options = OWN_QUESTIONS[at]
        option = match_option(options, text, audience)
        if option is None:
            await self.engine.send(update, context, say(texts.TAP_A_BUTTON, audience))
            return await self.engine.reask(update, context)
        label = option.label.for_audience(audience)
        await self.engine.retire_prompt(
            update, context, with_answer(say(question, audience), label)
        )
        act = self.engine.start_as if at == WHO else self.end_or_carry_on
        return await act(update, context, option.value)

    async def end_or_carry_on(self, update: Update, context: BotContext, choice: str) -> State:
        """Act on the answer to /cancel's question: keep, delete or continue."""
        place = context.place
        audience = place.audience
        if choice == "continue":
            position = self.engine.position(place)
            if position is None:
                return await self.engine.greet(update, context)
            return await self.engine.ask(update, context, *position, intro=False)
        if choice == "delete" and place.response_id is not None:
            await responses.delete_response(context.db, place.response_id)
            goodbye = texts.CANCELLED_DELETED
        else:
            goodbye = texts.CANCELLED_KEPT
        await self.engine.arrive(update, context, ConversationHandler.END)
        await self.engine.send(update, context, say(goodbye, audience))
        return ConversationHandler.END
