"""The numbers a typed reply says, as ages: "im 9", "fourteen", "12 or 13", "nearly 12".
Pure: text in, numbers out."""

from __future__ import annotations

import re

SPELT_NUMBERS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
FRACTION = re.compile(r"\band (?:a half|a quarter|three quarters|3 quarters)\b|\s1/2\b")
NUMBER_WORDS = {word: number for number, word in enumerate(SPELT_NUMBERS)} | {
    f"twenty {word}": 20 + number for number, word in enumerate(SPELT_NUMBERS[1:6], start=1)
}
NEARLY = r"(?:nearly|almost|turning|going on|goin on)"
ALMOST = re.compile(r"\b(?:nearly|almost|turning|soon)\b|\bnext (?:month|week|year)\b")
BIRTHDAY = re.compile(
    r"\bin (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bon my birthday\b"
    r"|\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b"  # "16 on friday"
)


def spoken_numbers(text: str) -> set[int]:
    """The age-like numbers in a reply ("im 9", "fourteen", "12 or 13"). A number one is
    nearly ("nearly 12", "16 next month") counts as the one before it, unless another
    number says the age ("15 nearly 16")."""
    text = re.sub(r"\b(?:year|yr|class)\s*\d+", " ", text)  # a school year, not an age
    text = FRACTION.sub(" ", text.replace("🔟", "10"))
    found = numbers_in(text)
    soon = {n for n in found if re.search(rf"\b{NEARLY} {n}\b", text)}
    soon |= {n for phrase, n in NUMBER_WORDS.items() if re.search(rf"\b{NEARLY} {phrase}\b", text)}
    if found - soon:
        found = found - soon
        birthday_to_come = BIRTHDAY.search(text) and not re.search(r"\bturned\b", text)
        if (ALMOST.search(text) and not soon) or birthday_to_come:
            found = {n - 1 for n in found}  # "16 next month", "12 in may"
        return found
    return {n - 1 for n in soon}


def numbers_in(text: str) -> set[int]:
    digits = {int(d) for d in re.findall(r"\b(\d{1,2})\b", text)}
    spelt = {n for phrase, n in NUMBER_WORDS.items() if f" {phrase} " in f" {text} "}
    if any(n > 20 for n in spelt):
        spelt = {n for n in spelt if n > 20}  # "twenty one", not "one"
    return digits | spelt
