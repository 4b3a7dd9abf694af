"""Tag every free-text answer with themes and sentiment.

An answer is tagged as it is stored. One the bot could not tag then (it was
stopped in between, or the write failed) is tagged by `tag_untagged`, which
runs at start-up and before every summary, so reports never miss an answer.
"""

from __future__ import annotations

from telegram import Update

from analysis.themes import load_taxonomy
from conversations.context import BotContext
from conversations.engine import StoredAnswer
from conversations.language import ENGLISH
from conversations.text_worker import TextWorker
from storage import tagging
from storage.database import Database

UNTAGGED_PER_QUERY = 200


def theme_labels() -> dict[str, str]:
    """Each theme's label by its id, as the team's tools show them."""
    return {theme.id: theme.label for theme in load_taxonomy().themes}


async def tag_answer(update: Update, context: BotContext, answer: StoredAnswer) -> None:
    """Store the answer's themes and sentiment (a millisecond or so). The model reads
    English only: words in another language wait for the team to tag them in /themes."""
    if answer.text and answer.language == ENGLISH:
        await tag_and_store(
            context.db,
            context.services.text,
            answer.answer_id,
            answer.text,
            answer.flow.audience_group,
        )


async def tag_untagged(db: Database, worker: TextWorker) -> int:
    """Tag every free-text answer that has no tagging yet; return how many were tagged."""
    tagged, after_id = 0, 0
    while answers := await tagging.untagged_answers(
        db, after_id=after_id, limit=UNTAGGED_PER_QUERY
    ):
        for answer in answers:
            if await tag_and_store(db, worker, answer.id, answer.text, answer.audience_group):
                tagged += 1
        after_id = answers[-1].id
    return tagged


async def tag_and_store(
    db: Database, worker: TextWorker, answer_id: int, text: str, group: str
) -> bool:
    """Tag one answer's text and store the result, unless the answer has changed meanwhile."""
    result = await worker.tag(text, group)
    return await tagging.save_analysis(
        db,
        answer_id=answer_id,
        text=text,
        polarity=result.sentiment.polarity,
        label=result.sentiment.label,
        themes=[(t.id, t.confidence, t.evidence, t.polarity) for t in result.themes],
    )
