"""Every free-text answer ends up tagged, also when the bot could not tag it as it arrived."""

from analysis.windows import parse_window
from bot.app import build_application, running
from conversations.summaries import build_and_push
from conversations.tagging import tag_untagged
from storage import responses, tagging

WORDS = "she never rings back"


async def store_without_tagging(db, text: str = WORDS) -> int:
    """An answer as it is left when the bot stops between storing and tagging it."""
    response = await responses.create_response(
        db, respondent="yp1", flow_id="yp", audience_group="young_person", audience="teen"
    )
    return await responses.save_answer(
        db, response_id=response.id, step_id="change", kind="text", text=text
    )


async def themes_of(db, answer_id: int) -> list[str]:
    return await tagging.answer_theme_ids(db, answer_id)


async def test_answers_left_untagged_are_tagged_when_the_bot_starts(settings, bot_api):
    async with running(build_application(settings, request=bot_api)) as app:
        answer_id = await store_without_tagging(app.services.db)
        assert await themes_of(app.services.db, answer_id) == []
    async with running(build_application(settings, request=bot_api)) as app:
        assert "communication" in await themes_of(app.services.db, answer_id)
        [row] = await app.services.db.read(
            "SELECT label FROM answer_analysis WHERE answer_id = ?", (answer_id,)
        )
        assert row[0] == "negative"


async def test_building_a_summary_first_tags_any_answer_left_untagged(app):
    answer_id = await store_without_tagging(app.services.db)
    await build_and_push(app.services, parse_window("2026-12"), "interim")
    assert "communication" in await themes_of(app.services.db, answer_id)


async def test_tagging_what_was_missed_tags_each_answer_once(app):
    db = app.services.db
    missed = [await store_without_tagging(db, f"{WORDS}, time {n}") for n in range(3)]
    assert await tag_untagged(db, app.services.text) == 3
    assert await tag_untagged(db, app.services.text) == 0
    for answer_id in missed:
        assert "communication" in await themes_of(db, answer_id)
