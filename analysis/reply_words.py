"""The words of typed answers: what kinds of answer ("yes", "sometimes", "good", "skip")
a reply's words hold, read from `reply_words.json`, longest phrases first; the buttons
they can name (`Choice`) and what a reply is read as (`Reading`). Pure."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis import reply_shapes, reply_speakers
from analysis.spoken_numbers import NUMBER_WORDS
from analysis.text import RESPELLED, edit_distance

# What people type for each kind of answer (`reply_words.json`). Option values are
# matched to these by name ("yes", "sometimes", "good") or through
# `SAME_MEANING` below ("agree" is a yes). How the bot reads the hedged
# kinds is the reading policy (`training/replies/reading-policy.md`): "not_really" is a
# no; "mostly" is Sometimes beside "Yes, always"; "tentative" ("i think so") is a yes
# said softly; "neither" ("not bothered") says nothing about the buttons.
INTENTS: dict[str, tuple[str, ...]] = {
    intent: tuple(phrases)
    for intent, phrases in json.loads(
        Path(__file__).with_name("reply_words.json").read_text(encoding="utf-8")
    ).items()
}
# Before an answer's word, these turn it round or leave it between ("not gud", "wouldnt
# say no", "not inadequate"): asked again, never read. ("no" and "never" are answers.)
NOT_BEFORE = frozenset(
    {"not", "wouldnt", "isnt", "wasnt", "arent", "aint", "didnt", "doesnt", "cant", "hardly"}
)
NEGATED = "negated"
# A yes said strongly, turned by the word after it: "one definitely wasnt", "totally
# didnt". ("definitely not" is a phrase of its own, a no.)
INTENSIFIERS = frozenset({"definitely", "deffo", "defo", "absolutely", "certainly", "totally"})
NOT_AFTER = NOT_BEFORE - {"not", "hardly"} | {"werent", "wont", "havent"}

SKIP = "skip"
EXPLAIN = "explain"
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


@dataclass(frozen=True)
class Reading:
    """What a reply is read as: one button, the buttons it could be, or SKIP or EXPLAIN;
    all empty when it says nothing about the buttons."""

    choice: str | None = None
    could_be: tuple[str, ...] = ()
    intent: str | None = None  # SKIP or EXPLAIN


# Small sets of words the reader's rules name (`analysis.reply_rules`).
# "ok", "fine", "sure": yes to a yes-or-no question, OK on a scale; where the answers
# are graded (always / sometimes / no, or a "mostly"), they could be either: ask which.
LUKEWARM = frozenset(
    {"ok", "okay", "k", "kk", "okey", "oki", "alright", "fine", "fine by me", "sure", "all right"}
    | {"grand"}
)
SOFT_YES = LUKEWARM | {
    "👍",
    "👌",
    "its ok",
    "its fine",
    "thats fine",
    "thats ok",
    "ok then",
    "yeah ok",
}
# Thanks in other languages: "o dara, e se" is "good, thanks"; "bardzo dobrze, dziękujemy".
THANKS_ABROAD = (
    *("ese", "dhanyabad", "dhanyavad", "dhanyabaad", "aciu", "ačiū", "merci", "gracias"),
    *("shukran", "dziekuje", "dziękuję", "dziekujemy", "dziękujemy", "obrigado", "obrigada"),
    *("grazie", "danke", "diolch", "tapadh leat", "go raibh maith agat", "paldies"),
)
# Words that carry no answer: "lol no" is "no", "um yes" is "yes".
FILLER = frozenset(
    {
        *("lol", "lmao", "haha", "hahaha", "um", "umm", "erm", "er", "uh", "hmm", "hm", "so"),
        *("please", "pls", "plz", "plse", "thanks", "thank you", "ty", "thx", "cheers"),
        *("just", "like", "tbh", "honestly", "think", "guess", "probably", "prob"),
        *("mate", "bro", "innit", "oh", "ah", "even", "ever", "ngl", "fr"),
        *THANKS_ABROAD,
    }
)
# Whole replies only: inside a sentence they say too little ("i dont really mind").
WHOLE_REPLIES = {
    **dict.fromkeys(("dont", "i dont", "no dont", "please dont", "n"), "no"),
    # "all the time" alone is always; in "they call me the wrong name all the time" it is not.
    **dict.fromkeys(("i do", "y", "all the time", "every time", "every single time"), "yes"),
    **dict.fromkeys(("i would", "i would yeah", "yes i would"), "yes"),  # not "i would rather not"
    "sim": "yes",  # Portuguese; inside a sentence, a phone's SIM
    "si": "yes",  # Spanish, Italian; inside an English sentence, a slip of "so" or "is"
    "non": "no",  # French, Italian; inside a sentence, "non stop"
    "yrs": "yes",  # a slip; after a number, years ("14 yrs")
    "sea": "yes",  # Irish
    # Igbo; "po": Albanian; "net" and "ni": Russian and Ukrainian no. Not "ne": Greek yes,
    # Slavic no.
    "ee": "yes",
    "po": "yes",
    "net": "no",
    "ni": "no",
    **dict.fromkeys(("next", "next one", "next q", "next question"), SKIP),
}
# After "is", the words that make a question ("is this confidential", "is it free").
ASKED_OF = frozenset(
    {"this", "that", "it", "there", "he", "she", "they", "we", "i", "you", "my", "your"}
    | {"the", "a", "an", "anyone", "someone", "somebody", "anybody", "his", "her", "our"}
)
WH_WORDS = frozenset({"what", "wat", "wot", "who", "why", "how", "where", "when"})
# A request, not a question about the question: "can we do this later" may pick a button.
ASKING = frozenset({"can", "could"})
QUESTION_WORDS = frozenset(
    {
        *("what", "wat", "wot", "whats", "wats", "who", "whos", "how", "why", "where", "when"),
        *("will", "would", "can", "could", "do", "does", "is", "are", "which", "whose"),
    }
)
# These open a question only with someone after them: "would you tell my mum", "is it
# anonymous"; "would go outstanding", "is good" answer.
AUXILIARIES = frozenset({"will", "would", "do", "does", "is", "are"})
SUBJECTS = frozenset(
    {
        *("i", "you", "u", "ya", "yo", "we", "they", "he", "she", "it", "this", "that"),
        *("there", "my", "your", "ur", "the", "a", "an", "anyone", "someone", "somebody"),
        *("anybody", "everyone", "people", "mum", "dad", "me", "thay", "dey", "wee", "yous"),
    }
)
# "maybe" alone: not sure, where there is such a button; otherwise ask.
HEDGES = frozenset({"maybe", "mebbe", "maybs", "perhaps", "possibly"})
# Nothing is further: "worse than awful" is awful, "better than amazing" amazing.
EXTREMES = frozenset(
    {
        *("awful", "terrible", "horrible", "the worst", "amazing", "brilliant", "great"),
        *("excellent", "outstanding", "inadequate", "perfect", "the best"),
    }
)
NO_WORDS = frozenset({"no", "nope", "nah", "na", "naa", "nop"})
YES_WORDS = frozenset({"yes", "yeah", "yep", "ye", "yh"})
# Said before an answer, not instead of one: "Honestly, RI. The plan drifted …", "Morning!
# Early help practitioner, …".
FRANKLY = frozenset({"honestly", "frankly", "personally", "truthfully", "tbh", "well"}) | {
    *("hi", "hello", "hiya", "hey", "morning", "afternoon", "evening"),
}
# Said with a roll of the eyes, these are a no: "oh loads 🙄".
SO_MUCH = frozenset({"loads", "lots", "totally", "definitely", "always", "course", "sure"})
# Typed alone in any language: skip (the skip button's own words are read as well).
SKIP_WORDS_STRICT = frozenset({"skip", "pass", "next"})
# What a hedge may stand beside and still be only a hedge ("maybe yes"; not "maybe later").
HEDGED = frozenset({"yes", "yeah", "no", "not", "sure", "i", "so"}) | NO_WORDS
# As the English school year each matches (S1 is Year 8): S2 is Year 9, S6 Year 13.
SCOTTISH_YEARS = {"2": "year 9", "3": "year 10", "6": "year 13"}
# "year eleven" is year 11, a school year, not an age of eleven.
SCHOOL_YEAR = re.compile(rf"\byear ({'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b")


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, punctuation to spaces (emoji kept), one space,
    common spellings read as the word they mean ("gud" is "good")."""
    text = unicodedata.normalize("NFKC", text).lower().replace("'", "").replace("’", "")
    text = re.sub("[\U0001f3fb-\U0001f3ff]", "", text)  # skin tones: "👍🏻" is "👍"
    text = re.sub("([0-9])\ufe0f?\u20e3", r"\1", text)  # keycap digits: "1️⃣4️⃣" is 14
    # Before punctuation goes: "dont no" is "dont know", but "dont, no" is two answers.
    text = re.sub(r"\bno[ -]?ones?\b", "nobody", text)  # "no one listens" says no, not "no"
    text = re.sub(r"\b(dont|dnt|didnt|doesnt|do not|did not|to) no\b", r"\1 know", text)
    text = re.sub(r"\b(tell|telt) ye\b", r"\1 you", text)  # Scots: "couldnae tell ye"
    text = re.sub(r"\b(?:y|yr|year)(\d{1,2})\b", r"year \1", text)  # "y10" is year 10
    text = re.sub(r"\bim(\d)", r"im \1", text)  # "im10"
    text = re.sub(r"\b(\d{1,2})([a-z]{4,})(\d{1,2})\b", r"\1 \2 \3", text)  # "15nearly16"
    text = re.sub(r"\b(\d{1,2})(yrs?|years?|yo)\b", r"\1 \2", text)  # "13yrs"
    text = re.sub(r"\bon the hole\b", "on the whole", text)
    text = re.sub(r"\bby an large\b", "by and large", text)
    # Patois "dem" before what they do is "they": "dem nuh listen" ("tell dem" stays them)
    text = re.sub(r"^dem (?=(?:nuh|dont|didnt|do|did|never|neva|always|listen)\b)", "they ", text)
    text = re.sub(r"\byer (\d)", r"year \1", text)  # "yer 4"
    # Framed, not conditional: "if I had to pick, good", "I'd tell my mate it's been a
    # nightmare", "if a friend asked I'd say go for it".
    text = re.sub(
        r"^if (?:i )?(?:had|have|was forced|were forced|forced|was made) to (?:pick|choose)"
        r"(?: one)?,?\s*",
        "",
        text,
    )
    text = re.sub(r"^if (?:a|my) (?:friend|mate|pal) (?:asked|asks)(?: me)?,?\s*", "", text)
    # "I'd rather my manager rated it, but if I must, RI"
    if_i_must = r"(?:if i (?:must|have to)(?: say| pick| choose)?|if pushed|if forced)"
    text = re.sub(rf"^(?:.*\bbut )?{if_i_must},?\s*(?=\w+(?: \w+)?$)", "", text)
    text = re.sub(rf"(?<=\w),?\s*{if_i_must}$", "", text)  # "fine I guess, if I have to say"
    text = re.sub(r"^(?:its|it is|thats) giving\b", "", text)  # a meme: "it's giving disrespect"
    text = re.sub(r"\baye reyt\b", "aye alright", text)  # Yorkshire, not the Scots "aye right"
    # "on Tuesdays yes, that was the good worker's day": only some days
    days = r"(?:mon|tues|wednes|thurs|fri|satur|sun|week)days|weekends|school days"
    on_days = rf"^(?:only )?(?:on|at) (?:{days}),? (?=(?:yes|yeah|yep|no|nah)\b)"
    text = re.sub(on_days, "some days ", text)
    # Thanks, not "kind of" (Sometimes): "Thank you, it's kind of you to ask. Yes, always."
    kind_of_you = r"\b(?:(?:its|thats|it is|how) )?(?:very |so |really )?kind of (?:you|u)\b"
    text = re.sub(kind_of_you, "thanks", text)
    text = re.sub(r"\balways[ -]?ish\b", "mostly", text)  # nearly always
    text = re.sub(r"\bsometimes[ -]?ish\b", "sometimes", text)
    # An aside, not a condition: "Yes please, though I won't hold my breath"
    text = re.sub(r",?\s*(?:though |but )?(?:i )?(?:wont|will not) hold my breath\b", "", text)
    text = re.sub(r",?\s*(?:though |but )?i doubt (?:anything|much|it) will change\b", "", text)
    if_changed = r",?\s*if (?:you|u|they) actually (?:change|do) (?:anything|something)$"
    text = re.sub(if_changed, "", text)  # "Yes please, if you actually change anything"
    # A reason, not a condition: "yes if it helps other families" ("only if …" stays)
    helps = r"(?:helps|will help|would help|can help|could help)"
    others = (
        r"(?:other|others|another|someone|somebody|anyone)(?: (?:families|family|kids|people))?"
    )
    text = re.sub(
        rf"(?<!only )\bif it {helps} {others}\b,?\s*(?=\w)"
        rf"|,?\s*(?<!only )\bif it {helps} {others}$",
        "",
        text,
    )
    # A hedge after their grade: "I'd say good but my manager may disagree"
    text = re.sub(
        r",?\s*(?:but |though )?(?:my |the |our )?(?:manager|supervisor|team manager|tm|ofsted)"
        r" (?:may|might|could|would|will|probably) (?:well )?disagree$",
        "",
        text,
    )
    text = re.sub(r"^(?:id|i would) tell (?:my|a) (?:friend|mate|pal)(?: that)?\s+", "", text)
    text = re.sub(r"^(?:i )?(?:would|wud|id) say\s+(?=\w)(?!so\b)", "", text)  # "would say good, …"
    text = re.sub(r"\bsum (of|times?|tims)\b", r"some \1", text)
    text = re.sub(
        r"\b(?:i )?(?:not|dont|do not) want (answer|say|tell)\b", r"dont want to \1", text
    )
    text = re.sub(r"\bno ?1\b", "nobody", text)  # "no 1 told me", "no1 evr lisens"
    text = re.sub(r"\byear for\b", "year 4", text)
    text = re.sub(r"\bp([1-7])\b", r"year \1", text)  # Scottish primary years: "P6"
    # Scottish secondary years that sit inside one age group ("S2", "im in S6"); S1, S4
    # and S5 span two (authors ask), so they stay as typed
    text = re.sub(r"\bs([236])\b", lambda school: SCOTTISH_YEARS[school.group(1)], text)
    text = re.sub(r"^no (?=(?:great|sure|bad|too bad|that good)\b)", "not ", text)  # Scots
    text = re.sub(r"\b(im|i am) ate\b", r"\1 8", text)
    text = re.sub(r"\bfor teen\b", "fourteen", text)
    text = re.sub(r"\bnever (even )?meet\b", r"never \1met", text)
    text = re.sub(r"\bnow an then\b", "now and then", text)
    # "now thanks", "now never been told": a slip of "no" ("now and then" stays)
    text = re.sub(
        r"^now (?=(?:thanks|thank you|thx|ta|ty|never|i dont|i didnt|i do not|not really)\b)",
        "no ",
        text,
    )
    text = re.sub(r"\bhappy too\b", "happy to", text)
    text = re.sub(r"\s+slash\s+", "/", text)  # "good slash RI"
    text = re.sub(r"\bgo a head\b", "go ahead", text)
    text = re.sub(r"\bout ?of (ten|five)\b", lambda m: f"out of {NUMBER_WORDS[m.group(1)]}", text)
    text = re.sub(r"\bout of (?:your|the|ur) (\d+)\b", r"out of \1", text)  # "3 out of your 5"
    text = re.sub(r"^p a\b", "pa", text)  # "P A from leaving care team"
    text = re.sub(r"\bouta\b", "outta", text)
    text = re.sub(r"\b(not )?rely\b(?! on\b)", r"\1really", text)  # "rely bad"
    text = re.sub(r"\bi no (her|him|them|who|hoo|it|that|my)\b", r"i know \1", text)
    text = re.sub(r"\bme (mam|mum|mom|dad|nan|nana|gran|da|ma)\b", r"my \1", text)  # "me mam"
    text = re.sub(r"\bfor out of\b", "4 out of", text)
    text = re.sub(r"\bnobodys\b", "nobody has", text)
    text = re.sub(
        r"\b(?:if (?:im|i am)(?: being)?|to be) (?:totally |completely |brutally )?honest\b",
        "tbh",
        text,
    )
    text = re.sub(r"\bnot interest\b", "not interested", text)
    # A gesture in words, as its emoji: "thumbs up", "*nods*", "shrugs".
    text = re.sub(r"\b(?:(?:a )?big )?thumbs? up\b", "👍", text)
    text = re.sub(r"\b(?:(?:a )?big )?thumbs? down\b", "👎", text)
    text = re.sub(r"^(?:\W*)nods?(?: (?:my )?head)?\W*$", "yes", text)
    text = re.sub(r"\bshrugs?\b", "🤷", text)
    # "could of bin better"; not "put it in the bin"
    text = re.sub(r"\b(of|have|av) bin (?=(?:\w+er|worse|good|bad|ok|great)\b)", r"\1 been ", text)
    text = re.sub(r"\bnow (?:n|an|and) again\b", "now and then", text)
    text = re.sub(r"\bgo 4 it\b", "go for it", text)
    text = re.sub(r"\b1?(\d)teen\b", r"1\1", text)  # "18teen"
    # Politeness, not a condition: "Ill leave that one if thats alright".
    text = re.sub(r",?\s*if (?:thats|that is|its|it is) (?:ok|okay|alright|all right)\b", "", text)
    # "would rate as outstanding", "would put this at good": the grade, not a question
    text = re.sub(
        r"^(?:i )?(?:would|wud|id) "
        r"(?:rate (?:it |this )?(?:as )?|put (?:it |this )?at |give (?:it |this )?)",
        "",
        text,
    )
    ofsted = r"(?:on the ofsted scale|in ofsted (?:terms|language|speak))"
    text = re.sub(rf"\b(?:an? )?([1-4]),? {ofsted}\b", r"grade \1", text)  # "a 4 in Ofsted terms"
    text = re.sub(r"^on (?:the )?file\b", "on paper", text)  # "On the file, good. In the room…"
    text = re.sub(r"\bid not (?=say|call it|describe)", "i wouldnt ", text)  # "I'd not say"
    text = re.sub(r"^never have i ever\b", "i have never", text)  # "Never have I ever felt heard"
    # A memory hedged, not a condition: "good, if I remember the audit right"
    text = re.sub(
        r",?\s*\bif i (?:remember|recall)(?: \w+){0,2} (?:right|rightly|correctly)\b,?", " ", text
    )
    # What they would tell a friend is what they say: "if I was telling my mate, I'd say …"
    mate = r"(?:my|a) (?:mate|friend|colleague)"
    text = re.sub(rf"^if i (?:was|were) telling {mate},? (?:id say |i would say )?", "", text)
    text = re.sub(r"\bout de\b", "out of", text)  # autocorrect set to Spanish: "2 out de 5"
    text = re.sub(r"\bfore ?teen\b", "fourteen", text)
    text = re.sub(r"\bawe ?full\b", "awful", text)
    text = re.sub(r"\b(its|im|all) find\b", r"\1 fine", text)  # "its find"
    text = re.sub(r"\bthe noo\b", "the now", text)  # Scots: "not the noo"
    text = re.sub(r"\bno cap\b", " ", text)  # "no lie": "sure no cap" is "sure"
    text = re.sub(r"(?<=\w\w)([aiu])\1+\b", r"\1", text)  # "no ideaa" ("see", "too" stay)
    text = re.sub(r"\b(\d{1,2}) ?y\.? ?o\b", r"\1 yo", text)  # "19y.o"
    text = re.sub(r"\b(?:dont|do not) really know\b", "dont know", text)
    text = re.sub(r"\bnot really sure\b", "not sure", text)  # not sure, not "not really"
    text = re.sub(r"\bso shall\b", "social", text)  # dictated: "a so shall worker"
    text = re.sub(r"\bnote (great|good|really|sure|bad|now)\b", r"not \1", text)  # "note great"
    # "I not understand", "they not listen"
    text = re.sub(
        r"\b(i|they|he|she) (?:not|nuh) (understand|get|know|listen|care)\b", r"\1 dont \2", text
    )
    text = re.sub(r"\brather ye\b", "rather you", text)  # "rather ye didnae"
    text = re.sub(r"\b(?:most|maist) o the\b", "most of the", text)
    text = re.sub(r"\bat the mo\b", "at the moment", text)
    text = re.sub(r"\b(work|wrk|werk) 4\b", r"\1 for", text)  # "i wrk 4 u lot"
    text = re.sub(
        r"^([a-z]) ([a-z]) ([a-z])(?: ([a-z]))?$", lambda m: "".join(filter(None, m.groups())), text
    )  # "y e s"
    text = re.sub(r"\b(most|some|all|kind|sort) off\b", r"\1 of", text)
    text = re.sub(r"\b(want|need|have|got) 2\b", r"\1 to", text)  # "dont want 2 say"
    text = re.sub(r"\bfoster (?:car(?:a|r|e)|karen)\b", "foster carer", text)  # autocorrect
    text = re.sub(r"\bfull stop\b", ".", text)  # dictated: "I guess so full stop"
    text = re.sub(r"\bpart lee\b", "partly", text)
    text = re.sub(r"\bnot shore\b", "not sure", text)
    text = re.sub(r"\bnot gut\b", "not good", text)  # a phone set to German
    text = re.sub(r"\be se\b", "ese", text)  # Yoruba "thank you"
    text = re.sub(r"\bhim provement\b", "improvement", text)  # dictated
    # Stars, as in a review: "⭐⭐⭐⭐" and "4 stars" are 4 out of 5 (one star alone may be praise).
    text = re.sub(
        r"(?:⭐\ufe0f?|🌟){2,5}",
        lambda stars: f" {stars.group().count('⭐') or stars.group().count('🌟')} out of 5 ",
        text,
    )
    text = re.sub(r"\b([0-5]) ?stars?\b", r"\1 out of 5", text)
    # "I'll give them that": granted, not a condition. "they listened, I'll give them that"
    text = re.sub(r",?\s*(?:ill|i will|i'll) give (?:them|her|him|you|u) that\b", "", text)
    # dictated: "Know I don't"
    text = re.sub(r"^know (?=i (?:dont|didnt|do not|did not|havent|wasnt)\b)", "no ", text)
    text = re.sub(r"\bi ent\b", "i aint", text)  # Norfolk: "i ent got a clue"
    # Politeness, not a condition: "ok if you like"
    text = re.sub(r"^(ok|okay|yes|yeah|sure|fine),? if (?:you|u) (?:like|want|wish)$", r"\1", text)
    text = re.sub(r"\bmakes? cents\b", "makes sense", text)
    text = re.sub(r"\b(not|cant) write now\b", r"\1 right now", text)
    text = re.sub(r"\b(im|i am|ahm|am) no sure\b", r"\1 not sure", text)  # Scots: "Ah'm no sure"
    text = re.sub(r"^(?:find|gone) (?=thanks|thank you|ty\b)", "fine ", text)  # swipe typing
    yeah = r"^year (?=(?:its|it is|please|pls|i do|thanks|ta|defo|deffo|sure|ok)\b)"
    text = re.sub(yeah, "yeah ", text)  # swiped: "year its mike", "year please"; not "year 9"
    text = re.sub(r"\bnot (?:gonna|going to|gunna) lie\b", "ngl", text)
    text = re.sub(r"\b(work|werk|wrk) (?:hear|gere)\b", r"\1 here", text)
    text = re.sub(r"\b(have|hav|got|had|seen|wasnt|isnt|aint) 1\b", r"\1 one", text)
    text = re.sub(r"\b(thir|four|fif|six|seven|eigh|nine) teen\b", r"\1teen", text)  # "six teen"
    text = re.sub(r"\beight teen\b", "eighteen", text)
    # Know spelt as it sounds: "yeh i no wat it says", "i no her" (not "i, no").
    known = r"(?:wot|wat|what|whats|hoo|who|where|it|her|him|them|mine|the|about)"
    text = re.sub(rf"\bi no (?={known}\b)", "i know ", text)
    text = re.sub(r"\b(wanna|wana|want to) no\b", r"\1 know", text)  # "yes plz wanna no"
    text = re.sub(r"\b((?:most|some|all) of) (?:d|da)\b", r"\1 the", text)
    text = re.sub(r"[.,!;:\"()\[\]{}~*_]+", " ", text)
    text = re.sub(r"\?+", " ?", text)
    words = [RESPELLED.get(word, RESPELLED.get(squash(word), word)) for word in text.split()]
    text = " ".join(words).replace(" ?", "").strip()
    text = re.sub(r"^(would|could) be\b", r"it \1 be", text)  # a wish, not a question
    return SCHOOL_YEAR.sub(lambda year: f"year {NUMBER_WORDS[year.group(1)]}", text)


def squash(text: str) -> str:
    """Letters typed over and over said once more: "yesss" is "yess", "nooooo" is "noo"."""
    return re.sub(r"(\w)\1{2,}", r"\1\1", text)


@lru_cache(maxsize=1)
def phrases() -> list[tuple[str, frozenset[str]]]:
    """Every phrase with the kinds of answer it can be, longest first."""
    kinds: dict[str, set[str]] = {}
    for intent, said in INTENTS.items():
        for phrase in said:
            kinds.setdefault(normalise(phrase) or phrase, set()).add(intent)
    return sorted(((p, frozenset(k)) for p, k in kinds.items()), key=lambda item: -len(item[0]))


def intents(text: str) -> set[str]:
    """The kinds of answer a reply holds, longest phrases first ("not good" is not "good").

    A kind said with a "not" before it that no phrase covers ("not gud", "wouldnt say
    no", "not inadequate") is `NEGATED`: it may mean the opposite, or something between.
    """
    # "the bit about college" is a part of something, not "a bit" (Sometimes).
    remaining = re.sub(r" (the|this|that|each|every) bit ", r" \1 part ", f" {squash(text)} ")
    # "16 next week" is a time, not "next" (skip this question).
    remaining = re.sub(r" ne?xt (?=(?:week|month|year|time|term|birthday) )", " coming ", remaining)
    remaining = remaining.replace(" half term ", " holiday ")  # a school holiday, not "half"
    # "who do you pass it on to" asks where it goes; it is not "pass" (skip).
    passed_on = r" pass (?=(?:it|them|this|that|my \w+) (?:on|to|along) )"
    remaining = re.sub(passed_on, " hand ", remaining)
    found: set[str] = set()
    for phrase, kinds in phrases():
        if f" {phrase} " in remaining or (not phrase.isascii() and phrase in remaining):
            found |= {NEGATED} if negated(remaining, phrase) else kinds
            remaining = remaining.replace(phrase, " ")
    return found


def negated(text: str, phrase: str) -> bool:
    """Whether a "not" (or "wouldnt", "isnt", …) stands one or two words before `phrase`."""
    before = text.split(f" {phrase} ", 1)[0].split() if f" {phrase} " in text else []
    if before[-2:] == ["not", "really"] and phrase.split()[0] in NO_WORDS:
        return False  # "not really no thank you": a no, said twice
    after = text.split(f" {phrase} ", 1)[1].split()[:1] if f" {phrase} " in text else []
    if before[-1:] == ["than"] and before[-2:-1] in (["better"], ["worse"]):
        return phrase not in EXTREMES  # "better than ok": more than OK; "worse than awful"
    return bool(NOT_BEFORE & set(before[-2:])) or (
        phrase in INTENSIFIERS and bool(NOT_AFTER & set(after))
    )


@lru_cache(maxsize=1)
def known_phrases() -> frozenset[str]:
    return frozenset(phrase for phrase, _ in phrases())


def near_intent(word: str) -> str | None:
    """The one kind of answer a misspelt word is close to ("alwayz", "somtims"), if one."""
    if len(word) < 5 or not word.isalpha():
        return None
    near = {
        intent
        for phrase, kinds in phrases()
        if " " not in phrase and len(phrase) >= 5 and edit_distance(word, phrase) <= 2
        for intent in kinds
    }
    return near.pop() if len(near) == 1 else None


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word the reader gives a meaning to: the kinds of answer's words, the
    spellings it reads, numbers, and the words its sentence shapes name. A slipped word
    is respelt only into one of these (`analysis.spelling`)."""
    # A shape's \b is no letter: it names "always", not "balways".
    shapes = " ".join(
        re.sub(r"\\[a-zA-Z]", " ", shape.pattern)
        for module in (reply_shapes, reply_speakers)
        for shape in vars(module).values()
        if isinstance(shape, re.Pattern)
    )
    words = {word for phrase, _ in phrases() for word in phrase.split()}
    words |= {word for pair in RESPELLED.items() for phrase in pair for word in phrase.split()}
    words |= set(NUMBER_WORDS) | set(re.findall(r"[a-z]{3,}", shapes))
    words |= FILLER | NO_WORDS | YES_WORDS | QUESTION_WORDS | HEDGES | SKIP_WORDS_STRICT
    return frozenset(word for word in words if word.isascii() and word.isalpha())
