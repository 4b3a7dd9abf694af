"""Words typed with a slip ("fien", "mosly", "lisend", "notrealy"), read as the word the
reader knows that they are one slip from. Pure.

Only a word that is neither English (TextBlob's spelling list, shipped in the package)
nor known to the reader is respelt, and only into one of the reader's own words: a name,
a place or slang the reader does not know stays as typed. A word one slip from two
known words is left alone: guessing between them could pick the wrong button. A word
typed without its vowels ("trrbl", "nvr") is read as the known word it is the
consonants of.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textblob.en import spelling as english

from analysis.text import RESPELLED

WORD = re.compile(r"[^\W\d_]+")
# English words that are, in a reply nothing else could read, a key slipped in one of
# the reader's own: "Food thanks", "pretty food", "god overall", "party" (partly), "not
# bow". Only ever tried when the reply as typed said nothing.
REAL_WORD_SLIPS = {"food": "good", "god": "good", "party": "partly", "bow": "now"}


def slips(a: str, b: str) -> int:
    """Edits between two words, a swap of two letters counting as one ("fien", "fine");
    3 for anything further."""
    if abs(len(a) - len(b)) > 2:
        return 3
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(
                rows[i - 1][j] + 1,
                row[j - 1] + 1,
                rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]),
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def respelt(text: str, known: frozenset[str]) -> str:
    """`text` with each slipped word read as the one known word it stands for."""
    return WORD.sub(lambda word: _respelt_word(word.group(), known), text)


def _respelt_word(typed: str, known: frozenset[str]) -> str:
    word = typed.lower()
    if word in REAL_WORD_SLIPS:
        return REAL_WORD_SLIPS[word]
    if len(word) < 3 or word in known or word in english:
        return typed
    undoubled = re.sub(r"(\w)\1+$", r"\1", word)  # "kindaa", "bitt"
    if undoubled != word and undoubled in known:
        return undoubled
    held_down = re.sub(r"(\w)\1{2,}", r"\1", word)  # "amaaaazing": a key held down
    if held_down != word and (held_down in known or held_down in english):
        return held_down
    # One letter doubled inside: "reaally" is "really".
    singled = {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}
    if len(singled & known) == 1:
        return (singled & known).pop()
    near = _nearest(word, known)
    if near is not None:
        return near
    return _split(word, known) or _unvowelled(word, known) or typed


def _skeleton(word: str) -> str:
    """A word's consonants, each said once: "terrible" is "trbl", "really" "rly"."""
    return re.sub(r"(\w)\1+", r"\1", re.sub("[aeiou]", "", word))


def _unvowelled(word: str, known: frozenset[str]) -> str | None:
    """The one known word typed without its vowels ("trrbl", "nvr", "lstnd"), if one."""
    if len(word) < 3 or re.search("[aeiou]", word):
        return None
    skeleton = _skeleton(word)
    meant = {
        RESPELLED.get(other, other)
        for other in known
        if other.isalpha() and len(other) >= 4 and _skeleton(other) == skeleton
    }
    # The reader knows slipped spellings too ("relly", "realy"): of several, the English
    # word, when it is far (five times) commoner than the next ("really", not "rarely").
    counts = sorted(((english.get(other, 0), other) for other in meant), reverse=True)
    if len(counts) > 1 and counts[0][0] >= 5 * max(counts[1][0], 1):
        return counts[0][1]
    return meant.pop() if len(meant) == 1 else None


def _nearest(word: str, known: Iterable[str], longest_slip: int = 2) -> str | None:
    """The one known word `word` is closest to: one slip away, or two for long words."""
    best: dict[int, set[str]] = {}
    for other in known:
        if " " in other or not other.isalpha() or len(other) < 4:
            continue
        distance = slips(word, other)
        if distance <= min(longest_slip, 1 if max(len(word), len(other)) < 8 else 2):
            # "elevn" and "eleven" are one word: the reader reads both as "eleven".
            best.setdefault(distance, set()).add(RESPELLED.get(other, other))
    if not best:
        return None
    closest = best[min(best)]
    if len(closest) > 1:
        # Near an everyday English word and a rare one the reader knows too ("fien":
        # "fine", counted 175 times in TextBlob's English, or the Spanish "bien", 2; "goid":
        # "good", 744, or "gold" of "gold standard", 125): the everyday word, when it is
        # far (five times) commoner.
        commonest = max(english.get(word, 0) for word in closest)
        if commonest >= 5 * sorted(english.get(word, 0) for word in closest)[-2]:
            closest = {word for word in closest if english.get(word, 0) == commonest}
    return closest.pop() if len(closest) == 1 else None


def _split(word: str, known: frozenset[str]) -> str | None:
    """Words typed without spaces ("yesits", "notrealy", "yhthatsfine"), when every part
    is a word (the last may have slipped) and one is the reader's own."""
    if len(word) < 5:
        return None
    # A one-letter word first only if nothing longer fits: "iamakid" is "i am a kid",
    # but "itsok" is "its ok". Words as typed before a slipped one: "notgood" is "not
    # good", not "no" and "tgood" slipped.
    cuts = [(cut, slipped) for slipped in (False, True) for cut in [*range(2, len(word) - 1), 1]]
    for cut, slipped in cuts:
        head, tail = word[:cut], word[cut:]
        if cut == 1 and head not in ("i", "a"):
            continue
        if head not in known and head not in english:
            continue
        if tail in known or tail in english:
            rest: str | None = tail
        elif slipped and head in known:  # a slipped tail only after one of the reader's own
            rest = _nearest(tail, known, longest_slip=1) or _split(tail, known)
        else:  # so "hamster" is not "ham sure"
            continue
        if rest is not None and (head in known or any(part in known for part in rest.split())):
            return f"{head} {rest}"
    return None
