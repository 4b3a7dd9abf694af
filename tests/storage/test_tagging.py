"""Tagging follows the words an answer holds now; corrections outlive a change."""

from storage import migrations, responses, tagging
from storage.database import Database, apply_migrations, open_database


async def typed_answer(db: Database, text: str | None, *, skipped: bool = False) -> int:
    response = await responses.create_response(
        db, respondent="p3", flow_id="yp", audience_group="young_person", audience="teen"
    )
    return await responses.save_answer(
        db, response_id=response.id, step_id="change", kind="text", text=text, skipped=skipped
    )


async def replace_answer(db: Database, answer_id: int, text: str | None) -> None:
    [row] = await db.read("SELECT response_id FROM answers WHERE id = ?", (answer_id,))
    await responses.save_answer(
        db,
        response_id=row[0],
        step_id="change",
        kind="text",
        text=text,
        skipped=text is None,
    )


async def tag(db: Database, answer_id: int, text: str, theme: str = "timeliness") -> bool:
    return await tagging.save_analysis(
        db,
        answer_id=answer_id,
        text=text,
        polarity=-0.5,
        label="negative",
        themes=[(theme, 0.8, "waited", -0.5)],
    )


async def tagging_of(db: Database, answer_id: int) -> tuple[int, list[tuple[str, str]]]:
    analysis = await db.read("SELECT 1 FROM answer_analysis WHERE answer_id = ?", (answer_id,))
    themes = await db.read(
        "SELECT theme_id, source FROM answer_themes WHERE answer_id = ? ORDER BY theme_id",
        (answer_id,),
    )
    return len(analysis), [(row[0], row[1]) for row in themes]


async def test_changing_an_answer_drops_the_tagging_of_its_old_text_but_not_corrections(db):
    answer_id = await typed_answer(db, "waited ages for a call")
    assert await tag(db, answer_id, "waited ages for a call")
    await tagging.correct_theme(
        db, answer_id=answer_id, theme_id="safety", action="add", corrected_by="t1"
    )
    await replace_answer(db, answer_id, "my worker is lovely")
    assert await tagging_of(db, answer_id) == (0, [("safety", "correction")])


async def test_corrected_answers_carry_the_themes_they_have_after_correction(db):
    corrected = await typed_answer(db, "waited ages for a call")
    await tag(db, corrected, "waited ages for a call")
    untouched = await typed_answer(db, "my worker is lovely")
    await tag(db, untouched, "my worker is lovely", theme="relationship_with_worker")
    for theme, action in (("communication", "add"), ("timeliness", "remove")):
        await tagging.correct_theme(
            db, answer_id=corrected, theme_id=theme, action=action, corrected_by="t1"
        )
    [row] = await tagging.corrected_answers(db)
    assert (row.text, row.themes) == ("waited ages for a call", ("communication",))


async def test_skipping_an_answer_that_had_words_leaves_no_themes_at_all(db):
    answer_id = await typed_answer(db, "waited ages for a call")
    await tag(db, answer_id, "waited ages for a call")
    await tagging.correct_theme(
        db, answer_id=answer_id, theme_id="safety", action="add", corrected_by="t1"
    )
    await replace_answer(db, answer_id, None)
    assert await tagging_of(db, answer_id) == (0, [])


async def test_giving_the_same_words_again_keeps_the_tagging(db):
    answer_id = await typed_answer(db, "waited ages for a call")
    await tag(db, answer_id, "waited ages for a call")
    await replace_answer(db, answer_id, "waited ages for a call")
    assert await tagging_of(db, answer_id) == (1, [("timeliness", "tagger")])


async def test_tagging_of_words_the_answer_no_longer_has_is_not_stored(db):
    answer_id = await typed_answer(db, "waited ages for a call")
    await replace_answer(db, answer_id, "my worker is lovely")
    assert not await tag(db, answer_id, "waited ages for a call")
    assert await tagging_of(db, answer_id) == (0, [])


async def test_untagged_answers_are_the_typed_ones_without_tagging_in_id_order(db):
    tagged = await typed_answer(db, "tagged already")
    await tag(db, tagged, "tagged already")
    skipped = await typed_answer(db, None, skipped=True)
    first = await typed_answer(db, "first")
    second = await typed_answer(db, "second")
    assert skipped < first < second

    page = await tagging.untagged_answers(db, after_id=0, limit=1)
    assert [(a.id, a.text, a.audience_group) for a in page] == [(first, "first", "young_person")]
    assert [a.id for a in await tagging.untagged_answers(db, after_id=first, limit=5)] == [second]


async def test_the_migration_clears_tagging_left_on_skipped_and_since_changed_answers(tmp_path):
    db = await open_database(tmp_path / "old.sqlite3", [])
    try:
        await migrations_apply(db, up_to=9)
        skipped = await old_typed_answer(db, "had words once")
        await old_tag(db, skipped, "had words once")
        changed = await old_typed_answer(db, "old words")
        await old_tag(db, changed, "old words")
        current = await old_typed_answer(db, "current words")
        await old_tag(db, current, "current words")
        # As a version without the trigger left them: the answers changed after tagging.
        await db.write("UPDATE answers SET text = NULL, skipped = 1 WHERE id = ?", (skipped,))
        await db.write(
            "UPDATE answers SET text = 'new words', answered_at = '9999' WHERE id = ?", (changed,)
        )

        await migrations_apply(db)

        assert await tagging_of(db, skipped) == (0, [])
        assert await tagging_of(db, changed) == (0, [])
        assert await tagging_of(db, current) == (1, [("timeliness", "tagger")])
    finally:
        await db.close()


async def old_typed_answer(db: Database, text: str) -> int:
    """An answer as a version-9 database stored it (before answers named an event)."""
    response = await responses.create_response(
        db, respondent="p3", flow_id="yp", audience_group="young_person", audience="teen"
    )
    rows = await db.write(
        "INSERT INTO answers (response_id, step_id, kind, text, skipped, answered_at)"
        " VALUES (?, ?, 'text', ?, 0, '2026-01-01') RETURNING id",
        (response.id, f"step{response.id}", text),
    )
    return int(rows[0][0])


async def old_tag(db: Database, answer_id: int, text: str) -> None:
    """Tagging as a version-9 database stored it (with key phrases)."""
    await db.write(
        "INSERT INTO answer_analysis (answer_id, polarity, label, key_phrases, tagged_at)"
        " VALUES (?, -0.5, 'negative', '[]', '2026-01-01')",
        (answer_id,),
    )
    await db.write(
        "INSERT INTO answer_themes (answer_id, theme_id, confidence, evidence, polarity, source)"
        " VALUES (?, 'timeliness', 0.8, ?, -0.5, 'tagger')",
        (answer_id, text),
    )


async def migrations_apply(db: Database, *, up_to: int | None = None) -> None:
    await apply_migrations(db.conn, migrations.OPERATIONAL, up_to=up_to)
