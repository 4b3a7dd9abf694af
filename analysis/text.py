"""Text normalisation shared by the analysis modules."""

from __future__ import annotations

import re
from functools import lru_cache

# Text-speak and common misspellings, expanded before matching.
TEXT_SPEAK = {
    "u": "you",
    "4": "for",
    "2": "to",
    "n": "and",
    "ur": "your",
    "r": "are",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gunna": "going to",
    "gna": "going to",
    "gotta": "got to",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "pls": "please",
    "plz": "please",
    "plss": "please",
    "rn": "right now",
    "ppl": "people",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "2nite": "tonight",
    "tonite": "tonight",
    "nite": "night",
    "2day": "today",
    "b4": "before",
    "myslef": "myself",
    "meself": "myself",
    "mysef": "myself",
    "kil": "kill",
    "sucide": "suicide",
    "suicde": "suicide",
    "suiside": "suicide",
    "sucidal": "suicidal",
    "suicdal": "suicidal",
    "hurtin": "hurting",
    "hittin": "hitting",
    "beatin": "beating",
    "cuttin": "cutting",
    "kickin": "kicking",
    "punchin": "punching",
    "slappin": "slapping",
    "touchin": "touching",
    "doin": "doing",
    "goin": "going",
    "ded": "dead",
    "hes": "hes",
    "mom": "mum",
    "mam": "mum",
    "ma": "mum",
    "mums": "mums",
    "stepmum": "step mum",
    "stepdad": "step dad",
    "teh": "the",
}


NOT_A_LETTER = re.compile(r"[^a-z0-9]+")
DOUBLED = re.compile(r"([a-z])\1+")
STRETCHED = re.compile(r"([a-z])\1{2,}")


# Tagging and screening one answer normalise the same clause several times; a few
# entries suffice, and keep few answers in memory.
@lru_cache(maxsize=32)
def normalise(text: str, *, collapse_doubles: bool = False) -> str:
    """Lower-case, drop apostrophes, expand text-speak; words separated by single spaces.

    Stretched letters ("scaaared") are cut to two; with `collapse_doubles`, to
    one ("beatss" -> "beats"), which catches more misspellings but breaks
    words that really have double letters, so both forms are screened.
    """
    lowered = text.lower().replace("’", "'").replace("'", "").replace("`", "")
    letters = NOT_A_LETTER.sub(" ", lowered)
    squeezed = DOUBLED.sub(r"\1", letters) if collapse_doubles else STRETCHED.sub(r"\1\1", letters)
    words = [TEXT_SPEAK.get(word, word) for word in squeezed.split()]
    return " ".join(words)


# Words as children and teenagers often spell them, read as the word they mean when a
# typed reply is matched to a button (`analysis.replies`).
RESPELLED = {
    "gud": "good",
    "gd": "good",
    "wot": "what",
    "wots": "whats",
    "wat": "what",
    "shur": "sure",
    "shure": "sure",
    "abit": "a bit",
    "rly": "really",
    "rlly": "really",
    "hav": "have",
    "wana": "want to",
    "wanna": "want to",
    "elevan": "eleven",
    "fiftean": "fifteen",
    "twenny": "twenty",
    "l8r": "later",
    "tmrw": "tomorrow",
    "2moro": "tomorrow",
    "ur": "your",
    "thnk": "think",
    "wdym": "what do you mean",
    "obvs": "obviously",
    "anser": "answer",
    "persun": "person",
    "reely": "really",
    "reelly": "really",
    "grate": "great",
    "nevr": "never",
    "elevn": "eleven",
    "usualy": "usually",
    "alrite": "alright",
    "rite": "right",
    "imporvement": "improvement",
    "fink": "think",
    "persen": "person",
    "terible": "terrible",
    "skiip": "skip",
    "changin": "changing",
    "yea": "yeah",
    "yr": "year",
    "reallyy": "really",
    "thru": "through",
    "idm": "i dont mind",
    "naw": "no",
    "relly": "really",
    "realy": "really",
    "gess": "guess",
    "twelv": "twelve",
    "skipp": "skip",
    "fiveteen": "fifteen",
    "knot": "not",
    "beter": "better",
    "sur": "sure",
    "reli": "really",
    "reeli": "really",
    "lil": "little",
    "nt": "not",
    "al": "all",
    "mostley": "mostly",
    "depnds": "depends",
    "kinnda": "kinda",
    "sortof": "sort of",
    "kindof": "kind of",
    "litle": "little",
    "probly": "probably",
    "latr": "later",
    "usally": "usually",
    "definitly": "definitely",
    "ys": "yes",
    "spose": "suppose",
    "persn": "person",
    "yung": "young",
    "wrk": "work",
    "notnow": "not now",
    "fourten": "fourteen",
    "cud": "could",
    "skp": "skip",
    "nopee": "nope",
    "nvr": "never",
    "ideer": "idea",
    "wk": "week",
    "dinnae": "dont",
    "v": "very",
    "nerly": "nearly",
    "nw": "now",
    "fourtean": "fourteen",
    "ninteen": "nineteen",
    "parnt": "parent",
    "outstandng": "outstanding",
    "clu": "clue",
    "tym": "time",
    "litl": "little",
    "thurteen": "thirteen",
    "nrly": "nearly",
    "leever": "leaver",
    "wrker": "worker",
    "ere": "here",
    "depens": "depends",
    "mayb": "maybe",
    "sppose": "suppose",
    "supose": "suppose",
    "ahed": "ahead",
    "tims": "times",
    "sckip": "skip",
    "improvment": "improvement",
    "recon": "reckon",
    "yesplz": "yes please",
    "talkd": "talked",
    "b": "be",
    "no1": "nobody",
    "yees": "yes",
    "nae": "no",
    "dnt": "dont",
    "nite": "night",
    "yeer": "year",
    "idear": "idea",
    "nothin": "nothing",
    "2nd": "second",
    "1st": "first",
    "useles": "useless",
    "uselss": "useless",
    "vry": "very",
    "alreet": "alright",
    "werk": "work",
    "dus": "does",
    "wurst": "worst",
    "nha": "nah",
    "gr8": "great",
    "sometims": "sometimes",
    "wirst": "worst",
    "wiv": "with",
    "maistly": "mostly",
    "couldnae": "couldnt",
    "tomoz": "tomorrow",
    "tomoro": "tomorrow",
    "soshal": "social",
    "soshul": "social",
    "beta": "better",
    "bout": "about",
    "carr": "carer",
    "coment": "comment",
    "wen": "when",
    "vary": "very",
    "wich": "which",
    "suer": "sure",
    "rilly": "really",
    "dose": "does",
    "sord": "sort",
    "sixs": "six",
    "scarey": "scary",
    "herr": "here",
    "nwo": "now",
    "tim": "time",
    "tel": "tell",
    "chnge": "change",
}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, for short words."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1]
