"""The rules for replies that ask, argue or decline rather than answer: a question
about the question, a question of their own, the question asked back before the answer,
arguing with it, and asking to skip it. Tried in the order `analysis.replies.RULES`
lists, as the other rules (`analysis.reply_rules`) are. Pure."""

from __future__ import annotations

import re

from analysis.reply_shapes import ARGUES_NOT_ANSWERS, ASKS_TO_SKIP, ASKS_WHAT
from analysis.reply_words import (
    EXPLAIN,
    NO_WORDS,
    QUESTION_WORDS,
    SKIP,
    WH_WORDS,
    WHOLE_REPLIES,
    YES_WORDS,
    Reading,
    intents,
    known_phrases,
    normalise,
)
from analysis.typed_reply import Reply, asks_about

# The question asked back in the person's words, then the answer.
ASKED_BACK = re.compile(
    r"\s*(?:(?:do|did|am|was|were|have|has|is|are|would|will) (?:i|we|you|u|they)"
    # "why would i not?"
    r"|why (?:would|should|wouldn'?t|wouldn’t|shouldn'?t)(?: not)? (?:i|we|it)"
    r"|does (?:it|anyone|anybody))\b[^?]*\?+\s*(\S.*)$",
    re.IGNORECASE,
)
# A question back that answers itself: "why wouldnt I?" is a yes, "why would I want to?"
# a no.
RHETORICAL = re.compile(
    r"^\s*why (?:would|should)(?P<nt>n'?t|n’t)? (?:i|we)\b(?P<not> not\b)?"
    # (the "?" may be left off a no: "why would I want more messages from you lot")
    r"(?P<want> (?:want|need|bother|care)\b)?[^?]*(?:\?+|(?(want)$|(?!)))"
    # "do i look like i want more messages": a no
    r"|^\s*do (?:i|we) look like (?:i|we)(?P<looks> (?:want|need|care)\b)",
    re.IGNORECASE,
)
# When, beside a skip at the question that cannot be skipped: "rather not right now".
NOT_NOW = re.compile(
    r"\b(?:now|today|tonight|tomorrow|later|another (?:time|day)|at the moment|at work|busy)\b"
    r"|\bcome back\b"  # "Can I come back to it?"
    r"|\bafter (?:tea|dinner|lunch|school|work|college)\b"
)
# At an offer ("Would you like to hear what we change?"), "I'll leave it thanks" turns
# the offer down: *No thanks*. Skipping the question ("pass", "no comment") is a skip.
OFFER_TURNED_DOWN = re.compile(
    r"\b(?:(?:ill|i will) (?:leave it|pass)|allow it)\b(?! on\b)"
    r"|\b(?:rather|prefer) not\b.*\b(?:messaged|contacted|texted)\b"  # "Id rather not be messaged"
    r"|\b(?:rather|prefer) not (?:get|have|receive) (?:any )?(?:more )?(?:messages|texts)\b"
    r"|\b(?:ill|i will) pass on (?:the )?(?:updates?|messages?|news|texts?|offer)\b"
)
# Passing something on is not passing on the question: "pass it on to who?".
PASSED_ON = re.compile(
    r"\bpass(?:ed|es|ing)? (?:it|that|this|things|stuff|everything|anything|it all) on\b"
)

# The question said back as a statement, then the answer: "Do I feel safe. I do.", "Is it
# OK. Yeah it's OK.", "Who's talking to you. A foster carer."
_RESTATED = re.compile(
    r"^\s*(?:do|did|am|is|are|was|were|have|has|who(?:'?s|’s| is)) [^.?!]{2,60}\.\s+(\S.*)$",
    re.IGNORECASE,
)


def echoed_question(reply: Reply) -> Reading | None:
    """ "listen? they dont even hear me", "safe? lol": the question's word asked back, then
    the answer, which is what is read (asked again if it says nothing)."""
    which = re.match(r"\s*[^\W\d_]+ (?:where|when|who|which(?: one)?)\s*\?", reply.raw, re.I)
    if which:  # "safe where? at foster or at mums": which they mean; but "By who? The
        # social worker yes, the manager no" answers its own question
        after = reply.raw[which.end() :]
        own_answer = reply.read(after) if after.strip() else Reading()
        return own_answer if own_answer.choice else Reading(intent=EXPLAIN)
    restated = _RESTATED.match(reply.raw)
    said_after = reply.read(restated[1]) if restated else Reading()
    if said_after.choice:
        return said_after
    asked_back = ASKED_BACK.match(reply.raw)  # "do I feel listened to? not in the slightest"
    if asked_back and "?" not in asked_back.group(1):  # not "Did I understand it? Yes. Did I…?"
        answer = reply.read(asked_back.group(1))
        if answer.intent == EXPLAIN or answer == Reading():
            return _answered_by_asking(reply)  # "why wouldnt I? she's been my worker for years"
        return answer
    if "?" not in reply.raw.rstrip("?!. "):
        said = _answered_by_asking(reply)  # "why would I not?"
        if said is not None:
            return said
    # "what kind of things? anyway yes", "where i live now? yes": asked, then answered. Not
    # "my PA or my leaving care worker? i know one", "what counts as a carer? im his
    # sister" (which one, what counts: asked, not settled), "is that her? then yes".
    asked_first = re.fullmatch(r"\s*([^?]*[^\W\d_][^?]*)\?+\s*([^?]*\w[^?]*)", reply.raw)
    asked = normalise(asked_first[1]) if asked_first else ""
    if asked_first and len(asked.split()) > 1 and " or " not in f" {asked} ":
        anyway = re.match(r"\W*(?:anyway|go on then)\b\W*", asked_first[2], flags=re.I)
        answered = asked_first[2][anyway.end() :] if anyway else asked_first[2]
        settled = anyway or not ASKS_WHAT.search(asked)
        said = reply.read(answered) if answered and settled else Reading()
        if_so = re.match(r"\W*(?:then|if so|if yes|if it is)\b", answered, flags=re.I)
        if said.choice and not if_so and not reply.read(asked_first[1]).choice:
            return said
    echoed = re.match(r"\s*([^\W\d_]+)\s*\?+\s*(\S.*)$", reply.raw)
    word = normalise(echoed.group(1)) if echoed else ""
    if echoed is None or intents(word) or word in QUESTION_WORDS or word == "both":
        return None  # "yes? i think", "what? there wasnt one", "both? im 17 …"
    answer = reply.read(echoed.group(2))
    if answer.intent == EXPLAIN and not ASKS_WHAT.search(normalise(echoed.group(2))):
        return None  # "plan? what plan, we never …"; but "safe? what counts as safe" asks
    return answer


def _answered_by_asking(reply: Reply) -> Reading | None:
    """ "why wouldnt I?", "why would I not feel safe?" is a yes; "why would I want to?" a no."""
    asked = RHETORICAL.match(reply.raw)
    if asked is None:
        return None
    turned = asked["nt"] or asked["not"]
    if not turned and not asked["want"] and not asked["looks"]:
        return None  # "why would I harm my kids??": not an answer to this
    meant = reply.standing_for("yes") if turned else reply.standing_for("no")
    if re.search(r"\bsay no\b", asked.group(0), re.IGNORECASE):  # "why would I say no?"
        meant = reply.standing_for("yes")
    return Reading(choice=meant[0]) if len(meant) == 1 else None


def rather_not_answer(reply: Reply) -> Reading | None:
    """ "id rather not answer": a skip, not the button "rather not"."""
    if ASKS_TO_SKIP.search(reply.typed):
        return skipped(reply)  # "Can we skip the plan bit": not "a bit"
    if intents(reply.core) == {SKIP} and not reply.asks_what and "?" not in reply.raw:
        return None if PASSED_ON.search(reply.typed) else skipped(reply)
    return None


def argues(reply: Reply) -> Reading | None:
    """ "whats the point nothing changes": not an answer, and not a question."""
    if ARGUES_NOT_ANSWERS.search(reply.typed) and reply.first not in NO_WORDS | {"yes", "yeah"}:
        return Reading()
    return None


def asks_about_the_question(reply: Reply) -> Reading | None:
    """ "wat does respect mean": explain. "no i dont get it" answers; "i dont get it" asks."""
    typed, raw = reply.typed, reply.raw
    asking = ASKS_WHAT.search(typed) or (raw.endswith("?") and asks_about(typed))
    if reply.first not in NO_WORDS | YES_WORDS and asking:
        return Reading(intent=EXPLAIN)
    return None


def skip_words(reply: Reply) -> Reading | None:
    typed = reply.typed
    said_skip = intents(typed) == {SKIP} or WHOLE_REPLIES.get(typed) == SKIP
    said_skip = said_skip and not PASSED_ON.search(typed)  # "pass it on to who?"
    return skipped(reply) if said_skip and reply.first not in WH_WORDS else None


def skipped(reply: Reply) -> Reading:
    """A skip; but at the question that cannot be skipped (may we start?), a skip that
    says when is *Not now*: "rather not right now, im at work". ("skip" alone there is
    asked again: it may mean this question only.) At an offer, turning it down is *No
    thanks*: "I'll leave it thanks"."""
    if "not_now" in reply.values and NOT_NOW.search(reply.typed):
        return Reading(choice="not_now")
    no_thanks = [value for value, said in reply.words.items() if "no thanks" in said]
    if no_thanks and OFFER_TURNED_DOWN.search(reply.typed):
        return Reading(choice=no_thanks[0])  # "That's kind but I'll pass", "allow it"
    return Reading(intent=SKIP)


def question_of_their_own(reply: Reply) -> Reading | None:
    """A question of their own: explain, then ask again. "sometimes?" and "think its
    dave?" answer, unsure; they do not ask."""
    typed = reply.typed
    if reply.first in NO_WORDS and re.match(r"\w+ whos?\b", typed):
        return None  # "no who is it??": a no, then who (as "nah, who is it?")
    asks = (
        reply.raw.endswith("?")
        and reply.core not in known_phrases()
        and "tentative" not in intents(typed)
    )
    # "when they can be bothered" answers how often; "when will i hear back" asks.
    answers_when = reply.first == "when" and "?" not in reply.raw and bool(intents(typed))
    # a number may answer, unsure ("14?"), but not a year ("Which standards - the 2023
    # framework or ours?")
    numbered = re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", " ", typed))
    # "is the pope catholic?", "do pigs fly": an answer phrased as a question
    by_first_word = reply.asks_by_its_first_word and reply.core not in known_phrases()
    if (asks or by_first_word) and not numbered:
        return None if answers_when else Reading(intent=EXPLAIN)
    return None


def a_question_after_all(reply: Reply) -> Reading | None:
    if reply.raw.endswith("?") or reply.starts_a_question:
        return Reading(intent=EXPLAIN)  # a question of their own: explain, then ask again
    return None
