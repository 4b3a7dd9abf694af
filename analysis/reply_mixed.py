"""The rules that ask which, where a reply holds more than one answer: between two
buttons ("hardly", "between good and RI"), one answer then another over time ("started
bad got better"), one person yes and another no ("her yes, SW no": Sometimes, where
there is one; but "they listen to my mum, not me" is No, as the question is theirs),
two at once ("good/RI") or two people answering ("typing for my son"); and the grade
for the whole said after the parts. Tried in the order `analysis.replies.RULES` lists,
as the other rules (`analysis.reply_rules`) are. Pure."""

from __future__ import annotations

import re

from analysis.reply_shapes import (
    FOR_A_WHILE,
    GRADE_PAIR,
    GRADES,
    IN_BETWEEN,
    IN_TURN,
    MIXED,
    NOT_ONE_ANSWER,
    OLD_NOT_NEW,
    ONE_YES_ONE_NO,
    PERSON_YES_PERSON_NO,
)
from analysis.reply_speakers import FOR_SOMEONE, PARENT_TOO, TWO_ROLES, YOUNG_AGE
from analysis.reply_words import NO_WORDS, Reading, intents, normalise
from analysis.spoken_numbers import spoken_numbers
from analysis.typed_reply import Reply, split_reason, without

# A new worker whose name they have not got yet: "theres a new one, forgot her name".
# They know there is one, not who: ask.
_NEW_NAME_NOT_KNOWN = re.compile(
    r"\bnew (?:one|worker|sw|social worker)\b.*"
    r"\b(?:forgot|forget|cant remember|dont remember|dont know)\b.*\bname\b"
)


# One place yes and another not: "yes at mums not at dads". Which is home? Ask.
_TWO_PLACES = re.compile(r"\b(?:at|in) (?:my |me )?\w+,? (?:but )?not (?:at|in) ")

# The grade for the whole, said last, after the parts: "VoC: good. Planning: RI. Overall:
# good", "Good for the child, RI for the recording. Overall I'd go RI".
_OVERALL_LAST = re.compile(
    rf"(?:^|[,.;:!-]|\bbut|\bso|\band)\s*(?:(?P<before>{GRADES}) overall"
    r"|(?:overall|verdict)[:,]?\s*"
    r"(?:(?:id|i would|i'd) (?:say|go|put it|give it)(?: with| at| as| it)*\s*"
    rf"|(?:its|it's|it is|it was)\s*)?(?P<after>{GRADES}))[\s.!]*$",
    re.IGNORECASE,
)
# After the parts, what it comes to: "pros: a laptop. cons: moved again. overall not very
# good".
_OVERALL_SAID_LAST = re.compile(
    r"[.;]\s*(?:overall|verdict|all in all|on balance)[:,]?\s+(?P<last>[^.,;]{2,30})[.!]*$",
    re.IGNORECASE,
)
# A grade, then what would raise it: "good, could be outstanding with better recording".
_COULD_BE_HIGHER = re.compile(
    rf"^(?P<grade>{GRADES})\W+(?:but |though )?(?:could|would|might) (?:be|have been|reach)"
    rf" {GRADES} (?:with|if|given)\b",
    re.IGNORECASE,
)


def overall_grade(reply: Reply) -> Reading | None:
    """A grade for each part, then the grade for the whole, last: the whole. A grade with
    what would raise it: that grade. Pros and cons, then "overall not very good": that."""
    said_last = _OVERALL_SAID_LAST.search(reply.raw)
    said = reply.read(said_last["last"]) if said_last else Reading()
    if said.choice:
        return said
    if not reply.in_words:
        return None
    found = _OVERALL_LAST.search(reply.raw) or _COULD_BE_HIGHER.match(reply.raw)
    if not found:
        return None
    said = reply.read(next(grade for grade in found.groups() if grade))
    return said if said.choice else None


# Who, but not their name: "the lady with the red car? dunno her name", "dunno her name
# but i know who she is". They know who, not the name: Yes, or Not sure? Authors say a
# careful reader could not tell.
_NAME_NOT_KNOWN = re.compile(
    r"\b(?:dunno|dont know|forgot|forget|cant remember|not sure of) (?:her|his|their) name\b"
)


def name_not_known(reply: Reply) -> Reading | None:
    """Someone described, but their name not known: ask."""
    said = _NAME_NOT_KNOWN.search(reply.typed)
    rest = reply.typed[: said.start()] + reply.typed[said.end() :] if said else ""
    if said and len(rest.split()) >= 3 and "not_sure" not in intents(rest):
        return Reading()
    return None


# Between two buttons, then which it is nearer: "between ok and good, nearer good".
_NEARER_ONE = re.compile(r"\bbetween \w+ and \w+\W+(?:but )?(?:nearer|closer to) (?P<one>\w+)\W*$")


def in_between(reply: Reply) -> Reading | None:
    """ "somewhere between good and RI", "hardly", "RI elements": neither button, ask;
    but "between ok and good, nearer good" says which."""
    core = reply.core
    between = "between" in core.split() and not spoken_numbers(core) and not reply.asks_what
    nearer = _NEARER_ONE.search(core) if between else None  # "…, nearer good"
    said_nearer = reply.read(nearer["one"]) if nearer else Reading()
    if said_nearer.choice:
        return said_nearer
    return Reading() if between or IN_BETWEEN.search(core) else None


def not_one_answer(reply: Reply) -> Reading | None:
    """ "started bad got better", "at night no", "good or ok", "a new one, forgot her
    name": ask which."""
    core = reply.core
    # not "more or less", nor "nobody listened to me or my husband" (both of them)
    both = re.sub(r"\b(?:me|us) or (?:my|our) \w+", " ", without(core, "more or less"))
    either = {"between", "or"} & set(both.split())
    changed = NOT_ONE_ANSWER.search(core) or FOR_A_WHILE.search(core)  # "at the start yes"
    changed = changed or _NEW_NAME_NOT_KNOWN.search(reply.typed)  # "a new one, forgot her name"
    changed = changed or _TWO_PLACES.search(reply.typed)  # "yes at mums not at dads"
    scared = re.search(r"\b(?:scared|scary|frightened|afraid|unsafe|frit)\b", core)
    if changed and reply.first in NO_WORDS and scared and "no" in reply.values:
        return Reading(choice="no")  # "no i get scared at night": not safe
    if (either and not spoken_numbers(core)) or changed:
        answer, reason = split_reason(reply.raw)
        first = reply.read(answer) if reason else Reading()
        # "mostly, except when my foster brother's in one of his moods": said already
        return first if first.choice in reply.between else Reading()
    return None


# The what of the plan, but not the why: "The plan yes, the why no", "knew the what,
# never the why", "I know what's in it but nobody ever said why". Partly.
_WHAT_NOT_WHY = re.compile(
    r"\b(?:what|plan)\W+(?:yes|yeah|yep)\W+(?:the )?why\W+(?:no|not|nope)\b"  # "The plan yes, …"
    r"|\b(?:knew|know|understood) (?:the )?what\W+(?:\w+ )?(?:never|didnt|not)(?: \w+)? why\b"
    r"|\b(?:knew|know|understood|understand) what(?:s| was| is)? in it\b.*"
    r"\b(?:not|never|nobody|no one|didnt)\b.*\bwhy\b"
)
# By one yes, by another no: "by the worker yes by the receptionist no".
_BY_ONE_NOT_ANOTHER = re.compile(
    r"^by (?:the |my )?\w+ (?:yes|yeah)\W+(?:but )?by (?:the |my )?\w+ no\b"
)
# Everyone but one: "everyone did except the contact supervisor".
_ALL_BUT_ONE = re.compile(
    r"^(?:everyone|everybody|all of them|they all)(?: \w+)? (?:did|does|do|was|were)\b"
    r"[^.]*\b(?:except|apart from|but not|bar)\b"
)


def one_yes_another_no(reply: Reply) -> Reading | None:
    """One worker yes, another no ("her yes, SW no"): Sometimes, where there is one. Any
    yes then no after a comma ("respect yes, help no") asks which."""
    # "worker: yes, manager: no" (a list) is "worker yes, manager no"
    lower = re.sub(r"(?<=\w):", "", reply.raw.lower()).replace("'", "").replace("’", "")
    if _WHAT_NOT_WHY.search(lower) and reply.between:
        return Reading(choice=reply.between[0])  # "The what, yes. The why, no": Partly
    everyone_but = _ALL_BUT_ONE.search(lower) or _BY_ONE_NOT_ANOTHER.search(lower)
    if MIXED.search(reply.core) or PERSON_YES_PERSON_NO.search(lower) or everyone_but:
        sometimes = reply.standing_for("sometimes")
        if sometimes and IN_TURN.search(reply.core):
            return Reading()
        return Reading(choice=sometimes[0]) if sometimes else Reading()
    return Reading() if ONE_YES_ONE_NO.search(lower) else None


# Someone else's yes, then theirs: "they respect my foster mum, not me".
_NOT_ME = re.compile(
    r",\s*(?:but\s+)?(?:no,?\s+)?not (?:me|us|to me|with me|for me)(?: though| tho)?\W*$", re.I
)


def not_me(reply: Reply) -> Reading | None:
    """ "they listen to my mum, not me": the question asks about them, so No, where a
    yes-or-no question has it; a grade ("good, but only because of the carer, not us")
    asks."""
    if not _NOT_ME.search(reply.raw):
        return None
    return Reading(choice="no") if "no" in reply.values and not reply.in_words else Reading()


def two_at_once(reply: Reply) -> Reading | None:
    """Both, or someone else typing, or "depends" with no in-between button: ask."""
    core = reply.core
    if re.search(r"[a-z]\s*/\s*[a-z]", re.sub(r"\bn/a\b|\s/s$", "", core)):  # not "… /s"
        # "good/RI", "good / RI tbh": which? But "parent/carer" names one button twice.
        # Only the words beside the slash, up to a dash or a comma: "good/RI - the
        # assessment was good, the plan wasnt" is good or RI, whatever the reason says.
        parts = re.split(r"\s*/\s*", re.sub(r"\bn/a\b", "", reply.raw.lower()))
        parts = [part for part in parts if part.strip()]
        if len(parts) < 2:
            return Reading()  # a slash the raw text spells otherwise ("／"): ask
        if len(parts) == 2:
            parts = [
                re.split(r"[,;:.]|\s[-–]\s", parts[0])[-1],
                re.split(r"[,;:.]|\s[-–]\s", parts[1])[0],
            ]
        said = {reply.read(part).choice if part.strip() else None for part in parts}
        return Reading(choice=said.pop()) if len(said) == 1 and None not in said else Reading()
    both = re.sub(r"\bwe both (?=work|are|say|said|think|feel)\b", "we ", core)  # "we both say yes"
    if not reply.about_the_speaker:  # "yes me and my sister both do": the speaker too
        both = re.sub(r"\b(?:we|me (?:and|an|n) my(?: \w+)? \w+) both (?=do|are|feel)\b", "", both)
    if re.search(r"\bboth\b", both) or OLD_NOT_NEW.search(core):
        return Reading()  # "me and my mum both", "i know the old one not the new one"
    if GRADE_PAIR.search(reply.raw):
        return Reading()  # "gd-RI"
    # "my mum" may be someone else typing; but a button's own "my …" says who they are:
    # "my PA told me to do this" (only a young person has a PA), "my sons social worker
    # told me to fill this in" (the parent).
    own_my = any(
        re.match(rf"{re.escape(phrase)}\b", reply.typed)
        for choice in reply.choices
        for phrase in map(normalise, choice.phrases)
        if phrase.startswith("my ")
    )
    my_someone = reply.typed.startswith("my ") and not own_my
    if which_of_them(reply) or (reply.about_the_speaker and my_someone):
        return Reading()  # "my mum", "typing for my son hes 9": who is answering?
    if re.search(r"\bdepends\b", core) and not reply.between:
        return Reading()  # "depends which bit, assessment good, plan RI"
    return None


def which_of_them(reply: Reply) -> bool:
    """At the greeting, someone typing beside another, or one person in two of its roles
    ("I foster, but I also work for the council"): which is answering?"""
    typed = reply.typed
    young_parent = YOUNG_AGE.search(typed) and PARENT_TOO.search(typed)  # "im 18 and a mum"
    two = FOR_SOMEONE.search(typed) or TWO_ROLES.search(typed) or young_parent
    return reply.about_the_speaker and bool(two)
