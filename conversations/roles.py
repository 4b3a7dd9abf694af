"""Role checks for privileged commands and buttons, with the audit log and the polite refusal."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from conversations import texts
from conversations.widgets import say
from storage import review, staff

_LOGGER = logging.getLogger(__name__)


async def require_role(
    update: Update, context: BotContext, roles: tuple[str, ...], *, action: str, detail: str = ""
) -> str:
    """The caller's pseudonym if they hold one of the roles; otherwise refuse and stop.

    Allowed or not, the attempt is written to the audit log.
    """
    assert update.effective_user is not None
    actor = context.services.pseudonym(update.effective_user.id)
    allowed = await staff.has_role(context.db, actor, *roles)
    await review.audit(context.db, actor=actor, action=action, detail=detail, allowed=allowed)
    if not allowed:
        await staff_only(update, context)
    return actor


async def staff_only(update: Update, context: BotContext) -> None:
    """Tell the person, kindly, that this is for staff, and stop handling the update."""
    _LOGGER.warning("Refused a staff command or button")
    if update.callback_query:
        await update.callback_query.answer(texts.STAFF_ONLY_COMMAND.for_audience(None))
    elif update.effective_chat is not None:
        await context.bot.send_message(
            update.effective_chat.id, say(texts.STAFF_ONLY_COMMAND, None)
        )
    raise ApplicationHandlerStop
