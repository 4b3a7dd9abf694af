"""The web chat's HTTP side: the page, and a small JSON API the page talks to.

- `POST /api/session`: open (or find) the session in the cookie; the page so far.
- `GET /api/messages?after=N`: what changed since N, waiting up to 25 s (long polling,
  which works through school proxies and on cheap phones).
- `POST /api/say`, `/api/tap`, `/api/start`: what the person typed or tapped, or the
  `/start` (with a link's payload) of a page with nothing on it.
- `POST /api/exit`: Quick exit; the page is cleared, their place in the questions kept.

Safe to put on the internet behind the trust's HTTPS proxy: the session id is an
unguessable token in an `HttpOnly`, `SameSite=Strict` cookie, known to the
database only by its hash; every POST must come from the page's own origin; a
strict Content-Security-Policy allows only the page's own script and style;
limits per session and per address; and no address is stored or logged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.settings import Settings
from bot.web_chat.hub import WebChat
from bot.web_chat.limits import Addresses, RateLimit
from conversations import texts
from conversations.language import LANGUAGES, browser_language
from conversations.models import Wording
from storage import web_chat

_LOGGER = logging.getLogger(__name__)

COOKIE = "feedback_chat"
# As long as a conversation waits for them (the engine starts afresh after 14 idle days).
SESSION_DAYS = 14
MAX_TEXT = 4000
MAX_BODY_BYTES = 16 * 1024
POLL_SECONDS = 25.0
PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
BROWSER_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
LOOPBACK = {"127.0.0.1", "::1", "localhost"}

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PAGE_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/chat.js": ("chat.js", "text/javascript; charset=utf-8"),
    "/chat.css": ("chat.css", "text/css; charset=utf-8"),
}

# What the page shows when something is refused: short and kind; their words stay in the box.
TOO_FAST = texts.WEB_TOO_FAST
TOO_LONG = texts.WEB_TOO_LONG
EMPTY = texts.WEB_EMPTY
NOT_HERE = texts.WEB_CLOSED
OLD_BUTTON = texts.WEB_OLD_BUTTON
WRONG_PLACE = texts.WEB_WRONG_PLACE


class WebChatSite:
    """The page and its API, served beside the bot in the same process."""

    def __init__(self, hub: WebChat, settings: Settings) -> None:
        self.hub = hub
        self.settings = settings
        self.addresses = Addresses()
        self.per_session = RateLimit(burst=20, every=2.0)
        self.per_address = RateLimit(burst=120, every=0.25)
        self.new_sessions = RateLimit(burst=30, every=20.0)
        self.secure_cookie = (settings.web_chat_url or "").startswith("https://")
        public = urlsplit(settings.web_chat_url) if settings.web_chat_url else None
        self.public_origin = f"{public.scheme}://{public.netloc}" if public else None
        package = files("bot.web_chat") / "page"
        self.page_files = {
            path: ((package / name).read_bytes(), kind) for path, (name, kind) in PAGE_FILES.items()
        }
        self._server: HTTPServer | None = None
        self.port: int | None = None

    def application(self) -> tornado.web.Application:
        site = {"site": self}
        return tornado.web.Application(
            [
                (r"/api/session", SessionHandler, site),
                (r"/api/messages", MessagesHandler, site),
                (r"/api/say", SayHandler, site),
                (r"/api/tap", TapHandler, site),
                (r"/api/start", StartHandler, site),
                (r"/api/exit", ExitHandler, site),
                (r"(/|/chat\.js|/chat\.css)", PageHandler, site),
            ],
            # Tornado's access log names each client's address; nothing here may.
            log_function=lambda handler: None,
            default_handler_class=NotFoundHandler,
            default_handler_args=site,
        )

    async def start(self, port: int | None = None) -> int:
        """Listen on WEB_CHAT_LISTEN and WEB_CHAT_PORT (or `port`; 0 for any free one)."""
        listen = self.settings.web_chat_listen
        wanted = self.settings.web_chat_port if port is None else port
        sockets = bind_sockets(wanted or 0, address=listen)
        # Behind the trust's proxy on this machine, the client's address is in its headers.
        self._server = HTTPServer(
            self.application(), xheaders=listen in LOOPBACK, max_body_size=MAX_BODY_BYTES
        )
        self._server.add_sockets(sockets)
        self.port = int(sockets[0].getsockname()[1])
        _LOGGER.info("Web chat listening on %s:%s", listen, self.port)
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Handler(tornado.web.RequestHandler):
    site: WebChatSite

    def initialize(self, site: WebChatSite) -> None:
        self.site = site

    def set_default_headers(self) -> None:
        self.set_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        # A shared family tablet or school computer keeps no copy of the page.
        self.set_header("Cache-Control", "no-store")

    def log_exception(self, *args: Any) -> None:
        _LOGGER.error("Web chat request failed", exc_info=args if len(args) == 3 else None)

    def refuse(self, status: int, words: Wording) -> None:
        self.set_status(status)
        self.finish({"error": words.for_audience(None, self.reader_language())})

    def reader_language(self) -> str:
        """The language the page is showing (it says so), else the browser's, else English."""
        shown = self.request.headers.get("X-Chat-Language", "")
        if shown in LANGUAGES:
            return shown
        return browser_language(self.request.headers.get("Accept-Language", "").split(",")[0])

    def check_origin(self) -> bool:
        """A POST must come from the chat's own page (no other site can make one)."""
        origin = self.request.headers.get("Origin")
        expected = self.site.public_origin or f"{self.request.protocol}://{self.request.host}"
        return origin == expected

    def address_allowed(self) -> bool:
        key = self.site.addresses.key(self.request.remote_ip or "")
        return self.site.per_address.allow(key)

    async def prepare(self) -> None:
        if self.request.method == "POST" and not self.check_origin():
            self.refuse(403, WRONG_PLACE)
        elif self.request.path.startswith("/api/") and not self.address_allowed():
            self.refuse(429, TOO_FAST)

    async def session(self) -> int | None:
        token = self.get_cookie(COOKIE)
        if not token:
            return None
        return await web_chat.find_session(self.site.hub.application.services.db, token_hash(token))

    def body(self) -> dict[str, Any]:
        try:
            found = json.loads(self.request.body or b"{}")
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}


class PageHandler(Handler):
    async def get(self, path: str) -> None:
        content, kind = self.site.page_files[path]
        self.set_header("Content-Type", kind)
        self.finish(content)


class NotFoundHandler(Handler):
    async def prepare(self) -> None:
        self.set_status(404)
        self.finish({"error": "Not found."})


class SessionHandler(Handler):
    async def post(self) -> None:
        services = self.site.hub.application.services
        session_id = await self.session()
        if session_id is None:
            key = self.site.addresses.key(self.request.remote_ip or "")
            if not self.site.new_sessions.allow(key):
                return self.refuse(429, TOO_FAST)
            token = secrets.token_urlsafe(32)
            session_id = await web_chat.open_session(services.db, token_hash(token), services.now())
        else:
            token = self.get_cookie(COOKIE) or ""
        await web_chat.mark_seen(services.db, session_id, services.now())
        # Sent again each visit, so the two weeks count from the last one.
        self.set_cookie(
            COOKIE,
            token,
            max_age=SESSION_DAYS * 86400,
            httponly=True,
            secure=self.site.secure_cookie,
            samesite="Strict",
        )
        self.finish(await self.site.hub.page(session_id, after=0, wait=0))


class MessagesHandler(Handler):
    async def get(self) -> None:
        session_id = await self.session()
        if session_id is None:
            return self.refuse(401, NOT_HERE)
        after = int(_number(self.get_query_argument("after", "0"), 0))
        # The page waits the most; a shorter wait is for tools and tests.
        wait = min(max(_number(self.get_query_argument("wait", ""), POLL_SECONDS), 0), POLL_SECONDS)
        self.finish(await self.site.hub.page(session_id, after=after, wait=wait))


def _number(text: str, default: float) -> float:
    try:
        return float(text)
    except ValueError:
        return default


class Sending(Handler):
    """A POST from a session that acts in the chat: within its limits."""

    async def sending_session(self) -> int | None:
        session_id = await self.session()
        if session_id is None:
            self.refuse(401, NOT_HERE)
            return None
        if not self.site.per_session.allow(str(session_id)):
            self.refuse(429, TOO_FAST)
            return None
        return session_id


class SayHandler(Sending):
    async def post(self) -> None:
        session_id = await self.sending_session()
        if session_id is None:
            return
        text = self.body().get("text")
        if not isinstance(text, str) or not text.strip():
            return self.refuse(400, EMPTY)
        if len(text) > MAX_TEXT:
            return self.refuse(413, TOO_LONG)
        shown = await self.site.hub.says(session_id, text.strip())
        self.finish({"id": shown.id, "seq": shown.seq})


class TapHandler(Sending):
    async def post(self) -> None:
        session_id = await self.sending_session()
        if session_id is None:
            return
        body = self.body()
        message, data = body.get("message"), body.get("data")
        if not isinstance(message, int) or not isinstance(data, str):
            return self.refuse(400, OLD_BUTTON)
        if not await self.site.hub.taps(session_id, message, data):
            return self.refuse(409, OLD_BUTTON)
        self.finish({})


class StartHandler(Sending):
    async def post(self) -> None:
        session_id = await self.sending_session()
        if session_id is None:
            return
        body = self.body()
        payload, language = body.get("payload"), body.get("language")
        if not (isinstance(payload, str) and PAYLOAD.match(payload)):
            payload = None  # a mangled link still starts the chat, without its review
        if not (isinstance(language, str) and BROWSER_LANGUAGE.match(language)):
            language = None
        await self.site.hub.starts(session_id, payload, language)
        self.finish({})


class ExitHandler(Handler):
    async def post(self) -> None:
        session_id = await self.session()
        if session_id is not None:
            await web_chat.clear_messages(self.site.hub.application.services.db, session_id)
        self.finish({})
