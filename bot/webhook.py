"""Serving Telegram's webhook, following python-telegram-bot's custom-webhook example.

The application runs without an updater; a small tornado server checks
Telegram's secret-token header in constant time and queues each update.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
import sqlite3
from typing import Any
from urllib.parse import urlsplit

import tornado.web
from telegram import Update

from bot.app import running
from bot.polling import initialize_when_reachable, keep_trying, replay_inbox
from bot.settings import Settings, SettingsError
from conversations.context import FeedbackApplication
from storage import inbox

_LOGGER = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookHandler(tornado.web.RequestHandler):
    def initialize(self, bot_application: FeedbackApplication, secret: str) -> None:
        self.bot_application = bot_application
        self.secret = secret.encode()

    async def post(self) -> None:
        offered = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(offered, self.secret):
            self.set_status(403)
            return
        try:
            payload: Any = json.loads(self.request.body)
            update = Update.de_json(payload, self.bot_application.bot)
        except (ValueError, TypeError, KeyError):
            self.set_status(400)
            return
        services = self.bot_application.services
        try:
            # Stored before the 200, which tells Telegram it need not send it again.
            new = await inbox.store(
                services.db, [(update.update_id, json.dumps(payload))], services.now()
            )
        except (sqlite3.Error, OSError):
            _LOGGER.exception("Could not store an update; Telegram will send it again")
            self.set_status(503)
            return
        if new:  # otherwise a resend of one already stored
            self.bot_application.inbox_pending.add(update.update_id)
            await self.bot_application.update_queue.put(update)
        self.set_status(200)

    def log_exception(self, *args: Any) -> None:
        _LOGGER.error("Webhook request failed")


def webhook_app(
    application: FeedbackApplication, secret: str, path: str
) -> tornado.web.Application:
    return tornado.web.Application(
        [(path, WebhookHandler, {"bot_application": application, "secret": secret})]
    )


async def serve_webhook(application: FeedbackApplication, settings: Settings) -> None:
    if settings.webhook_url is None:
        raise SettingsError(
            "WEBHOOK_URL is missing: set it to the public https:// address "
            "Telegram should call, or run without --webhook to use polling."
        )
    if settings.webhook_secret_token is None:
        raise SettingsError(
            "WEBHOOK_SECRET_TOKEN is missing: set it to a random string of "
            "letters, digits, _ and - so only Telegram can post updates."
        )
    secret = settings.webhook_secret_token.get_secret_value()
    path = urlsplit(settings.webhook_url).path or "/"
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await initialize_when_reachable(application, stop)
    async with running(application):
        await replay_inbox(application)
        server = webhook_app(application, secret, path).listen(
            settings.webhook_port, address=settings.webhook_listen
        )
        _LOGGER.info(
            "Webhook server listening on %s:%s", settings.webhook_listen, settings.webhook_port
        )
        try:
            url = settings.webhook_url
            await keep_trying(
                stop,
                lambda: application.bot.set_webhook(
                    url=url, secret_token=secret, allowed_updates=Update.ALL_TYPES
                ),
            )
            await stop.wait()
        finally:
            server.stop()
