"""The names and types the engine's parts share. Where a person is lives in
`conversations.place`."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, filters

from conversations.context import BotContext
from conversations.models import Flow, Step

# The "Tell us now" button under an invitation: a tap on it is /start.
BEGIN_DATA = "begin"
EXPIRY_SECONDS = 14 * 24 * 3600
DEFAULT_AUDIENCE = {
    "young_person": "child",
    "parent_carer": "parent",
    "practitioner": "practitioner",
}
CONVERSATION = "feedback"
# Kept per chat, in memory only: the message whose buttons a typed answer retires. Its id
# is known only once the question is sent, after the position is saved, so persisting it
# would write the person's data a second time for every question (bench.pipeline: 3.2 →
# 3.9 database calls per update), just to tidy old buttons after a restart.
PROMPT_ID = "prompt_id"
FOREGROUND = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
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
