"""Onboarding: a one-time invite grants a role (`/start inv-<code>`), a practitioner
says the name and team to use for them, and someone already set up is welcomed back
by name at /start, or sees their tools at the greeting's "I work here"."""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import ConversationHandler

from conversations.context import BotContext
from conversations.engine import FlowEngine, State, TypedQuestion
from conversations.engine.state import Callback
from conversations.roles import role_guide, show_staff_menu
from conversations.widgets import reply
from storage import audit, contacts, staff
from storage.pseudonym import keyed_hash

ASKING_NAME = "staff:name"
ASKING_TEAM = "staff:team"
NAME_LIMIT = 60
INVITE_FAILED = "That invite has expired or has already been used. Ask for a new one."
ASK_NAME = (
    "Welcome! You can now use the practitioner reflective tool. What name should I use for you? "
    "(Only for your own copies and reminders: reports never name practitioners.)"
)
ASK_TEAM = "Thanks. Which team are you in?"
READY = "You're set up, {name}."
ROLE_GRANTED = "Thanks. You now have the {role} role in this bot."


class Onboarding:
    def __init__(self, engine: FlowEngine, *, reflect: Callback) -> None:
        """`reflect` starts a reflection: what "I work here" does for a practitioner."""
        self.engine = engine
        self.reflect = reflect
        engine.add_deep_link("inv", self.redeem_invite)
        engine.set_staff_door(entry=self.on_i_work_here, welcome=self.welcome_back)
        engine.add_typed_question(
            TypedQuestion(
                ASKING_NAME,
                ASK_NAME,
                retry=f"Please type a name of up to {NAME_LIMIT} characters.",
                then=self.on_name,
                limit=NAME_LIMIT,
            )
        )
        engine.add_typed_question(
            TypedQuestion(
                ASKING_TEAM,
                ASK_TEAM,
                retry=f"Please type a team name of up to {NAME_LIMIT} characters.",
                then=self.on_team,
                limit=NAME_LIMIT,
            )
        )

    def respondent(self, update: Update, context: BotContext) -> str:
        assert update.effective_user is not None
        return context.services.pseudonym(update.effective_user.id)

    async def redeem_invite(self, update: Update, context: BotContext) -> State:
        """`/start inv-<code>`: use a one-time invite and grant its role."""
        payload = (context.args or [""])[0]
        code = payload.partition("-")[2]
        services = context.services
        respondent = self.respondent(update, context)
        role = await staff.redeem_invite(
            services.db,
            code_hash=keyed_hash(services.settings.pseudonym_secret, "invite", code),
            respondent=respondent,
            now=services.now(),
        )
        if role is None:
            await reply(update, context, INVITE_FAILED)
            return ConversationHandler.END
        await audit.audit(services.db, actor=respondent, action="role granted", detail=role)
        assert update.effective_user is not None
        await contacts.remember_chat(
            services.db, respondent=respondent, chat_id=update.effective_user.id
        )
        roles = await staff.roles_of(services.db, respondent)
        await show_staff_menu(context.bot, update.effective_user.id, roles)
        if role == "practitioner" and await staff.get_profile(services.db, respondent) is None:
            return await self.engine.ask_side_question(update, context, ASKING_NAME)
        await reply(update, context, f"{ROLE_GRANTED.format(role=role)}\n\n{role_guide({role})}")
        return ConversationHandler.END

    async def on_name(self, update: Update, context: BotContext, name: str) -> State:
        context.data["staff_name"] = name
        return await self.engine.ask_side_question(update, context, ASKING_TEAM)

    async def on_team(self, update: Update, context: BotContext, team: str) -> State:
        name = str(context.data.pop("staff_name", "there"))
        await staff.save_profile(
            context.db, respondent=self.respondent(update, context), display_name=name, team=team
        )
        await self.engine.arrive(update, context, ConversationHandler.END)
        ready = html.escape(READY.format(name=name), quote=False)
        await reply(update, context, f"{ready} {role_guide({'practitioner'})}")
        return ConversationHandler.END

    async def welcome_back(self, update: Update, context: BotContext) -> State | None:
        """/start from someone already set up to work here: welcomed back by name with what
        they can do, not asked who they are as if new. None for everyone else."""
        respondent = self.respondent(update, context)
        roles = await staff.roles_of(context.db, respondent)
        if not roles:
            return None
        profile = await staff.get_profile(context.db, respondent)
        name = (
            f", {html.escape(profile.display_name, quote=False)}"
            if profile and profile.display_name
            else ""
        )
        await self.engine.arrive(update, context, ConversationHandler.END)
        await reply(update, context, f"Welcome back{name}.\n\n{role_guide(roles)}")
        return ConversationHandler.END

    async def on_i_work_here(self, update: Update, context: BotContext) -> State:
        """The greeting's "I work here": a practitioner reflects; other staff see their tools."""
        roles = await staff.roles_of(context.db, self.respondent(update, context))
        if "practitioner" in roles or not roles:
            return await self.reflect(update, context)
        await self.engine.arrive(update, context, ConversationHandler.END)
        await reply(update, context, role_guide(roles))
        return ConversationHandler.END
