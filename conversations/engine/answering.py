"""Taking answers: buttons, typed words, /skip and /back, edited answers, and storing
each answer the moment it arrives, then telling the listeners (tagging, safeguarding)."""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from telegram import Update
from telegram.ext import ConversationHandler

from analysis.replies import EXPLAIN, SKIP
from conversations import texts
from conversations.context import BotContext
from conversations.engine.own_questions import CANCELLING, OWN_QUESTIONS, WHO
from conversations.engine.state import (
    BEGIN_DATA,
    DEFAULT_AUDIENCE,
    FLAG_NEXT_ANSWER,
    HELD,
    REVIEW,
    TYPED,
    State,
    StoredAnswer,
)
from conversations.models import Flow, Step
from conversations.widgets import (
    Button,
    answered,
    is_done,
    is_greeting,
    mark_answered,
    match_option,
    match_options,
    read_typed,
    refresh_keyboard,
    remove_buttons,
    say,
    toggled,
    typed_move,
)
from storage import contacts, responses

if TYPE_CHECKING:
    from conversations.engine.core import FlowEngine

_LOGGER = logging.getLogger(__name__)


class Answering:
    """The engine's answer handlers: each is one state's way of taking an answer."""

    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine

    async def on_button(self, update: Update, context: BotContext) -> State:
        """Handle a button under a question: an answer, Skip, Back, or a multi-choice toggle."""
        query = update.callback_query
        assert query is not None
        data = context.data
        if query.data == BEGIN_DATA:  # "Tell us now" while a conversation is under way
            await query.answer()
            return await self.engine.on_start_again(update, context)
        button = Button.decode(query.data)
        if button is not None and button.state == data.get("at") and button.state.endswith(REVIEW):
            return await self.engine.ending.on_review_button(update, context, button)
        position = self.engine.position(data)
        if button is None or position is None or button.state != data.get("at"):
            await query.answer()
            await self.engine.send(update, context, say(texts.OLD_BUTTON, data.get("audience")))
            return await self.engine.reask(update, context)
        flow, step = position
        audience = data.get("audience")
        option = step.option(button.value)
        if button.action == "a" and option is not None:
            await query.answer()
            await mark_answered(query.message, step, audience, option.label.for_audience(audience))
            return await self.accept(update, context, flow, step, choice=option.value)
        if button.action == "s" and step.skippable:
            await query.answer()
            await mark_answered(
                query.message, step, audience, texts.SKIPPED_MARK.for_audience(audience)
            )
            return await self.accept(update, context, flow, step, skipped=True)
        if button.action == "b" and data.get("history"):
            await query.answer()
            await remove_buttons(query.message)
            return await self.go_back(update, context, flow)
        if button.action == "t" and option is not None and step.kind == "multi":
            await query.answer()
            data["selected"] = toggled(data.get("selected") or [], option.value)
            await refresh_keyboard(query.message, flow, step, data)
            return flow.state(step)
        if button.action == "d" and step.kind == "multi":
            chosen = [o.value for o in step.options if o.value in (data.get("selected") or [])]
            if not chosen:
                await query.answer(texts.TAP_A_BUTTON.for_audience(audience))
                return flow.state(step)
            await query.answer()
            labels = ", ".join(step.option(v).label.for_audience(audience) for v in chosen)  # type: ignore[union-attr]
            await mark_answered(query.message, step, audience, labels)
            return await self.accept(update, context, flow, step, choice=",".join(chosen))
        await query.answer()
        await self.engine.send(update, context, say(texts.OLD_BUTTON, audience))
        return await self.engine.reask(update, context)

    async def on_text(self, update: Update, context: BotContext) -> State:
        """Take a typed answer: free text, or the words of one of the buttons."""
        message = update.effective_message
        assert message is not None and message.text is not None
        data = context.data
        audience = data.get("audience")
        text = message.text.strip()
        if is_greeting(text) and data.get("at") != CANCELLING:
            # Someone back after a while says hello: not an answer, and not wrong.
            if data.get("at") != WHO:  # the greeting already says hello
                await self.engine.send(update, context, say(texts.HELLO_AGAIN, audience))
            return await self.engine.reask(update, context)
        if data.get("at") in OWN_QUESTIONS:
            return await self.engine.ending.on_typed_own_choice(update, context, text)
        position = self.engine.position(data)
        if position is None or str(data.get("at", "")).endswith(REVIEW):
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
            return await self.accept(update, context, flow, step, choice=option.value)
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
        data.setdefault(TYPED, {})[str(message.message_id)] = step.id
        return await self.accept(update, context, flow, step, text=text)

    async def on_move_command(self, update: Update, context: BotContext) -> State:
        """/skip and /back, as other bots have them: what the Skip and Back buttons do."""
        message = update.effective_message
        assert message is not None and message.text is not None
        command = message.text.split()[0].lstrip("/").partition("@")[0].lower()
        position = self.engine.position(context.data)
        if position is not None:
            flow, step = position
            moved = await self.take_move(update, context, flow, step, command[0])
            if moved is not None:
                return moved
        # Nothing to skip here (a question that must be answered), or nothing to go back to.
        await self.engine.send(
            update, context, say(texts.TAP_A_BUTTON, context.data.get("audience"))
        )
        return await self.engine.reask(update, context)

    async def take_move(
        self, update: Update, context: BotContext, flow: Flow, step: Step, move: str | None
    ) -> State | None:
        """Skip ("s") or go back ("b") from `step` when it allows; None when it does not."""
        data = context.data
        audience = data.get("audience")
        if move == "s" and step.skippable:
            skipped = answered(step, audience, texts.SKIPPED_MARK.for_audience(audience))
            await self.engine.retire_prompt(update, context, skipped)
            return await self.accept(update, context, flow, step, skipped=True)
        if move == "b" and data.get("history"):
            await self.engine.retire_prompt(update, context)
            return await self.go_back(update, context, flow)
        return None

    async def on_typed_pick(
        self, update: Update, context: BotContext, flow: Flow, step: Step, text: str
    ) -> State:
        """A pick-several question answered by typing: tick or untick a choice, or finish."""
        data = context.data
        audience = data.get("audience")
        typed = match_options(step.options, text, audience)
        selected: list[str] = data.get("selected") or []
        chosen = [o.value for o in step.options if o.value in selected]
        if not typed and chosen and is_done(text, audience):
            await self.engine.retire_prompt(update, context)
            return await self.accept(update, context, flow, step, choice=",".join(chosen))
        if not typed:
            return await self.ask_for_a_tap(update, context, flow, step, text)
        if len(typed) == 1:  # typed again, a choice comes unticked, as a second tap would
            data["selected"] = toggled(selected, typed[0].value)
        else:  # several typed together are all meant to be ticked
            data["selected"] = [*selected, *(o.value for o in typed if o.value not in selected)]
        ticked = typed[0].value in data["selected"]
        labels = ", ".join(option.label.for_audience(audience) for option in typed)
        await self.engine.retire_prompt(update, context)
        await self.engine.send(
            update, context, say(texts.TICKED if ticked else texts.UNTICKED, audience, label=labels)
        )
        return await self.engine.ask(update, context, flow, step, intro=False)

    async def go_back(self, update: Update, context: BotContext, flow: Flow) -> State:
        """Ask the question before this one again."""
        data = context.data
        previous = flow.step(data["history"].pop())
        data["selected"] = []
        return await self.engine.ask(update, context, flow, previous)

    async def not_a_button(
        self, update: Update, context: BotContext, flow: Flow, step: Step, text: str
    ) -> State:
        """A typed reply no one button fits: skip if asked, explain if asked, say which
        buttons it could mean, or ask for a tap."""
        audience = context.data.get("audience")
        reading = read_typed(step.options, text, audience)
        if reading.intent == SKIP:
            moved = await self.take_move(update, context, flow, step, "s")
            if moved is not None:
                return moved
        if reading.intent == EXPLAIN:
            await self.engine.send(
                update, context, say(step.explain or texts.EXPLAIN_QUESTION, audience)
            )
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
        await self.engine.send(update, context, say(wording, context.data.get("audience")))
        return await self.engine.ask(update, context, flow, step, intro=False)

    async def on_edited(self, update: Update, context: BotContext) -> None:
        """A typed answer of this flow, edited: store the new words in its place."""
        message = update.edited_message
        assert message is not None and message.text is not None
        data = context.data
        audience = data.get("audience")
        step_id = data.get(TYPED, {}).get(str(message.message_id))
        flow = self.engine.flows.get(data.get("flow") or "")
        text = message.text.strip()
        if step_id is None or flow is None or not 0 < len(text) <= flow.text_limit:
            await self.engine.send(update, context, say(texts.EDIT_NOT_USED, audience))
            return
        try:
            await self.store(
                update, context, flow, flow.step(step_id), choice=None, text=text, skipped=False
            )
        except (sqlite3.Error, OSError):
            _LOGGER.exception(
                "Could not store the edited answer to %s", flow.state(flow.step(step_id))
            )
            await self.engine.send(update, context, say(texts.SAVE_FAILED, audience))
            return
        await self.engine.send(update, context, say(texts.EDIT_SAVED, audience))
        if str(data.get("at", "")).endswith(f":{REVIEW}"):
            await self.engine.ending.ask_review(update, context, flow)

    async def on_old_button(self, update: Update, context: BotContext) -> State:
        """A button that is not for the question on screen (one of another module's)."""
        assert update.callback_query is not None
        await update.callback_query.answer()
        await self.engine.send(update, context, say(texts.OLD_BUTTON, context.data.get("audience")))
        return await self.engine.reask(update, context)

    async def on_tap_instead(self, update: Update, context: BotContext) -> State:
        """Words typed where only a button will do (one of another module's questions)."""
        await self.engine.send(
            update, context, say(texts.TAP_A_BUTTON, context.data.get("audience"))
        )
        return await self.engine.reask(update, context)

    async def on_not_text(self, update: Update, context: BotContext) -> State:
        """Stickers, photos, voice notes and the like: a kind word and the question again."""
        await self.engine.send(update, context, say(texts.ONLY_WORDS, context.data.get("audience")))
        return await self.engine.reask(update, context)

    async def accept(
        self,
        update: Update,
        context: BotContext,
        flow: Flow,
        step: Step,
        *,
        choice: str | None = None,
        text: str | None = None,
        skipped: bool = False,
    ) -> State:
        """Store the answer, apply its effect, and move to wherever it leads."""
        data = context.data
        if step.kind == "consent":
            if choice != "agree" or flow.next_step(step, choice) is None:
                audience = data.get("audience")
                await self.engine.arrive(update, context, ConversationHandler.END)
                await self.engine.send(update, context, say(texts.NOT_NOW, audience))
                return ConversationHandler.END
        else:
            try:
                await self.store(
                    update, context, flow, step, choice=choice, text=text, skipped=skipped
                )
            except (sqlite3.Error, OSError):
                _LOGGER.exception("Could not store the answer to %s", flow.state(step))
                await self.engine.send(
                    update, context, say(texts.SAVE_FAILED, data.get("audience"))
                )
                return await self.engine.ask(update, context, flow, step, intro=False)
            data.setdefault("history", []).append(step.id)
        return await self.move_on(update, context, flow, step, choice=choice, skipped=skipped)

    async def hold_answer(
        self, update: Update, context: BotContext, text: str, event_id: int
    ) -> bool:
        """Keep words that raised an alert as the answer to the typed question on screen,
        flagged, without asking the next question: the person is being helped first, and
        `reask` goes on from here when they choose to. False if no typed question was
        waiting for them (or it could not be stored): the words are then only in the
        safeguarding record.
        """
        data = context.data
        position = self.engine.position(data)
        if position is None or data.get("at") != position[0].state(position[1]):
            return False
        flow, step = position
        if step.kind != "text" or len(text) > flow.text_limit:
            return False
        data[FLAG_NEXT_ANSWER] = event_id
        try:
            await self.store(update, context, flow, step, choice=None, text=text, skipped=False)
        except (sqlite3.Error, OSError):
            _LOGGER.exception("Could not keep the answer to %s", flow.state(step))
            data.pop(FLAG_NEXT_ANSWER, None)
            return False
        await self.engine.retire_prompt(update, context)
        data.setdefault("history", []).append(step.id)
        data[HELD] = step.id
        return True

    async def move_on(
        self,
        update: Update,
        context: BotContext,
        flow: Flow,
        step: Step,
        *,
        choice: str | None = None,
        skipped: bool = False,
    ) -> State:
        """Go to whatever follows the answered step: a question, the review, or the end."""
        data = context.data
        data["selected"] = []
        if step.after is not None:
            await self.engine.send(update, context, say(step.after, data.get("audience")))
        if data.pop("editing", False):
            return await self.engine.ending.ask_review(update, context, flow)
        following = flow.next_step(step, None if skipped else choice)
        if following is None:
            if flow.review_before_submit:
                return await self.engine.ending.ask_review(update, context, flow)
            return await self.engine.ending.finish(update, context, flow)
        return await self.engine.ask(update, context, flow, following)

    async def store(
        self,
        update: Update,
        context: BotContext,
        flow: Flow,
        step: Step,
        *,
        choice: str | None,
        text: str | None,
        skipped: bool,
    ) -> None:
        data = context.data
        if step.effect == "audience" and choice and not skipped:
            data["audience"] = choice
        response_id = await self._response_id(update, context, flow)
        flag = data.pop(FLAG_NEXT_ANSWER, None)
        event_id = flag if isinstance(flag, int) and not isinstance(flag, bool) else None
        answer_id = await responses.save_answer(
            context.db,
            response_id=response_id,
            step_id=step.id,
            kind=step.kind,
            choice=choice,
            text=text,
            skipped=skipped,
            audience=data.get("audience") if step.effect == "audience" else None,
            flagged=bool(flag) and text is not None,
            safeguarding_event=event_id if text is not None else None,
        )
        if step.effect == "contact_consent" and update.effective_chat is not None:
            await contacts.save_contact(
                context.db,
                respondent=self._respondent(update, context),
                chat_id=update.effective_chat.id,
                hear_back=choice == "yes",
            )
        stored = StoredAnswer(response_id, answer_id, flow, step, choice, text, skipped)
        await self.engine.answer_stored(update, context, stored)

    async def _response_id(self, update: Update, context: BotContext, flow: Flow) -> int:
        """The person's response record, created at their first answer."""
        data = context.data
        if data.get("response_id") is not None:
            return int(data["response_id"])
        response = await responses.create_response(
            context.db,
            respondent=self._respondent(update, context),
            flow_id=flow.id,
            audience_group=flow.audience_group,
            audience=data.get("audience") or DEFAULT_AUDIENCE[flow.audience_group],
            review_id=data.get("review_id"),
        )
        data["response_id"] = response.id
        return response.id

    def _respondent(self, update: Update, context: BotContext) -> str:
        assert update.effective_user is not None
        return context.services.pseudonym(update.effective_user.id)
