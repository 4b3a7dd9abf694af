"""The `feedbackbot` subcommands for the text models: training, tagging and
de-identifying from the command line, and proposals for the taxonomy."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.commands import settings_for
from storage import migrations
from storage.database import open_database
from storage.models import CorrectedAnswer


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
