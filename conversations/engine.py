"""The one engine that runs every flow on top of `ConversationHandler`.

Each step of each flow becomes one conversation state named `<flow>:<step>`.
Where a person is (flow, step, answers so far, age band) lives in their
persisted `user_data`, so leaving and coming back, or a restart of the bot,
continues at the same step. Every answer is stored the moment it arrives.
"""

from __future__ import annotations

import html
import logging
import re
import sqlite3
import time
import warnings
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from analysis.replies import EXPLAIN, SKIP
from conversations import texts
from conversations.context import BotContext, FeedbackApplication
from conversations.models import Flow, Option, Step, Wording
from conversations.widgets import (
    Button,
    TypedStop,
    answer_in_words,
    answered,
    fitted,
    is_done,
    is_greeting,
    mark_answered,
    mark_answered_by_id,
    match_option,
    match_options,
    read_typed,
    refresh_keyboard,
    remove_buttons,
    remove_buttons_by_id,
    say,
    shorten,
    step_keyboard,
    toggled,
    typed_move,
    with_answer,
)
from storage import repository

_LOGGER = logging.getLogger(__name__)

WHO = "who"
# The greeting's question. Its values are flow ids, but "pr" goes to the staff entry.
WHO_OPTIONS = (
    Option(
        value="yp",
        label=texts.WHO_YOUNG_PERSON,
        typed=(
            *("kid", "a kid", "im a child", "i am a child", "young person", "teenager", "teen"),
            *("care leaver", "in care", "im in care", "student", "pupil", "young carer"),
            *("left care", "leaving care", *(str(age) for age in range(5, 26))),
        ),
    ),
    Option(
        value="pc",
        label=texts.WHO_PARENT,
        typed=(
            *("mum", "dad", "mother", "father", "parent", "carer", "foster carer", "nan"),
            *("grandma", "grandad", "grandparent", "step mum", "stepmum", "stepdad", "guardian"),
            *("kinship carer", "special guardian", "auntie", "aunt", "uncle", "mama", "mam"),
            *("grandmother", "grandfather", "look after my", "i look after"),
        ),
    ),
    Option(
        value="pr",
        label=texts.WHO_PRACTITIONER,
        typed=(
            *("social worker", "sw", "staff", "practitioner", "iro", "team manager"),
            *("family support worker", "i work for you", "i work for the council"),
            *("allocated sw", "allocated social worker", "personal adviser", "personal advisor"),
            *("pa for",),
        ),
    ),
)
CANCELLING = "cancelling"
# What /cancel asks. Typed, its words choose too: "keep", "delete", "carry on".
CANCEL_OPTIONS = (
    Option(value="keep", label=texts.CANCEL_KEEP, typed=("stop", "yes")),
    Option(value="delete", label=texts.CANCEL_DELETE),
    Option(value="continue", label=texts.CANCEL_CONTINUE, typed=("continue", "go on", "no")),
)
# The engine's own questions, besides the flows' steps: their words and their choices.
OWN_QUESTIONS = {
    WHO: (texts.GREETING, WHO_OPTIONS),
    CANCELLING: (texts.CANCEL_QUESTION, CANCEL_OPTIONS),
}
# The "Tell us now" button under an invitation: a tap on it is /start.
BEGIN_DATA = "begin"
REVIEW = "_review"
EXPIRY_SECONDS = 14 * 24 * 3600
DEFAULT_AUDIENCE = {
    "young_person": "child",
    "parent_carer": "parent",
    "practitioner": "practitioner",
}
# The person's messages that hold typed answers of this flow, by message id, with their
# step: editing one of them changes that answer.
TYPED = "typed"
# Where the person was when another module's question (/forget's "are you sure?", an
# invite's "what name?") came up, to go back to after it.
UNDER = "under"
# An answer whose words raised a safeguarding alert is kept (flagged) at once, but the
# next question waits for the person to choose to go on: this is that answer's step.
HELD = "held"
# Keys of the person's user_data that describe their place in a flow.
POSITION_KEYS = (
    "at",
    UNDER,
    HELD,
    "flow",
    "step",
    "audience",
    "response_id",
    "history",
    "selected",
    "review_id",
    TYPED,
)
CONVERSATION = "feedback"
# Kept per chat, in memory only: the message whose buttons a typed answer retires. Its id
# is known only once the question is sent, after the position is saved, so persisting it
# would write the person's data a second time for every question (bench.pipeline: 3.2 →
# 3.9 database calls per update), just to tidy old buttons after a restart.
PROMPT_ID = "prompt_id"
FOREGROUND = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
# Set by safeguarding, to the id of the event some words raised, when the flow is to take
# those words as the answer: kept, but flagged, so reports never quote or theme them.
FLAG_NEXT_ANSWER = "flag_next_answer"
# A question's own number ("1. What is life like…"), which the review screen puts back.
NUMBERED = re.compile(r"^\d+\.\s+")
Handler = BaseHandler[Update, BotContext, Any]
State = str | int


@dataclass(frozen=True)
class StoredAnswer:
    """What listeners (theme tagging, safeguarding) hear after an answer is stored."""

    response_id: int
    answer_id: int
    flow: Flow
    step: Step
    choice: str | None
    text: str | None
    skipped: bool


AnswerListener = Callable[[Update, BotContext, StoredAnswer], Awaitable[None]]
CompletionListener = Callable[[Update, BotContext, Flow, int], Awaitable[None]]
Callback = Callable[[Update, BotContext], Coroutine[Any, Any, State]]
StaffWelcome = Callable[[Update, BotContext], Coroutine[Any, Any, State | None]]


class FlowEngine:
    def __init__(
        self,
        flows: Sequence[Flow],
        *,
        clock: Callable[[], float] = time.time,
        answer_listeners: Sequence[AnswerListener] = (),
    ) -> None:
        self.flows = {flow.id: flow for flow in flows}
        self.clock = clock
        self.answer_listeners = list(answer_listeners)
        self.completion_listeners: list[CompletionListener] = []
        # Deep-link payload prefixes handled elsewhere ("inv-<code>" for invites).
        self.payload_handlers: dict[str, Callback] = {}
        # Commands that start something from anywhere (/reflect, /drafts), and their states.
        self.commands: dict[str, Callback] = {}
        # What "I work here" at the greeting does (the practitioner tool sets it).
        self.staff_entry: Callback | None = None
        # How /start welcomes back someone who already works here (None: not staff).
        self.staff_welcome: StaffWelcome | None = None
        # States other modules add (setting up, choosing a draft…), and how to ask each again.
        self.extra_states: dict[str, list[Handler]] = {}
        self.askers: dict[str, Callback] = {}

    # Wiring

    def add_state(self, state: str, handlers: list[Handler], *, ask: Callback) -> None:
        """Another module's state: its handlers, and how to ask its question again.

        Whatever its handlers do not take (a sticker, words where a button is
        wanted, an old button) gets a kind word and the question again, as in a flow.
        """
        self.extra_states[state] = handlers
        self.askers[state] = ask

    def edit_handler(self) -> Handler:
        """Edited typed answers: the conversation itself takes only new messages."""
        edited = filters.UpdateType.EDITED_MESSAGE & filters.ChatType.PRIVATE
        return MessageHandler(edited & filters.TEXT & ~filters.COMMAND, self.on_edited)

    def conversation(self) -> ConversationHandler[BotContext]:
        answering: list[Handler] = [
            CallbackQueryHandler(self._tracked(self.on_button)),
            MessageHandler(
                FOREGROUND & filters.TEXT & ~filters.COMMAND, self._tracked(self.on_text)
            ),
            MessageHandler(FOREGROUND & ~filters.COMMAND, self._tracked(self.on_not_text)),
        ]
        # "stop" typed on its own is /cancel, at any question but /cancel's own.
        stop = MessageHandler(
            FOREGROUND & filters.TEXT & ~filters.COMMAND & TypedStop(),
            self._tracked(self.on_cancel),
        )
        step_handlers = [stop, *answering]
        moves = CommandHandler(["skip", "back"], self._tracked(self.on_move_command), FOREGROUND)
        states: dict[object, list[Handler]] = {
            flow.state(step): [moves, *step_handlers]
            for flow in self.flows.values()
            for step in flow.steps
        }
        states[WHO] = [
            CallbackQueryHandler(self._tracked(self.on_who), pattern=r"^who\|"),
            *step_handlers,
        ]
        states[CANCELLING] = [
            CallbackQueryHandler(self._tracked(self.on_cancel_choice), pattern=r"^cancel\|"),
            *answering,
        ]
        for flow in self.flows.values():
            if flow.review_before_submit:
                states[f"{flow.id}:{REVIEW}"] = step_handlers
        unexpected: list[Handler] = [
            CallbackQueryHandler(self._tracked(self.on_old_button)),
            MessageHandler(
                FOREGROUND & filters.TEXT & ~filters.COMMAND, self._tracked(self.on_tap_instead)
            ),
            MessageHandler(FOREGROUND & ~filters.COMMAND, self._tracked(self.on_not_text)),
        ]
        states.update({state: [stop, *h, *unexpected] for state, h in self.extra_states.items()})
        command_handlers: list[Handler] = [
            CommandHandler(name, self._tracked(callback), filters.ChatType.PRIVATE)
            for name, callback in self.commands.items()
        ]
        with warnings.catch_warnings():
            # We track buttons per chat on purpose: stale buttons are recognised by state.
            warnings.simplefilter("ignore", PTBUserWarning)
            return ConversationHandler(
                entry_points=[
                    CommandHandler("start", self._tracked(self.on_start), filters.ChatType.PRIVATE),
                    CallbackQueryHandler(self._tracked(self.on_begin), pattern=f"^{BEGIN_DATA}$"),
                    *command_handlers,
                ],
                states=states,
                fallbacks=[
                    *command_handlers,
                    CommandHandler("cancel", self._tracked(self.on_cancel)),
                    CommandHandler("start", self._tracked(self.on_start_again)),
                    MessageHandler(filters.COMMAND, self._tracked(self.on_unknown_command)),
                ],
                name=CONVERSATION,
                persistent=True,
                allow_reentry=False,
            )

    def _tracked(
        self, callback: Callable[[Update, BotContext], Coroutine[Any, Any, State]]
    ) -> Callable[[Update, BotContext], Coroutine[Any, Any, State]]:
        """Expire conversations idle for 14 days, then run the callback."""

        async def tracked(update: Update, context: BotContext) -> State:
            data = context.data
            now = self.clock()
            last_seen = data.get("seen")
            data["seen"] = now
            if data.get("at") and last_seen is not None and now - last_seen > EXPIRY_SECONDS:
                clear_position(data)
                if update.callback_query:
                    await update.callback_query.answer()
                await self._send(update, context, say(texts.FRESH_START, None))
                return await self.greet(update, context)
            return await callback(update, context)

        return tracked

    # Entry

    async def on_start(self, update: Update, context: BotContext) -> State:
        """Greet, or follow a deep link straight into a flow."""
        clear_position(context.data)
        payload = (context.args or [""])[0]
        flow_id, _, token = payload.partition("-")
        if flow_id in self.payload_handlers:
            return await self.payload_handlers[flow_id](update, context)
        flow = self.flows.get(flow_id)
        if flow is None or flow.audience_group == "practitioner":
            if not payload and self.staff_welcome is not None:
                welcomed = await self.staff_welcome(update, context)
                if welcomed is not None:
                    return welcomed
            return await self.greet(update, context)
        review_id = None
        if token:
            link = await repository.find_review_link(context.db, token)
            if link is not None and link.audience_group == flow.audience_group:
                review_id = link.review_id
            else:
                await self._send(update, context, say(texts.LINK_NOT_FOUND, None))
        return await self.begin(update, context, flow, review_id=review_id)

    async def greet(self, update: Update, context: BotContext) -> State:
        await self.arrive(update, context, WHO)
        keyboard = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(o.label.for_audience(None), callback_data=f"who|{o.value}")]
                for o in WHO_OPTIONS
            ]
        )
        await self._send_prompt(update, context, say(texts.GREETING, None), keyboard)
        return WHO

    async def on_who(self, update: Update, context: BotContext) -> State:
        """A tap on the greeting's buttons."""
        return await self.start_as(update, context, await self._tapped(update, context))

    async def start_as(self, update: Update, context: BotContext, who: str) -> State:
        """Start the flow for whoever they said they are."""
        if who == "pr" and self.staff_entry is not None:
            return await self.staff_entry(update, context)
        flow = self.flows.get(who)
        if flow is None:
            await self.arrive(update, context, ConversationHandler.END)
            await self._send(update, context, say(texts.STAFF_ONLY, "practitioner"))
            return ConversationHandler.END
        return await self.begin(update, context, flow)

    async def begin(
        self, update: Update, context: BotContext, flow: Flow, *, review_id: int | None = None
    ) -> State:
        data = context.data
        clear_position(data)
        data.update(
            flow=flow.id,
            audience=DEFAULT_AUDIENCE[flow.audience_group],
            history=[],
            selected=[],
            review_id=review_id,
            seen=self.clock(),
        )
        return await self.ask(update, context, flow, flow.steps[0])

    # Asking

    async def ask(
        self, update: Update, context: BotContext, flow: Flow, step: Step, *, intro: bool = True
    ) -> State:
        data = context.data
        audience = data.get("audience")
        data.update(flow=flow.id, step=step.id)
        await self.arrive(update, context, flow.state(step))
        if intro and step.intro is not None:
            await self._send(update, context, say(step.intro, audience))
        question = f"<b>{say(step.prompt, audience)}</b>"
        await self._send_prompt(update, context, question, step_keyboard(flow, step, data))
        return flow.state(step)

    async def reask(self, update: Update, context: BotContext) -> State:
        """Show again whatever the person was last asked (or, after a held answer, what follows)."""
        data = context.data
        held = data.pop(HELD, None)
        position = self.position(data)
        if held is not None and position is not None and position[1].id == held:
            return await self.move_on(update, context, *position)
        ask = self.askers.get(str(data.get("at")))
        if ask is not None:
            return await ask(update, context)
        if data.get("at") == CANCELLING:
            return await self.ask_cancel(update, context)
        if str(data.get("at", "")).endswith(f":{REVIEW}"):
            flow = self.flows[data["flow"]]
            return await self.ask_review(update, context, flow)
        position = self.position(data)
        if position is None:
            return await self.greet(update, context)
        flow, step = position
        return await self.ask(update, context, flow, step, intro=False)

    def position(self, data: dict[str, Any]) -> tuple[Flow, Step] | None:
        flow = self.flows.get(data.get("flow") or "")
        if flow is None:
            return None
        try:
            return flow, flow.step(data.get("step") or "")
        except KeyError:
            return None

    # Answers

    async def on_button(self, update: Update, context: BotContext) -> State:
        """Handle a button under a question: an answer, Skip, Back, or a multi-choice toggle."""
        query = update.callback_query
        assert query is not None
        data = context.data
        if query.data == BEGIN_DATA:  # "Tell us now" while a conversation is under way
            await query.answer()
            return await self.on_start_again(update, context)
        button = Button.decode(query.data)
        if button is not None and button.state == data.get("at") and button.state.endswith(REVIEW):
            return await self.on_review_button(update, context, button)
        position = self.position(data)
        if button is None or position is None or button.state != data.get("at"):
            await query.answer()
            await self._send(update, context, say(texts.OLD_BUTTON, data.get("audience")))
            return await self.reask(update, context)
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
        await self._send(update, context, say(texts.OLD_BUTTON, audience))
        return await self.reask(update, context)

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
                await self._send(update, context, say(texts.HELLO_AGAIN, audience))
            return await self.reask(update, context)
        if data.get("at") in OWN_QUESTIONS:
            return await self.on_typed_own_choice(update, context, text)
        position = self.position(data)
        if position is None or str(data.get("at", "")).endswith(REVIEW):
            await self._send(update, context, say(texts.TAP_A_BUTTON, audience))
            return await self.reask(update, context)
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
            await self.retire_prompt(update, context, answered(step, audience, label))
            return await self.accept(update, context, flow, step, choice=option.value)
        if not text:
            await self._send(update, context, say(texts.EMPTY_ANSWER, audience))
            return await self.ask(update, context, flow, step, intro=False)
        if len(text) > flow.text_limit:
            await self._send(
                update,
                context,
                say(
                    texts.TOO_LONG, audience, limit=f"{flow.text_limit:,}", length=f"{len(text):,}"
                ),
            )
            return flow.state(step)
        await self.retire_prompt(update, context)
        data.setdefault(TYPED, {})[str(message.message_id)] = step.id
        return await self.accept(update, context, flow, step, text=text)

    async def on_move_command(self, update: Update, context: BotContext) -> State:
        """/skip and /back, as other bots have them: what the Skip and Back buttons do."""
        message = update.effective_message
        assert message is not None and message.text is not None
        command = message.text.split()[0].lstrip("/").partition("@")[0].lower()
        position = self.position(context.data)
        if position is not None:
            flow, step = position
            moved = await self.take_move(update, context, flow, step, command[0])
            if moved is not None:
                return moved
        # Nothing to skip here (a question that must be answered), or nothing to go back to.
        await self._send(update, context, say(texts.TAP_A_BUTTON, context.data.get("audience")))
        return await self.reask(update, context)

    async def take_move(
        self, update: Update, context: BotContext, flow: Flow, step: Step, move: str | None
    ) -> State | None:
        """Skip ("s") or go back ("b") from `step` when it allows; None when it does not."""
        data = context.data
        audience = data.get("audience")
        if move == "s" and step.skippable:
            skipped = answered(step, audience, texts.SKIPPED_MARK.for_audience(audience))
            await self.retire_prompt(update, context, skipped)
            return await self.accept(update, context, flow, step, skipped=True)
        if move == "b" and data.get("history"):
            await self.retire_prompt(update, context)
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
            await self.retire_prompt(update, context)
            return await self.accept(update, context, flow, step, choice=",".join(chosen))
        if not typed:
            return await self.ask_for_a_tap(update, context, flow, step, text)
        if len(typed) == 1:  # typed again, a choice comes unticked, as a second tap would
            data["selected"] = toggled(selected, typed[0].value)
        else:  # several typed together are all meant to be ticked
            data["selected"] = [*selected, *(o.value for o in typed if o.value not in selected)]
        ticked = typed[0].value in data["selected"]
        labels = ", ".join(option.label.for_audience(audience) for option in typed)
        await self.retire_prompt(update, context)
        await self._send(
            update, context, say(texts.TICKED if ticked else texts.UNTICKED, audience, label=labels)
        )
        return await self.ask(update, context, flow, step, intro=False)

    async def go_back(self, update: Update, context: BotContext, flow: Flow) -> State:
        """Ask the question before this one again."""
        data = context.data
        previous = flow.step(data["history"].pop())
        data["selected"] = []
        return await self.ask(update, context, flow, previous)

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
            await self._send(update, context, say(step.explain or texts.EXPLAIN_QUESTION, audience))
            return await self.ask(update, context, flow, step, intro=False)
        if len(reading.could_be) > 1:
            labels = [o.label.for_audience(audience) for o in step.options]
            named = [labels[[o.value for o in step.options].index(v)] for v in reading.could_be]
            options = " or ".join(f"“{label}”" for label in named)
            await self._send(update, context, say(texts.WHICH_ONE, audience, options=options))
            return await self.ask(update, context, flow, step, intro=False)
        return await self.ask_for_a_tap(update, context, flow, step, text)

    async def ask_for_a_tap(
        self, update: Update, context: BotContext, flow: Flow, step: Step, text: str
    ) -> State:
        """Words where a button is wanted: ask for a tap, and for a sentence, say where
        their own words are welcome, so they need not feel unheard."""
        sentence = len(text.split()) >= 3 and flow.asks_for_words_after(step)
        wording = texts.TAP_THEN_WRITE_LATER if sentence else texts.TAP_A_BUTTON
        await self._send(update, context, say(wording, context.data.get("audience")))
        return await self.ask(update, context, flow, step, intro=False)

    async def on_edited(self, update: Update, context: BotContext) -> None:
        """A typed answer of this flow, edited: store the new words in its place."""
        message = update.edited_message
        assert message is not None and message.text is not None
        data = context.data
        audience = data.get("audience")
        step_id = data.get(TYPED, {}).get(str(message.message_id))
        flow = self.flows.get(data.get("flow") or "")
        text = message.text.strip()
        if step_id is None or flow is None or not 0 < len(text) <= flow.text_limit:
            await self._send(update, context, say(texts.EDIT_NOT_USED, audience))
            return
        try:
            await self.store(
                update, context, flow, flow.step(step_id), choice=None, text=text, skipped=False
            )
        except (sqlite3.Error, OSError):
            _LOGGER.exception(
                "Could not store the edited answer to %s", flow.state(flow.step(step_id))
            )
            await self._send(update, context, say(texts.SAVE_FAILED, audience))
            return
        await self._send(update, context, say(texts.EDIT_SAVED, audience))
        if str(data.get("at", "")).endswith(f":{REVIEW}"):
            await self.ask_review(update, context, flow)

    async def on_old_button(self, update: Update, context: BotContext) -> State:
        """A button that is not for the question on screen (one of another module's)."""
        assert update.callback_query is not None
        await update.callback_query.answer()
        await self._send(update, context, say(texts.OLD_BUTTON, context.data.get("audience")))
        return await self.reask(update, context)

    async def on_tap_instead(self, update: Update, context: BotContext) -> State:
        """Words typed where only a button will do (one of another module's questions)."""
        await self._send(update, context, say(texts.TAP_A_BUTTON, context.data.get("audience")))
        return await self.reask(update, context)

    async def on_not_text(self, update: Update, context: BotContext) -> State:
        """Stickers, photos, voice notes and the like: a kind word and the question again."""
        await self._send(update, context, say(texts.ONLY_WORDS, context.data.get("audience")))
        return await self.reask(update, context)

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
                await self.arrive(update, context, ConversationHandler.END)
                await self._send(update, context, say(texts.NOT_NOW, audience))
                return ConversationHandler.END
        else:
            try:
                await self.store(
                    update, context, flow, step, choice=choice, text=text, skipped=skipped
                )
            except (sqlite3.Error, OSError):
                _LOGGER.exception("Could not store the answer to %s", flow.state(step))
                await self._send(update, context, say(texts.SAVE_FAILED, data.get("audience")))
                return await self.ask(update, context, flow, step, intro=False)
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
        position = self.position(data)
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
        await self.retire_prompt(update, context)
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
            await self._send(update, context, say(step.after, data.get("audience")))
        if data.pop("editing", False):
            return await self.ask_review(update, context, flow)
        following = flow.next_step(step, None if skipped else choice)
        if following is None:
            if flow.review_before_submit:
                return await self.ask_review(update, context, flow)
            return await self.finish(update, context, flow)
        return await self.ask(update, context, flow, following)

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
        answer_id = await repository.save_answer(
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
            await repository.save_contact(
                context.db,
                respondent=self._respondent(update, context),
                chat_id=update.effective_chat.id,
                hear_back=choice == "yes",
            )
        stored = StoredAnswer(response_id, answer_id, flow, step, choice, text, skipped)
        for listener in self.answer_listeners:
            await listener(update, context, stored)

    async def _response_id(self, update: Update, context: BotContext, flow: Flow) -> int:
        """The person's response record, created at their first answer."""
        data = context.data
        if data.get("response_id") is not None:
            return int(data["response_id"])
        response = await repository.create_response(
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

    async def finish(self, update: Update, context: BotContext, flow: Flow) -> State:
        data = context.data
        response_id = data.get("response_id")
        audience = data.get("audience")
        if response_id is not None:
            await repository.complete_response(context.db, int(response_id))
        await self.arrive(update, context, ConversationHandler.END)
        await self._send(update, context, say(flow.done, audience))
        if response_id is not None:
            for listener in self.completion_listeners:
                await listener(update, context, flow, int(response_id))
        return ConversationHandler.END

    # Review before submitting

    async def ask_review(self, update: Update, context: BotContext, flow: Flow) -> State:
        """Show every answer so far, with a button to edit each, and a Submit button."""
        data = context.data
        answers = {}
        if data.get("response_id") is not None:
            answers = {
                a.step_id: a
                for a in await repository.list_answers(context.db, int(data["response_id"]))
            }
        state = f"{flow.id}:{REVIEW}"
        audience = data.get("audience")
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
        data.update(flow=flow.id, step=REVIEW)
        await self.arrive(update, context, state)
        await self._send(update, context, fitted(render), InlineKeyboardMarkup(rows))
        return state

    async def on_review_button(self, update: Update, context: BotContext, button: Button) -> State:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await remove_buttons(query.message)
        flow = self.flows[context.data["flow"]]
        if button.action == "u":
            return await self.finish(update, context, flow)
        try:
            step = flow.step(button.value)
        except KeyError:
            return await self.ask_review(update, context, flow)
        context.data["editing"] = True
        return await self.ask(update, context, flow, step, intro=False)

    async def resume(self, update: Update, context: BotContext, flow: Flow, response: Any) -> State:
        """Continue a saved response at its first unanswered step (or its review)."""
        data = context.data
        clear_position(data)
        answered = {a.step_id for a in await repository.list_answers(context.db, response.id)}
        data.update(
            flow=flow.id,
            audience=response.audience,
            response_id=response.id,
            review_id=response.review_id,
            history=[step.id for step in flow.steps if step.id in answered],
            selected=[],
        )
        for step in flow.steps:
            if step.id not in answered:
                return await self.ask(update, context, flow, step)
        return await self.ask_review(update, context, flow)

    # Commands during a conversation

    async def on_cancel(self, update: Update, context: BotContext) -> State:
        """Ask whether to keep or delete what they gave, or stop at once if nothing was given."""
        data = context.data
        if str(data.get("at")) in self.askers:
            return await self.resume_or_end(update, context, texts.STOPPED)
        if data.get("response_id") is None:
            audience = data.get("audience")
            await self.arrive(update, context, ConversationHandler.END)
            await self.retire_prompt(update, context)  # its buttons would lead nowhere now
            await self._send(update, context, say(texts.NOT_NOW, audience))
            return ConversationHandler.END
        return await self.ask_cancel(update, context)

    async def resume_or_end(self, update: Update, context: BotContext, wording: Wording) -> State:
        """After another module's question: say `wording`, then go back to what was on
        screen before it, or end. Either is saved before the person is told."""
        data = context.data
        audience = data.get("audience")
        under = data.pop(UNDER, None)
        await self.arrive(update, context, under or ConversationHandler.END)
        await self._send(update, context, say(wording, audience))
        return await self.reask(update, context) if under else ConversationHandler.END

    async def ask_cancel(self, update: Update, context: BotContext) -> State:
        audience = context.data.get("audience")
        keyboard = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        option.label.for_audience(audience), callback_data=f"cancel|{option.value}"
                    )
                ]
                for option in CANCEL_OPTIONS
            ]
        )
        await self.arrive(update, context, CANCELLING)
        await self._send_prompt(update, context, say(texts.CANCEL_QUESTION, audience), keyboard)
        return CANCELLING

    async def on_cancel_choice(self, update: Update, context: BotContext) -> State:
        return await self.end_or_carry_on(update, context, await self._tapped(update, context))

    async def on_typed_own_choice(self, update: Update, context: BotContext, text: str) -> State:
        """Words typed at the greeting or /cancel's question: one of its choices, or ask again."""
        at = context.data["at"]
        audience = context.data.get("audience")
        question, options = OWN_QUESTIONS[at]
        option = match_option(options, text, audience)
        if option is None:
            await self._send(update, context, say(texts.TAP_A_BUTTON, audience))
            return await self.reask(update, context)
        label = option.label.for_audience(audience)
        await self.retire_prompt(update, context, with_answer(say(question, audience), label))
        act = self.start_as if at == WHO else self.end_or_carry_on
        return await act(update, context, option.value)

    async def end_or_carry_on(self, update: Update, context: BotContext, choice: str) -> State:
        """Act on the answer to /cancel's question: keep, delete or continue."""
        data = context.data
        audience = data.get("audience")
        if choice == "continue":
            position = self.position(data)
            if position is None:
                return await self.greet(update, context)
            return await self.ask(update, context, *position, intro=False)
        if choice == "delete" and data.get("response_id") is not None:
            await repository.delete_response(context.db, int(data["response_id"]))
            goodbye = texts.CANCELLED_DELETED
        else:
            goodbye = texts.CANCELLED_KEPT
        await self.arrive(update, context, ConversationHandler.END)
        await self._send(update, context, say(goodbye, audience))
        return ConversationHandler.END

    async def on_begin(self, update: Update, context: BotContext) -> State:
        """The "Tell us now" button under an invitation, tapped: /start."""
        assert update.callback_query is not None
        await update.callback_query.answer()
        return await self.on_start(update, context)

    async def on_start_again(self, update: Update, context: BotContext) -> State:
        """/start once a conversation is under way.

        Before anything is answered, /start (a deep link too) starts afresh, and an
        invite is always used: tapping one is never a slip. A feedback link mid-flow
        is, so the person stays where they were.
        """
        payload = (context.args or [""])[0]
        if context.data.get("at") == WHO or payload.partition("-")[0] in self.payload_handlers:
            return await self.on_start(update, context)
        await self._send(update, context, say(texts.STILL_GOING, context.data.get("audience")))
        return await self.reask(update, context)

    async def on_unknown_command(self, update: Update, context: BotContext) -> State:
        await self._send(update, context, say(texts.UNKNOWN_COMMAND, context.data.get("audience")))
        return await self.reask(update, context)

    # Moving on

    async def arrive(self, update: Update, context: BotContext, state: State) -> None:
        """Record, durably, that the person is now at `state`, before they are shown it.

        python-telegram-bot saves a conversation's state only after the handler
        has replied. Saved here instead, before the question goes out, a bot
        killed at any moment resumes at the question the person was last shown,
        or at the one it was about to show them.
        """
        data = context.data
        if state == ConversationHandler.END:
            clear_position(data)
        elif state in self.askers:
            if data.get("at") and data["at"] not in self.askers:
                data[UNDER] = data["at"]
            data["at"] = state
        else:
            data.pop(UNDER, None)
            data["at"] = state
        assert isinstance(context.application, FeedbackApplication)
        await context.application.save_now(update, CONVERSATION, state)

    async def retire_prompt(
        self, update: Update, context: BotContext, answered_as: str | None = None
    ) -> None:
        """Take the buttons off the question a typed answer just answered.

        When a button's words were typed, `answered_as` is the question with the
        button they picked (`widgets.answered`), shown as a tap would show it, since
        what they typed may be only part of the button's words.
        """
        if context.chat_data is None:
            return
        message_id = context.chat_data.pop(PROMPT_ID, None)
        if answered_as is None:
            await remove_buttons_by_id(context, update, message_id)
        else:
            await mark_answered_by_id(context, update, message_id, answered_as)

    # Sending

    async def _send_prompt(
        self, update: Update, context: BotContext, text: str, keyboard: InlineKeyboardMarkup | None
    ) -> None:
        """Send a question, remembering it so that a typed answer can retire its buttons."""
        message = await self._send(update, context, text, keyboard)
        if context.chat_data is not None:
            context.chat_data[PROMPT_ID] = message.message_id

    async def _tapped(self, update: Update, context: BotContext) -> str:
        """A tap on a question's button: answered, its buttons gone; what follows the '|'."""
        query = update.callback_query
        assert query is not None
        await query.answer()
        if context.chat_data is not None:
            context.chat_data.pop(PROMPT_ID, None)
        await remove_buttons(query.message)
        return (query.data or "").partition("|")[2]

    async def _send(
        self,
        update: Update,
        context: BotContext,
        text: str,
        keyboard: InlineKeyboardMarkup | None = None,
    ) -> Message:
        chat = update.effective_chat
        assert chat is not None
        return await context.bot.send_message(chat.id, text, reply_markup=keyboard)


def clear_position(data: dict[str, Any]) -> None:
    for key in POSITION_KEYS:
        data.pop(key, None)
