"""The composition root: `build_application(settings)` wires everything together."""

from __future__ import annotations

import functools
import gc
import logging
import time as clock_time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import time
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults, TypeHandler
from telegram.request import BaseRequest, HTTPXRequest

from analysis.safeguarding import load_patterns
from bot import log
from bot.backups import RunningLock, nightly_backup
from bot.concurrency import PerChatUpdateProcessor
from bot.errors import handle_error
from bot.health import BotApiContact, Metrics, OperationsSite, WatchedRequest
from bot.pacing import FairRateLimiter
from bot.retrying import RetryingRequest
from bot.settings import Settings
from bot.web_chat import WebChat, WebChatRequest, WebChatSite
from bot.web_chat.hub import clear_idle_pages
from conversations import general
from conversations.context import BotContext, FeedbackApplication
from conversations.engine import FlowEngine
from conversations.flows import ALL_FLOWS
from conversations.language_choice import LanguageChoice
from conversations.later_words import LaterWords
from conversations.onboarding import Onboarding
from conversations.outbox import deliver_due
from conversations.practitioner import PractitionerTool, remind_drafts
from conversations.review import ReviewTools
from conversations.rights import DataRights, purge_expired
from conversations.roles import refresh_staff_menus, show_public_menus
from conversations.safeguarding import (
    REVIEW_DIGEST_EVERY,
    Safeguarding,
    drain_journal,
    repeat_unacknowledged,
    send_review_digest,
)
from conversations.services import Services
from conversations.staff_commands import staff_handlers
from conversations.summaries import catch_up, schedule_summaries
from conversations.tagging import tag_answer, tag_untagged
from conversations.you_said_we_did import YouSaidWeDid
from storage.persistence import SQLitePersistence

_LOGGER = logging.getLogger(__name__)

# Used when no token is configured (try mode, tests): the in-process transport ignores it.
OFFLINE_TOKEN = "1000000:offline-transport-needs-no-real-token"

# Handler groups, in the order an update meets them. Buttons that work whatever
# state a person is in (stop reminders) come first. Safeguarding screens every
# text first and stops the update when it acts. Within the conversations group
# the first handler that accepts an update wins, so order matters there: group
# chats are refused first, then the flows, then replies for anything no flow took.
COUNTING = -10
GLOBAL_BUTTONS = -2
SAFEGUARDING = -1
CONVERSATIONS = 0
OUTBOX_INTERVAL_SECONDS = 10
REPEAT_CHECK_SECONDS = 60
REMINDER_CHECK_SECONDS = 3600


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    clock: Callable[[], float] = clock_time.time,
    monotonic: Callable[[], float] = clock_time.monotonic,
    rate_limit: bool = True,
    web_chat: bool | None = None,
) -> FeedbackApplication:
    """Build the application: persistence, rate limiter, typed context, handlers, errors.

    With a web chat (WEB_CHAT_PORT set, or `web_chat=True`), the page is served from
    start-up to shutdown, and the bot's messages to web chats go to it, not Telegram.
    """
    if web_chat is None:
        web_chat = settings.web_chat_port is not None
    hub = WebChat() if web_chat else None
    site = WebChatSite(hub, settings) if hub is not None else None
    metrics = Metrics()
    lock = RunningLock(settings.database_path)
    services = Services(settings, clock=clock, monotonic=monotonic)
    token = settings.token if settings.telegram_bot_token else OFFLINE_TOKEN
    log.protect([token])
    log.quiet_libraries()
    builder = (
        ApplicationBuilder()
        .application_class(FeedbackApplication)
        .token(token)
        .base_url(f"{settings.telegram_api_base_url}/bot")
        .base_file_url(f"{settings.telegram_api_base_url}/file/bot")
        .context_types(ContextTypes(context=BotContext))
        .persistence(SQLitePersistence(services.open))
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.tz))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(functools.partial(_on_startup, lock=lock))
        .post_shutdown(functools.partial(_on_shutdown, lock=lock))
    )
    if rate_limit:  # off only in the pipeline benchmark, which measures the bot alone
        # The builder's generic types don't follow this branch; the limiter is the library's own.
        builder = builder.rate_limiter(FairRateLimiter())  # type: ignore[arg-type]
    # Sending retries passing failures; polling has its own retry loop in the updater.
    # Every request to the Bot API notes whether it got an answer, for /healthz.
    contact = BotApiContact()
    telegram: BaseRequest = RetryingRequest(
        WatchedRequest(request or HTTPXRequest(connection_pool_size=16), contact),
        identity_file=settings.database_path.with_name("bot-identity.json"),
    )
    builder = builder.request(WebChatRequest(hub, telegram) if hub is not None else telegram)
    builder = builder.get_updates_request(
        WatchedRequest(request or HTTPXRequest(connection_pool_size=1), contact)
    )
    application: FeedbackApplication = builder.build()  # type: ignore[assignment]
    application.services = services
    application.inbox_pending = set()
    application.web_chat_site = site
    application.operations_site = (
        OperationsSite(
            services, metrics, contact, listen=settings.metrics_listen, port=settings.metrics_port
        )
        if settings.metrics_port is not None
        else None
    )
    if hub is not None:
        hub.attach(application)

    engine = FlowEngine(ALL_FLOWS, clock=clock)
    guard = Safeguarding(
        reask=engine.reask,
        contacts_chats=settings.safeguarding_chat_ids,
        hold_answer=engine.hold_answer,
    )
    engine.on_answer(guard.person.on_answer)
    engine.on_answer(tag_answer)
    # These register their states and commands with the engine before it builds its handler.
    practitioners = PractitionerTool(engine)
    Onboarding(engine, reflect=practitioners.on_reflect)
    team = ReviewTools(engine)
    you_said_we_did = YouSaidWeDid(engine)
    rights = DataRights(engine)
    later_words = LaterWords(engine)
    languages = LanguageChoice(engine)
    application.add_handlers(practitioners.global_handlers(), GLOBAL_BUTTONS)
    application.add_handlers(
        staff_handlers() + team.handlers() + you_said_we_did.handlers() + rights.handlers(),
        GLOBAL_BUTTONS,
    )
    application.add_handlers(languages.handlers(), GLOBAL_BUTTONS)
    application.add_handlers(guard.handlers(), SAFEGUARDING)
    application.add_handlers(general.group_handlers(), CONVERSATIONS)
    application.add_handler(engine.conversation(), CONVERSATIONS)
    application.add_handler(engine.edit_handler(), CONVERSATIONS)
    application.add_handlers(later_words.handlers(), CONVERSATIONS)
    application.add_handlers(general.outside_flow_handlers(), CONVERSATIONS)
    application.add_error_handler(functools.partial(count_and_handle_error, metrics))
    application.add_handler(TypeHandler(Update, functools.partial(count_update, metrics)), COUNTING)

    jobs = application.job_queue
    assert jobs is not None
    jobs.run_repeating(deliver_outbox, interval=OUTBOX_INTERVAL_SECONDS, first=1, name="outbox")
    jobs.run_repeating(
        repeat_unacknowledged, interval=REPEAT_CHECK_SECONDS, first=30, name="repeat alerts"
    )
    jobs.run_repeating(
        send_review_digest,
        interval=REVIEW_DIGEST_EVERY,
        first=REVIEW_DIGEST_EVERY,
        name="review digest",
    )
    jobs.run_repeating(remind_drafts, interval=REMINDER_CHECK_SECONDS, first=60, name="reminders")
    # A job, so that many staff menus, paced by the rate limiter, never delay start-up.
    jobs.run_once(refresh_staff_menus, when=1, name="staff menus")
    schedule_summaries(application)
    jobs.run_daily(purge_expired, time=time(2, 30, tzinfo=settings.tz), name="retention")
    if hub is not None:
        jobs.run_daily(clear_idle_pages, time=time(2, 40, tzinfo=settings.tz), name="web pages")
    if settings.backup_dir is not None:
        backup = functools.partial(nightly_backup, settings)
        jobs.run_daily(backup, time=time(2, 50, tzinfo=settings.tz), name="backups")
    return application


async def count_update(metrics: Metrics, update: object, context: BotContext) -> None:
    metrics.updates.inc()


async def count_and_handle_error(metrics: Metrics, update: object, context: BotContext) -> None:
    metrics.handler_errors.inc()
    await handle_error(update, context)


async def deliver_outbox(context: BotContext) -> None:
    """Job: deliver queued alerts and replies, including any left from before a restart,
    and move into the database any disclosure kept in the journal while it could not be
    written."""
    await drain_journal(context)
    await deliver_due(context.application)


def _sites(application: FeedbackApplication) -> list[WebChatSite | OperationsSite]:
    """The servers beside the bot: the web chat and /healthz and /metrics, where set."""
    return [s for s in (application.web_chat_site, application.operations_site) if s is not None]


async def _on_startup(
    application: Application[Any, Any, Any, Any, Any, Any], *, lock: RunningLock
) -> None:
    assert isinstance(application, FeedbackApplication)
    if not lock.acquire():
        _LOGGER.warning("Another process has this database open as a running bot")
    services = application.services
    await services.open()
    warm_up(services)
    for site in _sites(application):
        await site.start()
    if tagged := await tag_untagged(services.db, services.text):
        _LOGGER.info("Tagged %d answers stored while tagging could not finish", tagged)
    for window_id, kind in await catch_up(application):
        _LOGGER.info(
            "Caught up on the %s summary of %s, missed while the bot was down", kind, window_id
        )
    try:
        await show_public_menus(application.bot)
    except TelegramError as exc:
        _LOGGER.warning("Could not set the command menu: %s", type(exc).__name__)


def warm_up(services: Services) -> None:
    """Load the safeguarding patterns and language data now, not at the first person's answer.

    Loading takes about half a second, and a broken patterns file should stop
    the bot starting rather than fail at the first disclosure. What is loaded
    here lives as long as the bot, so it is moved out of the garbage
    collector's way.
    """
    load_patterns()
    services.tagger.tag("Warming up: my worker listens to me.", "young_person")
    gc.freeze()


async def _on_shutdown(
    application: Application[Any, Any, Any, Any, Any, Any], *, lock: RunningLock
) -> None:
    assert isinstance(application, FeedbackApplication)
    for site in _sites(application):
        await site.stop()
    await application.services.close()
    lock.release()


@asynccontextmanager
async def running(application: FeedbackApplication) -> AsyncIterator[FeedbackApplication]:
    """Run the application's lifecycle without an updater (tests, try mode, benchmarks).

    The same order as `run_polling`: initialize, post_init, start; then stop,
    shutdown, post_shutdown.
    """
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    await application.start()
    try:
        yield application
    finally:
        await application.stop()
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)
