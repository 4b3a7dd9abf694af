"""The rules that read a typed reply, one function each, tried in the order
`analysis.replies.RULES` lists. Each takes the `Reply` (the reply as typed and its
normalised views) and gives a `Reading`, or None to leave it to the next rule. Pure."""

from __future__ import annotations

import re

from analysis.reply_shapes import (
    ARGUES,
    CONDITIONAL,
    CONTRAST,
    CORRECTED,
    DISAGREES,
    DOUBLE_NEGATIVE,
    EMPHATIC_NO,
    FOR_A_WHILE,
    FOR_SOMEONE,
    GRADE_PAIR,
    IN_BETWEEN,
    IN_TURN,
    MIXED,
    NEITHER_SO,
    NEVER_FELT_BAD,
    NO_LONGER,
    NOT_ONE_ANSWER,
    NOT_THIS_BUT,
    NOT_WHO,
    OFTEN,
    OLD_AND_NEW,
    ONE_YES_ONE_NO,
    ONLY_SOMEWHERE,
    PERSON_YES_PERSON_NO,
    SARCASM,
    SECOND_GUESS,
    SOMEONE_ELSES,
    THEN_AND_NOW,
    TWO_ROLES,
    WHO_SEES,
    WORRIED,
)
from analysis.reply_words import (
    HEDGED,
    HEDGES,
    LUKEWARM,
    NEGATED,
    NO_WORDS,
    SKIP,
    SOFT_YES,
    WHOLE_REPLIES,
    Reading,
    intents,
    near_intent,
    normalise,
    squash,
)
from analysis.spoken_numbers import spoken_numbers
from analysis.typed_reply import (
    Reply,
    contains,
    holds_phrase,
    near_label_word,
    one_or_several,
    split_reason,
    turned_round,
    without,
)

# Answers between two others: with a yes or no beside them, they win ("sumtimes yeah").
GRADED = frozenset({"sometimes", "mostly"})
NEGATION = re.compile(r"\b(?:not|dont|no|never|nothing|nowt|only)\b")
# A button's phrase inside a longer reply picks it only in a short one.
MOST_WORDS_INSIDE = 8
# Said before an answer, not instead of one: "Honestly, RI. The plan drifted …".
FRANKLY = frozenset({"honestly", "frankly", "personally", "truthfully", "tbh", "well"})
# Said with a roll of the eyes, these are a no: "oh loads 🙄".
SO_MUCH = frozenset({"loads", "lots", "totally", "definitely", "always", "course", "sure"})


def label_itself(reply: Reply) -> Reading | None:
    """A button's own words, whole: "Sometimes", "in adequate" (a label in two)."""
    joined = reply.typed.replace(" ", "")
    exact = [
        value
        for value, said in reply.words.items()
        if reply.typed in said
        or squash(reply.typed) in said
        or (len(joined) >= 8 and joined in {word.replace(" ", "") for word in said})
    ]
    return Reading(choice=exact[0]) if len(exact) == 1 else None


def said_again(reply: Reply) -> Reading | None:
    """ "no wait yes", "good no actually great": the last part, if it says anything."""
    corrected = CORRECTED.split(reply.raw)[-1].strip(" ,.!")
    if corrected and CORRECTED.search(reply.raw):
        said_last = reply.read(corrected)
        if said_last != Reading():  # not "never actually met my PA"
            return said_last
    if reply.about_the_speaker:  # "IRO, not the family": who they are, not who they are not
        rest = NOT_WHO.sub(" ", reply.raw).strip(" ,.;!")
        said_rest = reply.read(rest) if rest and rest != reply.raw else Reading()
        if said_rest.choice:
            return said_rest
    # "terrible. well not terrible, just not great": what it is, after what it is not.
    what_it_is = NOT_THIS_BUT.search(normalise(reply.raw))
    if what_it_is:
        return reply.read(what_it_is["rest"])
    left = NEITHER_SO.search(reply.typed)  # "Not outstanding, not RI, so good"
    said_left = reply.read(left["rest"]) if left else Reading()
    return said_left if said_left.choice else None


def not_plain(reply: Reply) -> Reading | None:
    """A yes on a condition, two negatives, someone else's view or worker: ask. But
    "never felt ignored once" is a yes, and "bad at first, now good" what is so now."""
    typed = reply.typed
    taken_back = CONTRAST.search(typed) or FOR_A_WHILE.search(typed) or NO_LONGER.search(typed)
    if NEVER_FELT_BAD.search(typed) and not taken_back:
        yes = reply.standing_for("yes")
        return Reading(choice=yes[0]) if len(yes) == 1 else Reading()
    if THEN_AND_NOW.search(typed) and "?" not in reply.raw:  # not "where i live now or before?"
        clauses = re.split(r"[,.;]|\bbut\b", reply.raw.lower())
        now = next((c for c in clauses if re.search(r"\bnow\b", c)), "")
        said_now = reply.read(re.sub(r"\bnow\b", " ", now)) if now.strip() else Reading()
        # "they do now, didnt before" is not "Yes, always": ask.
        not_always = reply.always_yes and said_now.choice in reply.standing_for("yes")
        return said_now if said_now.choice and not not_always else Reading()
    if WORRIED.search(typed):
        return Reading()  # "im scared to press yes"
    plain_lower = reply.raw.lower().replace("'", "")
    if CONDITIONAL.search(reply.typed) or DOUBLE_NEGATIVE.search(plain_lower):
        return Reading()  # "yes if someone explains it first", "i dont not understand it"
    if SOMEONE_ELSES.search(reply.typed):
        return Reading()  # "my manager would say good", "i know my brothers worker"
    if NO_LONGER.search(reply.typed):
        # "used to be awful, now its alright": what is so now, if it says; else ask.
        _, now = split_reason(re.sub(r"\s+but\s+", ", ", reply.raw, count=1))
        return reply.read(now) if now else Reading()
    return None


def answer_then_reason(reply: Reply) -> Reading | None:
    """ "inadequate - drift and delay", "terrible, PA never answers": the answer first,
    unless the reason names another button or takes the answer back."""
    answer, reason = split_reason(reply.raw)
    while reason and set(normalise(answer).split()) <= FRANKLY:
        answer, reason = split_reason(reason)  # "Honestly, RI. The plan drifted …"
    after = normalise(reason)
    lower = reply.raw.lower()
    two_sided = MIXED.search(reply.typed) or ONE_YES_ONE_NO.search(lower)
    two_sided = two_sided or PERSON_YES_PERSON_NO.search(lower)  # "my SSW always, the duty …"
    if _which_of_them(reply):
        return None  # "I AM FOSTER CARER. THE BOY IS WITH ME HE WANT TO SAY": which of them?
    # "oh fab, another new worker 🙄": not fab. ("yeah right, like they cared" is read.)
    rolled_eyes = SARCASM.search(after) and not SARCASM.search(normalise(answer))
    # A "but" in a grade's reason, or beside who they are, is the story, not the answer:
    # "Inadequate. I'm not proud of it, but visits weren't happening"; yet "yes, but …"
    # and "good, apart from the recording" ask.
    story = reply.about_the_speaker or (reply.in_words and not CONTRAST.match(after))
    if not reason or not reply.inside or (CONTRAST.search(after) and not story) or rolled_eyes:
        return None
    if re.match(r"not\b", normalise(answer)) and re.match(r"not\b", after):
        return None  # "not great, not terrible": neither, read whole
    first_part = reply.read(answer)
    if two_sided:  # "Partly. The what yes, the why no.": the in-between, said again
        return first_part if first_part.choice in reply.between else None
    rest = reply.read(reason)
    other = reply.named_by(intents(after))
    other |= {*rest.could_be, *([rest.choice] if rest.choice else [])}  # "…, RI for recording"
    # "yes, eventually", "I know my brothers worker, not mine": the reason takes it back;
    # but "partly, not why" is partly, and "nah, not with him there" no.
    takes_back = (
        IN_BETWEEN.search(after)
        or FOR_A_WHILE.search(after)  # "yes I do. well I did till she went off sick"
        or SECOND_GUESS.search(after)  # "yeah its Dave, or was it Dan"
        or OLD_AND_NEW.search(after)  # "yes. well i knew my old one. the new one …"
        or (re.match(r"not\b(?! that\b)", after) and not intents(after))  # "…, not that …"
    )
    if takes_back and first_part.choice not in (None, *reply.between, *reply.standing_for("no")):
        return Reading()
    if (first_part.choice or first_part.intent == SKIP) and not other - {first_part.choice}:
        return first_part  # also "n/a - transferred case"
    return None


def disagreeing_aside(reply: Reply) -> Reading | None:
    """ "understood it but didnt agree": not agreeing takes nothing from understanding."""
    aside = CONTRAST.split(reply.core, 1)
    if len(aside) == 2 and aside[0].strip() and DISAGREES.match(aside[1]):
        return reply.read(aside[0].strip())
    said, _, after_comma = reply.raw.partition(",")  # "Understood it, didn't agree with it"
    if after_comma and said.strip() and DISAGREES.match(normalise(after_comma)):
        return reply.read(said)
    return None


def two_at_once(reply: Reply) -> Reading | None:
    """Both, or someone else typing, or "depends" with no in-between button: ask."""
    core = reply.core
    if re.search(r"[a-z]\s*/\s*[a-z]", core) and core != "n/a":
        # "good/RI", "good / RI tbh": which? But "parent/carer" names one button twice.
        said = {reply.read(part).choice for part in re.split(r"\s*/\s*", core)}
        return Reading(choice=said.pop()) if len(said) == 1 and None not in said else Reading()
    if re.search(r"\bboth\b", core):
        return Reading()  # "me and my mum both"
    if GRADE_PAIR.search(reply.raw):
        return Reading()  # "gd-RI"
    if _which_of_them(reply) or (reply.about_the_speaker and reply.typed.startswith("my ")):
        return Reading()  # "my mum", "typing for my son hes 9": who is answering?
    if re.search(r"\bdepends\b", core) and not reply.between:
        return Reading()  # "depends which bit, assessment good, plan RI"
    return None


def _which_of_them(reply: Reply) -> bool:
    """At the greeting, someone typing beside another, or one person in two of its roles
    ("I foster, but I also work for the council"): which is answering?"""
    typed = reply.typed
    return reply.about_the_speaker and bool(FOR_SOMEONE.search(typed) or TWO_ROLES.search(typed))


def in_between(reply: Reply) -> Reading | None:
    """ "somewhere between good and RI", "hardly", "RI elements": neither button, ask."""
    core = reply.core
    between = "between" in core.split() and not spoken_numbers(core) and not reply.asks_what
    return Reading() if between or IN_BETWEEN.search(core) else None


def own_phrases(reply: Reply) -> Reading | None:
    """A button's own phrases inside a short reply ("foster carer", "never met them"),
    their own words first: "what plan? there wasnt one" has no plan."""
    core, typed, labels = reply.core, reply.typed, reply.labels
    anywhere = [
        (choice.value, phrase)
        for choice in reply.choices
        if reply.inside and not reply.asks_what
        for phrase in choice.phrases
        if holds_phrase(reply.raw, core, phrase, typed)
        and not turned_round(typed, normalise(phrase), labels)
        and not (reply.about_the_speaker and contains(typed, f"my {normalise(phrase)}"))
    ]
    held = [
        (value, normalise(phrase))
        for value, phrase in anywhere
        if len(core.split()) <= MOST_WORDS_INSIDE + _longer_by(phrase, core)
    ]
    if {value for value, _ in anywhere} - {value for value, _ in held} and held:
        return Reading()  # "a care leaver AND a parent now so which one": both, ask
    # A phrase inside a longer one held for another button says nothing of its own:
    # "safe" in "dont feel safe", "please do" in "please do not".
    holders = list(
        dict.fromkeys(
            value
            for value, phrase in held
            if not any(phrase != longer and contains(longer, phrase) for _, longer in held)
        )
    )
    if not holders or MIXED.search(typed):
        return None  # "one i know one i dont": one yes, another no (`one_yes_another_no`)
    # Another button's words before or after a comma or "but": "good for the child, RI
    # on recording", "my manager would say RI, id say good". Ask.
    lead = CONTRAST.split(normalise(re.split(r"[,;]", reply.raw)[0]))[0].strip()
    if lead != typed and not set(holders) & set(reply.between):
        later = typed[len(lead) :] if typed.startswith(lead) else ""
        for _, phrase in held:
            lead, later = without(lead, phrase), without(later, phrase)
        if reply.named_by(intents(lead) | intents(later)) - set(holders):
            return Reading()
    if (OFTEN.search(core) or ONLY_SOMEWHERE.search(core)) and not set(holders) & set(
        reply.between
    ):
        return Reading()  # "sometimes i dont feel safe": No, or only some of the time? Ask.
    only_yes = set(holders) <= {*reply.standing_for("yes")}
    if "not_sure" in intents(core) and only_yes:
        return Reading()  # "wouldn't have a clue who my PA is mate": not a yes
    if "sometimes" in intents(core) and not reply.between and only_yes:
        return Reading()  # "kind of, I know his first name": no in-between button (policy 4)
    if "tentative" in intents(typed) and reply.graded and only_yes:
        # "i think im safe" beside Mostly: yes, or only mostly? (the reading policy, 1)
        return Reading(could_be=tuple(v for v in reply.values if v in {*holders, *reply.between}))
    return one_or_several(holders)  # "PA from the leaving care team": which?


def _longer_by(phrase: str, core: str) -> int:
    """How much longer a reply may be when a button's phrase of several words is in it
    ("Hello, I am a family support worker at the trust"); not when a "but" or a "just"
    may take it back ("a parent but I also work for the council")."""
    if " " not in phrase or CONTRAST.search(core) or re.search(r"\bjust\b", core):
        return 0
    return len(phrase.split())


def sarcasm(reply: Reply) -> Reading | None:
    """ "oh yeah loads 🙄", "yeah right": a yes that means no. Anything else said with a
    roll of the eyes ("as if u change anything") is asked again."""
    if EMPHATIC_NO.search(reply.typed) and "no" in reply.values:
        return Reading(choice="no")  # "do they heck"
    ages = any(word.isdigit() for c in reply.choices for word in c.words)
    if not SARCASM.search(reply.typed) or (ages and spoken_numbers(reply.core)):
        return None  # "fourteen 🙄": an age
    if ARGUES.search(reply.typed):
        return Reading()  # "yeah right like u change anything": not an answer
    if intents(reply.core) == {"no"} and "no" in reply.values:
        return Reading(choice="no")  # "🙄 no"
    sarcastic_yes = intents(reply.typed) & {"yes", "good", "great"}
    sarcastic_yes |= SO_MUCH & set(reply.typed.split())  # "oh loads 🙄"
    if {"unfortunately", "sadly"} & set(reply.typed.split()):
        return Reading()  # "yeah unfortunately 🙄": a yes, rolled eyes at the worker
    return Reading(choice="no") if sarcastic_yes and "no" in reply.values else Reading()


def not_one_answer(reply: Reply) -> Reading | None:
    """ "started bad got better", "at night no", "good or ok": ask which."""
    core = reply.core
    either = {"between", "or"} & set(without(core, "more or less").split())
    changed = NOT_ONE_ANSWER.search(core) or FOR_A_WHILE.search(core)  # "at the start yes"
    if (either and not spoken_numbers(core)) or changed:
        answer, reason = split_reason(reply.raw)
        first = reply.read(answer) if reason else Reading()
        # "mostly, except when my foster brother's in one of his moods": said already
        return first if first.choice in reply.between else Reading()
    return None


def one_yes_another_no(reply: Reply) -> Reading | None:
    """One worker yes, another no ("her yes, SW no"): Sometimes, where there is one. Any
    yes then no after a comma ("respect yes, help no") asks which."""
    lower = reply.raw.lower().replace("'", "").replace("’", "")
    if MIXED.search(reply.core) or PERSON_YES_PERSON_NO.search(lower):
        sometimes = reply.standing_for("sometimes")
        if sometimes and IN_TURN.search(reply.core):
            return Reading()
        return Reading(choice=sometimes[0]) if sometimes else Reading()
    return Reading() if ONE_YES_ONE_NO.search(lower) else None


def maybe(reply: Reply) -> Reading | None:
    """ "maybe" alone: Not sure, where there is such a button; otherwise ask."""
    said = set(reply.core.split())
    if HEDGES & said and said <= HEDGES | HEDGED:
        unsure = reply.standing_for("not_sure")
        return Reading(choice=unsure[0]) if len(unsure) == 1 else Reading()
    return None


def kinds_of_answer(reply: Reply) -> Reading | None:
    """The kinds of answer the words hold ("yeah", "sumtimes", "pretty good", "idk"), read
    by the reading policy; the buttons that stand for them."""
    core, typed, values = reply.core, reply.typed, reply.values
    for phrase in reply.own_no_phrases:  # "no plan was ever made" says no plan, not no
        core, typed = without(core, phrase), without(typed, phrase)
    if reply.a_rating:  # "good on the whole": overall, not mostly
        core, typed = without(core, "on the whole").strip(), without(typed, "on the whole").strip()
    found = intents(core) | intents(typed)
    if {"so_so", "good"} <= found and reply.in_words:
        return Reading()  # "not bad" among grades: Good, or less? Ask.
    if NEGATED in found or found == {"neither"}:
        return Reading()  # "not gud", "wouldnt say no", "not inadequate"; "not bothered"
    tentative = "tentative" in found and len(typed.split()) <= 4  # not "asks what i think"
    found.discard("tentative")
    lukewarm = bool(LUKEWARM & set(core.split())) and found <= {"yes", "ok"}  # "aye fine"
    lukewarm = lukewarm or re.fullmatch(r"[^\w\s]*[👍👌][^\w\s]*", core) is not None  # "🏠👍"
    if (core in SOFT_YES or tentative or lukewarm) and not NEGATION.search(core):
        if reply.graded and not found - {"yes", "ok", "good"}:
            # "i think so", "its ok" where the yes says "always" or there is a "mostly":
            # yes, or only partly? Ask which.
            yes = reply.standing_for("yes")
            return Reading(could_be=tuple(v for v in values if v in {*yes, *reply.between}))
        found.add("yes")
    if _never_about_something_else(reply):
        return Reading()  # "you never change anything anyway", "never got a copy"
    found.discard("neither")  # "dont care, no"
    found |= {WHOLE_REPLIES[core]} if core in WHOLE_REPLIES else set()
    if SKIP in found and found - {SKIP} <= {"not_sure"}:  # "dunno skip"
        return Reading(intent=SKIP)
    unsure_and = found - {"not_sure", SKIP, "tentative", "yes"}  # not "i guess 🤷"
    if "not_sure" in found and unsure_and and not reply.standing_for("not_sure"):
        return Reading()  # "no idea what was going on half the time": not Partly
    found.discard(SKIP)
    if {"yes", "no"} <= found and not found & {"not_sure", "not_really"} and not OFTEN.search(core):
        return one_or_several(reply.standing_for("yes", "no"))  # "yes and no"
    if len(found & {"yes", "no", "sometimes", "mostly", "not_sure"}) >= 4:
        return Reading()  # "yes. no. sometimes. I dont know"
    if found & GRADED and reply.a_rating:
        return Reading()  # "kinda good": OK, or Good? Ask.
    if found & GRADED:
        found -= {"yes", "no"}  # "sumtimes yeah", "mostly yes": the hedge is the answer
    if _taken_back(reply, found):
        found = set()  # "yes but i get scared", "yes but not at night": ask
    if "not_really" in found:  # "not really" is a no, everywhere (the reading policy)
        found = (found - {"not_really"}) | {"no"}
    meant = reply.named_by(found)
    if "mostly" in found and not meant:
        # Less than always is "Sometimes" beside "Yes, always"; elsewhere yes, or partly?
        meant = set(reply.between) if reply.always_yes and reply.between else set()
        meant = meant or set(reply.standing_for("yes")) | set(reply.between)
    if "ok" in found and "ok" not in values and not reply.graded:
        meant |= set(reply.standing_for("yes"))
    meant |= {v for v, said in reply.words.items() if core in said or squash(core) in said}
    return one_or_several(sorted(meant, key=values.index)) if meant else None


def misspelt(reply: Reply) -> Reading | None:
    """One word close to one kind of answer ("alwayz", "somtims"), or to a label's long
    word ("inadequete", "outstandin")."""
    core = reply.core
    fuzzy = near_intent(core) if len(core.split()) == 1 else None
    near = reply.standing_for(fuzzy) if fuzzy is not None else []
    if len(near) == 1:
        return Reading(choice=near[0])
    close = [
        value
        for value, said in reply.words.items()
        if len(core) >= 7 and core.isalpha() and any(near_label_word(core, word) for word in said)
    ]
    return Reading(choice=close[0]) if len(close) == 1 else None


def label_words(reply: Reply) -> Reading | None:
    """Words only one button's own label holds ("always" in "Yes, always")."""
    holding = [
        c.value
        for c in reply.choices
        if not reply.only_filler
        and c.answers is None
        and contains(normalise(c.words[0]), reply.core)
        # "plan" is not "There was no plan": a word the label says there was none of.
        and not re.search(
            rf"\b(?:no|not|never) (?:\w+ )?{re.escape(reply.core)}\b", c.words[0].lower()
        )
    ]
    if len(holding) == 1 and len(reply.core) >= 3:
        return Reading(choice=holding[0])
    return Reading(could_be=tuple(holding)) if len(holding) > 1 else None


def turned_down(reply: Reply, reading: Reading) -> bool:
    """Whether the reply turns down the very button read: "im not a young person im 17"."""
    return any(
        contains(reply.typed, phrase) and turned_round(reply.typed, phrase, reply.labels)
        for choice in reply.choices
        if choice.value == reading.choice
        for phrase in map(normalise, choice.phrases)
    )


def no_then_yes(reply: Reply, reading: Reading) -> bool:
    """A safety net: a reply that starts with a no and says no ("no i dnt feel safe at
    nite") is never read as a yes, whatever else it holds; "no wait yes" corrects."""
    said_no = reply.first in NO_WORDS and "no" in intents(reply.core)
    yes_like = reply.named_by({"yes", "good", "great"})
    return said_no and reading.choice in yes_like and not CORRECTED.search(reply.raw)


def _taken_back(reply: Reply, found: set[str]) -> bool:
    """A "but" that takes part of the answer back: "yes but she left", "good but the
    assessment was late", "yes but not at night"."""
    core = reply.core
    if not CONTRAST.search(core):
        return False
    before, after_but = CONTRAST.split(core, 1)
    # "yes but quick please": still yes; "ok but u wont tel my mum will u" asks
    consent = "agree" in reply.values and not WHO_SEES.search(after_but)
    said_yes = "yes" in found or intents(before) == {"yes"}
    another = reply.named_by(intents(after_but)) - reply.named_by(intents(before))
    if intents(before) and intents(before) <= GRADED and not another and not reply.a_rating:
        return False  # "mostly, except when my foster brother's in one of his moods"
    return bool(
        another  # "dunno her name but i know who she is"
        or (said_yes and not consent)
        or reply.a_rating  # "my SW is sound but …"
        or NEGATION.search(after_but)
        or intents(after_but) & {"no", "bad", "awful"}
    )


def _never_about_something_else(reply: Reply) -> bool:
    """ "Never" in a sentence, where the question is not how often: "we never got a copy"."""
    core = reply.core
    if not re.search(r"\bnever\b", core) or len(core.split()) <= 2 or reply.always_yes:
        return False
    return not intents(re.sub(r"\bnever\b", " ", core))  # "terrible, PA never answers" is read
