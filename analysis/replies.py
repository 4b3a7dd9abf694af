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

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.reply_shapes import (
    ANSWERS_ITS_OWN_QUESTION,
    ARGUES,
    ARGUES_NOT_ANSWERS,
    ASKS_WHAT,
    CONDITIONAL,
    CONTRAST,
    CORRECTED,
    DISAGREES,
    DOUBLE_NEGATIVE,
    FOR_SOMEONE,
    IN_BETWEEN,
    MIXED,
    NOT_ONE_ANSWER,
    OFTEN,
    ONE_YES_ONE_NO,
    PERSON_YES_PERSON_NO,
    SARCASM,
    SOMEONE_ELSES,
    WHO_SEES,
)
from analysis.reply_words import (
    ASKED_OF,
    ASKING,
    FILLER,
    HEDGED,
    HEDGES,
    LUKEWARM,
    NEGATED,
    NO_WORDS,
    QUESTION_WORDS,
    SKIP_WORDS_STRICT,
    SOFT_YES,
    WH_WORDS,
    YES_WORDS,
    intents,
    known_phrases,
    near_intent,
    negated,
    normalise,
    phrases,
    squash,
)
from analysis.spoken_numbers import spoken_numbers
from analysis.text import edit_distance

SKIP = "skip"
EXPLAIN = "explain"

# Answers between two others: with a yes or no beside them, they win ("sumtimes yeah").
GRADED = frozenset({"sometimes", "mostly"})
# Option values that mean the same as a kind of answer.
SAME_MEANING = {
    "agree": ("yes",),
    "not_now": ("no",),
    "a_bit": ("sometimes",),
    "partly": ("sometimes",),
    "no_plan": (),
    "outstanding": ("great",),
    # "meh", "average": the middle face, but not a yes to a yes-or-no question.
    "ok": ("so_so",),
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
# A button's phrase inside a longer reply picks it only in a short one.
MOST_WORDS_INSIDE = 8
# Whole replies only: inside a sentence they say too little ("i dont really mind").
WHOLE_REPLIES = {
    **dict.fromkeys(("dont", "i dont", "no dont", "please dont", "n"), "no"),
    # "all the time" alone is always; in "they call me the wrong name all the time" it is not.
    **dict.fromkeys(("i do", "y", "all the time", "every time", "every single time"), "yes"),
    **dict.fromkeys(("i would", "i would yeah", "yes i would"), "yes"),  # not "i would rather not"
    **dict.fromkeys(("next", "next one", "next q", "next question"), SKIP),
}
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


def asks_who_sees(text: str) -> bool:
    """Whether a question typed at a button asks who will see what they say ("will my
    mum find out?", "is this confidential?"): it deserves that answer, not the question's."""
    return bool(WHO_SEES.search(normalise(text)))


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
    raw = ANSWERS_ITS_OWN_QUESTION.sub(r"\1? ", text.strip())
    typed = normalise(raw)
    if not typed:
        return Reading()
    said = typed.split()
    if said[0] == "is" and len(said) > 1 and said[1] not in ASKED_OF and "?" not in raw:
        # "is ok", "is not good for us": a statement without its "it", as people who
        # learnt English later often write; "is this confidential" still asks.
        raw, typed = raw.split(None, 1)[1], " ".join(said[1:])
    words = {value: {normalise(w) for w in choice.words} for value, choice in _by_value(choices)}
    joined = typed.replace(" ", "")  # "in adequate", "out standing": a label in two
    exact = [
        value
        for value, said in words.items()
        if typed in said
        or squash(typed) in said
        or (len(joined) >= 8 and joined in {word.replace(" ", "") for word in said})
    ]
    if len(exact) == 1:
        return Reading(choice=exact[0])
    if strict:
        return _read_plainly(raw, typed, choices, words)
    corrected = CORRECTED.split(raw)[-1].strip(" ,.!")
    if corrected and CORRECTED.search(raw):
        said_last = read_reply(corrected, choices, inside=inside)  # "no wait yes": the last
        if said_last != Reading():  # not "never actually met my PA"
            return said_last
    plain_lower = raw.lower().replace("'", "")
    if CONDITIONAL.search(typed) or DOUBLE_NEGATIVE.search(plain_lower):
        return Reading()  # "yes if someone explains it first", "i dont not understand it"
    if SOMEONE_ELSES.search(typed):
        return Reading()  # "my manager would say good", "i know my brothers worker"
    answer, reason = _answer_then_reason(raw)
    two_sided = MIXED.search(typed) or ONE_YES_ONE_NO.search(raw.lower())
    after = normalise(reason)
    # "yes, eventually", "I know my brothers worker, not mine": the reason takes it back.
    takes_back = IN_BETWEEN.search(after) or (re.match(r"not\b", after) and not intents(after))
    if reason and inside and not CONTRAST.search(after) and not two_sided:
        # "inadequate - drift and delay", "terrible, PA never answers": the answer first.
        first_part, rest = read_reply(answer, choices), read_reply(reason, choices)
        said_after = intents(normalise(reason))
        other = {v for v, c in _by_value(choices) for i in said_after if c.stands_for(i)}
        other |= {*rest.could_be, *([rest.choice] if rest.choice else [])}  # "…, RI for recording"
        no = [v for v, c in _by_value(choices) if c.stands_for("no")]
        if takes_back and first_part.choice not in (None, *_in_between(choices), *no):
            return Reading()  # but "partly, not why" is partly, "nah, not with him" no
        if (first_part.choice or first_part.intent == SKIP) and not other - {first_part.choice}:
            return first_part  # also "n/a - transferred case"
    values = [value for value, _ in _by_value(choices)]
    core = " ".join(word for word in typed.split() if word not in FILLER)
    only_filler = not core
    if only_filler:
        core = typed  # "so so", "thanks": read whole, but never found inside a label
    aside = CONTRAST.split(core, 1)
    if len(aside) == 2 and aside[0].strip() and DISAGREES.match(aside[1]):
        core = typed = aside[0].strip()  # "understood it but didnt agree": understood
    if re.search(r"\bboth\b", core) or (re.search(r"[a-z]/[a-z]", core) and core != "n/a"):
        return Reading()  # "me and my mum both", "good/RI": ask which
    if _about_the_speaker(choices) and (typed.startswith("my ") or FOR_SOMEONE.search(typed)):
        return Reading()  # "my mum", "typing for my son hes 9": who is answering? Ask.
    if re.search(r"\bdepends\b", core) and not _in_between(choices):
        return Reading()  # "depends which bit, assessment good, plan RI": no in-between here
    first = typed.split()[0]
    # Their own words for a button come first: "what plan? there wasnt one" has no plan,
    # "dunno if i even have one?" is not sure, whatever the question mark says. A question
    # ("wats a carer") names a button without choosing it, unless an answer follows it.
    asks_what = (
        ASKS_WHAT.search(typed)
        or (first in QUESTION_WORDS - ASKING and not re.search(r"\?\s*\S", raw))
        or (raw.endswith("?") and bool(WH_WORDS & set(typed.split()[1:])))  # "safe from what?"
    )
    between_words = "between" in core.split() and not spoken_numbers(core) and not asks_what
    if between_words or IN_BETWEEN.search(core):
        return Reading()  # "somewhere between good and RI", "hardly", "RI elements": ask
    if intents(core) == {SKIP} and not asks_what and "?" not in raw:
        return Reading(intent=SKIP)  # "id rather not answer": not "rather not", the button
    held = [
        (value, normalise(phrase))
        for value, choice in _by_value(choices)
        if inside and not asks_what and len(core.split()) <= MOST_WORDS_INSIDE
        for phrase in choice.phrases
        if _holds(raw, core, phrase, typed)
        and not _turned_round(typed, normalise(phrase), set().union(*words.values()))
    ]
    # A phrase inside a longer one held for another button says nothing of its own:
    # "safe" in "dont feel safe", "please do" in "please do not".
    holders = list(
        dict.fromkeys(
            value
            for value, phrase in held
            if not any(phrase != longer and _contains(longer, phrase) for _, longer in held)
        )
    )
    # An answer, then another button's words after a comma or "but": "good for the child,
    # RI on recording", "good, though recording needs improvement". Ask.
    # The same the other way round: "my manager would say RI, id say good".
    lead = CONTRAST.split(normalise(re.split(r"[,;]", raw)[0]))[0].strip()
    if holders and lead != typed and not set(holders) & set(_in_between(choices)):
        later = typed[len(lead) :] if typed.startswith(lead) else ""
        for _, phrase in held:
            lead, later = _without(lead, phrase), _without(later, phrase)
        kinds = intents(lead) | intents(later)
        if {v for v, c in _by_value(choices) for i in kinds if c.stands_for(i)} - set(holders):
            return Reading()
    if holders and OFTEN.search(core) and not set(holders) & set(_in_between(choices)):
        return Reading()  # "sometimes i dont feel safe": No, or only some of the time? Ask.
    if len(holders) == 1:
        return Reading(choice=holders[0])
    if len(holders) > 1:
        return Reading(could_be=tuple(holders))  # "PA from the leaving care team": which?
    if ARGUES_NOT_ANSWERS.search(typed) and first not in NO_WORDS | {"yes", "yeah"}:
        return Reading()  # "whats the point nothing changes": not an answer, not a question
    # "no i dont get it" answers the question; "i dont get it" asks about it.
    if first not in NO_WORDS | YES_WORDS and (
        ASKS_WHAT.search(typed) or (raw.endswith("?") and _asks_about(typed))
    ):
        return Reading(intent=EXPLAIN)
    ages = any(word.isdigit() for _, c in _by_value(choices) for word in c.words)
    if SARCASM.search(typed) and not (ages and spoken_numbers(core)):  # "fourteen 🙄": an age
        # "oh yeah loads 🙄", "yeah right": a yes that means no. Anything else said with
        # a roll of the eyes ("as if u change anything") is asked again.
        if ARGUES.search(typed):
            return Reading()  # "yeah right like u change anything": not an answer
        sarcastic_yes = intents(typed) & {"yes", "good", "great"}
        return Reading(choice="no") if sarcastic_yes and "no" in values else Reading()
    if (intents(typed) == {SKIP} or WHOLE_REPLIES.get(typed) == SKIP) and first not in WH_WORDS:
        return Reading(intent=SKIP)
    # "sometimes?" and "think its dave?" answer, unsure; they do not ask.
    asks = raw.endswith("?") and core not in known_phrases() and "tentative" not in intents(typed)
    if (asks or first in QUESTION_WORDS - ASKING) and not re.search(r"\d", typed):
        return Reading(intent=EXPLAIN)  # a question of their own: explain, then ask again
    numbers = spoken_numbers(core)
    either = bool({"between", "or"} & set(_without(core, "more or less").split())) and not numbers
    if either or NOT_ONE_ANSWER.search(core):
        return Reading()  # "started bad got better", "at night no": ask which
    rating = RATING.search(core)
    if rating and values == list(SCALE):
        if rating.group(2) and int(rating.group(2)) % 2 and int(rating.group(2)) > 1:
            half = int(rating.group(2)) // 2  # "7/10" is between OK and Good: ask which
            return Reading(could_be=SCALE[half - 1 : half + 1])
        out_of_five = int(rating.group(1)) if rating.group(1) else int(rating.group(2)) // 2
        return Reading(choice=SCALE[max(1, out_of_five) - 1])
    by_number = [
        value for number in numbers for value, said in words.items() if str(number) in said
    ]
    if by_number:
        return _one_or_several(by_number)
    if MIXED.search(core) or PERSON_YES_PERSON_NO.search(raw.lower()):  # "her yes, SW no"
        sometimes = [v for v, c in _by_value(choices) if c.stands_for("sometimes")]
        return Reading(choice=sometimes[0]) if sometimes else Reading()
    if ONE_YES_ONE_NO.search(raw.lower()):
        return Reading()  # "respect yes, help no", "the plan yes, the why no": ask
    if HEDGES & set(core.split()) and set(core.split()) <= HEDGES | HEDGED:
        unsure = [value for value, choice in _by_value(choices) if choice.stands_for("not_sure")]
        return Reading(choice=unsure[0]) if len(unsure) == 1 else Reading()
    found = intents(core) | intents(typed)
    if NEGATED in found or found == {"neither"}:
        return Reading()  # "not gud", "wouldnt say no", "not inadequate"; "not bothered"
    graded, between = _graded(choices), _in_between(choices)
    tentative = "tentative" in found and len(typed.split()) <= 4  # not "asks what i think"
    found.discard("tentative")
    lukewarm = bool(LUKEWARM & set(core.split())) and found <= {"yes", "ok"}  # "aye fine"
    if (core in SOFT_YES or tentative or lukewarm) and not NEGATION.search(core):
        if graded and not found - {"yes", "ok", "good"}:
            # "i think so", "its ok" where the yes says "always" or there is a "mostly":
            # yes, or only partly? Ask which.
            yes = [v for v, c in _by_value(choices) if c.stands_for("yes")]
            return Reading(could_be=tuple(v for v in values if v in {*yes, *between}))
        found.add("yes")
    if _never_about_something_else(core, choices):
        return Reading()  # "you never change anything anyway", "never got a copy"
    found.discard("neither")  # "dont care, no"
    found |= {WHOLE_REPLIES[core]} if core in WHOLE_REPLIES else set()
    if found == {"no", "not_sure"} and first in NO_WORDS:
        found = {"no"}  # "nope, no idea who": not knowing is the no
    if SKIP in found and found - {SKIP} <= {"not_sure"}:  # "dunno skip"
        return Reading(intent=SKIP)
    found.discard(SKIP)
    if {"yes", "no"} <= found and not found & {"not_sure", "not_really"} and not OFTEN.search(core):
        both = [v for v, c in _by_value(choices) if c.stands_for("yes") or c.stands_for("no")]
        return _one_or_several(both) if both else Reading()  # "yes and no", "no wait yes"
    if found & GRADED and _a_rating(choices):
        return Reading()  # "kinda good": OK, or Good? Ask.
    if found & GRADED:
        found -= {"yes", "no"}  # "sumtimes yeah", "mostly yes": the hedge is the answer
    after_but = CONTRAST.split(core, 1)[1] if CONTRAST.search(core) else ""
    consent = any(c.value == "agree" for c in choices)
    said_yes = "yes" in found or intents(CONTRAST.split(core, 1)[0]) == {"yes"}
    if after_but and (
        (said_yes and not consent)  # "yes but she left", "yes but some bits r hard": pick
        or _a_rating(choices)  # "my SW is sound but …", "good but the assessment was late"
        or NEGATION.search(after_but)
        or intents(after_but) & {"no", "bad", "awful"}
    ):
        found = set()  # "yes but i get scared", "yes but not at night": ask
    if "not_really" in found:  # "not really" is a no, everywhere (the reading policy)
        found = (found - {"not_really"}) | {"no"}
    meant = {v for v, choice in _by_value(choices) for i in found if choice.stands_for(i)}
    if "mostly" in found and not meant:
        # Less than always is "Sometimes" beside "Yes, always"; elsewhere yes, or partly?
        meant = set(between) if _always_yes(choices) and between else set()
        meant = meant or {v for v, c in _by_value(choices) if c.stands_for("yes")} | set(between)
    if "ok" in found and "ok" not in values and not graded:
        meant |= {v for v, c in _by_value(choices) if c.stands_for("yes")}
    meant |= {v for v, said in words.items() if core in said or squash(core) in said}
    if meant:
        return _one_or_several(sorted(meant, key=values.index))
    # Words that only one button's label holds ("always", "young person").
    fuzzy = near_intent(core) if len(core.split()) == 1 else None
    if fuzzy is not None:
        near = [v for v, c in _by_value(choices) if c.stands_for(fuzzy)]
        if len(near) == 1:
            return Reading(choice=near[0])  # "alwayz", "somtims"
    # A long word of one label, misspelt: "inadequete", "outstandin".
    close = [
        value
        for value, said in words.items()
        if len(core) >= 7 and core.isalpha() and any(_near(core, word) for word in said)
    ]
    if len(close) == 1:
        return Reading(choice=close[0])
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


def _near(typed: str, word: str) -> bool:
    """Whether a word is a label's long word misspelt; "adequate" is not "inadequate"."""
    if len(word) < 7 or " " in word or typed in word:
        return False
    return edit_distance(typed, word) <= (2 if len(word) >= 10 else 1)


def _by_value(choices: Sequence[Choice]) -> list[tuple[str, Choice]]:
    return [(choice.value, choice) for choice in choices]


def _one_or_several(values: Sequence[str]) -> Reading:
    unique = list(dict.fromkeys(values))
    return Reading(choice=unique[0]) if len(unique) == 1 else Reading(could_be=tuple(unique))


def _in_between(choices: Sequence[Choice]) -> list[str]:
    """The buttons between yes and no: Sometimes, Mostly, A bit, Partly."""
    return [v for v, c in _by_value(choices) if c.stands_for("sometimes") or c.stands_for("mostly")]


def _always_yes(choices: Sequence[Choice]) -> bool:
    """Whether the yes button says "always" ("Yes, always"): then "mostly" is less."""
    return any(c.stands_for("yes") and "always" in normalise(c.words[0]) for c in choices)


def _a_rating(choices: Sequence[Choice]) -> bool:
    """Whether the buttons rate (the five faces, a practitioner's grades)."""
    return any(c.stands_for(kind) for c in choices for kind in ("great", "good", "bad", "awful"))


def _graded(choices: Sequence[Choice]) -> bool:
    return _always_yes(choices) or bool(_in_between(choices))


def _never_about_something_else(core: str, choices: Sequence[Choice]) -> bool:
    """ "Never" in a sentence, where the question is not how often: "we never got a copy"."""
    if not re.search(r"\bnever\b", core) or len(core.split()) <= 2 or _always_yes(choices):
        return False
    return not intents(re.sub(r"\bnever\b", " ", core))  # "terrible, PA never answers" is read


def _about_the_speaker(choices: Sequence[Choice]) -> bool:
    """Whether the buttons say who is answering ("I'm a young person", "I work here")."""
    return all(normalise(c.words[0]).startswith(("im ", "i ")) for c in choices if c.words)


def _answer_then_reason(raw: str) -> tuple[str, str]:
    """A reply split where a reason may follow its answer: "RI - caseload", "bad, cos …"."""
    parts = re.split(r"\s[-–:]\s|[,.;!]\s*|\?\s+(?=\w)", raw.strip(), maxsplit=1)
    return (parts[0], parts[1].strip()) if len(parts) == 2 and parts[0] else (raw, "")


def _without(text: str, phrase: str) -> str:
    return re.sub(rf"\b{phrase}\b", " ", text)


def _contains(label: str, phrase: str) -> bool:
    return f" {phrase} " in f" {label} "


def _asks_about(typed: str) -> bool:
    return typed.split()[0] in {"what", "wat", "wot", "whats", "wats", "who", "whos", "how"}


def _turned_round(typed: str, phrase: str, labels: set[str]) -> bool:
    """Whether a "not" or a "never" stands just before a button's phrase: "never feel safe"
    does not pick "safe". A button's own words before it are not one ("not now im at
    school")."""
    before = typed.split(f" {phrase}", 1)[0].split() if f" {phrase}" in f" {typed}" else []
    if " ".join(before[-2:]) in labels:
        return False
    if phrase.split()[0] in {"no", "not", "never", "dont", "nobody"}:
        return negated(f" {typed} ", phrase)  # "never seen no plan" is no plan
    return negated(f" {typed} ", phrase) or bool({"never", "dont"} & set(before[-2:]))


def _holds(raw: str, core: str, phrase: str, typed: str) -> bool:
    """Whether a button's own phrase is in the reply: a telling phrase anywhere, or an
    abbreviation in capitals as its own word ("RI - drift in the plan")."""
    if phrase.isupper() and len(phrase) >= 2:
        return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", raw) is not None
    return _telling(phrase) and (
        _contains(core, normalise(phrase)) or _contains(typed, normalise(phrase))
    )


def _read_plainly(
    raw: str, typed: str, choices: Sequence[Choice], words: dict[str, set[str]]
) -> Reading:
    """The strict reading: the whole reply is one kind of answer that one button stands
    for ("tak", "nie wiem", "kabhi kabhi"), a number one button holds ("14"), a skip, or a
    question; nothing else is read."""
    numbers = {str(number) for number in spoken_numbers(typed)}
    if numbers and re.fullmatch(r"[\d\s.,!/-]+", typed):
        by_number = {value for value, said in words.items() if numbers & said}
        return Reading(choice=by_number.pop()) if len(by_number) == 1 else Reading()
    whole = {kinds for phrase, kinds in phrases() if phrase == typed or phrase == squash(typed)}
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


def _telling(phrase: str) -> bool:
    """Whether a button's phrase, found inside a longer reply, can pick it: not "yes",
    "no" or "please", which say too little there ("yes delete it" is not "keep")."""
    words = normalise(phrase)
    return len(words) >= 3 and words not in known_phrases() and words not in FILLER
