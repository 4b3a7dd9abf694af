"""The practitioner side: /reflect, /drafts, /myreflections, copies and reminders (invites
and first use are `onboarding.py`).

The reflection itself is a declared flow (`flows.REFLECTION`) run by the same
engine as the feedback flows; this module adds what is particular to staff.
"""

from __future__ import annotations

import html
import io
import logging
import re
import secrets
from datetime import datetime, timedelta
from typing import Any

import segno
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    ConversationHandler,
)

from analysis.vocabulary import AudienceGroup
from conversations.callback_data import encode, parts_of, tapped_with
from conversations.context import BotContext
from conversations.engine import (
    FlowEngine,
    State,
    TypedQuestion,
)
from conversations.fitting import shorten
from conversations.flows import REFLECTION
from conversations.models import Flow
from conversations.outbox import deliver_due
from conversations.reminders import reminder_allowed
from conversations.widgets import reply
from storage import audit, outbox, practice_reviews, responses, staff
from storage.models import Answer, Response
from storage.pseudonym import keyed_hash

ASKING_REFERENCE = "reflect:reference"
CHOOSING_DRAFT = "reflect:drafts"
DRAFT = "draft"  # a draft's button: "draft|<response id>"
REMINDERS_OFF_DATA = encode("remind", "off")
REFERENCE_FORMAT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_-]{2,39}$")

NOT_A_PRACTITIONER = (
    "Sorry, the reflective tool is for practitioners with an invite. "
    "Ask your manager or the QA team for one."
)
ASK_REFERENCE = (
    "Which practice review is this reflection for? Type its reference (for example CPR-2026-014)."
)
BAD_REFERENCE = (
    "That doesn't look like a review reference: use 3 to 40 letters, digits, /, _ or -, "
    "for example CPR-2026-014."
)
LINKS = (
    "Here are the links for this review. Pass them on so the child's and the family's feedback "
    "is linked to your reflection:\n\n"
    "For the child or young person: {child}\nFor the parent or carer: {family}\n\n"
    "QR codes for each follow."
)
NO_DRAFTS = "You have no unfinished reflections. Type /reflect to start one."
PICK_DRAFT = "Your unfinished reflections. Which one do you want to carry on?"
DRAFT_LINE = (
    "{number}. Started {started}, last saved {saved}: {answered} of {total} answered{skipped}."
)
DRAFT_SKIPPED = ", {count} skipped"
MORE_DRAFTS = "These are the {shown} you worked on last, of {count}. Finish one to see the rest."
# How much of a draft's first answer its line and its button show, so drafts can be told apart.
DRAFT_QUOTE_LENGTH = 80
DRAFT_BUTTON_LENGTH = 30
NO_REFLECTIONS = "You haven't submitted a reflection yet. Type /reflect to start one."
NO_REFLECTIONS_BUT_DRAFTS = (
    "You haven't submitted a reflection yet. You have {count} unfinished: "
    "type /drafts to carry on with one."
)
REMINDER = (
    "Hi {name}, a reminder: you have an unfinished reflection for a practice review. "
    "Type /drafts to carry on where you left off."
)
REMINDERS_OFF = "OK, no more reminders."
COPY_FAILED = (
    "Your reflection is saved, but I couldn't send the copy just now: type /myreflections."
)
_LOGGER = logging.getLogger(__name__)


def review_reference_hash(context: BotContext, reference: str) -> str:
    return keyed_hash(context.services.settings.pseudonym_secret, "review", reference.upper())


class PractitionerTool:
    def __init__(self, engine: FlowEngine, flow: Flow = REFLECTION) -> None:
        self.engine = engine
        self.flow = flow
        engine.add_command("reflect", self.on_reflect)
        engine.add_command("drafts", self.on_drafts)
        engine.add_command("myreflections", self.on_my_reflections)
        for question in (
            TypedQuestion(
                ASKING_REFERENCE,
                ASK_REFERENCE,
                retry=BAD_REFERENCE,
                then=self.on_reference,
                form=REFERENCE_FORMAT,
            ),
        ):
            engine.add_typed_question(question)
        engine.add_state(
            CHOOSING_DRAFT,
            [CallbackQueryHandler(self.on_draft_chosen, pattern=tapped_with(DRAFT))],
            ask=self.ask_drafts_again,
        )
        engine.on_completion(self.send_copy)

    def global_handlers(self) -> list[BaseHandler[Update, BotContext, Any]]:
        return [
            CallbackQueryHandler(
                self.on_reminders_off, pattern=f"^{re.escape(REMINDERS_OFF_DATA)}$"
            )
        ]

    def respondent(self, update: Update, context: BotContext) -> str:
        assert update.effective_user is not None
        return context.services.pseudonym(update.effective_user.id)

    async def is_practitioner(self, update: Update, context: BotContext) -> bool:
        respondent = self.respondent(update, context)
        allowed = await staff.has_role(context.db, respondent, "practitioner")
        if not allowed:
            await audit.audit(
                context.db, actor=respondent, action="practitioner command", allowed=False
            )
        return allowed

    async def refuse(self, update: Update, context: BotContext) -> State:
        """Say the tool is for practitioners; anyone part way through a flow stays there."""
        await reply(update, context, NOT_A_PRACTITIONER)
        return await self.carry_on(update, context)

    async def carry_on(self, update: Update, context: BotContext) -> State:
        """Ask the question the person was at again, if they were at one."""
        if context.place.asked:
            return await self.engine.reask(update, context)
        return ConversationHandler.END

    async def on_reflect(self, update: Update, context: BotContext) -> State:
        """Start a reflection: ask which practice review it is for."""
        if not await self.is_practitioner(update, context):
            return await self.refuse(update, context)
        context.place.clear()
        return await self.engine.ask_side_question(update, context, ASKING_REFERENCE)

    async def on_reference(self, update: Update, context: BotContext, reference: str) -> State:
        """Store only a keyed hash of the reference; send the child and family links."""
        db = context.db
        review_id = await practice_reviews.create_review(
            db,
            reference_hash=review_reference_hash(context, reference),
            created_by=self.respondent(update, context),
        )
        links = {}
        groups: tuple[tuple[AudienceGroup, str], ...] = (
            ("young_person", "yp"),
            ("parent_carer", "pc"),
        )
        for group, prefix in groups:
            token = secrets.token_urlsafe(9)
            await practice_reviews.create_review_link(
                db, token=token, review_id=review_id, audience_group=group
            )
            links[prefix] = link_for(context, f"{prefix}-{token}")
        await reply(update, context, LINKS.format(child=links["yp"], family=links["pc"]))
        assert update.effective_chat is not None
        for label, link in (
            ("For the child or young person", links["yp"]),
            ("For the parent or carer", links["pc"]),
        ):
            image = io.BytesIO()
            segno.make(link, error="m").save(image, kind="png", scale=8)
            image.seek(0)
            try:
                await context.bot.send_photo(update.effective_chat.id, image, caption=label)
            except TelegramError:
                # The links above are enough; a missing QR code must not stop the reflection.
                _LOGGER.warning("Could not send a QR code image")
        return await self.engine.begin(update, context, self.flow, review_id=review_id)

    async def on_drafts(self, update: Update, context: BotContext) -> State:
        """List unfinished reflections to carry on with."""
        if not await self.is_practitioner(update, context):
            return await self.refuse(update, context)
        drafts = await staff.drafts(context.db, self.respondent(update, context), self.flow.id)
        if not drafts:
            await reply(update, context, NO_DRAFTS)
            return await self.carry_on(update, context)
        lines, rows = [PICK_DRAFT], []
        for number, draft in enumerate(drafts[:10], start=1):
            answers = await responses.list_answers(context.db, draft.id)
            line, label = self.describe_draft(context, number, draft, answers)
            lines.append(line)
            rows.append([InlineKeyboardButton(label, callback_data=encode(DRAFT, draft.id))])
        if len(drafts) > len(rows):
            lines.append(MORE_DRAFTS.format(shown=len(rows), count=len(drafts)))
        context.place.clear()
        await self.engine.arrive(update, context, CHOOSING_DRAFT)
        await reply(update, context, "\n\n".join(lines), InlineKeyboardMarkup(rows))
        return CHOOSING_DRAFT

    def describe_draft(
        self, context: BotContext, number: int, draft: Response, answers: list[Answer]
    ) -> tuple[str, str]:
        """A draft's line in the list (HTML) and its button's label.

        Dates alone do not tell one case from another, so both show the start of
        the draft's first written answer, which only the practitioner sees.
        """
        tz = context.services.settings.tz

        def when(stamp: str, form: str) -> str:
            return datetime.fromisoformat(stamp).astimezone(tz).strftime(form)

        skipped = sum(a.skipped for a in answers)
        line = html.escape(
            DRAFT_LINE.format(
                number=number,
                started=when(draft.started_at, "%d %b"),
                saved=when(draft.updated_at, "%d %b %H:%M"),
                answered=sum(not a.skipped for a in answers),
                total=len(self.flow.steps),
                skipped=DRAFT_SKIPPED.format(count=skipped) if skipped else "",
            ),
            quote=False,
        )
        order = {step.id: index for index, step in enumerate(self.flow.steps)}
        written = sorted(
            (a for a in answers if a.text and not a.skipped), key=lambda a: order.get(a.step_id, 0)
        )
        if not written:
            return line, f"{number}. Started {when(draft.started_at, '%d %b')}"
        first = " ".join((written[0].text or "").split())
        quote = html.escape(shorten(first, DRAFT_QUOTE_LENGTH), quote=False)
        return f"{line}\n“{quote}”", f"{number}. {shorten(first, DRAFT_BUTTON_LENGTH)}"

    async def ask_drafts_again(self, update: Update, context: BotContext) -> State:
        """The list of drafts as it is now (one may have been finished meanwhile)."""
        await self.engine.arrive(update, context, ConversationHandler.END)
        return await self.on_drafts(update, context)

    async def on_draft_chosen(self, update: Update, context: BotContext) -> State:
        query = update.callback_query
        assert query is not None
        await query.answer()
        response_id = int((parts_of(query.data) or ["0"])[0] or 0)
        response = await responses.get_response(context.db, response_id)
        if (
            response is None
            or response.respondent != self.respondent(update, context)
            or response.status != "partial"
        ):
            await self.engine.arrive(update, context, ConversationHandler.END)
            await reply(update, context, NO_DRAFTS)
            return ConversationHandler.END
        return await self.engine.resume(update, context, self.flow, response)

    # Copies

    async def send_copy(
        self, update: Update, context: BotContext, flow: Flow, response_id: int
    ) -> None:
        """After a reflection is submitted, send the practitioner their copy."""
        if flow.id != self.flow.id or update.effective_chat is None:
            return
        response = await responses.get_response(context.db, response_id)
        if response is None:
            return
        document = await self.render([response], context, update)
        try:
            await context.bot.send_document(
                update.effective_chat.id, document, filename=f"reflection-{response_id}.txt"
            )
        except TelegramError:
            _LOGGER.warning("Could not send a reflection copy")
            await reply(update, context, COPY_FAILED)

    async def on_my_reflections(self, update: Update, context: BotContext) -> State:
        """Send every reflection this practitioner has submitted, as one document."""
        if not await self.is_practitioner(update, context):
            return await self.refuse(update, context)
        submitted = await staff.submitted(
            context.db, self.respondent(update, context), self.flow.id
        )
        if not submitted:
            await reply(update, context, await self.nothing_submitted(update, context))
        else:
            assert update.effective_chat is not None
            document = await self.render(submitted, context, update)
            await context.bot.send_document(
                update.effective_chat.id, document, filename="my-reflections.txt"
            )
        return await self.carry_on(update, context)

    async def nothing_submitted(self, update: Update, context: BotContext) -> str:
        """What to say when there is no copy to send: where their unfinished work is."""
        drafts = await staff.drafts(context.db, self.respondent(update, context), self.flow.id)
        return NO_REFLECTIONS_BUT_DRAFTS.format(count=len(drafts)) if drafts else NO_REFLECTIONS

    async def render(self, reflections: list[Any], context: BotContext, update: Update) -> bytes:
        profile = await staff.get_profile(context.db, self.respondent(update, context))
        tz = context.services.settings.tz
        lines = [
            f"Practitioner reflections: {profile.display_name} ({profile.team})"
            if profile
            else "Practitioner reflections",
            "",
        ]
        for response in reflections:
            submitted = response.completed_at or response.updated_at
            when = datetime.fromisoformat(submitted).astimezone(tz).strftime("%d %B %Y %H:%M")
            lines += [f"Reflection submitted {when}", "=" * 40]
            answers = {a.step_id: a for a in await responses.list_answers(context.db, response.id)}
            for step in self.flow.steps:
                answer = answers.get(step.id)
                text = "(skipped)"
                if answer is not None and not answer.skipped:
                    option = step.option(answer.choice or "")
                    text = answer.text or (option.label.for_audience(None) if option else "")
                lines += [step.prompt.for_audience("practitioner"), text, ""]
            lines.append("")
        return "\n".join(lines).encode()

    # Reminders

    async def on_reminders_off(self, update: Update, context: BotContext) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer(REMINDERS_OFF)
        await staff.set_reminders(context.db, self.respondent(update, context), on=False)
        await reply(update, context, REMINDERS_OFF)
        # Handled: a reflection under way must not take it for one of its own old buttons.
        raise ApplicationHandlerStop


async def remind_drafts(context: BotContext) -> None:
    """Job: in the reflection months, remind practitioners who have unfinished reflections."""
    services = context.services
    now = services.now()
    local_now = now.astimezone(services.settings.tz)
    if not reminder_allowed(local_now, []):
        return  # outside the reflection months or working hours: nobody to look up
    # Two weeks back covers this calendar week and the two-day gap.
    since = now - timedelta(days=14)
    for person in await staff.practitioners_with_drafts(services.db, REFLECTION.id):
        sent = [
            datetime.fromisoformat(stamp).astimezone(services.settings.tz)
            for stamp in await staff.reminders_sent(services.db, person.respondent, since)
        ]
        if not reminder_allowed(local_now, sent):
            continue
        await outbox.enqueue(
            services.db,
            respondent=person.respondent,
            kind="reminder",
            text=html.escape(REMINDER.format(name=person.display_name), quote=False),
            buttons=[[("No more reminders", REMINDERS_OFF_DATA)]],
            now=now,
        )
        await staff.record_reminder(services.db, person.respondent, now)
    await deliver_due(context.application)


def link_for(context: BotContext, payload: str) -> str:
    """A child's or family's link: the web chat's, when the trust has one (children under
    16 cannot use Telegram in the UK), else the bot's on Telegram. Both carry the review."""
    web_chat_url = context.services.settings.web_chat_url
    if web_chat_url:
        return f"{web_chat_url}{'&' if '?' in web_chat_url else '?'}start={payload}"
    return f"https://t.me/{context.bot.username}?start={payload}"
