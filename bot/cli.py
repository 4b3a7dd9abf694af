"""The `feedbackbot` command line: its parser. Each subcommand is a small function in
`bot.commands` (or `bot.text_commands` for the text models); add one there and here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.commands import (
    EXIT_CONFIG,
    audit_log,
    create_invite,
    db_backup,
    db_check,
    db_migrate,
    db_restore,
    list_translations,
    run_bot,
    staff_list,
    staff_revoke,
    start_whichever,
    try_in_terminal,
    write_report,
)
from bot.settings import SettingsError
from bot.text_commands import (
    deidentify_stdin,
    export_training_examples,
    tag_stdin,
    taxonomy_proposals,
    train_model,
)
from storage.database import DatabaseRefused

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


if __name__ == "__main__":
    sys.exit(main())
