"""What people type instead of tapping: a button's words in their own, yes and no,
skip and back, hello, thanks and stop."""

from __future__ import annotations

import re
from collections.abc import Sequence

from telegram import Message
from telegram.ext import filters

from analysis.replies import Choice, Reading, read_reply
from conversations import texts
from conversations.language import ENGLISH, ROMANISED, reading_language
from conversations.models import Option

# How yes and no are often typed.
SAME_AS = {
    **dict.fromkeys(("yeah", "yep", "yup", "yea", "ye", "yh", "ya", "yes please"), "yes"),
    **dict.fromkeys(("nope", "nah", "na", "no thanks", "no thank you"), "no"),
}


# A thank-you alone says nothing about which button: it must not pick "No thanks".
THANKS = frozenset(
    {
        *("thanks", "thank you", "thankyou", "thanks a lot", "cheers", "thx", "ty"),
        *("ok thanks", "ok thank you", "thanks bye", "thank you bye"),
    }
)


def is_thanks(text: str) -> bool:
    """Whether the person typed only a thank-you."""
    return _words(text) in THANKS


def read_typed(
    options: Sequence[Option], text: str, audience: str | None, *, inside: bool = True
) -> Reading:
    """What a reply typed at a button question means (`analysis.replies.read_reply`). The
    rules were written for English: in another language only plain answers are read."""
    choices = [choice_of(option, audience) for option in options]
    return read_reply(text, choices, inside=inside, strict=reading_language.get() != ENGLISH)


def choice_of(option: Option, audience: str | None) -> Choice:
    """A button as typed replies may name it: its words, value, emoji and `typed` words."""
    label = option.label.for_audience(audience)
    emoji = label.split(" ", 1)[0]
    return Choice(
        value=option.value,
        words=(
            label,
            # Its value is a word for it too, unless it stands for no kind of answer.
            *((option.value.replace("_", " "),) if option.answers is None else ()),
            *option.typed,
            *option.typed_alone,
            *((emoji, label.split(" ", 1)[-1]) if not emoji.isascii() else ()),
            *ROMANISED.get(label.split(" ", 1)[-1], ()),
        ),
        answers=option.answers,
        phrases=option.typed,
    )


def match_option(
    options: Sequence[Option], text: str, audience: str | None, *, inside: bool = True
) -> Option | None:
    """The option the person typed: its label, value or emoji, or words only its label has.

    People type what they mean ("always", "young person", "yeah"), not a button's
    exact words, so words found in one label alone pick it. Words that more than one
    label holds ("really", for "Really good" and "Really bad") pick nothing.
    """
    reading = read_typed(options, text, audience, inside=inside)
    if reading.choice is None:
        return None
    return next(option for option in options if option.value == reading.choice)


# Between choices typed together at a pick-several question: "early help and fostering".
CHOICE_SEPARATORS = re.compile(r"\s*(?:,|&|\+|/|\band\b|\bplus\b)\s*", re.IGNORECASE)


def match_options(options: Sequence[Option], text: str, audience: str | None) -> list[Option]:
    """The options typed at a pick-several question: one, or several typed together.

    Several count only when every part names an option (`match_option`), so a
    sentence that merely mentions one ("we had a social worker and she left") is
    not taken for a choice.
    """
    whole = match_option(options, text, audience, inside=False)
    if whole is not None:
        return [whole]
    parts = [part for part in CHOICE_SEPARATORS.split(text) if part.strip(" .!")]
    if len(parts) < 2:
        return []
    chosen: list[Option] = []
    for part in parts:
        option = match_option(options, part, audience, inside=False)
        if option is None:
            return []
        if option not in chosen:
            chosen.append(option)
    return chosen


def is_done(text: str, audience: str | None) -> bool:
    """Whether the person typed the Done button's words (with or without its emoji)."""
    done = _normalise(texts.DONE.for_audience(audience))
    return _normalise(text) in {done, done.split(" ", 1)[0]}


# Typed on their own, these mean the Skip and Back buttons, not an answer.
SKIP_WORDS = frozenset({"skip", "skip it", "skip this", "pass", "next"})
BACK_WORDS = frozenset({"back", "go back"})


def typed_move(text: str) -> str | None:
    """The button the person typed alone: "s" for Skip, "b" for Back, else None."""
    words = _words(text)
    return "s" if words in SKIP_WORDS else "b" if words in BACK_WORDS else None


# Typed on their own, these are a hello (often from someone coming back), never an answer.
GREETINGS = frozenset(
    {
        *("hi", "hii", "hiii", "hiya", "hey", "heya", "hello", "helo", "hallo", "yo"),
        *("hi there", "hey there", "hello there", "hi again", "hello again", "hey again"),
        *("morning", "good morning", "good afternoon", "good evening"),
    }
)


def is_greeting(text: str) -> bool:
    """Whether the person typed only a hello."""
    return _words(text) in GREETINGS


# Typed on their own, these mean /cancel: people type "stop" rather than look for a command.
STOP_WORDS = frozenset(
    {"stop", "stop please", "please stop", "i want to stop", "cancel", "quit", "exit"}
)


def is_stop(text: str) -> bool:
    """Whether the person typed only that they want to stop."""
    return _words(text) in STOP_WORDS


class TypedStop(filters.MessageFilter):
    """Messages that only say the person wants to stop (`is_stop`)."""

    def filter(self, message: Message) -> bool:
        return is_stop(message.text or "")


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("'", "").replace("’", "").strip(" .!").split())


def _words(text: str) -> str:
    """The words alone, lower case, without emoji or punctuation ("I'm" is "im")."""
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("'", "").replace("’", "")))
