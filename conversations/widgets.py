"""How the engine presents a step: button callback data, keyboards, wording, typed answers,
and tidying old buttons away. No flow logic and no storage here."""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import filters

from analysis.replies import Choice, Reading, read_reply
from conversations import texts
from conversations.context import BotContext
from conversations.language import ENGLISH, reading_language
from conversations.models import Flow, Option, Step, Wording
from conversations.place import Place


@dataclass(frozen=True)
class Button:
    """Callback data the engine puts on buttons: `<action>|<state>|<value>`."""

    action: str
    state: str
    value: str = ""

    def encode(self) -> str:
        return f"{self.action}|{self.state}|{self.value}"

    @classmethod
    def decode(cls, data: str | None) -> Button | None:
        parts = (data or "").split("|")
        if len(parts) != 3:
            return None
        return cls(*parts)


def audience_of(context: BotContext) -> str | None:
    """The audience of the flow this person is in (`None`: none, or not yet)."""
    return Place.of(context).audience


def esc(text: str) -> str:
    """People's words (or anything not ours) made safe inside the bot's HTML messages."""
    return html.escape(text, quote=False)


def say(wording: Wording, audience: str | None, **values: object) -> str:
    """Wording for this audience, HTML-escaped (everything is sent in HTML mode)."""
    text = wording.for_audience(audience)
    return html.escape(text.format(**values) if values else text, quote=False)


# Telegram's limit on a message (we count the HTML, which is never shorter than what shows).
MESSAGE_LIMIT = 4096
# How much of each person's words a message shows, longest first, until it fits.
QUOTE_LENGTHS = (4000, 1500, 600, 300, 150, 80, 40)


def shorten(text: str, length: int) -> str:
    """`text`, or its first `length` characters ending at a word break and "…"."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    if space > length // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def fitted(render: Callable[[int], str]) -> str:
    """The fullest version of a message that fits in one Telegram message.

    `render(length)` builds the message with every quoted answer shortened to
    `length` characters. Shortening the answers, never cutting the finished
    HTML, keeps every answer on show and every tag and entity whole.
    """
    for length in QUOTE_LENGTHS:
        text = render(length)
        if len(text) <= MESSAGE_LIMIT:
            return text
    return text


def in_parts(text: str, room: int) -> list[str]:
    """`text` in consecutive parts, each at most `room` characters once HTML-escaped.

    For a person's own words that must arrive whole, however long: parts break
    at a space or line break where there is one, and joined again they are the text.
    """
    parts = []
    while len(html.escape(text, quote=False)) > room:
        cut = room
        while (excess := len(html.escape(text[:cut], quote=False)) - room) > 0:
            cut -= max(1, excess // 4)  # an escape adds at most 4 characters
        space = max(text.rfind(" ", 0, cut), text.rfind("\n", 0, cut))
        if space > cut // 2:
            cut = space + 1
        parts.append(text[:cut])
        text = text[cut:]
    return [*parts, text]


def pack(blocks: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """HTML blocks, each within the limit, joined into as few messages as they fit."""
    messages: list[str] = []
    for block in blocks:
        if messages and len(messages[-1]) + 2 + len(block) <= limit:
            messages[-1] += "\n\n" + block
        else:
            messages.append(block)
    return messages


def answer_in_words(
    step: Step, audience: str | None, *, choice: str | None, text: str | None, skipped: bool
) -> str:
    """An answer as the person gave it: their words, the buttons they chose, or (skipped)."""
    if skipped:
        return texts.SKIPPED_MARK.for_audience(audience)
    if text is not None:
        return text
    chosen = [step.option(value) for value in (choice or "").split(",")]
    return ", ".join(option.label.for_audience(audience) for option in chosen if option)


def step_keyboard(flow: Flow, step: Step, place: Place) -> InlineKeyboardMarkup | None:
    """The buttons under a question: its options, Done for multi-choice, Back and Skip."""
    audience = place.audience
    state = flow.state(step)
    rows: list[list[InlineKeyboardButton]] = []
    selected = set(place.selected)
    option_buttons = []
    for option in step.options:
        label = option.label.for_audience(audience)
        action = "t" if step.kind == "multi" else "a"
        if step.kind == "multi":
            label = f"{'✅' if option.value in selected else '▫️'} {label}"
        option_buttons.append(
            InlineKeyboardButton(label, callback_data=Button(action, state, option.value).encode())
        )
    short = len(option_buttons) <= 3 and all(len(b.text) <= 14 for b in option_buttons)
    rows.extend([option_buttons] if short and option_buttons else [[b] for b in option_buttons])
    if step.kind == "multi":
        rows.append(
            [
                InlineKeyboardButton(
                    texts.DONE.for_audience(audience), callback_data=Button("d", state).encode()
                )
            ]
        )
    navigation = []
    if place.can_go_back and step.kind != "consent":
        navigation.append(
            InlineKeyboardButton(
                texts.BACK.for_audience(audience), callback_data=Button("b", state).encode()
            )
        )
    if step.skippable:
        navigation.append(
            InlineKeyboardButton(
                texts.SKIP.for_audience(audience), callback_data=Button("s", state).encode()
            )
        )
    if navigation:
        rows.append(navigation)
    return InlineKeyboardMarkup(rows) if rows else None


async def mark_answered(message: object, step: Step, audience: str | None, answer: str) -> None:
    """Replace the question's buttons with the answer, so old buttons can't be pressed."""
    if not isinstance(message, Message):
        return
    with contextlib.suppress(TelegramError):
        await message.edit_text(answered(step, audience, answer), reply_markup=None)


def answered(step: Step, audience: str | None, answer: str) -> str:
    """A question as it stands once answered: its words and the answer, no buttons."""
    return with_answer(f"<b>{say(step.prompt, audience)}</b>", answer)


def with_answer(question: str, answer: str) -> str:
    """Any question (HTML) with the answer given under it."""
    return f"{question}\n✓ {html.escape(answer, quote=False)}"


async def remove_buttons(message: object) -> None:
    if isinstance(message, Message):
        with contextlib.suppress(TelegramError):
            await message.edit_reply_markup(reply_markup=None)


async def remove_buttons_by_id(context: BotContext, update: Update, message_id: int | None) -> None:
    if message_id is None or update.effective_chat is None:
        return
    with contextlib.suppress(TelegramError):
        await context.bot.edit_message_reply_markup(update.effective_chat.id, message_id)


async def mark_answered_by_id(
    context: BotContext, update: Update, message_id: int | None, text: str
) -> None:
    """Show a question known only by its id as answered (`answered`): one answered by typing."""
    if message_id is None or update.effective_chat is None:
        return
    with contextlib.suppress(TelegramError):
        await context.bot.edit_message_text(text, update.effective_chat.id, message_id)


async def refresh_keyboard(message: object, flow: Flow, step: Step, place: Place) -> None:
    if isinstance(message, Message):
        with contextlib.suppress(TelegramError):
            await message.edit_reply_markup(reply_markup=step_keyboard(flow, step, place))


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
            *((emoji, label.split(" ", 1)[-1]) if not emoji.isascii() else ()),
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


def toggled(selected: list[str], value: str) -> list[str]:
    """The ticked choices of a pick-several question after ticking or unticking `value`."""
    return [v for v in selected if v != value] if value in selected else [*selected, value]


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("'", "").replace("’", "").strip(" .!").split())


def _words(text: str) -> str:
    """The words alone, lower case, without emoji or punctuation ("I'm" is "im")."""
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("'", "").replace("’", "")))
