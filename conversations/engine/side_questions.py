"""Questions outside the flows, declared as data: those that want a few typed words (a
practitioner's name and team, a practice review's reference, /action's "You said"
and "We did") and those answered with a button (/action's theme and status,
/forget's "are you sure?"). The
engine asks each, asks again after anything unexpected, checks the answer, and
hands it on."""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import Update

from conversations.context import BotContext
from conversations.engine.state import State
from conversations.models import Option, Wording

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
