"""Where a person is in a conversation, and the names the engine's parts share.

Where a person is (flow, step, answers so far, age band) lives in their
persisted `user_data`, under the keys below, so leaving and coming back, or a
restart of the bot, continues at the same step.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, filters

from conversations.context import BotContext
from conversations.models import Flow, Step

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
    # The language its words are in (`analysis.languages`); "en" for a tapped choice.
    language: str = "en"


AnswerListener = Callable[[Update, BotContext, StoredAnswer], Awaitable[None]]
CompletionListener = Callable[[Update, BotContext, Flow, int], Awaitable[None]]
Callback = Callable[[Update, BotContext], Coroutine[Any, Any, State]]
StaffWelcome = Callable[[Update, BotContext], Coroutine[Any, Any, State | None]]


@dataclass(frozen=True)
class Position:
    """Where a person is, as the features may read it (only the engine writes it)."""

    # The conversation state on screen: "<flow>:<step>", the greeting, a side question.
    at: str | None
    audience: str | None

    @classmethod
    def of(cls, data: Mapping[str, Any] | None) -> Position:
        data = data or {}
        at = data.get("at")
        return cls(at=str(at) if at else None, audience=data.get("audience"))

    @property
    def asked(self) -> bool:
        """Whether a question is waiting for them (one to ask again after an aside)."""
        return self.at is not None

    @property
    def flow_and_step(self) -> tuple[str, str]:
        """The flow and step on screen, or empty strings outside a flow."""
        flow_id, _, step_id = (self.at or "").partition(":")
        return flow_id, step_id


def flag_next_answer(data: dict[str, Any], event_id: int) -> None:
    """Safeguarding's word to the engine: the next answer it stores holds words that
    raised this event, so it is kept but flagged (see FLAG_NEXT_ANSWER)."""
    data[FLAG_NEXT_ANSWER] = event_id


def clear_position(data: dict[str, Any]) -> None:
    for key in POSITION_KEYS:
        data.pop(key, None)
