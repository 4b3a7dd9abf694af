"""Commands for staff that work from any state and never disturb a conversation.

Every one checks the role first (`conversations.roles`).
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, CommandHandler

from analysis.report_formats import to_html
from analysis.report_workbook import to_xlsx
from analysis.windows import kind_at, parse_window, window_containing
from conversations.context import BotContext
from conversations.roles import require_role, show_staff_menu
from conversations.summaries import build_and_push
from conversations.widgets import esc
from storage import audit, contacts, staff

REPORT_ROLES = ("participation", "admin")


async def on_report(update: Update, context: BotContext) -> None:
    """`/report [YYYY-08|YYYY-12] [xlsx]`: the HTML report (or the Excel workbook) of the
    current (or named) window."""
    await require_role(update, context, REPORT_ROLES, action="export report")
    services = context.services
    chat = update.effective_chat
    assert chat is not None
    tz = services.settings.tz
    args = [arg for arg in context.args or [] if arg.lower() != "xlsx"]
    as_workbook = len(args) != len(context.args or [])
    try:
        window = parse_window(args[0]) if args else window_containing(services.now(), tz)
    except ValueError as exc:
        await context.bot.send_message(chat.id, str(exc))
        raise ApplicationHandlerStop from None
    kind = kind_at(window, services.now(), tz)
    summary = await build_and_push(services, window, kind)
    name = f"practice-feedback-{window.id}-{kind}"
    await context.bot.send_document(
        chat.id,
        to_xlsx(summary) if as_workbook else to_html(summary).encode(),
        filename=f"{name}.xlsx" if as_workbook else f"{name}.html",
        caption=f"Practice feedback, {window.id} ({kind}).",
    )
    raise ApplicationHandlerStop


async def on_staff(update: Update, context: BotContext) -> None:
    """`/staff` (admins): everyone with a role; `/staff revoke ID [ROLE]` removes it at once."""
    args = context.args or []
    action = "revoke role" if args[:1] == ["revoke"] else "list staff"
    actor = await require_role(update, context, ("admin",), action=action, detail=" ".join(args))
    chat = update.effective_chat
    assert chat is not None
    if action == "list staff":
        members = await staff.list_staff(context.db)
        lines = ["<b>Staff</b> (id, roles, name, team, joined)"] + [
            f"<code>{m.id}</code> {esc(m.roles)}: {esc(m.display_name or '—')},"
            f" {esc(m.team or '—')}, {m.joined_at[:10]}"
            for m in members
        ]
        lines.append("To remove a role: /staff revoke ID (or /staff revoke ID ROLE)")
        await context.bot.send_message(chat.id, "\n".join(lines))
        raise ApplicationHandlerStop
    if len(args) < 2:
        await context.bot.send_message(chat.id, "Usage: /staff revoke ID [ROLE]")
        raise ApplicationHandlerStop
    revoked = await staff.revoke(context.db, args[1], args[2] if len(args) > 2 else None)
    removed = ", ".join(revoked.roles) if revoked else "nothing"
    await audit.audit(
        context.db, actor=actor, action="role revoked", detail=f"{args[1]}: {removed}"
    )
    if revoked is None:
        await context.bot.send_message(
            chat.id, f"No one with id {esc(args[1])} holds that role. /staff lists everyone."
        )
        raise ApplicationHandlerStop
    # Their command menu loses the role's commands too (they are refused either way).
    contact = await contacts.get_contact(context.db, revoked.respondent)
    if contact is not None:
        left = await staff.roles_of(context.db, revoked.respondent)
        await show_staff_menu(context.bot, contact.chat_id, roles=left)
    await context.bot.send_message(
        chat.id, f"Removed {removed} from {esc(args[1])}: refused from their next message."
    )
    raise ApplicationHandlerStop


def staff_handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    return [CommandHandler("report", on_report), CommandHandler("staff", on_staff)]
