"""Reflection-month summaries: built on a schedule (and on start-up if a run was missed),
pushed into the QA reporting store, announced to the participation team."""

from __future__ import annotations

import logging
from datetime import time
from typing import Any

from telegram.ext import Application

from analysis.reports import Question, Summary, build_summary
from analysis.themes import load_taxonomy
from analysis.windows import Kind, Window, due_runs, window_containing
from conversations import texts
from conversations.context import BotContext, FeedbackApplication
from conversations.flows import ALL_FLOWS, REFLECTION
from conversations.outbox import deliver_due
from conversations.rights import queue_news
from conversations.services import Services
from conversations.tagging import tag_untagged
from conversations.widgets import say
from storage import outbox, reporting, staff

_LOGGER = logging.getLogger(__name__)
REFLECTION_MONTHS = (8, 12)
SELF_RATING_STEP = "self_rating"


def rating_questions() -> tuple[list[Question], Question | None]:
    questions, self_rating = [], None
    for flow in ALL_FLOWS:
        for step in flow.steps:
            if not (step.report_label and step.options):
                continue
            question = Question(
                flow.id,
                step.id,
                step.report_label,
                tuple((o.value, o.label.for_audience(None)) for o in step.options),
            )
            if flow.id == REFLECTION.id and step.id == SELF_RATING_STEP:
                self_rating = question
            else:
                questions.append(question)
    return questions, self_rating


async def build_and_push(services: Services, window: Window, kind: Kind) -> Summary:
    """Build the summary of a window from the operational database and push it to the store."""
    tz = services.settings.tz
    questions, self_rating = rating_questions()
    theme_labels = {theme.id: theme.label for theme in load_taxonomy().themes}
    rated = tuple({q.question_id for q in [*questions, *([self_rating] if self_rating else [])]})
    await tag_untagged(services.db, services.text)
    async with services.db.snapshot() as snapshot:
        current = await reporting.load_raw(
            snapshot, *window.utc_bounds(tz), theme_ids=tuple(theme_labels), rating_steps=rated
        )
        previous = await reporting.load_theme_counts(snapshot, *window.previous().utc_bounds(tz))
    summary = build_summary(
        window_id=window.id,
        kind=kind,
        period=(window.start(tz).isoformat(), window.end(tz).isoformat()),
        built_at=services.now().isoformat(timespec="seconds"),
        current=current,
        previous=previous,
        theme_labels=theme_labels,
        questions=questions,
        self_rating=self_rating,
    )
    await reporting.push_summary(services.reporting, summary)
    _LOGGER.info("Pushed the %s summary of %s to the reporting store", kind, window.id)
    return summary


def highlights(summary: Summary) -> str:
    themes = [stat for stat in summary.themes if stat.count.value][:3]
    total = sum(row.total.value or 0 for row in summary.responses)
    lines = [
        f"📊 The {summary.kind} summary for {summary.window_id} is in the QA reporting store.",
        f"Responses so far: {total:,}. Safeguarding events: {summary.safeguarding_events.label}.",
    ]
    if themes:
        lines.append(
            "Top themes: "
            + "; ".join(f"{s.label} {s.count.label} ({s.change_label})" for s in themes)
            + "."
        )
    lines.append("Send /report for the full report.")
    return "\n".join(lines)


async def run_summary(
    application: FeedbackApplication, window: Window, kind: Kind, *, announce: bool
) -> Summary:
    services = application.services
    summary = await build_and_push(services, window, kind)
    if announce:
        for respondent in await staff.with_role(services.db, "participation"):
            await outbox.enqueue(
                services.db,
                respondent=respondent,
                kind="highlights",
                text=highlights(summary),
                now=services.now(),
            )
        if kind == "interim":
            await queue_news(
                application,
                await staff.hear_back_respondents(services.db),
                kind="invitation",
                worded=lambda: say(texts.NEWS_INVITATION, None),
            )
        await deliver_due(application)
    return summary


async def scheduled_summary(context: BotContext) -> None:
    """Job: on the 1st (interim) and last day (final) of August and December."""
    assert context.job is not None
    application = context.application
    assert isinstance(application, FeedbackApplication)
    services = application.services
    now = services.now()
    if now.astimezone(services.settings.tz).month not in REFLECTION_MONTHS:
        return
    kind: Kind = "final" if context.job.data == "final" else "interim"
    await run_summary(
        application, window_containing(now, services.settings.tz), kind, announce=True
    )


async def catch_up(application: Application[Any, Any, Any, Any, Any, Any]) -> list[tuple[str, str]]:
    """On start-up, build every summary whose time passed while the bot was down, once."""
    assert isinstance(application, FeedbackApplication)
    services = application.services
    tz = services.settings.tz
    now = services.now()
    built = await reporting.built_runs(services.reporting)
    current = window_containing(now, tz)
    ran: list[tuple[str, str]] = []
    for window, kind in due_runs(now, tz, built):
        await run_summary(application, window, kind, announce=window == current)
        ran.append((window.id, kind))
    return ran


def schedule_summaries(application: FeedbackApplication) -> None:
    jobs = application.job_queue
    assert jobs is not None
    tz = application.services.settings.tz
    jobs.run_monthly(
        scheduled_summary, when=time(9, 0, tzinfo=tz), day=1, data="interim", name="interim summary"
    )
    jobs.run_monthly(
        scheduled_summary, when=time(18, 0, tzinfo=tz), day=-1, data="final", name="final summary"
    )
