"""Role checks for privileged commands and buttons, with the audit log and the polite refusal."""

from __future__ import annotations

import contextlib
import logging

from telegram import Bot, BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from conversations import texts
from conversations.context import BotContext
from conversations.language import ENGLISH, LANGUAGE_BUTTON, LANGUAGES, reading_in
from conversations.widgets import audience_of, say
from storage import audit, staff

_LOGGER = logging.getLogger(__name__)
# Who may use the team's tools (/themes, /search, /action, /actions, /report).
TEAM_ROLES = ("participation", "admin")

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
        "reference. On call away from that chat, /reply and /close work here too, and the "
        "safeguarding chat is told what you sent."
    ),
}
ROLE_GUIDES["admin"] = ROLE_GUIDES["participation"]


async def reader_of(
    update: Update, context: BotContext, roles: set[str] | None = None
) -> str | None:
    """Whose wording a message outside the flows takes: the audience of the person's
    flow, else staff wording for anyone with a role (`roles`, if already looked up)."""
    audience = audience_of(context)
    if audience is not None or update.effective_user is None:
        return audience
    if roles is None:
        respondent = context.services.pseudonym(update.effective_user.id)
        roles = await staff.roles_of(context.db, respondent)
    return "practitioner" if roles else None


# Everyone's command menu. Staff see their role's commands after these, in their own chat.
def public_commands(language: str = ENGLISH) -> tuple[BotCommand, ...]:
    """Everyone's commands, described in `language`."""
    with reading_in(language):
        described = [
            ("start", texts.MENU_START),
            ("help", texts.MENU_HELP),
            ("cancel", texts.MENU_CANCEL),
            ("privacy", texts.MENU_PRIVACY),
            ("mydata", texts.MENU_MYDATA),
            ("forget", texts.MENU_FORGET),
        ]
        commands = [BotCommand(name, wording.for_audience(None)) for name, wording in described]
    return (*commands, BotCommand("language", LANGUAGE_BUTTON.removeprefix("🌐 ")))


# Staff menus are in English, as the staff side is.
PUBLIC_COMMANDS = public_commands()


async def show_public_menus(bot: Bot) -> None:
    """The command menu in each language: Telegram shows a person the one for the language
    their app is set to, and the English one to everyone else."""
    await bot.set_my_commands(PUBLIC_COMMANDS)
    for language in LANGUAGES:
        if language != ENGLISH:
            await bot.set_my_commands(public_commands(language), language_code=language)


ROLE_COMMANDS = {
    "practitioner": (
        BotCommand("reflect", "Start a reflection for a practice review"),
        BotCommand("drafts", "Carry on an unfinished reflection"),
        BotCommand("myreflections", "Copies of your reflections"),
    ),
    "participation": (
        BotCommand("themes", "Themes of this reflection month"),
        BotCommand("search", "Find responses by their words"),
        BotCommand("action", "Record a 'you said, we did' action"),
        BotCommand("actions", "Move an action on"),
        BotCommand("report", "The report of this reflection month"),
    ),
}
ROLE_COMMANDS["admin"] = (
    *ROLE_COMMANDS["participation"],
    BotCommand("staff", "Who has a role; remove one"),
)


def command_menu(roles: set[str]) -> list[BotCommand]:
    """Everyone's commands, then those of each role held, each once."""
    menu = dict.fromkeys(PUBLIC_COMMANDS)
    for role in staff.ROLES:
        if role in roles:
            menu.update(dict.fromkeys(ROLE_COMMANDS.get(role, ())))
    return list(menu)


async def show_staff_menu(bot: Bot, chat_id: int, roles: set[str]) -> None:
    """Put the roles' commands in this chat's menu, or take them away if there are none.

    The menu is a convenience: if Telegram refuses, the commands still work when typed.
    """
    scope = BotCommandScopeChat(chat_id)
    with contextlib.suppress(TelegramError):
        if any(ROLE_COMMANDS.get(role) for role in roles):
            await bot.set_my_commands(command_menu(roles), scope=scope)
        else:
            await bot.delete_my_commands(scope=scope)


def role_guide(roles: set[str]) -> str:
    """What the holder of these roles can do, one paragraph per role."""
    guides = dict.fromkeys(ROLE_GUIDES[role] for role in staff.ROLES if role in roles)
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
    await audit.audit(context.db, actor=actor, action=action, detail=detail, allowed=allowed)
    if not allowed:
        await staff_only(update, context)
    return actor


async def require_team(update: Update, context: BotContext, action: str, detail: str = "") -> str:
    """The caller's pseudonym when they are on the team (`TEAM_ROLES`); otherwise refuse,
    audit and stop."""
    return await require_role(update, context, TEAM_ROLES, action=action, detail=detail)


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


async def refresh_staff_menus(context: BotContext) -> None:
    """Job at start-up: give every staff member whose chat is known their role's menu."""
    for chat_id, roles in (await staff.staff_chats(context.db)).items():
        await show_staff_menu(context.bot, chat_id, roles)
