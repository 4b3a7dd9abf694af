"""A typed side question takes only words of its form and length, trimmed."""

import re

from telegram.ext import ConversationHandler

from conversations.engine import TypedQuestion


async def nowhere(update, context, words):
    return ConversationHandler.END


def test_a_typed_question_takes_words_of_its_form_and_length_trimmed():
    question = TypedQuestion(
        "q", "Which?", retry="Again, please.", then=nowhere, limit=6, form=re.compile(r"[a-z]+")
    )
    assert question.accepts("  abc \n") == "abc"
    assert question.accepts("   ") is None
    assert question.accepts("abcdefg") is None
    assert question.accepts("ab1") is None
