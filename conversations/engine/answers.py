"""Storing an answer the moment it arrives, telling the listeners, and moving on to
whatever follows: the next question, back, the review screen or the end."""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from telegram import Update
from telegram.ext import ConversationHandler

from analysis.languages import language_of_text
from conversations import texts
from conversations.context import BotContext
from conversations.engine.state import DEFAULT_AUDIENCE, State, StoredAnswer
from conversations.language import ENGLISH, reading_language
from conversations.models import Flow, Step
from conversations.widgets import say
from storage import contacts, responses

if TYPE_CHECKING:
    from conversations.engine.core import FlowEngine

_LOGGER = logging.getLogger(__name__)


class Answers:
    """Storing answers and moving on."""

    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine

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
        place = context.place
        if step.kind == "consent":
            if choice != "agree" or flow.next_step(step, choice) is None:
                audience = place.audience
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
                await self.engine.send(update, context, say(texts.SAVE_FAILED, place.audience))
                return await self.engine.ask(update, context, flow, step, intro=False)
            place.answered(step.id)
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
        place = context.place
        position = self.engine.position(place)
        if position is None or place.at != position[0].state(position[1]):
            return False
        flow, step = position
        if step.kind != "text" or len(text) > flow.text_limit:
            return False
        place.flag_next_answer(event_id)
        try:
            await self.store(update, context, flow, step, choice=None, text=text, skipped=False)
        except (sqlite3.Error, OSError):
            _LOGGER.exception("Could not keep the answer to %s", flow.state(step))
            place.drop_flag()
            return False
        await self.engine.retire_prompt(update, context)
        place.answered(step.id)
        place.hold(step.id)
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
        place = context.place
        place.selected = []
        if step.after is not None:
            await self.engine.send(update, context, say(step.after, place.audience))
        if place.take_editing():
            return await self.engine.ending.ask_review(update, context, flow)
        following = flow.next_step(step, None if skipped else choice)
        if following is None:
            if flow.review_before_submit:
                return await self.engine.ending.ask_review(update, context, flow)
            return await self.engine.ending.finish(update, context, flow)
        return await self.engine.ask(update, context, flow, following)

    async def go_back(self, update: Update, context: BotContext, flow: Flow) -> State:
        """Ask the question before this one again."""
        place = context.place
        previous = flow.step(place.go_back())
        place.selected = []
        return await self.engine.ask(update, context, flow, previous)

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
        place = context.place
        if step.effect == "audience" and choice and not skipped:
            place.audience = choice
        response_id = await self._response_id(update, context, flow)
        flagged, event_id = place.take_flag()
        language = language_of_text(text, reading_language.get()) if text else ENGLISH
        answer_id = await responses.save_answer(
            context.db,
            response_id=response_id,
            step_id=step.id,
            kind=step.kind,
            choice=choice,
            text=text,
            skipped=skipped,
            audience=place.audience if step.effect == "audience" else None,
            flagged=flagged and text is not None,
            safeguarding_event=event_id if text is not None else None,
            language=language,
        )
        if step.effect == "contact_consent" and update.effective_chat is not None:
            await contacts.save_contact(
                context.db,
                respondent=self._respondent(update, context),
                chat_id=update.effective_chat.id,
                hear_back=choice == "yes",
            )
        stored = StoredAnswer(response_id, answer_id, flow, step, choice, text, skipped, language)
        await self.engine.answer_stored(update, context, stored)

    async def _response_id(self, update: Update, context: BotContext, flow: Flow) -> int:
        """The person's response record, created at their first answer."""
        place = context.place
        if place.response_id is not None:
            return place.response_id
        response = await responses.create_response(
            context.db,
            respondent=self._respondent(update, context),
            flow_id=flow.id,
            audience_group=flow.audience_group,
            audience=place.audience or DEFAULT_AUDIENCE[flow.audience_group],
            review_id=place.review_id,
        )
        place.response_id = response.id
        return response.id

    def _respondent(self, update: Update, context: BotContext) -> str:
        assert update.effective_user is not None
        return context.services.pseudonym(update.effective_user.id)
