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

# What each invited role can do, told when the role is granted and on "I work here".
ROLE_GUIDES = {
    "practitioner": (
        "/reflect starts a reflection for a practice review, /drafts carries on an unfinished "
        "one, and /myreflections sends you your copies."
    ),
    "participation": (
        "/themes shows this reflection month's themes: tap one to read its responses and "
        "correct their tags. /search followed by some words finds responses. /action records "
        'a "you said, we did" action and /actions moves one on. /report sends the report.'
    ),
    "safeguarding": (
        "Safeguarding alerts go to the safeguarding chat set up for this bot. There, tap "
        "\"I'm dealing with this\" on an alert, answer the person with /reply and the alert's "
        "reference (SG-…) then your message, and end the conversation with /close and the "
        "reference."
    ),
}
ROLE_GUIDES["admin"] = ROLE_GUIDES["participation"]


def role_guide(roles: set[str]) -> str:
    """What the holder of these roles can do, one paragraph per role."""
    guides = dict.fromkeys(ROLE_GUIDES[role] for role in sorted(roles) if role in ROLE_GUIDES)
    return "\n\n".join(guides)


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
