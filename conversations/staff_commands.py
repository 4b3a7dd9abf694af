"""Commands for staff that work from any state and never disturb a conversation.

Every one checks the role first; anyone else is told politely that it is for staff.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, CommandHandler

from analysis.reports import to_html
from analysis.windows import Kind, parse_window, window_containing
from bot.context import BotContext
from bot.summaries import build_and_push
from conversations import texts
from conversations.widgets import say
from storage import review, staff

_LOGGER = logging.getLogger(__name__)
REPORT_ROLES = ("participation", "admin")


async def require_role(update: Update, context: BotContext, *roles: str) -> str:
    """The caller's pseudonym if they hold one of the roles; otherwise refuse and stop."""
    assert update.effective_user is not None and update.effective_chat is not None
    respondent = context.services.pseudonym(update.effective_user.id)
    allowed = await staff.has_role(context.db, respondent, *roles)
    await review.audit(context.db, actor=respondent, action="export report", allowed=allowed)
    if not allowed:
        _LOGGER.warning("Refused a staff command without the role")
        await context.bot.send_message(
            update.effective_chat.id, say(texts.STAFF_ONLY_COMMAND, None)
        )
        raise ApplicationHandlerStop
    return respondent


async def on_report(update: Update, context: BotContext) -> None:
    """`/report [YYYY-08|YYYY-12]`: the HTML report of the current (or named) window."""
    await require_role(update, context, *REPORT_ROLES)
    services = context.services
    chat = update.effective_chat
    assert chat is not None
    tz = services.settings.tz
    try:
        window = (
            parse_window(context.args[0]) if context.args else window_containing(services.now(), tz)
        )
    except ValueError as exc:
        await context.bot.send_message(chat.id, str(exc))
        raise ApplicationHandlerStop from None
    kind: Kind = "final" if services.now() >= window.due("final", tz) else "interim"
    summary = await build_and_push(services, window, kind)
    await context.bot.send_document(
        chat.id,
        to_html(summary).encode(),
        filename=f"practice-feedback-{window.id}-{kind}.html",
        caption=f"Practice feedback, {window.id} ({kind}).",
    )
    raise ApplicationHandlerStop


def staff_handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    return [CommandHandler("report", on_report)]
