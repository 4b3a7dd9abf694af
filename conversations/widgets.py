"""How the engine presents a step: button callback data, keyboards, wording, and
tidying old buttons away. No flow logic and no storage here. Fitting messages to
Telegram's limit is `fitting.py`; reading a button's words typed is `typed_words.py`."""

from __future__ import annotations

import contextlib
import html
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError

from conversations import callback_data, texts
from conversations.context import BotContext
from conversations.models import Flow, Step, Wording
from conversations.place import Place


@dataclass(frozen=True)
class Button:
    """Callback data the engine puts on buttons: `<action>|<state>|<value>`."""

    action: str
    state: str
    value: str = ""

    def encode(self) -> str:
        return callback_data.encode(self.action, self.state, self.value)

    @classmethod
    def decode(cls, data: str | None) -> Button | None:
        parts = [callback_data.code_of(data), *callback_data.parts_of(data)]
        if len(parts) != 3:
            return None
        return cls(*parts)


async def reply(
    update: Update, context: BotContext, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Send `text` (HTML) to the chat the update came from."""
    assert update.effective_chat is not None
    return await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)


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


def toggled(selected: list[str], value: str) -> list[str]:
    """The ticked choices of a pick-several question after ticking or unticking `value`."""
    return [v for v in selected if v != value] if value in selected else [*selected, value]
