"""Security: the webhook secret, no token or text in logs, raw ids only where deletable."""

import asyncio
import logging

import httpx

from bot.webhook import SECRET_HEADER, webhook_app
from tests.support import (
    TEST_TOKEN,
    YOUNG_PERSON_ANSWERS,
    Person,
    free_port,
    start_young_person,
)

SECRET = "right-secret-token_123"


async def test_webhook_requests_without_the_secret_get_403_and_change_nothing(app, bot_api):
    port = free_port()
    server = webhook_app(app, SECRET, "/telegram").listen(port, address="127.0.0.1")
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 1,
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            "chat": {"id": 5, "type": "private"},
            "from": {"id": 5, "is_bot": False, "first_name": "A"},
        },
    }
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            missing = await client.post("/telegram", json=update)
            wrong = await client.post("/telegram", json=update, headers={SECRET_HEADER: "wrong"})
            assert (missing.status_code, wrong.status_code) == (403, 403)
            await asyncio.sleep(0.2)
            assert bot_api.sent_to(5) == []
            right = await client.post("/telegram", json=update, headers={SECRET_HEADER: SECRET})
            assert right.status_code == 200
            for _ in range(100):
                if bot_api.sent_to(5):
                    break
                await asyncio.sleep(0.02)
            assert "Who is talking to me?" in bot_api.sent_to(5)[0].text
            # Telegram sends it again (our 200 was lost): stored once, handled once.
            again = await client.post("/telegram", json=update, headers={SECRET_HEADER: SECRET})
            assert again.status_code == 200
            await asyncio.sleep(0.2)
            assert len(bot_api.sent_to(5)) == 1
            [stored] = await app.services.db.read("SELECT update_id, handled_at FROM inbox")
            assert stored[0] == 1 and stored[1] is not None
            garbage = await client.post(
                "/telegram", content=b"not json", headers={SECRET_HEADER: SECRET}
            )
            assert garbage.status_code == 400
    finally:
        server.stop()


async def test_the_token_and_what_people_write_never_reach_the_logs(
    app, young_person, bot_api, caplog
):
    caplog.set_level(logging.DEBUG)
    canary = "zebra-canary-7731"
    await start_young_person(young_person)
    answers = list(YOUNG_PERSON_ANSWERS)
    answers[6] = f"{canary} my worker is kind"
    await young_person.answers(*answers)
    await young_person.says(f"{canary} dad beats me")  # a disclosure is logged by reference only
    bot_api.responders["sendMessage"] = lambda call: (_ for _ in ()).throw(
        httpx.ConnectError(f"https://api.telegram.org/bot{TEST_TOKEN}/sendMessage")
    )
    await young_person.says(f"{canary} anything")
    assert canary not in caplog.text
    assert TEST_TOKEN not in caplog.text


async def test_telegram_ids_are_stored_raw_only_in_the_deletable_tables(app, bot_api):
    ids = [731_001, 731_002]
    for user_id in ids:
        person = Person(app, bot_api, user_id)
        await start_young_person(person)
        await person.answers(*YOUNG_PERSON_ANSWERS)
    await Person(app, bot_api, 731_003).says("my stepdad hits me")
    allowed = {"ptb_state", "contacts"}
    async with app.services.db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    ) as c:
        tables = [row[0] for row in await c.fetchall()]
    for table in tables:
        if table in allowed:
            continue
        async with app.services.db.conn.execute(f"SELECT * FROM {table}") as cursor:
            for row in await cursor.fetchall():
                values = " ".join(str(value) for value in tuple(row))
                for user_id in [*ids, 731_003]:
                    assert str(user_id) not in values, (table, values)
