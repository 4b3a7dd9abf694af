"""The rules that read numbers in a typed reply: a rating ("4/5", "7/10") and an age
("im 9", "fourteen"). Tried in the order `analysis.replies.RULES` lists, as the other
rules (`analysis.reply_rules`) are. Pure."""

from __future__ import annotations

import re

from analysis.reply_speakers import PARENT_TOO
from analysis.reply_words import Reading, intents
from analysis.spoken_numbers import NUMBER_WORDS, spoken_numbers
from analysis.typed_reply import Reply, one_or_several

# A five-point scale, worst first: "4/5" and "2 out of 5" pick its buttons.
SCALE = ("awful", "bad", "ok", "good", "great")
RATING = re.compile(
    r"\b([0-5])\s*(?:/|out of|outta|of)\s*5\b|\b(10|[0-9])\s*(?:/|out of|outta|of)\s*10\b"
)

_SPELT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = rf"\d+|{_SPELT}"
# A rating in words: "three out of five".
SPELT_RATING = re.compile(rf"\b({_SPELT})(?=\s*(?:/|out of|outta|of)\s*(?:5|10)\b)")
# An age that was: "i was 11 last year" is 12 now.
WAS_LAST_YEAR = re.compile(rf"\b(?:i was|was|i turned|turned) ({_NUMBER}) last year\b")
_MONTHS = (
    "january|jan|february|feb|march|april|may|june|july|august|aug|september|sept"
    "|october|oct|november|nov|december|dec|the summer|summer|the spring|spring"
)
# An age to come: "sixteen in 3 weeks", "16 nxt wk" and "I'll be 13 next week" are 15 and
# 12 now.
TURNING = re.compile(
    rf"\b({_NUMBER}) in (?:a |(?:{_NUMBER}) )?(?:weeks?|wks?|months?|mths?|days?|fortnight)\b"
    rf"|\b({_NUMBER}) (?:next|nxt) (?:weeks?|wk|months?|mth)\b"
    rf"|\b({_NUMBER}) in (?:{_MONTHS})\b"  # "13 in march"
)
# An age not reached: "not 12 yet" is 11.
NOT_YET = re.compile(rf"\bnot (?:quite )?({_NUMBER}) yet\b")
# Not an age: one they act ("everyone says I act about 12"), or a number with a unit
# ("on a six month contract", "mum of 3 kids").
NOT_AN_AGE = re.compile(
    rf"\b(?:act|acts|acting|look|looks|seem|seems)(?: like| about| around)? (?:{_NUMBER})\b"
    rf"|\b(?:{_NUMBER})"
    r" (?:months?|weeks?|days?|hours?|mins?|minutes?|times?|kids|children|sessions?)\b"
)
# The speaker's own age: "7 but my sister is 10", "im 10 my sister is 14".
OWN_AGE = re.compile(rf"^(?:{_NUMBER})\b|\b(?:im|i am|am) (?:{_NUMBER})\b")
# Someone else's age beside the speaker's: "my brothers 6", "my sister is 14", "the others
# are 6 and 9", "the younger ones are 9".
SOMEONE_ELSES_AGE = re.compile(
    r"\b(?:brother|sister|bro|sis|cousin|friend|son|daughter|other|kid|twin"
    r"|(?:younger|little) one)s?\s+(?:is\s+|are\s+)?"
    r"(?:\d+|[a-z]+teen)\b"
)


# A share of the time or of the way: "like 80% safe", "about 50%", "zero percent".
SHARE = re.compile(r"\b(\d{1,3}) ?(?:%|percent\b|per cent\b)")


def a_share(reply: Reply) -> Reading | None:
    """ "like 80% safe", "maybe 60% of the time": neither all nor none, so the one button
    between yes and no; "0%" is no. ("100%" is a yes among the words.)"""
    shares = {int(share) for share in SHARE.findall(reply.core)}
    if len(shares) != 1 or shares == {100} or reply.a_rating:
        return None
    share = shares.pop()
    if share > 100 or (share == 0 and not reply.standing_for("no")):
        return Reading()
    meant = reply.standing_for("no") if share == 0 else reply.between
    return Reading(choice=meant[0]) if len(meant) == 1 else Reading()


# Some of a few people: "2 out of 3 workers do", "two of the three social workers did".
# (Not a rating: out of 5 or 10 is `RATING`.)
COUNT_OF = re.compile(
    rf"\b(?P<some>{_NUMBER}) (?:out of|outta|of) (?:the |my |our )?(?P<all>{_NUMBER})\b"
    r"(?= (?:\w+ )?(?:workers?|people|staff|of them|adults|carers|professionals|do|did|does"
    r"|visits|meetings|reviews|sessions|appointments|core groups)\b)"
)
_TIMES = r"(?:\w+ )?(?:visits|meetings|reviews|sessions|appointments|core groups|calls)"
# Some of a number of times: "3 visits, she listened at 2", "Three home visits, she
# listened properly at one".
SOME_TIMES = re.compile(rf"^(?P<all>{_NUMBER}) {_TIMES}\b\W.*\bat (?P<some>{_NUMBER})\W*$")
# All or none of them: "she listened at all 4 meetings", "none of the 3 reviews".
ALL_OR_NONE = re.compile(
    rf"\bat (?P<all>all|every one of|each of)(?: the| my)? (?:{_NUMBER}) {_TIMES}\b"
    rf"|\b(?:at )?(?P<none>none) of (?:the |my )?(?:{_NUMBER}) {_TIMES}\b"
)


def a_count(reply: Reply) -> Reading | None:
    """ "2 out of 3 workers do": some of them, not all, so the one button between yes and
    no (Sometimes); where there is none, ask."""
    if reply.a_rating:
        return None
    all_or_none = ALL_OR_NONE.search(reply.core) if reply.between else None
    if all_or_none:  # (where there is a between, so the question is how often)
        meant = reply.standing_for("yes" if all_or_none["all"] else "no")
        return Reading(choice=meant[0]) if len(meant) == 1 else Reading()
    found = COUNT_OF.search(reply.core)
    found = found or (SOME_TIMES.search(reply.core) if reply.between else None)
    if not found:
        return None
    some, whole = (max(spoken_numbers(found[part]), default=-1) for part in ("some", "all"))
    if not 0 < some < whole or whole in (5, 10):
        return None
    return Reading(choice=reply.between[0]) if len(reply.between) == 1 else Reading()


# A button by its place among the answers: "the second one", "3rd option", "middle
# button". Not "top" or "bottom": short answers sit in one row, and Back and Skip below.
POSITION = re.compile(
    r"^(?:(?:its|id say|i pick|i choose|i want) )?(?:the )?"
    r"(?P<place>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|middle)"
    r"(?: one| button| option| answer| box)?(?: (?:lol|pls|please|obviously|haha|x))?$"
)
PLACES = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1}
PLACES |= {"1st": 0, "2nd": 1, "3rd": 2, "4th": 3, "5th": 4}


def a_position(reply: Reply) -> Reading | None:
    """ "the second one", "middle button": the answer button in that place, counted as
    they are shown; the middle of an even number asks."""
    found = POSITION.match(reply.typed)
    if not found:
        return None
    values, place = reply.values, found["place"]
    if place == "middle":
        return Reading(choice=values[len(values) // 2]) if len(values) % 2 else Reading()
    index = PLACES[place]
    return Reading(choice=values[index]) if index < len(values) else Reading()


def _in_tens(share: int) -> str:
    """ "80" as " 8/10 "; a share not in tens ("75") as words no rating rule reads."""
    return f" {share // 10}/10 " if share % 10 == 0 and share <= 100 else " a share "


def rating(reply: Reply) -> Reading | None:
    """ "4/5" picks that face, "80%" as 8/10; out of ten, an odd number falls between
    two: ask which."""
    # "three out of five": the number in figures
    core = SPELT_RATING.sub(lambda said: str(NUMBER_WORDS[said.group(1)]), reply.core)
    if reply.values == list(SCALE) and not RATING.search(core):
        # "about 40%", "80% happy": a share in tens is that many out of ten
        core = SHARE.sub(lambda share: _in_tens(int(share.group(1))), core)
    found = RATING.search(core)
    if not found or reply.values != list(SCALE):
        return None
    if set(spoken_numbers(RATING.sub(" ", core))) - {5, 10}:
        return Reading()  # "8/10 maybe 7": which?
    if len({said.group(1) or said.group(2) for said in RATING.finditer(core)}) > 1:
        return Reading()  # "2 out of 5 for the help, 5 out of 5 for my worker": which?
    if (
        intents(RATING.sub(" ", core)) & {"awful", "bad"}
        and int(found.group(1) or found.group(2)) > 2
    ):
        return Reading()  # "a 10/10 disaster": ten out of ten for how bad
    if found.group(2) and int(found.group(2)) % 2 and int(found.group(2)) > 1:
        half = int(found.group(2)) // 2  # "7/10" is between OK and Good
        return Reading(could_be=SCALE[half - 1 : half + 1])
    out_of_five = int(found.group(1)) if found.group(1) else int(found.group(2)) // 2
    return Reading(choice=SCALE[max(1, out_of_five) - 1])


# A school mark, a capital letter after "a", "grade" or "give them a", or before
# "grade" or "work": "a solid B", "I'd give them a D", "an F", "A* work". Not "plan B".
SCHOOL_MARK = re.compile(
    r"\b(?i:an?|solid|strong|grade|give (?:it|them|her|him|us) an?)\s+(?:(?i:solid|strong) )?"
    r"(?P<mark>[A-F])[*+-]?(?!\w)(?![*+-]?\s*(?i:and|or)\b)"
    r"|(?<!\w)(?P<before>[A-F])[*+]?\s+(?i:grade|work)\b"
)
# The five faces, and a practitioner's grades, by mark; a mark between grades asks.
BY_MARK = {
    "faces": {"A": "great", "B": "good", "C": "ok", "D": "bad", "E": "awful", "F": "awful"},
    "grades": {"A": "outstanding", "B": "good", "E": "inadequate", "F": "inadequate"},
}


def school_mark(reply: Reply) -> Reading | None:
    """A school mark for the faces or a practitioner's grades: "a solid B" is Good, "an
    F" Really bad, "A* work" Outstanding; a C or a D among the grades asks which."""
    marks = {found["mark"] or found["before"] for found in SCHOOL_MARK.finditer(reply.raw)}
    if len(marks) != 1 or not (reply.values == list(SCALE) or reply.in_words):
        return None
    meant = BY_MARK["faces" if reply.values == list(SCALE) else "grades"].get(marks.pop())
    return Reading(choice=meant) if meant in reply.values else Reading()


def a_score(reply: Reply) -> Reading | None:
    """A score given to a yes-or-no question: "0/10" is no and "10/10" yes; a score
    between ("7/10", "2/5") could be more than one button: ask."""
    core = SPELT_RATING.sub(lambda said: str(NUMBER_WORDS[said.group(1)]), reply.core)
    found = RATING.search(core)
    if not found or reply.a_rating or intents(RATING.sub(" ", core)):
        return None  # "10/10 yes", "0/10 they never listen": the words say it
    score, top = (int(found.group(1)), 5) if found.group(1) else (int(found.group(2)), 10)
    if 0 < score < top:
        return Reading()
    meant = reply.standing_for("no" if score == 0 else "yes")
    return Reading(choice=meant[0]) if len(meant) == 1 else Reading()


def a_number(reply: Reply) -> Reading | None:
    """ "im 9", "fourteen": the button that holds the number."""
    core = TURNING.sub(
        lambda said: f"{max(spoken_numbers(said.group(0).split()[0]), default=1) - 1}",
        reply.core,
    )
    core = NOT_YET.sub(lambda said: f"{max(spoken_numbers(said.group(1)), default=1) - 1}", core)
    core = WAS_LAST_YEAR.sub(
        lambda said: f"{max(spoken_numbers(said.group(1)), default=0) + 1}", core
    )
    numbers = spoken_numbers(NOT_AN_AGE.sub(" ", core))  # not "a six month contract"
    if numbers and SOMEONE_ELSES_AGE.search(core):
        # "7 but my sister is 10": their own age, where they say it; "my brothers 6 and
        # im exactly double him": whose age? Asked.
        own = OWN_AGE.search(core)
        numbers = spoken_numbers(own.group(0)) if own else set()
        if not numbers:
            return Reading() if _by_number(reply, spoken_numbers(core)) else None
    if len(set(numbers)) > 1 and re.search(r"\b(?:older|younger)\b", core):
        return Reading()  # "our kids 10 and im 2 year older": whose age?
    than_someone = re.search(r"\b(?:older|younger|bigger|smaller) than (?:my|me|her|him)\b", core)
    if than_someone and _by_number(reply, numbers):
        return Reading()  # "older than my sister, she's 9": how much older?
    by_number = _by_number(reply, numbers)
    if by_number and reply.about_the_speaker and PARENT_TOO.search(reply.typed):
        return Reading()  # "im 17 and got a baby": a young person, and a parent. Which?
    return one_or_several(by_number) if by_number else None


def _by_number(reply: Reply, numbers: set[int]) -> list[str]:
    return [v for n in numbers for v, said in reply.words.items() if str(n) in said]
