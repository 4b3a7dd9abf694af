"""The one engine that runs every flow on top of `ConversationHandler`.

Each step of each flow becomes one conversation state named `<flow>:<step>`.
Where a person is lives in their persisted `user_data` (`conversations.place`), so leaving
and coming back, or a restart of the bot, continues at the same step. Answers
come tapped (`taps.py`) or typed (`typed.py`), and each is stored the moment it
arrives (`answers.py`). This module wires the states, greets and follows deep
links, asks questions, and saves where the person is before each question goes
out; `ending.py` finishes a flow, shows the review screen and runs /cancel.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from conversations import texts
from conversations.callback_data import encode, parts_of, tapped_with
from conversations.channels import web_session_of
from conversations.context import BotContext, FeedbackApplication
from conversations.engine.answers import Answers
from conversations.engine.ending import Ending
from conversations.engine.own_questions import CANCEL_CODE, CANCELLING, WHO, WHO_CODE, WHO_OPTIONS
from conversations.engine.side_questions import ChoiceQuestion, TypedQuestion
from conversations.engine.state import (
    BEGIN_DATA,
    CONVERSATION,
    DEFAULT_AUDIENCE,
    EXPIRY_SECONDS,
    FOREGROUND,
    PROMPT_ID,
    AnswerListener,
    Callback,
    CompletionListener,
    Handler,
    StaffWelcome,
    State,
    StoredAnswer,
)
from conversations.engine.taps import Taps
from conversations.engine.typed import TypedReplies
from conversations.language import LANGUAGE_BUTTON, LANGUAGE_MENU
from conversations.models import Flow, Step
from conversations.place import REVIEW, Place
from conversations.typed_words import TypedStop
from conversations.widgets import (
    mark_answered_by_id,
    remove_buttons,
    remove_buttons_by_id,
    reply,
    say,
    step_keyboard,
)
from storage import practice_reviews


class FlowEngine:
    def __init__(
        self,
        flows: Sequence[Flow],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.flows = {flow.id: flow for flow in flows}
        self.clock = clock
        self._answer_listeners: list[AnswerListener] = []
        self._completion_listeners: list[CompletionListener] = []
        # Deep-link payload prefixes handled elsewhere ("inv-<code>" for invites).
        self._payload_handlers: dict[str, Callback] = {}
        # Commands that start something from anywhere (/reflect, /drafts), and their states.
        self._commands: dict[str, Callback] = {}
        # What "I work here" at the greeting does (the practitioner tool sets it).
        self._staff_entry: Callback | None = None
        # How /start welcomes back someone who already works here (None: not staff).
        self._staff_welcome: StaffWelcome | None = None
        # States other modules add (setting up, choosing a draft…), and how to ask each again.
        self.extra_states: dict[str, list[Handler]] = {}
        self.askers: dict[str, Callback] = {}
        self._built = False
        # Answers tapped, answers typed, storing them and moving on; and the end of a flow:
        # finishing, the review screen, /cancel.
        self.taps = Taps(self)
        self.typed = TypedReplies(self)
        self.answers = Answers(self)
        self.ending = Ending(self)
        # What other modules call: safeguarding keeps an alert's words as the answer; the
        # practitioner tool resumes a draft; a side question goes back to the one under it.
        self.hold_answer = self.answers.hold_answer
        self.resume = self.ending.resume
        self.resume_or_end = self.ending.resume_or_end

    # How features install themselves, all before `conversation()` builds the handler.

    def add_state(self, state: str, handlers: list[Handler], *, ask: Callback) -> None:
        """Another module's state: its handlers, and how to ask its question again.

        Whatever its handlers do not take (a sticker, words where a button is
        wanted, an old button) gets a kind word and the question again, as in a flow.
        """
        self._not_built()
        self.extra_states[state] = handlers
        self.askers[state] = ask

    def add_typed_question(self, question: TypedQuestion) -> None:
        """A question outside the flows that wants a few typed words (see TypedQuestion)."""
        handlers, ask = question.handlers(self)
        self.add_state(question.state, handlers, ask=ask)

    def add_choice_question(self, question: ChoiceQuestion) -> None:
        """A question outside the flows answered with a button (see ChoiceQuestion)."""
        handlers, ask = question.handlers(self)
        self.add_state(question.state, handlers, ask=ask)

    async def ask_side_question(self, update: Update, context: BotContext, state: str) -> State:
        """Ask one of the questions features added (`add_state`, `add_typed_question`)."""
        return await self.askers[state](update, context)

    def add_command(self, name: str, callback: Callback) -> None:
        """A command that starts something from anywhere in a private chat (/reflect)."""
        self._not_built()
        self._commands[name] = callback

    def add_deep_link(self, prefix: str, callback: Callback) -> None:
        """What /start does with a deep-link payload "<prefix>-…" ("inv-<code>")."""
        self._not_built()
        self._payload_handlers[prefix] = callback

    def set_staff_door(self, *, entry: Callback, welcome: StaffWelcome) -> None:
        """What "I work here" at the greeting does, and how /start welcomes back someone
        who already works here (None from `welcome`: not staff, greet as anyone)."""
        self._not_built()
        self._staff_entry, self._staff_welcome = entry, welcome

    def on_answer(self, listener: AnswerListener) -> None:
        """Hear of every answer once it is stored (tagging, safeguarding)."""
        self._answer_listeners.append(listener)

    def on_completion(self, listener: CompletionListener) -> None:
        """Hear of every response completed (a practitioner's copy, later words)."""
        self._completion_listeners.append(listener)

    def _not_built(self) -> None:
        if self._built:
            raise RuntimeError("features must install themselves before conversation() is built")

    async def answer_stored(
        self, update: Update, context: BotContext, answer: StoredAnswer
    ) -> None:
        """Tell every answer listener of an answer just stored."""
        for listener in self._answer_listeners:
            await listener(update, context, answer)

    async def response_completed(
        self, update: Update, context: BotContext, flow: Flow, response_id: int
    ) -> None:
        for listener in self._completion_listeners:
            await listener(update, context, flow, response_id)

    def edit_handler(self) -> Handler:
        """Edited typed answers: the conversation itself takes only new messages."""
        edited = filters.UpdateType.EDITED_MESSAGE & filters.ChatType.PRIVATE
        return MessageHandler(edited & filters.TEXT & ~filters.COMMAND, self.typed.on_edited)

    def conversation(self) -> ConversationHandler[BotContext]:
        self._built = True
        answering: list[Handler] = [
            CallbackQueryHandler(self._tracked(self.taps.on_button)),
            MessageHandler(
                FOREGROUND & filters.TEXT & ~filters.COMMAND, self._tracked(self.typed.on_text)
            ),
            MessageHandler(FOREGROUND & ~filters.COMMAND, self._tracked(self.typed.on_not_text)),
        ]
        # "stop" typed on its own is /cancel, at any question but /cancel's own.
        stop = MessageHandler(
            FOREGROUND & filters.TEXT & ~filters.COMMAND & TypedStop(),
            self._tracked(self.ending.on_cancel),
        )
        step_handlers = [stop, *answering]
        moves = CommandHandler(
            ["skip", "back"], self._tracked(self.typed.on_move_command), FOREGROUND
        )
        states: dict[object, list[Handler]] = {
            flow.state(step): [moves, *step_handlers]
            for flow in self.flows.values()
            for step in flow.steps
        }
        states[WHO] = [
            CallbackQueryHandler(self._tracked(self.on_who), pattern=tapped_with(WHO_CODE)),
            *step_handlers,
        ]
        states[CANCELLING] = [
            CallbackQueryHandler(
                self._tracked(self.ending.on_cancel_choice), pattern=tapped_with(CANCEL_CODE)
            ),
            *answering,
        ]
        for flow in self.flows.values():
            if flow.review_before_submit:
                states[f"{flow.id}:{REVIEW}"] = step_handlers
        unexpected: list[Handler] = [
            CallbackQueryHandler(self._tracked(self.taps.on_old_button)),
            MessageHandler(
                FOREGROUND & filters.TEXT & ~filters.COMMAND,
                self._tracked(self.typed.on_tap_instead),
            ),
            MessageHandler(FOREGROUND & ~filters.COMMAND, self._tracked(self.typed.on_not_text)),
        ]
        states.update({state: [stop, *h, *unexpected] for state, h in self.extra_states.items()})
        command_handlers: list[Handler] = [
            CommandHandler(name, self._tracked(callback), filters.ChatType.PRIVATE)
            for name, callback in self._commands.items()
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
                    CommandHandler("cancel", self._tracked(self.ending.on_cancel)),
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
            place = context.place
            now = self.clock()
            last_seen = place.seen_at(now)
            if place.asked and last_seen is not None and now - last_seen > EXPIRY_SECONDS:
                place.clear()
                if update.callback_query:
                    await update.callback_query.answer()
                await self.send(update, context, say(texts.FRESH_START, None))
                return await self.greet(update, context)
            return await callback(update, context)

        return tracked

    async def on_start(self, update: Update, context: BotContext) -> State:
        """Greet, or follow a deep link straight into a flow."""
        context.place.clear()
        payload = (context.args or [""])[0]
        flow_id, _, token = payload.partition("-")
        if flow_id in self._payload_handlers:
            return await self._payload_handlers[flow_id](update, context)
        flow = self.flows.get(flow_id)
        if flow is None or flow.audience_group == "practitioner":
            if not payload and self._staff_welcome is not None:
                welcomed = await self._staff_welcome(update, context)
                if welcomed is not None:
                    return welcomed
            return await self.greet(update, context)
        review_id = None
        if token:
            link = await practice_reviews.find_review_link(context.db, token)
            if link is not None and link.audience_group == flow.audience_group:
                review_id = link.review_id
            else:
                await self.send(update, context, say(texts.LINK_NOT_FOUND, None))
        return await self.begin(update, context, flow, review_id=review_id)

    async def greet(self, update: Update, context: BotContext) -> State:
        await self.arrive(update, context, WHO)
        keyboard = InlineKeyboardMarkup(
            [
                *(
                    [
                        InlineKeyboardButton(
                            o.label.for_audience(None), callback_data=encode(WHO_CODE, o.value)
                        )
                    ]
                    for o in WHO_OPTIONS
                ),
                [InlineKeyboardButton(LANGUAGE_BUTTON, callback_data=LANGUAGE_MENU)],
            ]
        )
        greeting = say(texts.GREETING, None)
        chat = update.effective_chat
        web_chat_url = context.services.settings.web_chat_url
        if web_chat_url and chat is not None and web_session_of(chat.id) is None:
            # Telegram's terms say 16 and over in the UK; younger children have the web chat.
            greeting += "\n\n" + say(texts.UNDER_16_WEB_CHAT, None, url=web_chat_url)
        await self.send_prompt(update, context, greeting, keyboard)
        return WHO

    async def on_who(self, update: Update, context: BotContext) -> State:
        """A tap on the greeting's buttons."""
        return await self.start_as(update, context, await self.tapped(update, context))

    async def start_as(self, update: Update, context: BotContext, who: str) -> State:
        """Start the flow for whoever they said they are."""
        if who == "pr" and self._staff_entry is not None:
            return await self._staff_entry(update, context)
        flow = self.flows.get(who)
        if flow is None:
            await self.arrive(update, context, ConversationHandler.END)
            await self.send(update, context, say(texts.STAFF_ONLY, "practitioner"))
            return ConversationHandler.END
        return await self.begin(update, context, flow)

    async def begin(
        self, update: Update, context: BotContext, flow: Flow, *, review_id: int | None = None
    ) -> State:
        context.place.start(
            flow.id,
            audience=DEFAULT_AUDIENCE[flow.audience_group],
            review_id=review_id,
            now=self.clock(),
        )
        return await self.ask(update, context, flow, flow.steps[0])

    async def ask(
        self, update: Update, context: BotContext, flow: Flow, step: Step, *, intro: bool = True
    ) -> State:
        place = context.place
        audience = place.audience
        place.asking(flow.id, step.id)
        await self.arrive(update, context, flow.state(step))
        if intro and step.intro is not None:
            await self.send(update, context, say(step.intro, audience))
        question = f"<b>{say(step.prompt, audience)}</b>"
        await self.send_prompt(update, context, question, step_keyboard(flow, step, place))
        return flow.state(step)

    async def reask(self, update: Update, context: BotContext) -> State:
        """Show again whatever the person was last asked (or, after a held answer, what follows)."""
        place = context.place
        held = place.take_held()
        position = self.position(place)
        if held is not None and position is not None and position[1].id == held:
            return await self.answers.move_on(update, context, *position)
        ask = self.askers.get(str(place.at))
        if ask is not None:
            return await ask(update, context)
        if place.at == CANCELLING:
            return await self.ending.ask_cancel(update, context)
        if place.on_review:
            flow = self.flows[place.flow_id]
            return await self.ending.ask_review(update, context, flow)
        if position is None:
            return await self.greet(update, context)
        flow, step = position
        return await self.ask(update, context, flow, step, intro=False)

    def position(self, place: Place) -> tuple[Flow, Step] | None:
        """The flow and question the person was last asked, if any."""
        flow = self.flows.get(place.flow_id)
        if flow is None:
            return None
        try:
            return flow, flow.step(place.step_id)
        except KeyError:
            return None

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
        if context.place.at == WHO or payload.partition("-")[0] in self._payload_handlers:
            return await self.on_start(update, context)
        await self.send(update, context, say(texts.STILL_GOING, context.place.audience))
        return await self.reask(update, context)

    async def on_unknown_command(self, update: Update, context: BotContext) -> State:
        await self.send(update, context, say(texts.UNKNOWN_COMMAND, context.place.audience))
        return await self.reask(update, context)

    async def arrive(self, update: Update, context: BotContext, state: State) -> None:
        """Record, durably, that the person is now at `state`, before they are shown it.

        python-telegram-bot saves a conversation's state only after the handler
        has replied. Saved here instead, before the question goes out, a bot
        killed at any moment resumes at the question the person was last shown,
        or at the one it was about to show them.
        """
        place = context.place
        if state == ConversationHandler.END:
            place.clear()
        elif isinstance(state, str) and state in self.askers:
            if place.at is not None and place.at not in self.askers:
                place.put_under(place.at)
            place.at = state
        else:
            place.forget_under()
            place.at = str(state)
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

    async def send_prompt(
        self, update: Update, context: BotContext, text: str, keyboard: InlineKeyboardMarkup | None
    ) -> None:
        """Send a question, remembering it so that a typed answer can retire its buttons."""
        message = await self.send(update, context, text, keyboard)
        if context.chat_data is not None:
            context.chat_data[PROMPT_ID] = message.message_id

    async def tapped(self, update: Update, context: BotContext) -> str:
        """A tap on a question's button: answered, its buttons gone; what follows the '|'."""
        query = update.callback_query
        assert query is not None
        await query.answer()
        if context.chat_data is not None:
            context.chat_data.pop(PROMPT_ID, None)
        await remove_buttons(query.message)
        return "|".join(parts_of(query.data))

    async def send(
        self,
        update: Update,
        context: BotContext,
        text: str,
        keyboard: InlineKeyboardMarkup | None = None,
    ) -> Message:
        return await reply(update, context, text, keyboard)
