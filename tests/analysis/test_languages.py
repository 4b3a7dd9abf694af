"""Which language an answer is in: by script, then by words, then the reader's choice."""

import pytest

from analysis.languages import language_of_text


@pytest.mark.parametrize(
    ("text", "hint", "language"),
    [
        ("my worker listens to me", "en", "en"),
        ("Pani z opieki bardzo nam pomogła", "en", "pl"),
        ("pani z opieki bardzo nam pomogla", "en", "pl"),
        ("میری ورکر بہت اچھی ہے", "en", "ur"),
        ("ਮੇਰੀ ਵਰਕਰ ਬਹੁਤ ਚੰਗੀ ਹੈ", "en", "pa"),
        ("mujhe meri worker bohat achi lagti hai", "en", "ur"),
        ("menu meri worker bahut changi lagdi hai", "en", "pa"),
        ("ok", "pl", "pl"),
        ("she was kind and she listened to my son", "pl", "en"),
    ],
)
def test_an_answers_language(text, hint, language):
    assert language_of_text(text, hint) == language


def test_romanised_urdu_or_punjabi_running_through_english_is_noticed():
    from analysis.languages import mixed_with_english

    assert mixed_with_english("main apne arms pe cut karti hoon taake kisi ko pata na chale")
    assert mixed_with_english("mummy te ohde boyfriend di roz fight hundi, kal ohne push kita")
    assert not mixed_with_english("my worker is kind and she listens to me")
    assert not mixed_with_english("Mrs Khan se the meeting was fine")
