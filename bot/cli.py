"""The `feedbackbot` command line. Each subcommand is a small function; add more below."""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TypeVar

from bot.log import configure_logging
from bot.settings import Mode, Settings, SettingsError, load_settings
from storage import migrations
from storage.database import (
    Database,
    DatabaseRefused,
    Migration,
    backup_database,
    open_database,
    schema_version,
)
from storage.models import CorrectedAnswer

EXIT_CONFIG = 2
T = TypeVar("T")

Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "command"):
        parser.print_help()
        return EXIT_CONFIG
    try:
        return int(args.command(args))
    except SettingsError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except DatabaseRefused as exc:
        print(f"Database refused: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="feedbackbot", description=__doc__)
    commands = parser.add_subparsers(title="commands")

    run = commands.add_parser("run", help="run the bot (long polling, or --webhook)")
    run.add_argument("--webhook", action="store_true", help="serve Telegram's webhook instead")
    run.set_defaults(command=run_bot)

    start = commands.add_parser(
        "start", help="run the bot if a token is configured, otherwise the terminal chat"
    )
    start.set_defaults(command=start_whichever)

    try_ = commands.add_parser("try", help="chat with the bot in this terminal, no token needed")
    try_.add_argument(
        "--web",
        action="store_true",
        help="serve the web chat on this machine instead (WEB_CHAT_PORT, default 8080); the"
        " terminal is the safeguarding contacts' chat",
    )
    try_.set_defaults(command=try_in_terminal)

    translations = commands.add_parser(
        "translations",
        help="how far each language's catalogue has come, and what no native speaker has checked",
    )
    translations.add_argument(
        "--language", help="list that language's unchecked texts (pl, ur, pa)"
    )
    translations.add_argument(
        "--update",
        action="store_true",
        help="rewrite the template from the code's English and merge it into every catalogue",
    )
    translations.set_defaults(command=list_translations)

    report = commands.add_parser(
        "report", help="build a reflection-window summary, push it to the store, and write it"
    )
    report.add_argument(
        "--window", help="YYYY-08 or YYYY-12 (default: the reflection window we are in)"
    )
    report.add_argument(
        "--kind",
        choices=["interim", "final"],
        help="default: final once the window's final summary is due, interim before",
    )
    report.add_argument("--format", choices=["md", "html", "csv", "json", "xlsx"], default="md")
    report.add_argument("--output", type=Path, help="file to write (default: standard output)")
    report.set_defaults(command=write_report)

    invite = commands.add_parser("invite", help="print a one-time invite code and deep link")
    invite.add_argument(
        "--role", required=True, choices=["practitioner", "participation", "safeguarding", "admin"]
    )
    invite.add_argument("--days", type=int, default=14, help="days until it expires (default 14)")
    invite.set_defaults(command=create_invite)

    tag = commands.add_parser(
        "tag", help="tag lines from standard input with themes, sentiment and safeguarding"
    )
    tag.set_defaults(command=tag_stdin)

    clean = commands.add_parser(
        "deidentify",
        help='remove identifying details: lines (text or {"text"}) in, {"text": …} lines out',
    )
    clean.set_defaults(command=deidentify_stdin)

    train = commands.add_parser(
        "train",
        help="rebuild the safeguarding, theme and name models from their labelled texts"
        " (needs scikit-learn)",
    )
    train.add_argument(
        "--with-corrections",
        action="store_true",
        help="also learn from the team's /themes corrections in the database, into a model"
        " of the trust's own next to it (the shipped models are left as they are)",
    )
    train.set_defaults(command=train_model)

    examples = commands.add_parser(
        "training-examples",
        help="write the words contacts marked 'not a concern' as labelled training texts",
    )
    examples.add_argument("path", type=Path, help="a .jsonl file to write")
    examples.set_defaults(command=export_training_examples)

    proposals = commands.add_parser(
        "taxonomy-proposals",
        help="phrases the team keeps adding by hand, proposed for analysis/taxonomy.json",
    )
    proposals.add_argument("--min-texts", type=int, default=3)
    proposals.set_defaults(command=taxonomy_proposals)

    staff_command = commands.add_parser("staff", help="who has a role, and removing one")
    staff_commands = staff_command.add_subparsers(title="staff commands", required=True)
    staff_commands.add_parser("list", help="staff by id, roles, name, team and when they joined")
    staff_commands.choices["list"].set_defaults(command=staff_list)
    revoke = staff_commands.add_parser("revoke", help="remove a role (or every role) at once")
    revoke.add_argument("id", help="the id `staff list` shows")
    revoke.add_argument("--role", help="only this role (default: every role)")
    revoke.set_defaults(command=staff_revoke)

    audit_command = commands.add_parser("audit", help="print or export the audit log")
    audit_command.add_argument("--since", help="from this date, YYYY-MM-DD (default: 30 days ago)")
    audit_command.add_argument("--until", help="up to, not including, this date (default: now)")
    audit_command.add_argument("--csv", type=Path, help="write CSV to this file instead")
    audit_command.set_defaults(command=audit_log)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(title="database commands", required=True)
    db_commands.add_parser("migrate", help="apply schema migrations").set_defaults(
        command=db_migrate
    )
    db_commands.add_parser("check", help="run the integrity check").set_defaults(command=db_check)
    backup = db_commands.add_parser("backup", help="copy the live database to PATH")
    backup.add_argument("path", type=Path)
    backup.add_argument("--reporting", action="store_true", help="back up the reporting store")
    backup.set_defaults(command=db_backup)
    restore = db_commands.add_parser(
        "restore", help="put a backup back in the database's place (refused while the bot runs)"
    )
    restore.add_argument("path", type=Path)
    restore.add_argument("--reporting", action="store_true", help="restore the reporting store")
    restore.set_defaults(command=db_restore)
    return parser


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


def train_model(args: argparse.Namespace) -> int:
    """Rebuild the shipped models (the same bytes for the same files), or with
    `--with-corrections` the trust's own theme model from the shipped texts and its
    corrections."""
    from analysis import (
        name_model,
        name_training,
        safeguarding_model,
        safeguarding_training,
        theme_model,
        theme_training,
    )

    if args.with_corrections:
        return train_with_corrections()
    model, report = safeguarding_training.train()
    safeguarding_model.save(model)
    themes, theme_report = theme_training.train()
    theme_model.save(themes)
    names, name_report = name_training.train()
    name_model.save(names)
    print(
        json.dumps({"safeguarding": report, "themes": theme_report, "names": name_report}, indent=2)
    )
    print(
        f"Wrote {safeguarding_model.MODEL_FILE}, {theme_model.MODEL_FILE} and"
        f" {name_model.MODEL_FILE}. Score each once: python -m bench.safeguarding_eval;"
        " python -m bench.theme_eval; python -m bench.deidentify_eval",
        file=sys.stderr,
    )
    return 0


def train_with_corrections() -> int:
    from analysis import theme_model, theme_training
    from conversations.services import trust_model_file
    from storage import tagging

    settings = settings_for("tool")

    async def corrected() -> list[CorrectedAnswer]:
        db = await open_database(settings.database_path, migrations.OPERATIONAL)
        try:
            return await tagging.corrected_answers(db)
        finally:
            await db.close()

    rows = asyncio.run(corrected())
    if not rows:
        print("No corrected answers yet: the shipped model is the trust's model.", file=sys.stderr)
        return 1
    extra = theme_training.corrected_examples([(r.text, r.group, r.themes) for r in rows])
    model, report = theme_training.train(extra=extra)
    path = trust_model_file(settings)
    theme_model.save(model, path)
    print(json.dumps(report, indent=2))
    print(
        f"Wrote {path} from {len(rows)} corrected answers and the shipped texts."
        " The bot uses it from its next start.",
        file=sys.stderr,
    )
    return 0


def export_training_examples(args: argparse.Namespace) -> int:
    """Words a safeguarding contact marked "not a concern", in the training folder's format.

    They are real people's words: the trust keeps the file with its other records,
    and adds it to `analysis/training/safeguarding/` only in its own copy.
    """

    from storage import safeguarding as records

    settings = settings_for("tool")

    async def marked() -> list[records.SafeguardingEvent]:
        db = await open_database(settings.database_path, migrations.OPERATIONAL)
        try:
            return await records.marked_not_a_concern(db)
        finally:
            await db.close()

    events = [e for e in asyncio.run(marked()) if not e.text.startswith("(")]
    lines = [
        json.dumps(
            {
                "text": event.text,
                "disclosure": False,
                "category": None,
                "speaker": "unknown",
                "style": f"marked not a concern by a contact ({event.reference})",
                "author": "contacts-not-a-concern",
            },
            ensure_ascii=False,
        )
        for event in events
    ]
    args.path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"Wrote {len(lines)} labelled texts to {args.path}.")
    return 0


def tag_stdin(args: argparse.Namespace) -> int:
    from analysis.tag_lines import tag_lines

    for output in tag_lines(sys.stdin):
        print(output, flush=True)
    return 0


def deidentify_stdin(args: argparse.Namespace) -> int:
    from analysis.tag_lines import deidentify_lines

    for output in deidentify_lines(sys.stdin):
        print(output, flush=True)
    return 0


def taxonomy_proposals(args: argparse.Namespace) -> int:
    import json

    from analysis.corrections import CorrectionLookup
    from analysis.themes import load_taxonomy
    from storage import tagging

    settings = settings_for("tool")

    async def propose() -> list[dict[str, object]]:
        db = await open_database(settings.database_path, migrations.OPERATIONAL)
        try:
            corrections = await tagging.list_corrections(db)
        finally:
            await db.close()
        return CorrectionLookup(corrections).proposals(load_taxonomy(), min_texts=args.min_texts)

    print(json.dumps(asyncio.run(propose()), indent=2, ensure_ascii=False))
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
