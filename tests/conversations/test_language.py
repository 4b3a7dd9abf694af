"""A person reads the bot in the language kept with their place, chosen or preselected."""

from conversations import catalogues, texts
from conversations.language import LANGUAGES, language_of
from conversations.models import Wording
from tests.support import start_young_person


def test_a_language_nobody_offers_is_read_as_english():
    assert language_of({"language": "xx"}) == "en"
    assert language_of(None) == "en"


async def test_the_bot_answers_in_the_language_kept_with_the_persons_place(
    app, young_person, monkeypatch
):
    only_words = Wording(texts={"default": "I can only read typed words."})
    monkeypatch.setattr(texts, "ONLY_WORDS", only_words)
    monkeypatch.setitem(
        catalogues.catalogue("pl"),
        "I can only read typed words.",
        catalogues.Translation("Czytam tylko wpisane słowa.", checked=False),
    )
    await start_young_person(young_person)
    await young_person.sends("sticker")
    assert "I can only read typed words." in young_person.replies[-2]

    app.user_data[young_person.chat_id]["language"] = "pl"  # a private chat: its id is theirs
    await young_person.sends("sticker")
    assert "Czytam tylko wpisane słowa." in young_person.replies[-2]


def test_each_language_is_named_in_its_own_language_and_script():
    assert LANGUAGES == {"en": "English", "pl": "Polski", "ur": "اردو", "pa": "ਪੰਜਾਬੀ"}


async def test_the_greeting_offers_a_language_and_the_choice_sticks(app, young_person):
    await young_person.says("/start")
    assert any("Język" in label for label, _ in young_person.last_buttons)
    await young_person.taps("🌐")
    assert [label for label, _ in young_person.last_buttons] == list(LANGUAGES.values())
    await young_person.taps("Polski")
    assert app.user_data[young_person.chat_id]["language"] == "pl"
    # Asked again, now in Polish: the greeting's words are no longer the English ones.
    assert "Who is talking to me?" not in young_person.last_reply


async def test_language_works_in_the_middle_of_a_flow_and_asks_the_question_again(
    app, young_person
):
    await start_young_person(young_person)
    asked = young_person.last_reply
    await young_person.says("/language")
    await young_person.taps("English")
    assert young_person.last_reply == asked


async def test_telegrams_language_chooses_until_the_person_does(app, bot_api):
    from tests.support import Person

    polish = Person(app, bot_api, 3131)
    polish.sim.language_code = "pl-PL"
    await polish.says("/start")
    assert app.user_data[3131]["language"] == "pl"
    german = Person(app, bot_api, 3232)
    german.sim.language_code = "de"
    await german.says("/start")
    assert "language" not in app.user_data[3232]
