"""Understanding a reply typed where a button was asked for. Pure: text in, reading out.

People type what they mean, not a button's words: "yeah go on", "im 9", "sumtimes",
"pretty good", "idk", "👍", "wat does respect mean". A reading is one of:
- the option they mean, when only one option fits;
- the options it could mean, when more than one does (the bot asks which);
- "skip", when they ask not to answer; "explain", when they ask what it means;
- nothing, when it says nothing about the options (the bot asks again).

Guessing wrong is worse than asking again, so a word that could mean two buttons
("rubbish": really bad, or not good?) gives both, never one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.text import RESPELLED

SKIP = "skip"
EXPLAIN = "explain"

# What people type for each kind of answer (`reply_words.json`). Option values are
# matched to these by name ("yes", "sometimes", "good") or through `SAME_MEANING`
# ("agree" is a yes). "not_really" is no, or only partly: where there is an
# in-between button, the bot asks which. "mostly" is between always and sometimes:
# "mostly" where there is such a button, else it asks.
INTENTS: dict[str, tuple[str, ...]] = {
    intent: tuple(phrases)
    for intent, phrases in json.loads(
        Path(__file__).with_name("reply_words.json").read_text(encoding="utf-8")
    ).items()
}
# Answers between two others: with a yes or no beside them, they win ("sumtimes yeah").
GRADED = frozenset({"sometimes", "mostly"})
# "ok", "fine", "sure": yes to a yes-or-no question, OK on a scale, nothing where the
# answers are graded (always / sometimes / no), where they say too little.
LUKEWARM = frozenset(
    {"ok", "okay", "k", "kk", "okey", "oki", "alright", "fine", "fine by me", "sure", "all right"}
)
# Option values that mean the same as a kind of answer.
SAME_MEANING = {
    "agree": ("yes",),
    "not_now": ("no",),
    "a_bit": ("sometimes",),
    "partly": ("sometimes",),
    "no_plan": (),
    "outstanding": ("great",),
}
# Words that carry no answer: "lol no" is "no", "um yes" is "yes".
FILLER = frozenset(
    {
        *("lol", "lmao", "haha", "hahaha", "um", "umm", "erm", "er", "uh", "hmm", "hm", "so"),
        *("please", "pls", "plz", "plse", "thanks", "thank you", "ty", "thx", "cheers"),
        *("just", "like", "tbh", "honestly", "think", "guess", "probably", "prob"),
        *("mate", "bro", "innit", "oh", "ah"),
    }
)
# A question about the question: "wat does respect mean", "what's a plan?".
ASKS_WHAT = re.compile(
    r"\b(?:what|wat|wot|wht|whats|wats|what's)\b.*\b(?:mean|means|meaning|meant)\b|"
    r"^(?:what|wat|wot|whats|wats)\s+(?:is|does|do|s)?\s*(?:a|an|the|my|your|you)?\s*\w+\s*\?+$|"
    r"\bdon'?t (?:understand|get)\b|\bdont (?:understand|get)\b|\bwhat do you mean\b|"
    r"^(?:what|wat|wot)\s*\?+$|^\?+$|\bexplain\b|\bhuh\b"
)
SPELT_NUMBERS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
FRACTION = re.compile(r"\band (?:a half|a quarter|three quarters|3 quarters)\b|\s1/2\b")
NUMBER_WORDS = {word: number for number, word in enumerate(SPELT_NUMBERS)} | {
    f"twenty {word}": 20 + number for number, word in enumerate(SPELT_NUMBERS[1:6], start=1)
}


@dataclass(frozen=True)
class Choice:
    """One button, as a typed reply may name it: its value, the words that mean it, and
    the kinds of answer it stands for (None: the kind its value names, as "yes")."""

    value: str
    words: tuple[str, ...]
    answers: tuple[str, ...] | None = None
    # Phrases of its own that pick it wherever they stand in a reply ("foster carer").
    phrases: tuple[str, ...] = ()

    def stands_for(self, intent: str) -> bool:
        if self.answers is not None:
            return intent in self.answers
        return intent == self.value or intent in SAME_MEANING.get(self.value, ())


NEGATION = re.compile(r"\b(?:not|dont|no|never|nothing|nowt|only)\b")
# Before an answer's word, these turn it round or leave it between ("not gud", "wouldnt
# say no", "not inadequate"): asked again, never read. ("no" and "never" are answers.)
NOT_BEFORE = frozenset(
    {"not", "wouldnt", "isnt", "wasnt", "arent", "aint", "didnt", "doesnt", "cant", "hardly"}
)
NEGATED = "negated"
# Between sometimes and never, or a grade with a but: neither button, so ask.
IN_BETWEEN = re.compile(
    r"\b(?:hardly|rarely|barely|seldom|not often|borderline|in parts|in places|elements)\b"
)
ALMOST = re.compile(r"\b(?:nearly|almost|turning|soon)\b|\bnext (?:month|week|year)\b")
# A button's phrase inside a longer reply picks it only in a short one.
MOST_WORDS_INSIDE = 8
BIRTHDAY = re.compile(
    r"\bin (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bon my birthday\b"
)
# After "is", the words that make a question ("is this confidential", "is it free").
ASKED_OF = frozenset(
    {"this", "that", "it", "there", "he", "she", "they", "we", "i", "you", "my", "your"}
    | {"the", "a", "an", "anyone", "someone", "somebody", "anybody", "his", "her", "our"}
)
QUESTION_WORDS = frozenset(
    {
        *("what", "wat", "wot", "whats", "wats", "who", "whos", "how", "why", "where", "when"),
        *("will", "would", "can", "could", "do", "does", "is", "are", "which", "whose"),
    }
)
# Whole replies only: inside a sentence they say too little ("i dont really mind").
WHOLE_REPLIES = {
    **dict.fromkeys(("dont", "i dont", "no dont", "please dont", "n"), "no"),
    **dict.fromkeys(("i do", "y"), "yes"),
    **dict.fromkeys(("next", "next one", "next q", "next question"), SKIP),
}
# Said with a roll of the eyes: "yeah right", "oh yeah loads 🙄". Asked again, never read.
SARCASM = re.compile(
    r"\byeah right\b|\boh yeah\b|\bas if\b|🙄|\blike (?:u|you) would\b|\bdont make me laugh\b"
)
# Replies that say it is not one answer: it changed, it depends on when or whether.
NOT_ONE_ANSWER = re.compile(
    r"\bstarted\b|\bat first\b|\bgot (?:better|worse)\b|^if (?!(?:you|u) must\b)"
    r"|\b(?:at|in the) (?:night|weekends?|day|school|home|times when)\b|\bwhen (?:he|she|they|i)\b"
)
# One worker does, another does not: sometimes, where there is such a button.
MIXED = re.compile(
    r"\b(?:does|did|do|is|was)\b.*\b(?:the rest|the others?|the new one|the old one|others)\b"
    r"|\b(?:first|old|last) one (?:did|does|was)\b.*\b(?:no|not|didnt|doesnt)\b"
)
# "maybe" alone: not sure, where there is such a button; otherwise ask.
HEDGES = frozenset({"maybe", "mebbe", "maybs", "perhaps", "possibly"})
NO_WORDS = frozenset({"no", "nope", "nah", "na", "naa", "nop"})
# Typed alone in any language: skip (the skip button's own words are read as well).
SKIP_WORDS_STRICT = frozenset({"skip", "pass", "next"})
# What a hedge may stand beside and still be only a hedge ("maybe yes"; not "maybe later").
HEDGED = frozenset({"yes", "yeah", "no", "not", "sure", "i", "so"}) | NO_WORDS
# A five-point scale, worst first: "4/5" and "2 out of 5" pick its buttons.
SCALE = ("awful", "bad", "ok", "good", "great")
RATING = re.compile(
    r"\b([0-5])\s*(?:/|out of|outta)\s*5\b|\b(10|[0-9])\s*(?:/|out of|outta)\s*10\b"
)


@dataclass(frozen=True)
class Reading:
    choice: str | None = None
    could_be: tuple[str, ...] = ()
    intent: str | None = None  # SKIP or EXPLAIN


def read_reply(
    text: str, choices: Sequence[Choice], *, inside: bool = True, strict: bool = False
) -> Reading:
    """What a typed reply means among `choices`; see the module docstring.

    `inside=False` takes a button's own phrases only as the whole reply (at a
    pick-several question, "we had a social worker" is a sentence, not a choice).
    `strict=True` (buttons worded in another language, where these rules were not
    written) reads only a button's own words, or one kind of answer said plainly
    ("tak", "nahin"), and asks again about anything else.
    """
    raw = text.strip()
    typed = normalise(raw)
    if not typed:
        return Reading()
    said = typed.split()
    if said[0] == "is" and len(said) > 1 and said[1] not in ASKED_OF and "?" not in raw:
        # "is ok", "is not good for us": a statement without its "it", as people who
        # learnt English later often write; "is this confidential" still asks.
        raw, typed = raw.split(None, 1)[1], " ".join(said[1:])
    words = {value: {normalise(w) for w in choice.words} for value, choice in _by_value(choices)}
    exact = [value for value, said in words.items() if typed in said or squash(typed) in said]
    if len(exact) == 1:
        return Reading(choice=exact[0])
    if strict:
        return _read_plainly(raw, typed, choices, words)
    values = [value for value, _ in _by_value(choices)]
    core = " ".join(word for word in typed.split() if word not in FILLER)
    only_filler = not core
    if only_filler:
        core = typed  # "so so", "thanks": read whole, but never found inside a label
    if re.search(r"\bboth\b", core) or (re.search(r"[a-z]/[a-z]", core) and core != "n/a"):
        return Reading()  # "me and my mum both", "good/RI": ask which
    first = typed.split()[0]
    # Their own words for a button come first: "what plan? there wasnt one" has no plan,
    # "i think its mark?" is not sure, whatever the question mark says. A question
    # ("wats a carer") names a button without choosing it, unless an answer follows it.
    asks_what = ASKS_WHAT.search(typed) or (
        first in QUESTION_WORDS and not re.search(r"\?\s*\S", raw)
    )
    if ("between" in core.split() and not _numbers(core)) or IN_BETWEEN.search(core):
        return Reading()  # "somewhere between good and RI", "hardly", "RI elements": ask
    holders = [
        value
        for value, choice in _by_value(choices)
        if inside
        and not asks_what
        and len(core.split()) <= MOST_WORDS_INSIDE
        and any(
            _holds(raw, core, phrase) and not _negated(f" {core} ", normalise(phrase))
            for phrase in choice.phrases
        )
    ]
    if len(holders) == 1:
        return Reading(choice=holders[0])
    # "no i dont get it" answers the question; "i dont get it" asks about it.
    if first not in NO_WORDS and (
        ASKS_WHAT.search(typed) or (raw.endswith("?") and _asks_about(typed))
    ):
        return Reading(intent=EXPLAIN)
    if SARCASM.search(typed):
        # "oh yeah loads 🙄", "yeah right": a yes that means no. Anything else said with
        # a roll of the eyes ("as if u change anything") is asked again.
        sarcastic_yes = _intents(typed) & {"yes", "good", "great"}
        return Reading(choice="no") if sarcastic_yes and "no" in values else Reading()
    if _intents(typed) == {SKIP} or WHOLE_REPLIES.get(typed) == SKIP:
        return Reading(intent=SKIP)
    if (raw.endswith("?") or first in QUESTION_WORDS) and not re.search(r"\d", typed):
        return Reading(intent=EXPLAIN)  # a question of their own: explain, then ask again
    numbers = _numbers(core)
    either = bool({"between", "or"} & set(core.split())) and not numbers
    if either or NOT_ONE_ANSWER.search(core):
        return Reading()  # "started bad got better", "at night no": ask which
    rating = RATING.search(core)
    if rating and values == list(SCALE):
        out_of_five = int(rating.group(1)) if rating.group(1) else round(int(rating.group(2)) / 2)
        return Reading(choice=SCALE[max(1, out_of_five) - 1])
    by_number = [
        value for number in numbers for value, said in words.items() if str(number) in said
    ]
    if by_number:
        return _one_or_several(by_number)
    if MIXED.search(core) and any(c.stands_for("sometimes") for _, c in _by_value(choices)):
        return Reading(choice=next(v for v, c in _by_value(choices) if c.stands_for("sometimes")))
    if HEDGES & set(core.split()) and set(core.split()) <= HEDGES | HEDGED:
        unsure = [value for value, choice in _by_value(choices) if choice.stands_for("not_sure")]
        return Reading(choice=unsure[0]) if len(unsure) == 1 else Reading()
    found = _intents(core) | _intents(typed)
    if NEGATED in found:
        return Reading()  # "not gud", "wouldnt say no", "not inadequate"
    found |= {WHOLE_REPLIES[core]} if core in WHOLE_REPLIES else set()
    if found == {"no", "not_sure"} and first in NO_WORDS:
        found = {"no"}  # "nope, no idea who": not knowing is the no
    if SKIP in found and len(found) == 1:
        return Reading(intent=SKIP)
    found.discard(SKIP)
    if found & GRADED:
        found -= {"yes", "no"}  # "sumtimes yeah", "mostly yes": the hedge is the answer
    after_but = core.split("but", 1)[1] if "but" in core.split() else ""
    if after_but and (NEGATION.search(after_but) or _intents(after_but) & {"no", "bad", "awful"}):
        found = set()  # "yes but not at night", "ok but the area is bad": ask
    # "Not really" is "no" to how often (listened?), but may be "partly" to how much.
    partial = [v for v in values if v in ("a_bit", "partly")]
    if "not_really" in found:
        found.discard("not_really")
        found |= {"no", *(["sometimes"] if partial else [])}
    meant = {v for v, choice in _by_value(choices) for i in found if choice.stands_for(i)}
    if "mostly" in found and not meant:
        meant = {
            v for v, c in _by_value(choices) if c.stands_for("yes") or c.stands_for("sometimes")
        }
    if (
        "ok" in found
        and "ok" not in values
        and not any(c.stands_for(g) for _, c in _by_value(choices) for g in ("sometimes",))
    ):
        meant |= {v for v, c in _by_value(choices) if c.stands_for("yes")}
    meant |= {v for v, said in words.items() if core in said or squash(core) in said}
    if meant:
        return _one_or_several(sorted(meant, key=values.index))
    # Words that only one button's label holds ("always", "young person").
    fuzzy = _near_intent(core) if len(core.split()) == 1 else None
    if fuzzy is not None:
        near = [v for v, c in _by_value(choices) if c.stands_for(fuzzy)]
        if len(near) == 1:
            return Reading(choice=near[0])  # "alwayz", "somtims"
    # Words only one button's own label holds ("always" in "Yes, always").
    holding = [
        v
        for v, choice in _by_value(choices)
        if not only_filler
        and choice.answers is None
        and _contains(normalise(choice.words[0]), core)
    ]
    if len(holding) == 1 and len(core) >= 3:
        return Reading(choice=holding[0])
    if len(holding) > 1:
        return Reading(could_be=tuple(holding))
    if raw.endswith("?") or typed.split()[0] in QUESTION_WORDS:
        return Reading(intent=EXPLAIN)  # a question of their own: explain, then ask again
    return Reading()


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, punctuation to spaces (emoji kept), one space,
    common spellings read as the word they mean ("gud" is "good")."""
    text = unicodedata.normalize("NFKC", text).lower().replace("'", "").replace("’", "")
    text = re.sub(r"[.,!;:\"()\[\]{}~*_]+", " ", text)
    text = re.sub(r"\?+", " ?", text)
    words = [RESPELLED.get(word, word) for word in text.split()]
    return " ".join(words).replace(" ?", "").strip()


def squash(text: str) -> str:
    """Letters typed over and over said once more: "yesss" is "yess", "nooooo" is "noo"."""
    return re.sub(r"(\w)\1{2,}", r"\1\1", text)


def _by_value(choices: Sequence[Choice]) -> list[tuple[str, Choice]]:
    return [(choice.value, choice) for choice in choices]


def _one_or_several(values: Sequence[str]) -> Reading:
    unique = list(dict.fromkeys(values))
    return Reading(choice=unique[0]) if len(unique) == 1 else Reading(could_be=tuple(unique))


def _contains(label: str, phrase: str) -> bool:
    return f" {phrase} " in f" {label} "


def _asks_about(typed: str) -> bool:
    return typed.split()[0] in {"what", "wat", "wot", "whats", "wats", "who", "whos", "how"}


def _numbers(text: str) -> set[int]:
    """The age-like numbers in a reply ("im 9", "fourteen", "12 or 13"). A number one is
    nearly ("nearly 12", "16 next month") counts as the one before it, unless another
    number says the age ("15 nearly 16")."""
    if re.search(r"\b(?:year|yr|class)\s*\d", text):
        return set()  # a school year, not an age
    text = FRACTION.sub(" ", text.replace("🔟", "10"))
    found = _numbers_in(text)
    soon = {n for n in found if re.search(rf"\b(?:nearly|almost|turning) {n}\b", text)}
    soon |= {
        n
        for phrase, n in NUMBER_WORDS.items()
        if re.search(rf"\b(?:nearly|almost|turning) {phrase}\b", text)
    }
    if found - soon:
        found = found - soon
        if (ALMOST.search(text) and not soon) or BIRTHDAY.search(text):
            found = {n - 1 for n in found}  # "16 next month", "12 in may"
        return found
    return {n - 1 for n in soon}


def _numbers_in(text: str) -> set[int]:
    digits = {int(d) for d in re.findall(r"\b(\d{1,2})\b", text)}
    spelt = {n for phrase, n in NUMBER_WORDS.items() if _contains(text, phrase)}
    if any(n > 20 for n in spelt):
        spelt = {n for n in spelt if n > 20}  # "twenty one", not "one"
    return digits | spelt


def _holds(raw: str, core: str, phrase: str) -> bool:
    """Whether a button's own phrase is in the reply: a telling phrase anywhere, or an
    abbreviation in capitals as its own word ("RI - drift in the plan")."""
    if phrase.isupper() and len(phrase) >= 2:
        return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", raw) is not None
    return _telling(phrase) and _contains(core, normalise(phrase))


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[str, frozenset[str]]]:
    """Every phrase with the kinds of answer it can be, longest first."""
    kinds: dict[str, set[str]] = {}
    for intent, phrases in INTENTS.items():
        for phrase in phrases:
            kinds.setdefault(normalise(phrase) or phrase, set()).add(intent)
    return sorted(((p, frozenset(k)) for p, k in kinds.items()), key=lambda item: -len(item[0]))


def _intents(text: str) -> set[str]:
    """The kinds of answer a reply holds, longest phrases first ("not good" is not "good").

    A kind said with a "not" before it that no phrase covers ("not gud", "wouldnt say
    no", "not inadequate") is `NEGATED`: it may mean the opposite, or something between.
    """
    remaining = f" {squash(text)} "
    found: set[str] = set()
    for phrase, kinds in _phrases():
        if f" {phrase} " in remaining or (not phrase.isascii() and phrase in remaining):
            found |= {NEGATED} if _negated(remaining, phrase) else kinds
            remaining = remaining.replace(phrase, " ")
    return found


def _negated(text: str, phrase: str) -> bool:
    """Whether a "not" (or "wouldnt", "isnt", …) stands one or two words before `phrase`."""
    before = text.split(f" {phrase} ", 1)[0].split() if f" {phrase} " in text else []
    return bool(NOT_BEFORE & set(before[-2:]))


def _telling(phrase: str) -> bool:
    """Whether a button's phrase, found inside a longer reply, can pick it: not "yes",
    "no" or "please", which say too little there ("yes delete it" is not "keep")."""
    words = normalise(phrase)
    return len(words) >= 3 and words not in _known_phrases() and words not in FILLER


@lru_cache(maxsize=1)
def _known_phrases() -> frozenset[str]:
    return frozenset(phrase for phrase, _ in _phrases())


def _near_intent(word: str) -> str | None:
    """The one kind of answer a misspelt word is close to ("alwayz", "somtims"), if one."""
    if len(word) < 5 or not word.isalpha():
        return None
    near = {
        intent
        for phrase, kinds in _phrases()
        if " " not in phrase and len(phrase) >= 5 and _distance(word, phrase) <= 2
        for intent in kinds
    }
    return near.pop() if len(near) == 1 else None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, for short words."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1]


def _read_plainly(
    raw: str, typed: str, choices: Sequence[Choice], words: dict[str, set[str]]
) -> Reading:
    """The strict reading: the whole reply is one kind of answer that one button stands
    for ("tak", "nie wiem", "kabhi kabhi"), a number one button holds ("14"), a skip, or a
    question; nothing else is read."""
    numbers = {str(number) for number in _numbers(typed)}
    if numbers and re.fullmatch(r"[\d\s.,!/-]+", typed):
        by_number = {value for value, said in words.items() if numbers & said}
        return Reading(choice=by_number.pop()) if len(by_number) == 1 else Reading()
    whole = {kinds for phrase, kinds in _phrases() if phrase == typed or phrase == squash(typed)}
    found = set().union(*whole) if whole else set()
    if found == {SKIP} or typed in SKIP_WORDS_STRICT:
        return Reading(intent=SKIP)
    meant = {
        value for value, choice in _by_value(choices) for kind in found if choice.stands_for(kind)
    }
    if len(meant) == 1:
        return Reading(choice=meant.pop())
    if raw.endswith("?") or raw.endswith("؟"):
        return Reading(intent=EXPLAIN)
    return Reading()
