"""Names written in Urdu script or Gurmukhi, removed from quotes."""

from analysis.deidentify import deidentify
from analysis.script_names import names_in_script


def test_a_listed_name_goes_in_urdu_and_in_gurmukhi():
    assert names_in_script("میری سوشل ورکر سارہ بہت اچھی ہے") == (
        "میری سوشل ورکر [name] بہت اچھی ہے"
    )
    assert names_in_script("ਮੇਰੀ ਸੋਸ਼ਲ ਵਰਕਰ ਹਰਪ੍ਰੀਤ ਕੌਰ ਹੈ") == "ਮੇਰੀ ਸੋਸ਼ਲ ਵਰਕਰ [name] [name] ਹੈ"


def test_a_name_that_is_also_a_word_goes_only_after_a_cue():
    assert names_in_script("مجھے امید ہے کہ مدد ملے گی") == "مجھے امید ہے کہ مدد ملے گی"
    assert "امید" not in names_in_script("میرا نام امید ہے")


def test_english_and_text_with_neither_script_are_left_to_the_english_rules():
    assert names_in_script("my worker is kind") == "my worker is kind"
    assert deidentify("میرا نام علی ہے") == "میرا نام [name] ہے"
