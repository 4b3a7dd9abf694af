""" "You said, we did": the team records what it changed because of what people said
(`/action`), moves each action on (`/actions`), and, once one is done, sends the news
to everyone who asked to hear it and gave feedback on its theme."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
)

from conversations import texts
from conversations.callback_data import code_of, encode, parts_of, tapped_with
from conversations.context import BotContext, FeedbackApplication
from conversations.engine import ChoiceQuestion, FlowEngine, State, TypedQuestion
from conversations.fitting import fitted, shorten
from conversations.language import ENGLISH
from conversations.models import Option, words
from conversations.outbox import deliver_due
from conversations.rights import queue_news
from conversations.roles import require_team
from conversations.tagging import theme_labels
from conversations.widgets import esc, reply, say
from storage import actions, audit

STATUSES = ("planned", "in progress", "done")
ACTION_THEME = "action:theme"
ACTION_SAID = "action:said"
ACTION_DID = "action:did"
ACTION_STATUS = "action:status"
ACTION_TEXT_LIMIT = 600
# The buttons under /actions and a preview: a new status, and "send it".
NEW_STATUS = "ac"
SEND = "ax"


def people(count: int) -> str:
    return "1 person" if count == 1 else f"{count:,} people"


def theme_options() -> list[Option]:
    return [
        Option(value=theme_id, label=words(label)) for theme_id, label in theme_labels().items()
    ]


# Option values are slugs: "in_progress" for the status "in progress".
STATUS_BY_VALUE = {status.replace(" ", "_"): status for status in STATUSES}


def status_options() -> list[Option]:
    return [
        Option(value=value, label=words(status.capitalize()))
        for value, status in STATUS_BY_VALUE.items()
    ]


class YouSaidWeDid:
    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine
        engine.add_command("action", self.on_action)
        engine.add_choice_question(
            ChoiceQuestion(
                ACTION_THEME,
                words("Which theme is the action about?"),
                choices=theme_options,
                worded_in=ENGLISH,
                then=self.on_action_theme,
                code="at",
                columns=2,
            )
        )
        retry = f"Please type it in up to {ACTION_TEXT_LIMIT} characters."
        engine.add_typed_question(
            TypedQuestion(
                ACTION_SAID,
                "What did people say? (“You said …”)",
                retry=retry,
                then=self.on_action_said,
                limit=ACTION_TEXT_LIMIT,
            )
        )
        engine.add_typed_question(
            TypedQuestion(
                ACTION_DID,
                "What have we done or are we doing? (“We did …”)",
                retry=retry,
                then=self.on_action_did,
                limit=ACTION_TEXT_LIMIT,
            )
        )
        engine.add_choice_question(
            ChoiceQuestion(
                ACTION_STATUS,
                words("What is its status?"),
                choices=status_options,
                worded_in=ENGLISH,
                then=self.on_action_status,
                code="as",
                columns=len(STATUSES),
            )
        )

    def handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        return [
            CommandHandler("actions", self.on_actions),
            CallbackQueryHandler(self.on_button, pattern=tapped_with(NEW_STATUS, SEND)),
        ]

    async def on_button(self, update: Update, context: BotContext) -> None:
        query = update.callback_query
        assert query is not None
        kind, parts = code_of(query.data), parts_of(query.data)
        actor = await require_team(update, context, f"button {kind}", "|".join(parts))
        await query.answer()
        if kind == NEW_STATUS and len(parts) == 2:
            await self.change_status(update, context, int(parts[0]), parts[1])
        elif kind == SEND and parts:
            await self.broadcast(update, context, int(parts[0]), actor)
        raise ApplicationHandlerStop

    async def on_action(self, update: Update, context: BotContext) -> State:
        """`/action`: record an action against a theme."""
        await require_team(update, context, "start action")
        context.place.clear()
        return await self.engine.ask_side_question(update, context, ACTION_THEME)

    async def on_action_theme(self, update: Update, context: BotContext, theme_id: str) -> State:
        context.data["action_theme"] = theme_id
        return await self.engine.ask_side_question(update, context, ACTION_SAID)

    async def on_action_said(self, update: Update, context: BotContext, said: str) -> State:
        context.data["action_said"] = said
        return await self.engine.ask_side_question(update, context, ACTION_DID)

    async def on_action_did(self, update: Update, context: BotContext, did: str) -> State:
        context.data["action_did"] = did
        return await self.engine.ask_side_question(update, context, ACTION_STATUS)

    async def on_action_status(self, update: Update, context: BotContext, value: str) -> State:
        status = STATUS_BY_VALUE[value]
        data = context.data
        actor = await require_team(update, context, "record action")
        action_id = await actions.create_action(
            context.db,
            theme_id=str(data.pop("action_theme", "")),
            you_said=str(data.pop("action_said", "")),
            we_did=str(data.pop("action_did", "")),
            status=status,
            created_by=actor,
        )
        await self.engine.arrive(update, context, ConversationHandler.END)
        await reply(update, context, f"Saved action #{action_id}. /actions lists them.")
        if status == "done":
            await self.preview_broadcast(update, context, action_id)
        return ConversationHandler.END

    async def on_actions(self, update: Update, context: BotContext) -> None:
        """`/actions`: the latest actions, with buttons to move their status on."""
        await require_team(update, context, "view actions")
        labels = theme_labels()
        rows = []
        listed = await actions.list_actions(context.db)
        for action in listed:
            rows.append(
                [
                    InlineKeyboardButton(
                        f"#{action.id}: {s}", callback_data=encode(NEW_STATUS, action.id, s)
                    )
                    for s in STATUSES
                    if s != action.status
                ]
            )

        def render(length: int) -> str:
            lines = ["<b>You said, we did</b>"]
            lines += [
                f"#{action.id} [{action.status}] "
                f"{esc(labels.get(action.theme_id, action.theme_id))}: "
                f"You said: {esc(as_sentence(shorten(action.you_said, length)))} "
                f"We did: {esc(as_sentence(shorten(action.we_did, length)))}"
                for action in listed
            ]
            return "\n".join(lines if listed else [*lines, "No actions yet. /action records one."])

        await reply(update, context, fitted(render), InlineKeyboardMarkup(rows) if rows else None)
        raise ApplicationHandlerStop

    async def change_status(
        self, update: Update, context: BotContext, action_id: int, status: str
    ) -> None:
        if status not in STATUSES:
            return
        await actions.set_action_status(context.db, action_id, status)
        await reply(update, context, f"Action #{action_id} is now {status}.")
        if status == "done":
            await self.preview_broadcast(update, context, action_id)

    def announcement(self, action: actions.ActionRow) -> str:
        """The news, in the reader's language around the team's own words."""
        return say(texts.NEWS_YOU_SAID, None, you_said=action.you_said, we_did=action.we_did)

    async def preview_broadcast(self, update: Update, context: BotContext, action_id: int) -> None:
        action = await actions.get_action(context.db, action_id)
        if action is None or action.status != "done":
            return
        audience = await actions.audience_for_theme(context.db, action.theme_id)
        if action.broadcast_at or not audience:
            note = (
                "already sent"
                if action.broadcast_at
                else "nobody who opted in gave feedback on this theme"
            )
            await reply(update, context, f"Not sending action #{action_id}: {note}.")
            return
        await reply(
            update,
            context,
            f"Preview of what {people(len(audience))} who opted in will get:\n\n"
            f"{self.announcement(action)}",
            InlineKeyboardMarkup(
                [
                    [
                        InlineKeyboardButton(
                            f"Send to {people(len(audience))}",
                            callback_data=encode(SEND, action_id),
                        )
                    ]
                ]
            ),
        )

    async def broadcast(
        self, update: Update, context: BotContext, action_id: int, actor: str
    ) -> None:
        """Queue the announcement for everyone who opted in; the outbox paces delivery."""
        action = await actions.get_action(context.db, action_id)
        if action is None or action.broadcast_at:
            return
        services = context.services
        audience = await actions.audience_for_theme(services.db, action.theme_id)
        await actions.mark_action_broadcast(services.db, action_id)
        application = context.application
        assert isinstance(application, FeedbackApplication)
        await queue_news(
            application,
            audience,
            kind="you_said_we_did",
            worded=lambda: self.announcement(action),
        )
        await audit.audit(
            services.db,
            actor=actor,
            action="broadcast",
            detail=f"action {action_id} to {len(audience)}",
        )
        await reply(
            update, context, f"Sending to {people(len(audience))}, paced within Telegram's limits."
        )
        context.application.create_task(deliver_due(context.application))


def as_sentence(words: str) -> str:
    """Words ending as one sentence: "or call back" and "or call back." both end with a full
    stop, once, so two joined sentences never read "back.. We"."""
    words = words.strip()
    return words if words.endswith((".", "!", "?", "…")) else words + "."
