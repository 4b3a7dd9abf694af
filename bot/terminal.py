"""`feedbackbot try`: chat with the real application in a terminal, no token needed.

The bot's messages print here; inline buttons are numbered and chosen by
typing the number. Updates go through the same `Application` and handlers as
the real bot, over the in-process transport, and everything is stored in the
configured SQLite database.

Safeguarding alerts show here too, marked as the contacts' chat would get them,
also when no SAFEGUARDING_CHAT_IDS are configured: trying the bot shows the
whole loop, from a child's words to the alert a person acts on.
"""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path
from typing import TextIO

from bot.app import build_application, running
from bot.settings import Settings
from bot.transport import ApiCall, ChatSimulator, InProcessBotApi

TERMINAL_USER_ID = 100_000_001
# Where alerts go in the terminal when no contacts' chat is configured (never a real chat).
TERMINAL_CONTACTS_CHAT = -1_000_000_001
CONTACTS = "    [safeguarding contacts' chat] "
QUIT_WORDS = {"/quit", "/exit"}
PROMPT = "you> "


# Buttons that only move through the questions: with nothing else shown, the question
# asks for words, and a number typed there is an answer ("14"), not a button.
MOVES = frozenset({"Skip ➡️", "⬅️ Back"})


class TerminalChat:
    def __init__(
        self,
        output: TextIO,
        person_chat: int = TERMINAL_USER_ID,
        copies: Path | None = None,
    ) -> None:
        self.output = output
        self.person_chat = person_chat
        # Where documents the bot sends (a practitioner's copy) are saved.
        self.copies = copies
        self.waiting = False
        self.buttons: list[tuple[str, str]] = []
        self.buttons_message_id = 0

    def show(self, call: ApiCall) -> None:
        if call.method == "answerCallbackQuery" and call.params.get("text"):
            self._print(f"bot: {call.params['text']}")
        if call.method == "editMessageReplyMarkup" and call.buttons:
            # A ticked choice in a pick-several question: show the buttons as they are now.
            self._show_buttons(call.buttons, int(call.params.get("message_id") or 0))
        if call.method == "copyMessage":
            self._print(f"{CONTACTS}(a copy of what you sent)")
        if call.method not in {"sendMessage", "sendDocument", "sendPhoto"}:
            return
        text = html.unescape(re.sub(r"<[^>]+>", "", call.text))
        if call.chat_id is not None and call.chat_id != self.person_chat:
            # What a safeguarding contact would see; its buttons are theirs, not yours.
            self._print(CONTACTS + text.replace("\n", "\n" + CONTACTS))
            if call.buttons:
                self._print(CONTACTS + " | ".join(f"[{label}]" for label, _ in call.buttons))
            return
        self._print("bot: " + text.replace("\n", "\n     "))
        if call.method != "sendMessage":
            self._print(f"     [{call.method[4:].lower()} attached{self._save(call)}]")
        if call.buttons:
            self._show_buttons(call.buttons, call.message_id or 0)

    def pressable(self) -> bool:
        """Whether a number typed now chooses a button, rather than being an answer."""
        return bool(self.buttons) and not all(label in MOVES for label, _ in self.buttons)

    def _save(self, call: ApiCall) -> str:
        """Save an attached file under `copies`; say where, as the chat would offer it."""
        if self.copies is None or not call.files:
            return ""
        name, content = next(iter(call.files.items()))
        filename, data = (content[0], content[1]) if isinstance(content, tuple) else (name, content)
        self.copies.mkdir(parents=True, exist_ok=True)
        path = self.copies / Path(str(filename)).name
        path.write_bytes(data if isinstance(data, bytes) else str(data).encode())
        return f", saved as {path}"

    def _show_buttons(self, buttons: list[tuple[str, str]], message_id: int) -> None:
        self.buttons = buttons
        self.buttons_message_id = message_id
        for number, (label, _) in enumerate(buttons, start=1):
            self._print(f"     [{number}] {label}")

    def prompt(self) -> None:
        """Show the "you> " prompt; what arrives while it waits is printed above a new one."""
        self.output.write(PROMPT)
        self.output.flush()
        self.waiting = True

    def typed(self) -> None:
        self.waiting = False

    def _print(self, line: str) -> None:
        # An alert or broadcast arriving while they type goes on its own line, and the
        # prompt comes back under it, not "you> bot: …".
        self.output.write(("\n" if self.waiting else "") + line + "\n")
        if self.waiting:
            self.output.write(PROMPT)
        self.output.flush()


async def chat_in_terminal(settings: Settings, input_stream: TextIO, output: TextIO) -> None:
    terminal = TerminalChat(output, copies=settings.database_path.parent / "copies")
    api = InProcessBotApi(on_call=terminal.show)
    if not settings.safeguarding_chat_ids:
        settings = settings.model_copy(update={"safeguarding_chat_ids": (TERMINAL_CONTACTS_CHAT,)})
    application = build_application(settings, request=api)
    person = ChatSimulator(TERMINAL_USER_ID, first_name="You")
    output.write(
        "Chatting with the feedback bot in this terminal. Type a message, or the number of a "
        "button. /quit to leave.\n"
    )
    async with running(application):
        await application.process_update(person.text("/start", application.bot))
        while True:
            terminal.prompt()
            line = await asyncio.to_thread(input_stream.readline)
            terminal.typed()
            if not line or line.strip() in QUIT_WORDS:
                output.write("\nBye!\n")
                return
            typed = line.rstrip("\n")
            choice = typed.strip()
            if not choice:
                continue  # Telegram sends no empty messages; Enter alone is a slip
            if (
                terminal.pressable()
                and choice.isdigit()
                and 1 <= int(choice) <= len(terminal.buttons)
            ):
                data = terminal.buttons[int(choice) - 1][1]
                update = person.press(data, application.bot, message_id=terminal.buttons_message_id)
            else:
                update = person.text(typed, application.bot)
            await application.process_update(update)


TRY_WEB_PORT = 8080
TERMINAL_CONTACT_ID = 100_000_002


async def web_chat_with_terminal_contacts(
    settings: Settings, input_stream: TextIO, output: TextIO
) -> None:
    """`feedbackbot try --web`: the web chat on this machine, with no token.

    The page is the person's side. This terminal is the safeguarding contacts' chat:
    alerts print here, and what is typed here is said there (`/reply SG-… words`), so
    the whole loop can be tried, from a child's words in the page to a reply that
    reaches it.
    """
    contacts_chat = (settings.safeguarding_chat_ids or (TERMINAL_CONTACTS_CHAT,))[0]
    settings = settings.model_copy(
        update={
            "safeguarding_chat_ids": (contacts_chat,),
            "web_chat_port": settings.web_chat_port or TRY_WEB_PORT,
        }
    )
    terminal = TerminalChat(output, person_chat=contacts_chat)
    application = build_application(settings, request=InProcessBotApi(on_call=terminal.show))
    contact = ChatSimulator(
        TERMINAL_CONTACT_ID, chat_id=contacts_chat, chat_type="group", first_name="You"
    )
    async with running(application):
        site = application.web_chat_site
        output.write(
            f"The web chat is at http://{settings.web_chat_listen}:{site.port}/ : open it in a"
            " browser.\nThis terminal is the safeguarding contacts' chat: alerts show here, and"
            " what you type is said there (/reply SG-… your words). /quit to stop.\n"
        )
        while True:
            terminal.prompt()
            line = await asyncio.to_thread(input_stream.readline)
            terminal.typed()
            if not line or line.strip() in QUIT_WORDS:
                output.write("\nBye!\n")
                return
            choice = line.strip()
            if not choice:
                continue
            if (
                choice.isdigit()
                and terminal.pressable()
                and 1 <= int(choice) <= len(terminal.buttons)
            ):
                data = terminal.buttons[int(choice) - 1][1]
                update = contact.press(
                    data, application.bot, message_id=terminal.buttons_message_id
                )
            else:
                update = contact.text(choice, application.bot)
            await application.process_update(update)
