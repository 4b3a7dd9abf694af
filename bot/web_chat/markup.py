"""The bot's Telegram HTML, made safe to put in a web page, and as plain words.

The bot writes the small HTML that Telegram understands (bold, italics, code,
links). People's own words inside it are already escaped, but a web page must not
trust that: only these tags pass, links only to http(s) addresses, and
everything else is shown as text.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

ALLOWED = {
    "b": "b",
    "strong": "b",
    "i": "i",
    "em": "i",
    "u": "u",
    "ins": "u",
    "s": "s",
    "strike": "s",
    "del": "s",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "a": "a",
}


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.safe: list[str] = []
        self.plain: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = ALLOWED.get(tag)
        if kept is None:
            return
        if kept == "a":
            href = dict(attrs).get("href") or ""
            if not href.startswith(("https://", "http://")):
                return
            address = html.escape(href, quote=True)
            self.safe.append(f'<a href="{address}" target="_blank" rel="noopener noreferrer">')
        else:
            self.safe.append(f"<{kept}>")
        self.open.append(kept)

    def handle_endtag(self, tag: str) -> None:
        kept = ALLOWED.get(tag)
        if kept is not None and kept in self.open:
            # Close what was opened inside it too, so the page's HTML stays well formed.
            while self.open:
                last = self.open.pop()
                self.safe.append(f"</{last}>")
                if last == kept:
                    break

    def handle_data(self, data: str) -> None:
        self.safe.append(html.escape(data, quote=False))
        self.plain.append(data)


def to_page(telegram_html: str) -> tuple[str, str]:
    """(HTML safe to show in the page, the same as plain text for reading aloud)."""
    cleaner = _Cleaner()
    cleaner.feed(telegram_html)
    cleaner.close()
    closing = "".join(f"</{tag}>" for tag in reversed(cleaner.open))
    return "".join(cleaner.safe) + closing, "".join(cleaner.plain)
