"""Understanding a reply typed where a button was asked for. Pure: text in, reading out.

People type what they mean, not a button's words: "yeah go on", "im 9", "sumtimes",
"pretty good", "idk", "👍", "wat does respect mean". A reading is one of:
- the option they mean, when only one option fits;
- the options it could mean, when more than one does (the bot asks which);
- "skip", when they ask not to answer; "explain", when they ask what it means;
- nothing, when it says nothing about the options (the bot asks again).

Guessing wrong is worse than asking again, so a word that could mean two buttons
("rubbish": really bad, or not good?) gives both, never one.

A reply is read by the rules in `RULES`, in order: the first that says anything decides.
The order is the design: a button's own words first, then what makes a reply not plain
(a correction, a condition, a reason that takes the answer back), the button's own
phrases, questions, and only then the kinds of answer its words hold. Each rule is a
function: what makes a reply not plain in `analysis.reply_rules`, what a plain answer
means in `analysis.reply_answers` (ratings and ages: `analysis.reply_numbers`;
questions, arguing and skipping: `analysis.reply_questions`); the words are
`analysis.reply_words` and `reply_words.json`; the sentence shapes
`analysis.reply_shapes` (who is answering, and whose view: `analysis.reply_speakers`).
How hedged replies are read is the reading policy (`training/replies/reading-policy.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis import reply_answers as answers
from analysis import reply_mixed as mixed
from analysis import reply_numbers as number_rules
from analysis import reply_questions as questions
from analysis import reply_rules as rules
from analysis.reply_shapes import ANSWERS_ITS_OWN_QUESTION, WHO_SEES
from analysis.reply_words import (
    ASKED_OF,
    EXPLAIN,
    SKIP,
    SKIP_WORDS_STRICT,
    Choice,
    Reading,
    known_words,
    normalise,
    phrases,
    squash,
)
from analysis.spelling import respelt
from analysis.spoken_numbers import spoken_numbers
from analysis.typed_reply import (
    EMOJI,
    SMILES,
    Reply,
    Rule,
    as_one_line,
    graded_in_words,
    starred_put_right,
    undigited,
    unhyphenated,
    unstammered,
    without_accents,
    without_frame,
    without_late_apology,
)

__all__ = ["EXPLAIN", "SKIP", "Choice", "Reading", "asks_who_sees", "read_reply"]

# The rules, in the order they are tried; the first that gives a reading decides.
RULES: tuple[Rule, ...] = (
    rules.said_again,  # "no wait yes", "outstanding - well, good": the last part
    rules.expected_then_found,  # "I expected the worst but they were very good"
    mixed.name_not_known,  # "the lady with the red car? dunno her name": ask
    questions.echoed_question,  # "listen? they dont even hear me": the answer after it
    mixed.overall_grade,  # "VoC: good. Planning: RI. Overall: good": the whole
    rules.not_plain,  # "yes if …", "i dont not understand it", "my manager would say": ask
    mixed.not_me,  # "they listen to my mum, not me": no
    rules.answer_then_reason,  # "RI - caseload"; but "yes, eventually" asks
    rules.disagreeing_aside,  # "understood it but didnt agree": understood
    mixed.two_at_once,  # "good/RI", "typing for my son": ask
    mixed.in_between,  # "hardly", "between good and RI": ask
    number_rules.a_share,  # "like 80% safe": Mostly
    number_rules.a_count,  # "2 out of 3 workers do": Sometimes
    number_rules.a_position,  # "the second one", "middle button"
    questions.rather_not_answer,  # "id rather not answer": skip
    answers.own_phrases,  # a button's own phrases: "never met them", "foster carer"
    questions.argues,  # "whats the point nothing changes": ask
    questions.asks_about_the_question,  # "wat does respect mean": explain
    rules.sarcasm,  # "yeah right": no
    questions.skip_words,  # "skip", "next"
    questions.question_of_their_own,  # "will it cost me?": explain
    mixed.not_one_answer,  # "started bad got better", "at night no": ask
    number_rules.rating,  # "4/5", "7/10"
    number_rules.a_score,  # "0/10" to a yes-or-no question: no
    number_rules.school_mark,  # "a solid B": Good
    number_rules.a_number,  # "im 9", "fourteen"
    mixed.one_yes_another_no,  # "her yes, her manager no": Sometimes
    answers.maybe,  # "maybe": Not sure
    answers.kinds_of_answer,  # "yeah", "sumtimes", "pretty good", "idk", by the policy
    answers.misspelt,  # "alwayz", "inadequete"
    answers.label_words,  # "always": the one label that holds it
    questions.a_question_after_all,  # "…?": explain
)


def asks_who_sees(text: str) -> bool:
    """Whether a question typed at a button asks who will see what they say ("will my
    mum find out?", "is this confidential?"): it deserves that answer, not the question's."""
    return bool(WHO_SEES.search(normalise(text)))


def read_reply(
    text: str,
    choices: Sequence[Choice],
    *,
    inside: bool = True,
    strict: bool = False,
    respell: bool = True,
) -> Reading:
    """What a typed reply means among `choices`; see the module docstring.

    `inside=False` takes a button's own phrases only as the whole reply (at a
    pick-several question, "we had a social worker" is a sentence, not a choice).
    `strict=True` (buttons worded in another language, where these rules were not
    written) reads only a button's own words, or one kind of answer said plainly
    ("tak", "nahin"), and asks again about anything else.
    """
    raw = unhyphenated(starred_put_right(as_one_line(text)))
    raw = ANSWERS_ITS_OWN_QUESTION.sub(r"\1? ", raw)  # "what plan i …"
    raw = without_late_apology(raw)  # "sorry was at work, go on then"
    raw = without_frame(raw)  # "Dear Sir/Madam, …", "ask my wife, but I'd say good"
    if graded_in_words(choices):  # "Outstanding 🙂": a smile, not the face "Good"
        raw = SMILES.sub(" ", raw).strip() or raw
    typed = normalise(raw)
    if not typed:
        return Reading()
    said = typed.split()
    if said[0] == "is" and len(said) > 1 and said[1] not in ASKED_OF and "?" not in raw:
        # "is ok", "is not good for us": a statement without its "it", as people who
        # learnt English later often write; "is this confidential" still asks.
        raw, typed = raw.split(None, 1)[1], " ".join(said[1:])
    reply = Reply(
        raw, typed, choices, inside, lambda other: read_reply(other, choices, inside=inside)
    )
    own = answers.label_itself(reply)
    if own is not None:
        return own
    if strict:
        return _read_plainly(reply)
    for rule in RULES:
        reading = rule(reply)
        if reading is not None:
            if rule is questions.echoed_question and questions.ASKED_BACK.match(raw):
                return reading  # its answer was read apart: "why would it not be ok? go on"
            wrong_way = answers.no_then_yes(reply, reading) or answers.turned_down(reply, reading)
            return Reading() if wrong_way else reading
    words_alone = EMOJI.sub(" ", raw).strip()
    if words_alone != raw.strip() and re.search(r"[^\W\d_]", words_alone):
        # "all the time 😊": when the whole says nothing, the words may answer alone.
        alone = read_reply(words_alone, choices, inside=inside, respell=respell)
        if alone != Reading():
            return alone
    unaccented = without_accents(raw)
    if unaccented != raw:
        # Nothing read: accents a phone added may hide the word ("Nô", "not át all"); not
        # before, as "sí" and "tá" are words of their own, and "si" and "ta" are not.
        alone = read_reply(unaccented, choices, inside=inside, respell=respell)
        if alone != Reading():
            return alone
    as_meant = undigited(unstammered(raw))
    if as_meant != raw:
        # Nothing read: a word begun again ("y-yes", "n-n-no thanks") or digits typed for
        # letters ("n0t r34lly"); not before, as "so-so" and "y10" are read as they are.
        alone = read_reply(as_meant, choices, inside=inside, respell=respell)
        if alone != Reading():
            return alone
    if respell:
        # Nothing read: a word may have slipped ("fien", "mosly", "notrealy").
        respelling = respelt(raw, known_words() | reply.label_words)
        if respelling != raw:
            return read_reply(respelling, choices, inside=inside, respell=False)
    return Reading()


def _read_plainly(reply: Reply) -> Reading:
    """The strict reading: the whole reply is one kind of answer that one button stands
    for ("tak", "nie wiem", "kabhi kabhi"), a number one button holds ("14"), a skip, or a
    question; nothing else is read."""
    typed = reply.typed
    numbers = {str(number) for number in spoken_numbers(typed)}
    if numbers and re.fullmatch(r"[\d\s.,!/-]+", typed):
        by_number = {value for value, said in reply.words.items() if numbers & said}
        return Reading(choice=by_number.pop()) if len(by_number) == 1 else Reading()
    whole = {kinds for phrase, kinds in phrases() if phrase == typed or phrase == squash(typed)}
    found = set().union(*whole) if whole else set()
    if found == {SKIP} or typed in SKIP_WORDS_STRICT:
        return Reading(intent=SKIP)
    meant = reply.named_by(found)
    if len(meant) == 1:
        return Reading(choice=meant.pop())
    if reply.raw.endswith("?") or reply.raw.endswith("؟"):
        return Reading(intent=EXPLAIN)
    return Reading()
