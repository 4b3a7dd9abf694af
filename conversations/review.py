"""The participation team's tools: /themes, paging through a theme's responses, correcting
tags, marking good practice or needing action, /search, and "you said, we did" actions.

Every command and button checks the role and is written to the audit log.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
)

from analysis.deidentify import deidentify
from analysis.languages import quoted_in
from analysis.reports import theme_totals
from analysis.windows import Window, parse_window, window_containing
from conversations.callback_data import code_of, encode, parts_of, tapped_with
from conversations.context import BotContext
from conversations.engine import FlowEngine
from conversations.fitting import fitted, shorten
from conversations.roles import require_team
from conversations.tagging import theme_labels
from conversations.widgets import esc, reply
from storage import reporting, tagging

PER_PAGE = 5
# The /themes page of answers in other languages, which the model cannot tag.
BY_HAND = "_hand"


class ReviewTools:
    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine

    def handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        return [
            CommandHandler("themes", self.on_themes),
            CommandHandler("search", self.on_search),
            CallbackQueryHandler(
                self.on_button,
                pattern=tapped_with("th", "te", "ta", "tr", "gp", "na"),
            ),
        ]

    # Roles and the audit log

    # /themes

    def window_from(self, context: BotContext, value: str | None) -> Window:
        if value:
            return parse_window(value)
        return window_containing(context.services.now(), context.services.settings.tz)

    async def on_themes(self, update: Update, context: BotContext) -> None:
        """`/themes [window]`: counts, change and mean sentiment, with a button per theme."""
        await require_team(update, context, "view themes", " ".join(context.args or []))
        try:
            window = self.window_from(context, context.args[0] if context.args else None)
        except ValueError as exc:
            await reply(update, context, esc(str(exc)))
            raise ApplicationHandlerStop from None
        tz = context.services.settings.tz
        labels = theme_labels()
        # Counts, change and mean feeling only: no ratings, quotes or actions needed here.
        async with context.db.snapshot() as snapshot:
            current = await reporting.load_theme_counts(snapshot, *window.utc_bounds(tz))
            previous = await reporting.load_theme_counts(
                snapshot, *window.previous().utc_bounds(tz)
            )
        # Staff see the real counts, small ones too: only the reporting store and
        # exports hide counts under five.
        now, before = theme_totals(current), theme_totals(previous)
        lines = [
            f"<b>Themes, {window.id}</b> (responses, change since {window.previous().id},"
            " mean feeling from −1 to +1)"
        ]
        buttons = []
        for theme_id, (count, mean) in sorted(now.items(), key=lambda item: -item[1][0]):
            if not count or theme_id not in labels:
                continue
            change = count - before.get(theme_id, (0, 0.0))[0]
            label = labels[theme_id]
            lines.append(f"{esc(label)}: {count} ({change:+d}) {mean:+.2f}")
            buttons.append(
                InlineKeyboardButton(label, callback_data=encode("th", theme_id, window.id, "0"))
            )
        if not buttons:
            lines.append("No tagged responses in this window yet.")
        _, by_hand = await tagging.answers_to_tag_by_hand(
            context.db, *window.utc_bounds(tz), page=0, per_page=1
        )
        if by_hand:
            lines.append(f"In other languages, waiting to be tagged by hand: {by_hand}")
            buttons.append(
                InlineKeyboardButton(
                    "🌐 Tag by hand", callback_data=encode("th", BY_HAND, window.id, "0")
                )
            )
        rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
        await reply(update, context, "\n".join(lines), InlineKeyboardMarkup(rows) if rows else None)
        raise ApplicationHandlerStop

    async def show_theme_page(
        self, update: Update, context: BotContext, theme: str, window: Window, page: int
    ) -> None:
        tz = context.services.settings.tz
        if theme == BY_HAND:
            answers, total = await tagging.answers_to_tag_by_hand(
                context.db, *window.utc_bounds(tz), page=page, per_page=PER_PAGE
            )
        else:
            answers, total = await tagging.answers_with_theme(
                context.db, theme, *window.utc_bounds(tz), page=page, per_page=PER_PAGE
            )
        labels = theme_labels() | {BY_HAND: "Other languages, to tag by hand"}
        pages = max(1, -(-total // PER_PAGE))
        heading = f"<b>{esc(labels.get(theme, theme))}, {window.id}</b>: page {page + 1} of {pages}"
        rows: list[list[InlineKeyboardButton]] = []
        for answer in answers:
            rows.append(
                [
                    InlineKeyboardButton(
                        f"✏️ #{answer.id} tags", callback_data=encode("te", answer.id)
                    ),
                    InlineKeyboardButton("⭐ good", callback_data=encode("gp", answer.id)),
                    InlineKeyboardButton("🚩 action", callback_data=encode("na", answer.id)),
                ]
            )
        navigation = []
        if page > 0:
            navigation.append(
                InlineKeyboardButton(
                    "⬅️ Newer", callback_data=encode("th", theme, window.id, page - 1)
                )
            )
        if (page + 1) * PER_PAGE < total:
            navigation.append(
                InlineKeyboardButton(
                    "Older ➡️", callback_data=encode("th", theme, window.id, page + 1)
                )
            )
        if navigation:
            rows.append(navigation)
        await reply(
            update,
            context,
            self.describe(answers, labels, heading),
            InlineKeyboardMarkup(rows) if rows else None,
        )

    def describe(
        self, answers: list[tagging.TaggedAnswer], labels: dict[str, str], heading: str = ""
    ) -> str:
        """The heading, then each answer de-identified with its tags, shortened to fit."""
        quoted = [
            (answer, quoted_in(deidentify(answer.text), answer.language)) for answer in answers
        ]

        def render(length: int) -> str:
            parts = [heading] if heading else []
            for answer, quote in quoted:
                tags = ", ".join(labels.get(t, t) for t in answer.theme_list) or "no themes"
                marks = ("⭐" if answer.good_practice else "") + (
                    "🚩" if answer.needs_action else ""
                )
                parts.append(
                    f"#{answer.id} {marks}“{esc(shorten(quote, length))}”\n"
                    f"<i>{esc(tags)}; {answer.label or '—'}; "
                    f"{answer.audience_group.replace('_', ' ')}</i>"
                )
            return "\n\n".join(parts)

        return fitted(render)

    async def show_tag_editor(self, update: Update, context: BotContext, answer_id: int) -> None:
        answer = await tagging.tagged_answer(context.db, answer_id)
        if answer is None:
            await reply(update, context, "That response is no longer held.")
            return
        labels = theme_labels()
        rows = [
            [
                InlineKeyboardButton(
                    f"➖ {labels.get(t, t)}", callback_data=encode("tr", answer_id, t)
                )
            ]
            for t in answer.theme_list
        ]
        missing = [t for t in labels if t not in answer.theme_list]
        adds = [
            InlineKeyboardButton(f"➕ {labels[t]}", callback_data=encode("ta", answer_id, t))
            for t in missing
        ]
        rows += [adds[i : i + 2] for i in range(0, len(adds), 2)]
        await reply(update, context, self.describe([answer], labels), InlineKeyboardMarkup(rows))

    async def on_button(self, update: Update, context: BotContext) -> None:
        query = update.callback_query
        assert query is not None
        kind, parts = code_of(query.data), parts_of(query.data)
        actor = await require_team(update, context, f"button {kind}", "|".join(parts))
        await query.answer()
        db = context.db
        if kind == "th" and len(parts) == 3:
            await self.show_theme_page(
                update, context, parts[0], parse_window(parts[1]), int(parts[2])
            )
        elif kind == "te":
            await self.show_tag_editor(update, context, int(parts[0]))
        elif kind in {"ta", "tr"} and len(parts) == 2:
            answer_id, theme = int(parts[0]), parts[1]
            if theme not in theme_labels():
                raise ApplicationHandlerStop
            await tagging.correct_theme(
                db,
                answer_id=answer_id,
                theme_id=theme,
                action="add" if kind == "ta" else "remove",
                corrected_by=actor,
            )
            await context.services.refresh_tagger()
            await self.show_tag_editor(update, context, answer_id)
        elif kind in {"gp", "na"}:
            await tagging.mark_answer(
                db, int(parts[0]), flag="good_practice" if kind == "gp" else "needs_action"
            )
            answer = await tagging.tagged_answer(db, int(parts[0]))
            if answer is not None:
                await reply(update, context, self.describe([answer], theme_labels()))
        raise ApplicationHandlerStop

    # /search

    async def on_search(self, update: Update, context: BotContext) -> None:
        """`/search <words>`: de-identified responses containing the words."""
        words = " ".join(context.args or []).strip()
        await require_team(update, context, "search", words)
        if not words:
            await reply(update, context, "Use it like this: /search call back")
            raise ApplicationHandlerStop
        found = await tagging.search_answers(context.db, words)
        labels = theme_labels()
        heading = f"<b>Responses with “{esc(words)}”</b>"
        text = self.describe(found, labels, heading) if found else f"{heading}\n\nNothing found."
        await reply(update, context, text)
        raise ApplicationHandlerStop
