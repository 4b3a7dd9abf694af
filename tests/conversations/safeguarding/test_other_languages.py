"""Disclosures in Polish, Urdu and Punjabi reach the contacts; help words work in each;
words the screener cannot read go to a person instead of passing silently."""

import pytest

from tests.support import Person, alerts, delivered, rows


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("pl", "ojciec mnie bije kiedy mama wychodzi z domu"),
        ("ur", "میرے ابو مجھے بہت مارتے ہیں"),
        ("ur", "mere abbu mujhe roz maarte hain jab ammi ghar pe nahi hoti"),
        ("pa", "ਮੇਰਾ ਪਿਓ ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ"),
    ],
)
async def test_a_disclosure_in_another_language_reaches_the_contacts(app, bot_api, language, words):
    person = Person(app, bot_api, 8181)
    person.sim.language_code = language
    await person.says(words)
    await delivered(app)
    assert any(words in alert for alert in alerts(bot_api))
    [event] = await rows(app, "SELECT strength FROM safeguarding_events")
    assert event["strength"] == "alert"


@pytest.mark.parametrize("help_word", ["pomocy", "ਮਦਦ", "مدد"])
async def test_a_help_word_in_another_language_gets_help_now(app, bot_api, help_word):
    person = Person(app, bot_api, 8282)
    await person.says(help_word)
    assert any("999" in reply for reply in person.replies)


async def test_words_the_screener_cannot_read_go_to_a_person(app, bot_api):
    person = Person(app, bot_api, 8383)
    await person.says("ਮੈਨੂੰ ਸਕੂਲ ਵਿੱਚ ਬਹੁਤ ਮਜ਼ਾ ਆਉਂਦਾ ਹੈ ਅਤੇ ਮੇਰੇ ਦੋਸਤ ਚੰਗੇ ਹਨ")
    [event] = await rows(app, "SELECT strength, category FROM safeguarding_events")
    assert (event["strength"], event["category"]) == ("review", "unscreened")
