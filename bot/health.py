"""Health and metrics for the operators: `/healthz` and `/metrics` on METRICS_PORT.

`/healthz` answers 200 when the database answers and the last contact with the Bot
API worked; otherwise 503 and the reason, for a container's HEALTHCHECK or a load
balancer. `/metrics` is Prometheus's text format (prometheus-client), worked out
when it is scraped: the outbox, unacknowledged alerts and how long the oldest
undelivered alert has waited, updates and handler errors, and when the last summary
and the last retention purge ran. Suggested alert rules are in the README.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import tornado.web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    generate_latest,
)
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.transport import WrappedRequest
from conversations.services import Services
from storage import outbox, reporting
from storage import safeguarding as records

_LOGGER = logging.getLogger(__name__)


@dataclass
class BotApiContact:
    """How the last request to the Bot API went."""

    ok_at: float | None = None
    failed_at: float | None = None
    error: str | None = None

    @property
    def working(self) -> bool:
        return self.failed_at is None or (self.ok_at is not None and self.ok_at > self.failed_at)


class WatchedRequest(WrappedRequest):
    """A transport to the Bot API that notes whether each request got an answer."""

    def __init__(self, inner: BaseRequest, contact: BotApiContact) -> None:
        super().__init__(inner)
        self.contact = contact

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        try:
            code, payload = await super().do_request(
                url,
                method,
                request_data,
                read_timeout,
                write_timeout,
                connect_timeout,
                pool_timeout,
            )
        except Exception as exc:
            self.contact.failed_at, self.contact.error = time.time(), type(exc).__name__
            raise
        if code >= 500:
            self.contact.failed_at, self.contact.error = time.time(), f"HTTP {code}"
        else:
            self.contact.ok_at = time.time()  # a refusal (4xx) is still an answer
        return code, payload


class Metrics:
    """The bot's metrics in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter("feedbackbot_updates", "Updates handled", registry=self.registry)
        self.handler_errors = Counter(
            "feedbackbot_handler_errors",
            "Errors raised while handling updates",
            registry=self.registry,
        )
        self.outbox_pending = Gauge(
            "feedbackbot_outbox_pending", "Messages waiting to be sent", registry=self.registry
        )
        self.unacknowledged = Gauge(
            "feedbackbot_safeguarding_unacknowledged",
            "Safeguarding alerts nobody has said they are dealing with",
            registry=self.registry,
        )
        self.oldest_undelivered = Gauge(
            "feedbackbot_safeguarding_oldest_undelivered_seconds",
            "How long the oldest alert not yet delivered to the contacts has waited (0: none)",
            registry=self.registry,
        )
        self.last_summary = Gauge(
            "feedbackbot_last_summary_timestamp_seconds",
            "When the last summary was built (Unix time; 0: never)",
            registry=self.registry,
        )
        self.last_purge = Gauge(
            "feedbackbot_last_retention_purge_timestamp_seconds",
            "When the retention purge last finished (Unix time; 0: not since start-up)",
            registry=self.registry,
        )

    async def refresh(self, services: Services) -> None:
        db = services.db
        self.outbox_pending.set(await outbox.pending_count(db))
        self.unacknowledged.set(await records.unacknowledged_alerts(db))
        oldest = await outbox.oldest_undelivered_alert(db)
        waited = (services.now() - datetime.fromisoformat(oldest)).total_seconds() if oldest else 0
        self.oldest_undelivered.set(max(waited, 0.0))
        built = await reporting.last_summary_built_at(services.reporting)
        self.last_summary.set(datetime.fromisoformat(built).timestamp() if built else 0)
        purged = services.last_purge_at
        self.last_purge.set(purged.timestamp() if purged else 0)


class OperationsSite:
    """`/healthz` and `/metrics`, served on METRICS_LISTEN:METRICS_PORT."""

    def __init__(
        self,
        services: Services,
        metrics: Metrics,
        contact: BotApiContact,
        *,
        listen: str,
        port: int,
    ) -> None:
        self.services = services
        self.metrics = metrics
        self.contact = contact
        self.listen = listen
        self._server: HTTPServer | None = None
        self.port = port

    async def health(self) -> tuple[bool, str]:
        try:
            await self.services.db.read("SELECT 1", ())
        except Exception as exc:
            return False, f"the database does not answer ({type(exc).__name__})"
        if not self.contact.working:
            return False, f"the last contact with the Bot API failed ({self.contact.error})"
        return True, "ok"

    async def start(self) -> int:
        site = {"site": self}
        application = tornado.web.Application(
            [(r"/healthz", HealthHandler, site), (r"/metrics", MetricsHandler, site)],
            log_function=lambda handler: None,
        )
        sockets = bind_sockets(self.port, address=self.listen)
        self._server = HTTPServer(application)
        self._server.add_sockets(sockets)
        self.port = int(sockets[0].getsockname()[1])
        _LOGGER.info("Health and metrics on %s:%s", self.listen, self.port)
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


class HealthHandler(tornado.web.RequestHandler):
    def initialize(self, site: OperationsSite) -> None:
        self.site = site

    async def get(self) -> None:
        healthy, reason = await self.site.health()
        self.set_status(200 if healthy else 503)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(reason + "\n")


class MetricsHandler(tornado.web.RequestHandler):
    def initialize(self, site: OperationsSite) -> None:
        self.site = site

    async def get(self) -> None:
        await self.site.metrics.refresh(self.site.services)
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.finish(generate_latest(self.site.metrics.registry))

    def log_exception(self, *args: Any) -> None:
        _LOGGER.error("Metrics request failed")
