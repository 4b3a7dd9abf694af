"""What the `feedbackbot` subcommands do (`bot.cli` reads the command line): running,
reports, invites, translations, the database, staff and the audit log."""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from bot.log import configure_logging
from bot.settings import Mode, Settings, load_settings
from storage import migrations
from storage.database import (
    Database,
    DatabaseRefused,
    Migration,
    backup_database,
    open_database,
    schema_version,
)

EXIT_CONFIG = 2
T = TypeVar("T")


def settings_for(mode: Mode) -> Settings:
    settings = load_settings(mode=mode)
    secrets = (
        [settings.telegram_bot_token.get_secret_value()] if settings.telegram_bot_token else []
    )
    # The terminal chat is for people, not operators: only warnings reach its screen, such
    # as a safeguarding event being recorded (there is no contacts' chat to see it here).
    configure_logging(
        "WARNING" if mode == "try" else settings.log_level,
        secrets=secrets,
        log_format=settings.log_format,
    )
    return settings


def start_whichever(args: argparse.Namespace) -> int:
    if load_settings(mode="tool").telegram_bot_token is None:
        print("No TELEGRAM_BOT_TOKEN is configured, so here is the terminal chat instead.")
        return try_in_terminal(args)
    args.webhook = False
    return run_bot(args)


def run_bot(args: argparse.Namespace) -> int:
    from bot.app import build_application
    from bot.polling import serve_polling
    from bot.webhook import serve_webhook

    settings = settings_for("run")
    application = build_application(settings)
    if args.webhook:
        asyncio.run(serve_webhook(application, settings))
    else:
        asyncio.run(serve_polling(application))
    return 0


def try_in_terminal(args: argparse.Namespace) -> int:
    from bot.terminal import chat_in_terminal, web_chat_with_terminal_contacts

    settings = settings_for("try")
    if getattr(args, "web", False):
        asyncio.run(web_chat_with_terminal_contacts(settings, sys.stdin, sys.stdout))
    else:
        asyncio.run(chat_in_terminal(settings, sys.stdin, sys.stdout))
    return 0


def list_translations(args: argparse.Namespace) -> int:
    from conversations import translating

    if args.update:
        for path in translating.update_catalogues():
            print(f"Wrote {path}")
    if args.language:
        listed = translating.unchecked(args.language)
        for english, draft in listed:
            print(
                f"{english.where}\n  en: {english.text}\n  {args.language}: {draft or '(none yet)'}"
            )
        print(f"{len(listed)} texts in {args.language} not yet checked by a native speaker.")
        return 0
    print("language  translated  checked by a native speaker")
    for state in translating.catalogue_states():
        print(
            f"{state.language:<3} {state.name:<6} {state.translated:>4} of {state.texts}"
            f"  {state.checked:>4} of {state.texts}"
        )
    print("Drafts are used until checked; `--language pl` lists what is left to check.")
    return 0


def write_report(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from analysis import report_formats, report_workbook, reports
    from analysis.windows import kind_at, parse_window, window_containing
    from conversations.services import Services
    from conversations.summaries import build_and_push

    settings = settings_for("tool")
    now, tz = datetime.now(UTC), settings.tz
    try:
        window = parse_window(args.window) if args.window else window_containing(now, tz)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_CONFIG
    available = kind_at(window, now, tz)
    kind = args.kind or available
    if kind == "final" and available != "final":
        due = window.due("final", tz).strftime("%d %B %Y %H:%M %Z")
        print(
            f"The final summary of {window.id} can only be built from {due}, when the window "
            "is nearly over; use --kind interim until then.",
            file=sys.stderr,
        )
        return EXIT_CONFIG

    async def build() -> reports.Summary:
        services = Services(settings)
        await services.open()
        try:
            return await build_and_push(services, window, kind)
        finally:
            await services.close()

    summary = asyncio.run(build())
    writers: dict[str, Callable[[reports.Summary], str]] = {
        "md": report_formats.to_markdown,
        "html": report_formats.to_html,
        "csv": report_formats.to_csv,
        "json": reports.Summary.to_json,
    }
    if args.format == "xlsx":
        # A workbook is not text: it goes to a file, named for the window if not given.
        path = args.output or Path(f"practice-feedback-{window.id}-{kind}.xlsx")
        path.write_bytes(report_workbook.to_xlsx(summary))
        print(f"Wrote the {kind} report for {window.id} to {path}")
        return 0
    text = writers[args.format](summary)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"Wrote the {kind} report for {window.id} to {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def create_invite(args: argparse.Namespace) -> int:
    import secrets
    from datetime import UTC, datetime, timedelta

    from storage import staff
    from storage.pseudonym import keyed_hash

    settings = settings_for("tool")
    code = secrets.token_urlsafe(12)
    expires = datetime.now(UTC) + timedelta(days=args.days)

    async def store() -> None:
        db = await open_database(settings.database_path, migrations.OPERATIONAL)
        try:
            await staff.create_invite(
                db,
                code_hash=keyed_hash(settings.pseudonym_secret, "invite", code),
                role=args.role,
                expires_at=expires,
            )
        finally:
            await db.close()

    asyncio.run(store())
    bot = settings.bot_username or saved_bot_username(settings) or "<your_bot_username>"
    print(f"Invite for the {args.role} role, valid once until {expires:%d %B %Y %H:%M} UTC")
    print(f"Code: inv-{code}")
    print(f"Link: https://t.me/{bot}?start=inv-{code}")
    return 0


def saved_bot_username(settings: Settings) -> str | None:
    """The bot's @username as it last introduced itself (getMe, kept next to the database),
    so an invite link names the same bot as the links the bot itself gives out."""
    path = settings.database_path.with_name("bot-identity.json")
    try:
        username = json.loads(path.read_text(encoding="utf-8"))["result"]["username"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return str(username) if username else None


def db_migrate(args: argparse.Namespace) -> int:
    settings = settings_for("tool")

    async def migrate() -> None:
        for path, steps in _databases(settings):
            db = await open_database(path, steps)
            print(f"{path}: schema version {await schema_version(db.conn)}")
            await db.close()

    asyncio.run(migrate())
    return 0


def db_check(args: argparse.Namespace) -> int:
    settings = settings_for("tool")

    async def check() -> int:
        for path, steps in _databases(settings):
            try:
                db = await open_database(path, steps)
            except DatabaseRefused as exc:
                print(f"FAILED: {exc}", file=sys.stderr)
                return 1
            print(f"{path}: ok, schema version {await schema_version(db.conn)}")
            await db.close()
        return 0

    return asyncio.run(check())


def db_backup(args: argparse.Namespace) -> int:
    settings = settings_for("tool")
    source = settings.reporting_database_path if args.reporting else settings.database_path
    if not source.exists():
        print(f"{source} does not exist yet: nothing to back up.", file=sys.stderr)
        return 1
    asyncio.run(backup_database(source, args.path))
    print(f"Backed up {source} to {args.path}")
    return 0


def _with_database(work: Callable[[Database], Awaitable[T]]) -> T:
    settings = settings_for("tool")

    async def run() -> T:
        db = await open_database(settings.database_path, migrations.OPERATIONAL)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(run())


def staff_list(args: argparse.Namespace) -> int:
    from storage import staff

    members = _with_database(staff.list_staff)
    print(f"{'id':<10}{'roles':<28}{'name':<24}{'team':<24}joined")
    for m in members:
        name, team = m.display_name or "-", m.team or "-"
        print(f"{m.id:<10}{m.roles:<28}{name:<24}{team:<24}{m.joined_at[:10]}")
    return 0


def staff_revoke(args: argparse.Namespace) -> int:
    from storage import audit, staff

    async def revoke(db: Database) -> str | None:
        revoked = await staff.revoke(db, args.id, args.role)
        removed = ", ".join(revoked.roles) if revoked else None
        detail = f"{args.id}: {removed or 'nothing'}"
        await audit.audit(db, actor="command line", action="role revoked", detail=detail)
        return removed

    removed = _with_database(revoke)
    if removed is None:
        print(f"No one with id {args.id} holds that role; `feedbackbot staff list` shows ids.")
        return 1
    # Their command menu is tidied when the bot next starts; the role is gone at once.
    print(f"Removed {removed} from {args.id}: refused from their next message.")
    return 0


def audit_log(args: argparse.Namespace) -> int:
    import csv
    from datetime import UTC, datetime, timedelta

    from storage import audit

    now = datetime.now(UTC)
    since = args.since or (now - timedelta(days=30)).date().isoformat()
    until = args.until or (now + timedelta(seconds=1)).isoformat()
    entries = _with_database(lambda db: audit.entries_between(db, since, until))
    columns = ["id", "created_at", "actor", "action", "detail", "allowed"]
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            writer.writerows(entries)
        print(f"Wrote {len(entries)} audit entries to {args.csv}")
        return 0
    for entry in entries:
        allowed = "allowed" if entry["allowed"] else "REFUSED"
        print(
            f"{entry['created_at']}  {entry['actor'][:8]:<10}{allowed:<9}{entry['action']}"
            f"{': ' + entry['detail'] if entry['detail'] else ''}"
        )
    return 0


def db_restore(args: argparse.Namespace) -> int:
    from bot.backups import restore

    settings = settings_for("tool")
    target = settings.reporting_database_path if args.reporting else settings.database_path
    try:
        restore(args.path, target)
    except (RuntimeError, OSError, sqlite3.Error) as exc:
        print(f"Not restored: {exc}.", file=sys.stderr)
        return 1
    print(f"Restored {target} from {args.path}")
    return 0


def _databases(settings: Settings) -> list[tuple[Path, tuple[Migration, ...]]]:
    return [
        (settings.database_path, migrations.OPERATIONAL),
        (settings.reporting_database_path, migrations.REPORTING),
    ]
