"""The last pass of de-identification: English words that are also first names (Hope,
Will, Summer, Joy), taken for names where only a person can stand. Pure.

The name model must keep "Hope you read this" and "Will you ring me", so it lets
some of these names through. Here a word from the list goes only in a place that
says "a person": beside a removed name ("summer and [name] are my sisters"), with
"me" ("Mark n me got moved"), before an age ("Joy is 4", "Summer (8)"), before
the role a person has ("Hope the social worker", "Brook the PA") and as the one
who is someone's relative or worker ("Will is my keyworker").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("name_words.json")
# Roles and relatives after which "is my …" or "the …" says the word before is a person.
ROLES = (
    r"(?:social worker|support worker|family support worker|key ?worker|foster (?:carer|mum|dad|"
    r"sister|brother|son|daughter|sons|daughters)|personal adviser|health visitor|"
    r"best (?:friend|frend|mate)|little (?:sister|brother)|big (?:sister|brother)|"
    r"step ?(?:sister|brother|mum|dad)|pa|sw|iro|worker|mentor|carer|teacher|nurse|friend|"
    r"frend|mate|bestie|sister|brother|cousin|cusin|twin|son|daughter|nan|gran|aunt|auntie|"
    r"uncle|mum|dad|girlfriend|boyfriend|partner|cleaner|manager|officer|therapist|"
    r"counsellor|advocate|youth worker)"
)
# Up to two words that describe the role ("my new foster", "the best"), not a clause
# ("sky is the limit my teacher says").
DESCRIBING = r"(?:(?!(?:my|our|his|her|their|your|the|a|an|says|said|and|but)\b)\w+ ){0,2}"
# How old someone is, in words: "is two" (not "one", as in "Hope is one of them").
AGE = (
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen)"
)
# Where a worker is from: "from the Leaving Care Team", "at the foyer".
SERVICES = (
    r"(?:team|council|trust|agency|foyer|hostel|drop-in|project|yot|unit|centre|center|hub|"
    r"office|charity|service|services|home|club)"
)
# Relatives and workers whose name may follow: "my gf summer".
PERSON = r"(?:gf|bf|girlfriend|boyfriend|brother|sister|bro|sis|cousin|worker|carer|mentor|pa)"
# Not after a word that makes it a thing ("the sky and me", "a cherry and [name]").
NOT_A_THING = "".join(
    f"(?<!\\b{before} )" for before in ("the", "a", "an", "my", "your", "his", "her", "our", "this")
)
SENTENCE_START = r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))"


@lru_cache(maxsize=1)
def word_names() -> frozenset[str]:
    """English words that are also first names ("hope", "will", "summer")."""
    words: dict[str, list[str]] = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(words["word_names"])


@lru_cache(maxsize=1)
def _contexts() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """(pattern, whether the word must be capitalised): each pattern's group "name" is a
    person where the word is one of `word_names`; the rest of the match stays."""
    word = r"(?P<name>[A-Za-z]+)"
    after_and = r"(?= (?:are|were|is|was|both|have|had)\b|[,.!?]|$)"
    return tuple(
        (re.compile(pattern, re.IGNORECASE), capitalised)
        for pattern, capitalised in (
            # Beside a name already removed, or with "me": "sky and [name]", "Mark n me".
            (rf"{NOT_A_THING}\b{word}(?= (?:and|n|&) (?:\[name\]|me\b))", False),
            (rf"\[name\] (?:and|&|n) {word}{after_and}", False),
            # Before an age: "Summer (8)", "Hope (care leaver, 19)", "Joy is 4", "Storm is two".
            (rf"{SENTENCE_START}{word}(?= \([^)]*\d| (?:is|was) {AGE}(?=[ ,.!?]|$))", False),
            # Named with a comma, by their role: "Chance, my mentor, went above and beyond".
            (rf"{SENTENCE_START}{word}(?=, (?:my|our|the|her|his) {DESCRIBING}{ROLES}\b)", False),
            # From or at a service: "Joy from the Leaving Care Team", "Bill from the agency".
            (rf"\b{word}(?= (?:from|at) the (?:[\w-]+ ){{0,2}}{SERVICES}\b)", True),
            # Called so: "a man called will".
            (rf"\b(?:man|boy|guy|lady|girl|woman|bloke) called {word}\b", False),
            # After a relative or worker of theirs: "my gf summer", "my worker rose is nice".
            (rf"\bmy {PERSON} {word}(?= (?:is|was|has|said|says|wont|won't|keeps|gets)\b)", False),
            # Before the role they have, within a sentence: "met Brook the PA". (At its
            # start, "Hope the social worker rings" is as likely to mean "I hope".)
            (rf"(?<=[a-z,] ){word}(?=,? the (?:new |old |lovely |best )?{ROLES}\b)", True),
            # The one who is someone's relative or worker: "Will is my keyworker".
            (
                rf"{SENTENCE_START}{word}(?= (?:is|was|has been) (?:my|our|his|her|the|a) "
                rf"{DESCRIBING}{ROLES}\b)",
                False,
            ),
        )
    )


def names_in_context(text: str) -> str:
    """`text` with each of `word_names` replaced where only a person can stand."""
    names = word_names()
    for pattern, capitalised in _contexts():

        def replaced(match: re.Match[str], capitalised: bool = capitalised) -> str:
            found = match.group("name")
            if found.lower() not in names or (capitalised and not found[0].isupper()):
                return match.group(0)
            start, end = match.start("name") - match.start(), match.end("name") - match.start()
            return match.group(0)[:start] + "[name]" + match.group(0)[end:]

        text = pattern.sub(replaced, text)
    return text
