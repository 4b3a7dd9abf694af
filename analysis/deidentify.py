"""Removing identifying details from a quote before it reaches a report. Pure.

Two steps:
1. Rules remove the details with a form: phone numbers, emails, postcodes,
   street addresses and Traveller sites' pitches, dates of birth, school names,
   social-media handles, links, case references and names after a title, each
   replaced with a placeholder such as "[phone]" (`remove_details`).
2. For the words left, the rules guess which are names (capitalised proper nouns,
   known first names, words in a person's place: "my worker leanne", "me and kez"),
   and the name model (`analysis/name_model.py`) decides, with that guess as one of
   its clues: it removes names the rules miss and keeps the ordinary words they
   would take ("Hope you read this").
3. English words that are also first names go where only a person can stand
   ("summer and [name] are my sisters", `analysis/name_contexts.py`), and names
   written in Urdu script or Gurmukhi go (`analysis/script_names.py`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

from textblob.en import lexicon, spelling
from textblob.en import tag as pos_tag

from analysis import name_model
from analysis.languages import ENGLISH, language_of_text
from analysis.name_contexts import names_in_context
from analysis.name_model import NameModel, Token
from analysis.script_names import names_in_script
from analysis.text import TEXT_SPEAK

NAMES_FILE = Path(__file__).with_name("given_names.json")

# Words before a school word, of which `_school` keeps those that are not its name.
GENERIC_SCHOOL = re.compile(
    r"\b(?:[A-Za-z'.-]+\s){1,5}(?:primary|secondary|academy|high school|grammar|infants|"
    r"juniors|junior school|college|school)\b",
    re.IGNORECASE,
)
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("[email]", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("[link]", re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    ("[handle]", re.compile(r"(?<!\w)@\w[\w.]{1,}\w")),
    # A user name after the app it is on ("my snap is lil.shay_x"), or any word with "_".
    (
        "[handle]",
        re.compile(
            r"(?P<keep>(?i:\b(?:snap|snapchat|insta|instagram|tiktok|psn|xbox|discord|gamertag)"
            r"\s+(?:(?:is|its|it's|name|handle|username|me|:)\s+){0,2}))[\w.]*[\d_.][\w.]*\w|"
            r"\b[A-Za-z]\w*_\w+\b"
        ),
    ),
    # With spaces, dots, dashes or brackets anywhere: "(01632) 960555", "07841-227-903".
    ("[phone]", re.compile(r"(?:\+44\s?\(?0?\)?|\(?\b0)(?:[\s.()-]{0,2}\d){9,10}\b")),
    ("[postcode]", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)),
    (
        "[date]",
        re.compile(
            r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|"
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
            r"[a-z]*\.?,?\s+(?:19|20)\d{2}\b|"
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|"
            r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|"
            r"nov|dec)\b\.?",
            re.IGNORECASE,
        ),
    ),
    # A Traveller site's pitch or plot, and the site: "pitch 4, Meadow Lane site".
    (
        "[address]",
        re.compile(
            r"\b(?:pitch|plot|bay)\s+\d+[a-z]?\b(?:,?\s+(?:(?:on|at)\s+)?(?:the\s+)?"
            r"(?:[\w']+\s+){0,3}(?:site|park)\b|\s+at\s+[A-Z][\w']+(?:\s+[A-Z][\w']+)?)?",
            re.IGNORECASE,
        ),
    ),
    (
        "[address]",
        re.compile(
            # Not "7 at Oak Hill High" nor "a 20 min walk".
            r"\b\d{1,4}[a-z]?,?\s+(?!(?:at|on|in|of|and|to|or|for|from|min|mins|minutes?|hours?|"
            r"miles?|km|metres?|years?|yrs?|weeks?|days?|times?)\b)"
            r"(?:[A-Za-z']+\s){1,3}(?:road|rd|street|st|avenue|ave|lane|ln|close|"
            r"drive|dr|way|court|ct|crescent|place|grove|gardens|terrace|hill|row|walk|view|mews|"
            r"square|parade)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "[address]",
        re.compile(
            r"\b(?:flat|apartment|apt)\.?\s+\d+[A-Za-z]?\b(?:,?\s+(?:[A-Za-z']+\s+){0,2}"
            r"(?:house|court|tower|heights|point|lodge|mansions|building|block)\b)?",
            re.IGNORECASE,
        ),
    ),
    ("[address]", re.compile(r"\b(?:[A-Z][\w']+\s+){1,2}[Ee]state\b")),
    (
        "[school]",
        re.compile(
            r"\b(?:St|Saint)\.?\s+[A-Z][\w']+(?:\s+(?:C\s?of\s?E|CofE|CE|RC|Catholic|"
            r"Church of England))?\s+(?:Primary|Academy|High School|School|College|Infants|"
            r"Juniors|Junior School|Nursery)\b"
        ),
    ),
    (
        "[school]",
        re.compile(
            r"(?i:\b(?:st|saint)\.?\s+[a-z]+(?:'s)?(?:\s+(?:c\s?of\s?e|cofe|ce|rc|catholic|"
            r"church of england))?\s+(?:primary|academy|high|school|college|infants|juniors?|"
            r"nursery)\b(?:\s+school\b)?)|(?i:\b(?<=\bat\s)(?:st|saint)\.?\s+[a-z]+'s\b)"
        ),
    ),
    (
        "[school]",
        re.compile(
            r"\b(?:[A-Z][\w'-]+\s+){1,2}(?:Pupil Referral Unit|PRU)\b|(?i:\b(?!(?:the|a|an|my|to|at|in)\b)[a-z]+\s+pru\b)"
        ),
    ),
    # In lower case, after "at" or "go to": "at greenacre junior", "i go oak hill high".
    (
        "[school]",
        re.compile(
            r"(?P<keep>\b(?:go to|goes to|went to|attends?|attended|at|go)\s+)"
            r"(?!(?:the|a|an|my|his|her|their|our|this|that|new|old|big|secondary|sixth)\b)"
            r"(?:[a-z']+\s+){1,3}(?:primary|juniors?|high|infants|academy|college)\b(?:\s+school\b)?"
        ),
    ),
    ("[school]", GENERIC_SCHOOL),
    (
        "[reference]",
        re.compile(
            r"\b(?:[A-Z]{2,5}[-/]?\d{3,}(?:[-/]\d+)*|\d{6,}|(?-i:[A-Z]{2,5})\s\d{5,})\b|"
            # Parts joined by / or -, one of three digits or more: "CIN/22/4471",
            # "2023/CP/0716", "LC-22-0419"; not "50/50" nor "2019-2020".
            r"(?-i:\b(?!(?:19|20)\d\d[-/](?:19|20)?\d\d\b)(?=[A-Z0-9/-]*\d{3})"
            r"(?:[A-Z]{2,5}|\d{2,8})(?:[-/](?:[A-Z]{2,5}|\d{2,8})){1,3}\b)|"
            r"\b(?:case|ref|reference|nhs)\b\.?\s*(?:no\.?|number|id|#)?\s*:?\s*"
            r"(?=[A-Z0-9/-]*\d)[A-Z0-9](?:[A-Z0-9/-]|\s(?=\d)){3,}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "[name]",
        re.compile(
            r"\b(?:[Mm]r|[Mm]rs|[Mm]s|[Mm]iss|[Mm]x|[Dd]r)\.?\s+[A-Za-z][A-Za-z']*(?:-[A-Za-z]+)*|"
            r"\b(?:[Nn]an|[Nn]anny|[Aa]unty|[Aa]untie|[Uu]ncle)\s+[A-Z][a-z]+(?:['-][A-Za-z]+)*"
        ),
    ),
)
# The word after a title is a name if it is capitalised, a known first name, or not
# an English word: "Miss Jones", "mr ahmed", but not "I miss my brother".
TITLE = re.compile(r"^(\w+\.?\s+)([A-Za-z][A-Za-z'-]+)$")
# The last word of a team's or service's name: the capitalised words before it are its name.
ORGANISATION = re.compile(
    r"\b(?:[A-Z][a-z']+\s+){0,4}(?:Team|Hub|Services?|Officer|Visitor|Worker|Advis[eo]r|"
    r"Interview|Credit|Panel|Centre|Center|Unit|Board|Partnership|Trust|Council|Court|Clinic|"
    r"Hospital|Surgery|Project|Programme|Group|Network|Line|Association|Charity|Housing|Police|"
    r"Department|Office|Agency|Foundation|Forum|Care|Help|Support|Health|Benefit|Allowance)\b"
)
STRONG_CUE = re.compile(
    r"(?i:\b((?:is|was)\s+called\s+|named\s+|name\s+(?:is|was)\s+|names\s+|"
    r"me\s+(?:and|n|an|&)\s+|tell\s+|(?:nanny|granny|nan|nana|mummy|daddy|auntie|aunty|uncle)"
    r"\s+))([a-z][a-z'-]+)\b"
)
WORDS_FILE = Path(__file__).with_name("name_words.json")


def _word_list(key: str) -> frozenset[str]:
    words: dict[str, list[str]] = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(words[key])


# Words after a naming cue that are not names ("me and my mum", "tell them").
NOT_AFTER_CUE = _word_list("not_after_cue")
# Generic words that a school pattern must not eat on their own ("at school").
SCHOOL_GENERIC = _word_list("school_generic")
# Capitalised words that are not names.
NOT_NAMES = _word_list("not_names")
# Words after "call me" or in quotes that are not nicknames ("call me back").
NOT_NICKNAMES = _word_list("not_nicknames")
# A lower-case word where a person's name usually stands: after a naming word or a
# person ("is called", "my worker", "me and", "with") or before what people do ("said").
PERSON_WORDS = _word_list("person_words")
KINSHIP = frozenset({"nan", "nanny", "aunty", "auntie", "uncle"})
SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|^\W+)$")
CAPITAL_WORD = re.compile(r"\b[A-Z][a-zA-Z']*[a-z][a-zA-Z']*(?:-[A-Za-z][a-zA-Z']*)*\b")
# After these a word names a thing, not a person ("a teddy", "the Trust").
THING_BEFORE = re.compile(r"\b(?:a|an|the|this|these|those|some|any)\s+$", re.IGNORECASE)
IRISH_NAME = re.compile(r"\b[Oo]'[A-Za-z]{2,}\b")
# Nicknames: "call me smudge", "goes by jojo", "known as 'Bella B'".
NICKNAME = re.compile(
    r"(?i:\b((?:call(?:s|ed)?|calling)\s+(?:me|him|her|them|herself|himself)\s+|goes\s+by\s+|"
    r"known\s+as\s+|nick\s?name(?:\s+is)?\s+|(?:is|was|are|were)\s+called\s+|named\s+|"
    r"name\s+is\s+))(['\"‘“]?)([A-Za-z][\w-]*(?:\s[A-Z][\w-]*)?)(\2)"
)
QUOTED_NICKNAME = re.compile(
    r"(?i:\b((?:call(?:s|ed)?|calling)\s+(?:me|him|her|them|herself|himself)\s+(?:[a-z]+\s+){0,2}|"
    r"goes\s+by\s+|known\s+as\s+|nick\s?name(?:\s+is)?\s+))(['\"‘“])([^'\"‘’“”]{1,30})(['\"’”])"
)
AFTER_PERSON_CUE = re.compile(
    r"\b((?:(?:is|was|are|were)\s+called|named|name\s+is|name's|"
    rf"(?:{'|'.join(sorted(PERSON_WORDS))})(?:\s+(?:is|was))?(?:\s+called)?|me\s+(?:and|n|an|&)|"
    r"with|told|"
    r"asked)\s+)([a-z][a-z'-]+)\b(?=(?:\s+([a-z]+))?)"
)
BEFORE_PERSON_VERB = re.compile(
    r"(?<![\w\[])([a-z][a-z'-]+)(\s+(?:said|says|told|tells|helped|helps|came|comes|rang|rings|"
    r"phoned|listens|listened|visits|visited|explained|explains|talks|talked|understands|"
    r"pushed|hit|hits|hurt|hurts|kicked|punched|bullied|bullies|shouted|shouts|took|takes|"
    r"picked|drove|brought|gave|gives|messaged|texted|texts|sent|"
    r"and\s+me|and\s+i|n\s+me|an\s+me|n\s+i)\b)"
)
# Endings of English words whose stem the lexicon knows ("whacks", "shouting", "werent").
SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "est", "ness", "y", "nt")
NOUN_TAGS = frozenset({"NN", "NNS"})
OWNERS = frozenset({"my", "your", "our", "their"})
# A lower-case word the English lexicon lacks, starting a sentence before "is": "kez is".
FIRST_WORD_IS = re.compile(r"(?:^|(?<=[.!?]\s))([a-z][a-z'-]+)(\s+(?:is|was)\b)")
SURNAME_PARTICLE = re.compile(r"\[name\] (?:van|de|der|den|von|da|di|le|la)(?: \[name\])+")
# Not an age: "when i was 16 [name] got me a room".
HOUSE_NUMBER = re.compile(
    r"(?<!\bwas )(?<!\bis )(?<!\bam )(?<!\baged )(?<!\bage )(?<!\bturned )(?<!\byear )"
    r"\b\d{1,4}[A-Za-z]?,?\s+\[name\](?:\s\[name\])?"
)
BEFORE_SURNAME = re.compile(r"\b([A-Z][a-z]+) \[name\]")
AFTER_FIRST_NAME = re.compile(
    r"(?<=\[name\] )(?:(?!I\b)[A-Z][a-zA-Z']*|[a-z]+(?:-[a-z]+)+|(?:van|de|der|von|da|di|le|la)"
    r"(?:\s(?:der|den|de|la))?\s[A-Z][a-zA-Z']+)\b"
)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(json.loads(NAMES_FILE.read_text(encoding="utf-8")))


def deidentify(text: str, names: NameModel | Literal["shipped"] | None = "shipped") -> str:
    """The text with every identifying detail replaced by a placeholder.

    The rules remove the details with a form (numbers, emails, addresses, schools,
    titled names). Then, for the remaining words, the name model (`names`, by default
    the shipped one) judges each word, the rules' own guess among its evidence; with
    `names=None`, the rules alone decide. The model learnt English: in another language
    it would take ordinary words for names ("nigdy nie"), so the rules alone decide there.
    """
    details = remove_details(text)
    by_rules = names_by_rules(details)
    if names == "shipped" and language_of_text(text) != ENGLISH:
        names = None
    model = name_model.load() if names == "shipped" else names
    found = (
        by_rules if model is None else without_names(details, candidates(details, by_rules), model)
    )
    return names_in_script(names_in_context(found))


def without_names(details: str, found: Sequence[tuple[Token, list[str]]], model: NameModel) -> str:
    """`details` with each word the model judges a name, of those `found`, replaced."""
    kept: list[str] = []
    last = 0
    for word, features in found:
        if model.chance(features) >= model.threshold:
            possessive = "'s" if word.text.endswith(name_model.POSSESSIVE) else ""
            kept.extend((details[last : word.start], "[name]" + possessive))
            last = word.end
    kept.append(details[last:])
    return HOUSE_NUMBER.sub("[address]", "".join(kept))


def remove_details(text: str) -> str:
    """The details with a form: emails, links, phones, postcodes, dates, addresses,
    schools, references, and names after a title ("Mrs Okafor")."""
    result = text
    for placeholder, pattern in RULES:
        if pattern is GENERIC_SCHOOL:
            result = pattern.sub(lambda m: _school(m), result)
        elif placeholder == "[name]":
            result = pattern.sub(_titled, result)
        elif "keep" in pattern.groupindex:
            result = pattern.sub(_keeping(placeholder), result)
        else:
            result = pattern.sub(placeholder, result)
    return result


def _keeping(placeholder: str) -> Callable[[re.Match[str]], str]:
    """Replace the match but keep its `keep` group: "my snap is [handle]"."""
    return lambda match: (match.group("keep") or "") + placeholder


def candidates(details: str, by_rules: str) -> list[tuple[Token, list[str]]]:
    """Each word left in `details` that may be part of a name, with the name model's
    features; `by_rules` is what the rules made of the same text."""
    words = name_model.tokens(details)
    gone = name_model.replaced_by(words, name_model.tokens(by_rules))
    tag_of = dict(reversed(pos_tag(details)))
    starts = name_model.sentence_starts(details, words)
    names = given_names()
    found = []
    for index, word in enumerate(words):
        if word.is_placeholder:
            continue
        bare = word.text.lower().removesuffix("'s").removesuffix("’s")
        features = name_model.word_features(
            words,
            index,
            starts_sentence=starts[index],
            by_rules=index in gone,
            given_name=any(part in names for part in bare.split("-")),
            tag=tag_of.get(word.text) or tag_of.get(word.text[:-2], "?"),
        )
        found.append((word, features))
    return found


def _titled(match: re.Match[str]) -> str:
    found = TITLE.match(match.group(0))
    if found is None:
        return "[name]"
    title, word = found.groups()
    if title.strip().lower() in KINSHIP:
        return f"{title}[name]"  # "Nanny [name]": who she is to them stays
    if word[0].isupper() or word in given_names() or _unknown_word(word):
        return "[name]"
    return match.group(0)


def _school(match: re.Match[str]) -> str:
    """Replace the school's own name and keep the words before it ("hitting me at")."""
    words = match.group(0).split()
    two_word_keyword = words[-1].lower() == "school" and words[-2].lower() in {"high", "junior"}
    before = words[: -2 if two_word_keyword else -1]
    capitalised = [w for w in before if w[:1].isupper()]
    name: list[str] = []
    for word in reversed(before):
        if word.lower() in SCHOOL_GENERIC:
            break
        if capitalised and not word[:1].isupper():
            break
        # In lower case, a school's name is words English does not have ("oakfield"),
        # not "us with school" or "a different school".
        bare = word.lower().strip("'.")
        if not capitalised and not _unknown_word(bare) and word.lower() not in {"st", "saint"}:
            break
        name.insert(0, word)
        if not capitalised and len(name) == 2:
            break
    if not name:
        return match.group(0)
    kept = before[: len(before) - len(name)]
    if len(name) == 1 and name[0].endswith("'s"):
        # "Amber's school" is a person's school, not a school's name: the person goes.
        return " ".join([*kept, "[name]'s", *words[len(before) :]])
    return " ".join([*kept, "[school]"])


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans of team and service names ("Family Hub", "Youth Offending Team",
    "Independent Reviewing Officer"): capitalised words, but nobody's name."""
    return [(m.start(), m.end()) for m in ORGANISATION.finditer(text)]


def names_by_rules(text: str) -> str:
    """The rules' names: capitalised proper nouns, known first names, words after cues."""
    names = given_names()
    protected = _protected(text)
    proper = set()
    for word, tag in pos_tag(text):
        if tag in {"NNP", "NNPS"} and word.lower() not in NOT_NAMES:
            proper.add(word)

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        possessive = "'s" if word.endswith("'s") else ""
        base = word[: -len(possessive)] if possessive else word
        bare = base.lower().strip("'")
        before = text[: match.start()]
        if any(start <= match.start() < end for start, end in protected):
            return word
        if bare in NOT_NAMES or THING_BEFORE.search(before):
            return word  # "the Trust", "a Blessing"
        known_name = any(part in names for part in bare.split("-"))
        if SENTENCE_START.search(before) and not _unknown_word(bare):
            # Capitalised because a sentence starts there: "Hope you read this". A first
            # name that is also a word ("Grace", "Mark") is a name unless a noun or "my"
            # follows it ("Grace period", "Mark my words").
            following = text[match.end() :].split(maxsplit=1)
            next_word = following[0].lower().strip(".,!?;:") if following else ""
            if not known_name or lexicon.get(next_word) in NOUN_TAGS or next_word in OWNERS:
                return word
            if next_word == "and" and len(following) > 1:
                after_and = following[1].split(maxsplit=1)[0].strip(".,!?;:")
                if after_and.islower() and lexicon.get(after_and) in NOUN_TAGS:
                    return word  # "Holly and ivy", "Grace and kindness"
        if base in proper or known_name:
            return "[name]" + possessive
        if not SENTENCE_START.search(before) and lexicon.get(bare) in ("NN", None):
            return "[name]" + possessive  # mid-sentence, a capitalised noun: "Daisy from"
        return word

    def lower_case_name(match: re.Match[str]) -> str:
        word = match.group(0)
        if word not in names or THING_BEFORE.search(result[: match.start()]):
            return word
        # "mark", "grace", "miss" are words first: names only where a person stands.
        return "[name]" if lexicon.get(word) in (None, "NNP") else word

    # Capitalised words the tagger calls proper nouns, and known first names in any case.
    result = CAPITAL_WORD.sub(replace, text)
    result = IRISH_NAME.sub("[name]", result)
    result = re.sub(r"\b[a-z][a-z'-]+\b", lower_case_name, result)
    result = QUOTED_NICKNAME.sub(lambda m: f"{m.group(1)}{m.group(2)}[name]{m.group(4)}", result)
    result = NICKNAME.sub(_nickname, result)
    result = STRONG_CUE.sub(_strong_cue, result)
    result = AFTER_PERSON_CUE.sub(_after_person_cue, result)
    result = BEFORE_PERSON_VERB.sub(
        lambda m: "[name]" + m.group(2) if _unknown_word(m.group(1)) else m.group(0), result
    )
    result = FIRST_WORD_IS.sub(
        lambda m: "[name]" + m.group(2) if _unknown_word(m.group(1)) else m.group(0), result
    )
    # A first name before a removed surname, and a surname after a removed first name.
    result = BEFORE_SURNAME.sub(_before_surname, result)
    result = AFTER_FIRST_NAME.sub("[name]", result)
    result = SURNAME_PARTICLE.sub("[name]", result)
    # A house number before a name is an address ("102 Queensway").
    return HOUSE_NUMBER.sub("[address]", result)


def _strong_cue(match: re.Match[str]) -> str:
    """After words that all but say "a name comes next" ("is called", "me and", "nanny"),
    a word is a name even when it is also an English word ("called precious")."""
    cue, word = match.groups()
    bare = word.lower()
    if (
        bare in NOT_NAMES
        or bare in PERSON_WORDS
        or bare in NOT_NICKNAMES
        or bare in NOT_AFTER_CUE
        or lexicon.get(bare) not in (None, "NN", "NNP", "NNS", "JJ")
    ):
        return match.group(0)
    return cue + "[name]"


def _nickname(match: re.Match[str]) -> str:
    cue, quote, nickname, _ = match.groups()
    first = nickname.split()[0]
    if not quote and (
        first.lower() in NOT_NICKNAMES
        or (first.islower() and lexicon.get(first) not in (None, "NN", "NNP", "NNS"))
    ):
        return match.group(0)  # "call me back", "called her foster carer"
    return f"{cue}{quote}[name]{quote}"


def _before_surname(match: re.Match[str]) -> str:
    word = match.group(1).lower()
    if (
        word in NOT_NAMES
        or word in KINSHIP
        or word in PERSON_WORDS
        or lexicon.get(word) not in (None, "NNP", "NN")
    ):
        return match.group(0)
    return "[name] [name]"


def _after_person_cue(match: re.Match[str]) -> str:
    cue, word, following = match.groups()
    if cue.split()[-1] in ("is", "was") and word in spelling and word not in given_names():
        return match.group(0)  # "my daughter was unwell"
    # "working with neurodiverse children": a word before a noun describes it.
    if following and lexicon.get(following) in NOUN_TAGS:
        return match.group(0)
    return cue + "[name]" if _unknown_word(word) else match.group(0)


def _unknown_word(word: str) -> bool:
    """Not a word the English lexicon knows (nor text-speak, a contraction or a
    known word with an ending added): most likely a name."""
    bare = word.removesuffix("'s").strip("'-")
    if len(bare) < 2 or "'" in bare or bare in NOT_NAMES or bare in TEXT_SPEAK:
        return False
    if bare in PERSON_WORDS or bare.removesuffix("s") in PERSON_WORDS:
        return False
    if lexicon.get(bare) not in (None, "NNP"):
        return False
    return not any(
        lexicon.get(stem) is not None
        for suffix in SUFFIXES
        if bare.endswith(suffix)
        for stem in (bare[: -len(suffix)], bare[: -len(suffix)] + "e")
    )
