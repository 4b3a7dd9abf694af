"""The web chat: the same bot in a web page the trust hosts itself, for the children
Telegram's terms leave out (under 16 in the UK).

- `hub.py`: web visitors as chats of the one application (updates in, messages out);
- `server.py`: the page and its JSON API, and what keeps it safe on the internet;
- `markup.py`: the bot's HTML made safe for a page;
- `limits.py`: limits per session and per address, in memory;
- `page/`: the page itself (HTML, CSS and a small script; nothing from other sites).
"""

from bot.web_chat.hub import WebChat, WebChatRequest
from bot.web_chat.server import WebChatSite

__all__ = ["WebChat", "WebChatRequest", "WebChatSite"]
