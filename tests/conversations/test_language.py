"""A person reads the bot in the language kept with their place (English until issue 25)."""

from conversations import texts
from conversations.language import LANGUAGES, language_of
from conversations.models import Wording
from tests.support import start_young_person


def test_a_language_nobody_offers_is_read_as_english():
    assert language_of({"language": "xx"}) == "en"
    assert language_of(None) == "en"


async def test_the_bot_answers_in_the_language_kept_with_the_persons_place(
    app, young_person, monkeypatch
):
    monkeypatch.setitem(LANGUAGES, "pl", "Polski")
    only_words = Wording(
        texts={"default": "I can only read typed words."},
        translations={"pl": {"default": "Czytam tylko wpisane słowa."}},
    )
    monkeypatch.setattr(texts, "ONLY_WORDS", only_words)
    await start_young_person(young_person)
    await young_person.sends("sticker")
    assert "I can only read typed words." in young_person.replies[-2]

    app.user_data[young_person.chat_id]["language"] = "pl"  # a private chat: its id is theirs
    await young_person.sends("sticker")
    assert "Czytam tylko wpisane słowa." in young_person.replies[-2]
