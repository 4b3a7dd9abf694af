"""A reply typed at a button, and the views of it the reading rules use
(`analysis.reply_rules`): as typed, normalised, without filler; the buttons' own words;
and the small string helpers the rules share. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from analysis.reply_shapes import ASKS_WHAT
from analysis.reply_words import (
    ASKING,
    AUXILIARIES,
    FILLER,
    QUESTION_WORDS,
    SUBJECTS,
    WH_WORDS,
    Choice,
    Reading,
    intents,
    known_phrases,
    negated,
    normalise,
)
from analysis.text import edit_distance


@dataclass
class Reply:
    """A typed reply and the views of it the rules read: `raw` as typed, `typed`
    normalised, `core` without filler words; the buttons' own words by value."""

    raw: str
    typed: str
    choices: Sequence[Choice]
    inside: bool
    # Reads another text among the same buttons ("no wait yes": its last part).
    read: Callable[[str], Reading]
    words: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.words = {c.value: {normalise(w) for w in c.words} for c in self.choices}

    @cached_property
    def own_no_phrases(self) -> list[str]:
        """A button's own phrases in the reply whose only kind of answer is the "no" they
        start with ("no plan"), of a button that is not the no ("no ta"); not "no idea"."""
        said = [normalise(p) for c in self.choices if not c.stands_for("no") for p in c.phrases]
        return [
            p
            for p in said
            if p.startswith("no ") and contains(self.typed, p) and intents(p) <= {"no"}
        ]

    @cached_property
    def about_the_speaker(self) -> bool:
        """Whether the buttons say who the speaker is ("I'm a parent or carer"): there,
        "my mum" is someone else, not the button "mum" picks."""
        return all(normalise(c.words[0]).startswith(("im ", "i ")) for c in self.choices if c.words)

    @cached_property
    def labels(self) -> set[str]:
        """Every button's own words, normalised ("yes always", "sometimes")."""
        return set().union(*self.words.values())

    @cached_property
    def label_words(self) -> frozenset[str]:
        """Each word of the buttons' own words ("listened", "improvement")."""
        return frozenset(word for label in self.labels for word in label.split())

    @cached_property
    def values(self) -> list[str]:
        return [choice.value for choice in self.choices]

    @cached_property
    def core(self) -> str:
        """Without filler ("lol no" is "no"); "so so" and "thanks" are read whole."""
        return " ".join(w for w in self.typed.split() if w not in FILLER) or self.typed

    @cached_property
    def only_filler(self) -> bool:
        return not any(w not in FILLER for w in self.typed.split())

    @cached_property
    def first(self) -> str:
        return self.typed.split()[0]

    @cached_property
    def starts_a_question(self) -> bool:
        """Whether its first word starts a question: "who is it", "would you tell my mum";
        not "would go outstanding on this one" or "could have been worse", where no one
        follows the "would" or the "could"."""
        if self.first not in QUESTION_WORDS:
            return False
        if self.first not in AUXILIARIES | ASKING or "?" in self.raw:
            return True
        second = self.typed.split()[1:2]
        return not second or second[0] in SUBJECTS

    @property
    def asks_by_its_first_word(self) -> bool:
        """A question's first word, but not "can" or "could" ("can we do it later" asks
        for something, and answers)."""
        return self.starts_a_question and self.first not in ASKING

    @cached_property
    def asks_what(self) -> bool:
        """Whether it asks about the question ("wats a carer", "safe from what?"), unless
        an answer follows its question mark ("what plan? there wasnt one")."""
        return bool(
            ASKS_WHAT.search(self.typed)
            or (self.asks_by_its_first_word and not re.search(r"\?\s*\S", self.raw))
            or (self.raw.endswith("?") and bool(WH_WORDS & set(self.typed.split()[1:])))
            or (self.raw.endswith("?") and re.match(r"\w+ like\b", self.typed) is not None)
        )

    def standing_for(self, *kinds: str) -> list[str]:
        """The buttons that stand for any of these kinds of answer, in their order."""
        return [c.value for c in self.choices if any(c.stands_for(kind) for kind in kinds)]

    def named_by(self, kinds: set[str]) -> set[str]:
        return set(self.standing_for(*kinds))

    @cached_property
    def between(self) -> list[str]:
        """The buttons between yes and no: Sometimes, Mostly, A bit, Partly."""
        return self.standing_for("sometimes", "mostly")

    @cached_property
    def always_yes(self) -> bool:
        """Whether the yes button says "always" ("Yes, always"): then "mostly" is less."""
        return any(c.stands_for("yes") and "always" in normalise(c.words[0]) for c in self.choices)

    @cached_property
    def a_rating(self) -> bool:
        """Whether the buttons rate (the five faces, a practitioner's grades)."""
        return bool(self.standing_for("great", "good", "bad", "awful"))

    @cached_property
    def in_words(self) -> bool:
        """Whether the buttons are grades in words (a practitioner's), not the faces."""
        return graded_in_words(self.choices)

    @cached_property
    def graded(self) -> bool:
        return self.always_yes or bool(self.between)


# A rule reads a reply, or leaves it (None) to the next one.
Rule = Callable[[Reply], "Reading | None"]


# Smiles: on the buttons, the five faces; beside a grade in words, decoration.
SMILES = re.compile("[\U0001f600-\U0001f60f\U0001f642\U0001f44d]")
# Any emoji, with its joiners and variation selectors.
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d]")


def graded_in_words(choices: Sequence[Choice]) -> bool:
    """Whether the buttons rate in words (a practitioner's grades), not with faces."""
    rates = any(c.stands_for("good") for c in choices)
    return rates and not any(SMILES.search(c.words[0]) for c in choices if c.words)


def one_or_several(values: Sequence[str]) -> Reading:
    """The one button the values name, or the buttons it could be (the bot asks which);
    asked again when there are none."""
    unique = list(dict.fromkeys(values))
    if not unique:
        return Reading()
    return Reading(choice=unique[0]) if len(unique) == 1 else Reading(could_be=tuple(unique))


def split_reason(raw: str) -> tuple[str, str]:
    """A reply split where a reason may follow its answer: "RI - caseload", "bad, cos …"."""
    parts = re.split(r"\s[-–—:]\s|[,.;!]\s*|\?\s+(?=\w)", raw.strip(), maxsplit=1)
    return (parts[0], parts[1].strip()) if len(parts) == 2 and parts[0] else (raw, "")


def near_label_word(typed: str, word: str) -> bool:
    """Whether a word is a label's long word misspelt; "adequate" is not "inadequate"."""
    if len(word) < 7 or " " in word or typed in word:
        return False
    return edit_distance(typed, word) <= (2 if len(word) >= 10 else 1)


def without(text: str, phrase: str) -> str:
    return re.sub(rf"\b{phrase}\b", " ", text)


def contains(label: str, phrase: str) -> bool:
    return f" {phrase} " in f" {label} "


def asks_about(typed: str) -> bool:
    return typed.split()[0] in {"what", "wat", "wot", "whats", "wats", "who", "whos", "how"}


def turned_round(typed: str, phrase: str, labels: set[str]) -> bool:
    """Whether a "not" or a "never" stands just before a button's phrase: "never feel safe"
    does not pick "safe". A button's own words before it are not one ("not now im at
    school")."""
    before = f" {typed}".split(f" {phrase}", 1)[0].split() if f" {phrase}" in f" {typed}" else []
    if " ".join(before[-2:]) in labels or before[-1:] == ["see"]:
        return False  # "not now im at school"; "i dont see why not"
    if phrase.split()[0] in {"no", "not", "never", "dont", "nobody"}:
        if before[-2:] == ["not", "really"]:
            return False  # "not really, no need": a no, said twice
        return negated(f" {typed} ", phrase)  # "never seen no plan" is no plan
    return negated(f" {typed} ", phrase) or bool({"never", "dont"} & set(before[-2:]))


def unhyphenated(raw: str) -> str:
    """A reply typed with hyphens for spaces, or letter by letter ("i-think-so",
    "b-r-i-l-l-i-a-n-t", "N-O"), as words; "so-so" and "step-parent" stay as typed."""
    parts = raw.strip(" -").split("-")
    if " " in raw.strip(" -") or len(parts) < 2 or not all(part.isalnum() for part in parts):
        return raw
    if all(len(part) == 1 for part in parts):
        return "".join(parts)  # letter by letter
    return " ".join(parts) if len(parts) >= 3 else raw


# Kept here, not among the sentence shapes, so that its words ("seen", "late") are not
# words a slip is respelt into.
_LATE_APOLOGY = re.compile(
    r"^(?:sorry|soz|sorri|apologies)\W*"
    r"(?:(?:i )?(?:was|been|wos|woz) (?:at|in|on|out|busy|asleep|driving|working)\b[^.,;!?]*"
    r"|(?:for (?:the |my )?)?(?:late|slow) (?:reply|replying|response|answer)"
    r"|(?:i )?(?:only |just )?(?:seen|saw) (?:this|it|your message)(?: now)?)[.,;:!\s-]+(?=\w)",
    re.IGNORECASE,
)


def without_late_apology(raw: str) -> str:
    """A late reply's apology taken off the answer after it: "sorry was at work, yes",
    "soz just seen this. ok i guess". Not "sorry, no" nor "sorry I mean good"."""
    return _LATE_APOLOGY.sub("", raw)


# A reply written as a letter: "Dear Sir/Madam, I am happy to proceed. Yours sincerely,
# Mrs P. Hughes". The greeting and the signature are not the answer.
_LETTER_GREETING = re.compile(
    r"^(?:dear\b[^,.;:!?\n]{0,30}|good (?:morning|afternoon|evening))[,.;:!]\s+(?=\w)",
    re.IGNORECASE,
)
_LETTER_SIGNATURE = re.compile(
    r"[,.;!]?\s*\b(?:yours (?:sincerely|faithfully|truly)|(?:kind(?:est)? |best |warm )?regards"
    r"|many thanks|best wishes)\b[,.]?(?:\s+[\w.()]+){0,4}\W*$",
    re.IGNORECASE,
)
# An answer put off to someone else, then given: "Ask my wife, but I'd say good".
_PUT_OFF = re.compile(
    r"^(?:(?:you(?:d| would| will|ll)? (?:have|need) to |best |better )?ask|check with) "
    r"(?:my|our|the|me|his|her) [^,.;]{1,40}(?:,[^,.;]{1,40})?[,.;]?\s*"
    r"but (?:i(?:'|’)?d|i would|id|me,? i(?:'|’)?d) (?:say|guess|think)\s*,?\s*(?=\w)",
    re.IGNORECASE,
)
# An earlier answer taken back: "I said I understood it earlier but honestly no", "yes,
# even though I said they didn't listen". The answer is the one given now.
_SAID_BEFORE = re.compile(
    r"(?:^|(?<=[.!] ))i (?:know i |might have |may have )?(?:said|put|answered|moaned"
    r"|complained|rated|graded)\b[^?]*?\bbut,? (?=(?:honestly|actually|tbh|really|now)\b"
    r"|(?:no|yes|nah|yeah|yep|nope|its|it(?:'|’)s|it was|it has|not)\b)",
    re.IGNORECASE,
)
_SAID_BEFORE_AFTER = re.compile(
    r"[,.;]?\s*\beven (?:though|tho|if) i (?:said|put|answered)\b[^,.;?]*", re.IGNORECASE
)

# Thinking aloud, then settling: "Amazing. Well. Good. Let's say good", "I'd give it RI
# on paper but it felt good on the ground; going with RI". The settled answer.
_SETTLED = re.compile(
    r"^.*[.;,!]\s*(?:so,?\s+)?(?:let(?:'|’)?s say|call it|(?:i(?:'|’)?m |i(?:'|’)?ll |i will )?"
    r"go(?:ing)? with|put (?:me|it) down (?:as|for))\s+(?=\w)",
    re.IGNORECASE,
)

# "Me, yes, always. My partner, not so much": their own answer, then someone else's.
_ME_FIRST = re.compile(r"^(?:for |as for )?me,\s*(?=(?:yes|yeah|no|nah|always|never)\b)", re.I)


# A sound of thinking before the answer, on its own: "hmm, …", "umm. …".
_HESITATION = re.compile(r"^(?:h+m+|u+m+|e+r+m+|u+h+)[,.…]+\s*(?=\w)", re.IGNORECASE)


# Someone's words quoted and agreed with: "My manager said 'this is textbook outstanding'
# and I'd agree". The words quoted are the answer.
_QUOTED_AND_AGREED = re.compile(
    r"^[^\"'‘“]{1,40}?\b(?:said|says|called it|would say|thinks|reckons)\s*,?\s*"
    r"[\"'‘“]?(?P<said>[^\"'’”,]+)[\"'’”]?\s*,?\s*(?:and|&)\s+"
    r"(?:i(?:'|’)?d|i would|i|id)\s+(?:(?:have to|totally|fully|tend to|would) )?agree\W*$",
    re.IGNORECASE,
)
# Owning to a bias, at the end, with its story: "Absolutely, can't fault them, though I'm
# biased as my sister works there". It takes nothing back (`reply_shapes.OWN_BIAS`).
_OWN_BIAS_AFTER = re.compile(
    r"(?<=\w)[,.;]?\s*(?:[-–—]\s*)?(?:(?:but|though|tho|although|mind you),?\s*)?"
    r"\bi(?:'|’)?m (?:a (?:bit|little) |slightly |probably )?biased\b.*$",
    re.IGNORECASE | re.DOTALL,
)

# A form's field name before a yes or no, as copied from a form: "Contact permitted: N".
_FORM_FIELD = re.compile(
    r"^(?!not\b|never\b|no\b)[a-z][a-z ]{2,30}:\s*(?=(?:y|n|yes|no)\W*$)", re.IGNORECASE
)


def without_frame(raw: str) -> str:
    """The answer without what frames it: a letter's greeting and signature, an answer
    put off to someone else before it is given, an earlier answer taken back, thinking
    aloud before the answer settled on, a bias owned to after it, someone's words quoted
    and agreed with, a form's field name."""
    framed = _LETTER_SIGNATURE.sub("", _LETTER_GREETING.sub("", raw))
    framed = _SAID_BEFORE_AFTER.sub("", _SAID_BEFORE.sub("", _PUT_OFF.sub("", framed)))
    framed = _ME_FIRST.sub("", _SETTLED.sub("", framed))
    framed = _HESITATION.sub("", framed)  # "hmm, in my room yes, not downstairs"
    framed = _OWN_BIAS_AFTER.sub("", framed)
    framed = _QUOTED_AND_AGREED.sub(r"\g<said>", framed)
    framed = _FORM_FIELD.sub("", framed)
    return framed.strip(" ,.;") or raw


def without_accents(raw: str) -> str:
    """Accents taken off Latin letters, as a phone set to French or Portuguese adds them
    ("Nô", "Yés"). Marks on other scripts' letters are part of the word and stay."""
    bare = re.sub(r"(?<=[a-zA-Z])[\u0300-\u036f]+", "", unicodedata.normalize("NFD", raw))
    return unicodedata.normalize("NFC", bare)


# A word begun again, as someone who stammers types it: "w-w-work", "y-yes", "i-i-i".
_STAMMER = re.compile(r"(?i)\b(?:[a-z]{1,2}-)+[a-z]+\b")


def unstammered(raw: str) -> str:
    """A word begun again and again ("w-w-work", "n-n-no", "i-i-i") as the word; "so-so",
    "x-ray" and "step-mum" stay, as their first part is not the word begun."""

    def said_once(run: re.Match[str]) -> str:
        *starts, word = run.group().split("-")
        begun = all(
            word.lower().startswith(start.lower()) and (len(start) == 1 or len(start) < len(word))
            for start in starts
        )
        return word if begun else run.group()

    return _STAMMER.sub(said_once, raw)


# Digits for the letters they look like, inside a word: "y3s", "n0p3", "r34lly", "g00d".
_LOOKALIKES = str.maketrans("0345", "oeas")
_DIGITS_FOR_LETTERS = re.compile(r"(?i)\b[a-z]+[0345][a-z0-9]*\b|\b[a-z][a-z0-9]*[0345][a-z]+\b")


def undigited(raw: str) -> str:
    """Digits typed for the letters they look like ("n0t r34lly", "y3s pl34se") as those
    letters. Not where a digit is a number or a sound: "y10" (year 10), "b4", "m8"."""
    return _DIGITS_FOR_LETTERS.sub(
        lambda word: (
            word.group()
            if re.fullmatch(r"(?i)[a-z]{1,2}\d+", word.group()) and word.group().lower() != "n0"
            else word.group().translate(_LOOKALIKES)
        ),
        raw,
    )


def as_one_line(raw: str) -> str:
    """A reply typed as a list, an item a line ("- worker: yes", then "- manager: no"),
    as one line, each item its own clause ("worker: yes, manager: no")."""
    unbulleted = re.sub(r"(?m)^[ \t]*(?:[-*•·▪]|\d[.)])[ \t]+", "", raw.strip())
    return re.sub(r"(?<![,.;:!?])[ \t]*\n+\s*", ", ", unbulleted).replace("\n", " ")


def starred_put_right(raw: str) -> str:
    """A word put right with a star, as people do in chat, after the message ("young
    persian. person*") or straight after the slip ("the plane plan* at all"): the star's
    word in place of the one it is closest to."""
    starred = re.fullmatch(
        r"(?s)(?P<said>.*\w\W*)\s+(?:\*(?P<a>[a-z]+)|(?P<b>[a-z]+)\*)\W*", raw, re.IGNORECASE
    )
    if not starred:  # put right straight after, mid-reply: "i dont get the plane plan* at all"
        return re.sub(r"(?i)\b([a-z]+) ([a-z]+)\*(?!\w)", _put_right_in_place, raw)
    said, right = starred["said"].rstrip(" .,;"), (starred["a"] or starred["b"]).lower()
    near = [word for word in re.findall(r"[a-z]+", said, re.I) if _a_slip_of(word.lower(), right)]
    if not near:
        return raw  # "yes *shrugs*": a gesture, not a word put right
    start = said.rindex(near[-1])
    return f"{said[:start]}{right}{said[start + len(near[-1]) :]}"


def _put_right_in_place(pair: re.Match[str]) -> str:
    return pair[2] if _a_slip_of(pair[1].lower(), pair[2].lower()) else pair[0]


def _a_slip_of(word: str, right: str) -> bool:
    """Whether `word` is `right` mistyped: another word, but a letter or a few away."""
    return word != right and edit_distance(word, right) <= max(1, len(right) // 3)


def holds_phrase(raw: str, core: str, phrase: str, typed: str) -> bool:
    """Whether a button's own phrase is in the reply: a telling phrase anywhere, or an
    abbreviation in capitals as its own word ("RI - drift in the plan")."""
    if phrase.isupper() and len(phrase) >= 2:
        return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", raw) is not None
    return telling(phrase) and (
        contains(core, normalise(phrase)) or contains(typed, normalise(phrase))
    )


def telling(phrase: str) -> bool:
    """Whether a button's phrase, found inside a longer reply, can pick it: not "yes",
    "no" or "please", which say too little there ("yes delete it" is not "keep")."""
    words = normalise(phrase)
    return len(words) >= 3 and words not in known_phrases() and words not in FILLER
