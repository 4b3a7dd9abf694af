"""Responses and answers: each answer written the moment it arrives."""

import asyncio

from storage import responses
from storage.database import Database


async def latest_answer_time(db: Database, response_id: int) -> str:
    rows = await db.read(
        "SELECT MAX(answered_at) FROM answers WHERE response_id = ?", (response_id,)
    )
    return str(rows[0][0])


async def test_answering_keeps_the_response_fresh_for_retention(db):
    response = await responses.create_response(
        db, respondent="p1", flow_id="yp", audience_group="young_person", audience="teen"
    )
    await asyncio.sleep(0.005)
    first = await responses.save_answer(
        db, response_id=response.id, step_id="mood", kind="choice", choice="good"
    )
    touched = await responses.get_response(db, response.id)
    assert touched is not None and touched.updated_at > response.updated_at
    assert touched.updated_at == await latest_answer_time(db, response.id)

    await asyncio.sleep(0.005)
    again = await responses.save_answer(
        db, response_id=response.id, step_id="mood", kind="choice", choice="ok"
    )
    retouched = await responses.get_response(db, response.id)
    assert again == first
    assert retouched is not None and retouched.updated_at > touched.updated_at
    assert [a.choice for a in await responses.list_answers(db, response.id)] == ["ok"]


async def test_the_age_answer_sets_the_audience(db):
    response = await responses.create_response(
        db, respondent="p2", flow_id="yp", audience_group="young_person", audience="teen"
    )
    await responses.save_answer(
        db, response_id=response.id, step_id="age", kind="choice", choice="child", audience="child"
    )
    stored = await responses.get_response(db, response.id)
    assert stored is not None and stored.audience == "child"
