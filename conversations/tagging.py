"""Tag every free-text answer with themes and sentiment as it is stored."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from conversations.engine import StoredAnswer
from storage import repository


async def tag_answer(update: Update, context: BotContext, answer: StoredAnswer) -> None:
    """Store the answer's themes, sentiment and key phrases (a fraction of a millisecond)."""
    if not answer.text:
        return
    result = context.services.tagger.tag(answer.text, answer.flow.audience_group)
    await repository.save_analysis(
        context.db,
        answer_id=answer.answer_id,
        polarity=result.sentiment.polarity,
        label=result.sentiment.label,
        key_phrases=list(result.key_phrases),
        themes=[(t.id, t.confidence, t.evidence, t.polarity) for t in result.themes],
    )
