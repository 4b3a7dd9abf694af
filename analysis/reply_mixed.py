"""The rules that ask which, where a reply holds more than one answer: between two
buttons ("hardly", "between good and RI"), one answer then another over time ("started
bad got better"), one person yes and another no ("her yes, SW no": Sometimes, where
there is one; but "they listen to my mum, not me" is No, as the question is theirs).
Tried in the order `analysis.replies.RULES` lists, as the other rules
(`analysis.reply_rules`) are. Pure."""

from __future__ import annotations

import re

from analysis.reply_shapes import (
    FOR_A_WHILE,
    GRADES,
    IN_BETWEEN,
    IN_TURN,
    MIXED,
    NOT_ONE_ANSWER,
    ONE_YES_ONE_NO,
    PERSON_YES_PERSON_NO,
    WHAT_NOT_WHY,
)
from analysis.reply_words import NO_WORDS, Reading
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
    r"|overall[:,]?\s*(?:(?:id|i would|i'd) (?:say|go|put it|give it)(?: with| at| as| it)*\s*"
    rf"|(?:its|it's|it is|it was)\s*)?(?P<after>{GRADES}))[\s.!]*$",
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
    what would raise it: that grade."""
    if not reply.in_words:
        return None
    found = _OVERALL_LAST.search(reply.raw) or _COULD_BE_HIGHER.match(reply.raw)
    if not found:
        return None
    said = reply.read(next(grade for grade in found.groups() if grade))
    return said if said.choice else None


def in_between(reply: Reply) -> Reading | None:
    """ "somewhere between good and RI", "hardly", "RI elements": neither button, ask."""
    core = reply.core
    between = "between" in core.split() and not spoken_numbers(core) and not reply.asks_what
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


def one_yes_another_no(reply: Reply) -> Reading | None:
    """One worker yes, another no ("her yes, SW no"): Sometimes, where there is one. Any
    yes then no after a comma ("respect yes, help no") asks which."""
    # "worker: yes, manager: no" (a list) is "worker yes, manager no"
    lower = re.sub(r"(?<=\w):", "", reply.raw.lower()).replace("'", "").replace("’", "")
    if WHAT_NOT_WHY.search(lower) and reply.between:
        return Reading(choice=reply.between[0])  # "The what, yes. The why, no": Partly
    if MIXED.search(reply.core) or PERSON_YES_PERSON_NO.search(lower):
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
