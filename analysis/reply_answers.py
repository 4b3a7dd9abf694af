"""The rules that read a plain answer, one function each, tried in the order
`analysis.replies.RULES` lists as the others are (`analysis.reply_rules`): a button's own
words and phrases, the kinds of answer the words hold ("yeah", "sumtimes", "idk"), a
misspelt word, a label's word; and the two safety nets every reading passes. Pure."""

from __future__ import annotations

import re

from analysis.reply_shapes import (
    ARGUES_NOT_ANSWERS,
    CONTRAST,
    CORRECTED,
    LATER,
    MIXED,
    OFTEN,
    ONLY_SOMEWHERE,
    SARCASM,
    WHO_SEES,
)
from analysis.reply_words import (
    HEDGED,
    HEDGES,
    LUKEWARM,
    NEGATED,
    NO_WORDS,
    SKIP,
    SOFT_YES,
    THANKS_ABROAD,
    WHOLE_REPLIES,
    Reading,
    intents,
    near_intent,
    normalise,
    squash,
)
from analysis.typed_reply import (
    Reply,
    contains,
    holds_phrase,
    near_label_word,
    one_or_several,
    turned_round,
    without,
)

# Thanks after a button's own words: "id rather not thanks", "bardzo dobrze, dziękujemy".
_THANKS = "|".join(("thanks", "thank you", "thx", "ta", "cheers", *THANKS_ABROAD))
THANKED = re.compile(rf"(?<=\w) (?:{_THANKS})$")
# Answers between two others: with a yes or no beside them, they win ("sumtimes yeah").
GRADED = frozenset({"sometimes", "mostly"})
NEGATION = re.compile(r"\b(?:not|dont|no|never|nothing|nowt|only)\b")
# A button's phrase inside a longer reply picks it only in a short one.
MOST_WORDS_INSIDE = 8
# Less than always, after a "but": "yeh but not always" (the reading policy, 5).
NOT_ALWAYS = re.compile(r"(?:still )?not (?:always|all the time|every time)")
# The in-between words of the reading policy (4): the in-between button, where there is one.
KIND_OF = re.compile(r"\b(?:a little|a (?:wee )?bit|kinda|kind of|sort of)\b")


def label_itself(reply: Reply) -> Reading | None:
    """A button's own words, whole: "Sometimes", "in adequate" (a label in two), "id
    rather not thanks" (its words, with thanks)."""
    joined = reply.typed.replace(" ", "")
    unthanked = THANKED.sub("", reply.typed)
    exact = [
        value
        for value, said in reply.words.items()
        if reply.typed in said
        or unthanked in said
        or squash(reply.typed) in said
        or (len(joined) >= 8 and joined in {word.replace(" ", "") for word in said})
    ]
    return Reading(choice=exact[0]) if len(exact) == 1 else None


def own_phrases(reply: Reply) -> Reading | None:
    """A button's own phrases inside a short reply ("foster carer", "never met them"),
    their own words first: "what plan? there wasnt one" has no plan."""
    core, typed, labels = reply.core, reply.typed, reply.labels
    if SARCASM.search(typed) and not reply.about_the_speaker:  # ("the kid 🙄" is who)
        return None  # "oh yes very respectful 🙄": said with a roll of the eyes (`sarcasm`)
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
    elif reply.in_words:  # no comma: "good for the child RI for recording" is two grades
        rest = typed
        for _, phrase in held:
            rest = without(rest, phrase)
        if reply.named_by(intents(rest)) - set(holders):
            return Reading()
    # "I feel safe, yes. The area less so."
    less_so = re.search(r"\bless so\b", typed)  # ("so" is filler in core)
    if (OFTEN.search(core) or ONLY_SOMEWHERE.search(core) or less_so) and not set(holders) & set(
        reply.between
    ):
        return Reading()  # "sometimes i dont feel safe": No, or only some of the time? Ask.
    only_yes = set(holders) <= {*reply.standing_for("yes")}
    if "not_sure" in intents(core) and only_yes:
        return Reading()  # "wouldn't have a clue who my PA is mate": not a yes
    if "sometimes" in intents(core) and not reply.between and only_yes:
        return Reading()  # "kind of, I know his first name": no in-between button (policy 4)
    if KIND_OF.search(core) and only_yes and reply.between:
        return Reading(choice=reply.between[0])  # "a little safe": the in-between (policy 4)
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
    if "🤷" in core and intents(core.replace("🤷", " ")) - {"not_sure", "tentative"}:
        # "nope 🤷", "kind of 🤷": a shrug beside an answer is a manner, not "not sure"
        core, typed = core.replace("🤷", " ").strip(), typed.replace("🤷", " ").strip()
    found = intents(core) | intents(typed)
    if {"so_so", "good"} <= found and reply.in_words:
        return Reading()  # "not bad" among grades: Good, or less? Ask.
    if NEGATED in found or found == {"neither"}:
        return Reading()  # "not gud", "wouldnt say no", "not inadequate"; "not bothered"
    thinks_so = re.match(r"(?:i )?(?:think|guess|suppose|reckon) so\b", typed)
    if {"tentative", "not_sure"} <= found and thinks_so and CONTRAST.search(core):
        return Reading()  # "i think so but i forget his name": a yes, or not sure? Ask.
    tentative = "tentative" in found and len(typed.split()) <= 5  # not "asks what i think"
    tentative = tentative and not (reply.always_yes and "always" in core.split())  # "…, always"
    found.discard("tentative")
    lukewarm = bool(LUKEWARM & set(core.split())) and found <= {"yes", "ok"}  # "aye fine"
    lukewarm = lukewarm or re.fullmatch(r"[^\w\s]*[👍👌][^\w\s]*", core) is not None  # "🏠👍"
    if (core in SOFT_YES or tentative or lukewarm) and not NEGATION.search(core):
        if reply.graded and not found - {"yes", "ok", "good", "not_sure"}:  # "guess so 🤷"
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
    said_yes = bool(found & {"yes", "ok", "good", "great"})  # "sounds good but not today"
    if said_yes and "no" in found and "not_now" in values and LATER.search(core):
        return Reading(choice="not_now")  # "maybe another time yeah": yes, but later
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
    if found == {"sometimes"} and not meant and KIND_OF.search(core):
        meant = set(reply.between)  # "kinda yh" where the in-between is *Mostly* (policy 4)
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
    """Whether the reply turns down the very button read: "im not a young person im 17";
    but "13 (not 12 like my file says)" corrects an age with an age, and "not a kid …
    left care last year" says in other words what they are."""
    held = [
        (phrase, turned_round(reply.typed, phrase, reply.labels))
        for choice in reply.choices
        if choice.value == reading.choice
        for phrase in map(normalise, choice.phrases)
        if contains(reply.typed, phrase)
    ]
    turned = [phrase for phrase, turned in held if turned]
    kept = [phrase for phrase, turned in held if not turned]
    # Still said, another way: an age for an age, or words for words.
    ages_only = all(phrase.isdigit() for phrase in turned)
    still_said = [phrase for phrase in kept if ages_only or not phrase.isdigit()]
    return bool(turned) and not still_said


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
    if re.match(r"(?:thank you |thanks )?but\b", core):
        return False  # "Thanks, but no": only politeness before it (thanks is filler)
    # "yes but quick please": still yes; "ok but u wont tel my mum will u" asks
    consent = "agree" in reply.values and not WHO_SEES.search(after_but)
    consent = consent and not ARGUES_NOT_ANSWERS.search(after_but)  # "yes but whats the point"
    # "yes but im worried about that part": a worry about the very thing agreed to. Ask.
    consent = consent and not re.search(r"\b(?:worried|nervous|concerned|anxious)\b", after_but)
    said_yes = "yes" in found or intents(before) == {"yes"}
    another = reply.named_by(intents(after_but)) - reply.named_by(intents(before))
    if intents(after_but) == {"not_sure"} and reply.standing_for("not_sure"):
        return False  # "i think its the lady with the dog but not sure": Not sure
    if intents(before) and intents(before) <= GRADED and not another and not reply.a_rating:
        return False  # "mostly, except when my foster brother's in one of his moods"
    not_always = NOT_ALWAYS.fullmatch(after_but.strip())
    if not_always and reply.always_yes and reply.between:
        return False  # "yeh but not always": less than always, which is Sometimes (policy 5)
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
