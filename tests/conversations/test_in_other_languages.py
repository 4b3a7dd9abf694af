"""A Polish-speaking parent and an Urdu-speaking young person each complete their flow
without meeting an English sentence; their answers count like anyone's."""

from __future__ import annotations

import re

from conversations import texts
from conversations.catalogues import translated
from conversations.flows import PARENT_CARER, YOUNG_PERSON
from conversations.translating import english_texts
from tests.support import KIND_WORDS, Person, flow_replies, rows

# Little words any English sentence has; a translated message has none of them.
ENGLISH_WORDS = re.compile(
    r"\b(?:the|you|your|we|our|what|is|are|and|of|this|that|with|how|it|please)\b",
    re.IGNORECASE,
)


def english_in(message: str) -> list[str]:
    """English sentences in a message: any English text of the bot's, or English words."""
    # Commands, phone numbers and names stay as they are in every language.
    plain = re.sub(r"/[a-z_]+|SG-\w+|Childline|NSPCC|Telegram", "", message)
    found = [
        english.text
        for english in english_texts()
        if len(english.text.split()) >= 3 and english.text in plain
    ]
    words = ENGLISH_WORDS.findall(plain)
    return found + ([f"English words: {words}"] if len(words) >= 2 else [])


def assert_no_english(person: Person) -> None:
    for message in person.replies:
        assert not english_in(message), message
    for call in person.messages:
        for label, _ in call.buttons:
            if "Język" not in label:  # the language button names itself in every language
                assert not english_in(label) or label in {"OK"}, label


def translate_reply(reply: str, language: str) -> str:
    """What a person reading `language` taps or types for one of the English replies."""
    return OWN_WORDS[language] if reply == KIND_WORDS else translated(reply, language)


OWN_WORDS = {
    "pl": "Pani z opieki była bardzo miła i nas słuchała",
    "ur": "میری ورکر بہت اچھی ہے اور میری بات سنتی ہے",
}


async def test_a_polish_speaking_parent_completes_their_flow_in_polish(app, bot_api):
    parent = Person(app, bot_api, 6161)
    parent.sim.language_code = "pl-PL"
    await parent.says("/start")
    await parent.taps(translated("I'm a parent or carer", "pl"))
    await parent.taps(translated("Yes, let's start", "pl"))
    services, *replies = flow_replies(PARENT_CARER, "parent")
    await parent.taps("▫️ " + translated(services, "pl"))
    await parent.taps(texts.DONE.for_audience("parent", "pl"))
    for reply in replies:
        await parent.answers(translate_reply(reply, "pl"))
    assert_no_english(parent)
    [response] = await rows(app, "SELECT status FROM responses")
    assert response["status"] == "complete"
    words = await rows(app, "SELECT language FROM answers WHERE text IS NOT NULL")
    assert {answer["language"] for answer in words} == {"pl"}


async def test_an_urdu_speaking_young_person_completes_their_flow_in_urdu(app, bot_api):
    young = Person(app, bot_api, 7171)
    young.sim.language_code = "ur"
    await young.says("/start")
    await young.taps(translated("I'm a young person", "ur"))
    await young.taps(translated("OK, let's start", "ur"))
    for reply in flow_replies(YOUNG_PERSON, "teen", {"age": "12 to 15"}):
        await young.answers(translate_reply(reply, "ur"))
    assert_no_english(young)
    [response] = await rows(app, "SELECT status FROM responses")
    assert response["status"] == "complete"
    ratings = await rows(app, "SELECT choice FROM answers WHERE step_id = 'age'")
    assert ratings == [{"choice": "teen"}], "a choice in Urdu is the same choice"


async def test_words_in_another_language_wait_to_be_tagged_by_hand_in_themes(app, bot_api):
    from tests.support import contacts_chat, feedback, member

    await feedback(app, bot_api, 7272, "pani nigdy nie oddzwania, to jest problem")
    [answer] = await rows(
        app, "SELECT a.id, a.language, a.flagged FROM answers a WHERE a.text LIKE 'pani nigdy%'"
    )
    assert answer["language"] == "pl"
    # The screener cannot judge Polish it has no words for: a person reads it first.
    assert answer["flagged"] == 1
    [event] = await rows(app, "SELECT id, category FROM safeguarding_events")
    assert event["category"] == "unscreened"
    lead = contacts_chat(app, bot_api)
    await lead.presses_data(f"sgnot|{event['id']}")
    await lead.presses_data(f"sgnoty|{event['id']}")
    assert not await rows(app, "SELECT * FROM answer_themes WHERE answer_id = ?", answer["id"])
    team = await member(app, bot_api, 7373)
    await team.says("/themes")
    assert "waiting to be tagged by hand: 1" in team.last_reply
    await team.taps("🌐 Tag by hand")
    assert "pani nigdy nie oddzwania" in team.last_reply
    assert "(in Polish)" in team.last_reply


async def test_help_privacy_and_forget_are_in_their_language_too(app, bot_api):
    person = Person(app, bot_api, 7474)
    person.sim.language_code = "ur"
    await person.says("/start")
    await person.taps(translated("I'm a young person", "ur"))
    await person.taps(translated("OK, let's start", "ur"))
    await person.says("میرے ابو مجھے بہت مارتے ہیں")  # a disclosure: the help reply
    await person.says("/help")
    await person.says("/privacy")
    await person.says("/forget")
    await person.taps(translated("Yes, delete it", "ur"))
    assert_no_english(person)
    assert any("0800 1111" in reply for reply in person.replies)
