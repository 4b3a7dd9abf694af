"""Which language an answer is written in: English, Polish, Urdu or Punjabi. Pure.

By script first (Urdu's Arabic letters, Punjabi's Gurmukhi), then by words: Polish
letters and little words, romanised Urdu and Punjabi by theirs ("mujhe", "nahi";
"menu", "tusi"). Short answers say little, so the reader's chosen language
(`hint`) decides when the words do not.
"""

from __future__ import annotations

import re

ENGLISH, POLISH, URDU, PUNJABI = "en", "pl", "ur", "pa"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
GURMUKHI = re.compile(r"[\u0a00-\u0a7f]")
POLISH_LETTERS = re.compile(r"[ąćęłńóśźż]", re.IGNORECASE)
WORD = re.compile(r"[a-ząćęłńóśźż']+", re.IGNORECASE)
POLISH_WORDS = _words(
    "nie jest się mnie mi mój moja moje jak tak ale bardzo dobrze źle zle jestem był była "
    "dziecko dzieci syn córka corka pani nam nas oni ona czy że ze bo się sie "
    "pomoc pomogła pomogl też tez tylko jeszcze kiedy gdy z w na od przez dla są mam ma jej ich"
)
URDU_WORDS = _words(
    "mujhe mujhay mera meri mere hum hamara hamari aap ap hai hain nahi nahin nai kya "
    "aur bohat bahut bhot acha acchi achi bura buri ghar walid ammi abbu abu bhai behen "
    "karte karti kiya gaya gayi tha thi se ko ka ki ke"
)
PUNJABI_WORDS = _words(
    "menu mainu sanu tusi tuhanu mera meri sada sadi hai ne nahi nai ki da di de nu "
    "bahut changa changi maada mada ghar papa mummy bhra kardi karda karde si"
)
# Words that tell Punjabi from Urdu when both lists match.
ONLY_PUNJABI = _words("menu mainu sanu tusi tuhanu sada sadi changa changi maada mada nu si")
ONLY_URDU = _words("mujhe mujhay hum hamara hamari aap ap kya acha acchi achi walid")


def language_of_text(text: str, hint: str = ENGLISH) -> str:
    """The language `text` is in; `hint` (the reader's choice) where the words do not say."""
    if GURMUKHI.search(text):
        return PUNJABI
    if ARABIC_SCRIPT.search(text):
        return URDU
    words = [word.lower() for word in WORD.findall(text)]
    if not words:
        return hint
    # A Polish name in English ("Mrs Wiśniewska") is not Polish: most of the words must be.
    polish = sum(word in POLISH_WORDS or bool(POLISH_LETTERS.search(word)) for word in words)
    if polish / len(words) >= 0.3 and (polish >= 2 or len(words) <= 2):
        return POLISH
    south_asian = _share(words, URDU_WORDS | PUNJABI_WORDS)
    if south_asian >= 0.3 and len(words) >= 2:
        punjabi, urdu = len(ONLY_PUNJABI & set(words)), len(ONLY_URDU & set(words))
        if punjabi != urdu:
            return PUNJABI if punjabi > urdu else URDU
        return hint if hint in (URDU, PUNJABI) else URDU
    if hint != ENGLISH and len(words) < 3:
        return hint  # "ok", "tak": too short to tell; as they chose
    return ENGLISH


def _share(words: list[str], known: frozenset[str]) -> float:
    return sum(word in known for word in words) / len(words)


# For the team's reports, which are in English.
NAMES = {ENGLISH: "English", POLISH: "Polish", URDU: "Urdu", PUNJABI: "Punjabi"}


def quoted_in(text: str, language: str) -> str:
    """A quote as reports show it: as written, marked with its language unless English."""
    return text if language == ENGLISH else f"{text} (in {NAMES.get(language, language)})"


# Little words of romanised Urdu and Punjabi that English does not use.
ROMANISED_MARKERS = _words(
    "hai hain nahi nahin nai nhi mujhe mujhay mera meri mere menu mainu sanu tusi kya kar karta "
    "karti karte kardi karda karde kiya kita kiti ko se te nu ch aa haan hoon hun ton vich wich "
    "tha thi si bohot bohat bahut ghar wala wali walay diyan dian ohne ohde usne uske unke"
)


def mixed_with_english(text: str) -> bool:
    """Whether romanised Urdu or Punjabi runs through a mostly English text ("main apne
    thighs pe cut karti hoon"): two or more of its little words, and a tenth of the words."""
    words = [word.lower() for word in WORD.findall(text)]
    markers = {word for word in words if word in ROMANISED_MARKERS}
    return len(markers) >= 2 and len([w for w in words if w in markers]) >= 0.1 * len(words)
