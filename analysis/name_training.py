"""Training the name model (`analysis/name_model.py`), and the figures it is judged by.

Each labelled sentence (`training/deidentify/*.jsonl`) lists its identifying
details as exact substrings. The rules remove the details with a form first;
every word left is a training row, labelled by whether it lies inside a detail.
Words that only announce a detail ("case", "Tel") are left out: losing them
garbles nothing, keeping them leaks nothing.

The threshold is chosen on held-out authors: each author's sentences are read by
a model trained on the other authors, and the threshold is the lowest at which
those sentences keep their ordinary words: at most `GARBLE_BUDGET` of them lose
one. Below that, more names go but more ordinary words do too.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from analysis.deidentify import candidates, names_by_rules, remove_details, without_names
from analysis.name_model import NameModel, Token, tokens

TRAINING = Path(__file__).with_name("training") / "deidentify"
C = 2.0
GARBLE_BUDGET = 0.02
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 20))
PLACEHOLDER = re.compile(r"\[[a-z]+\]")
# Apostrophes inside a word only: "'Spider'" is the word spider.
WORD = re.compile(r"\[x\]|\w+(?:'\w+)*")

# Words that announce a detail rather than being one ("Mrs", "case no", "nanny" in
# "nanny pat"): losing them garbles nothing, keeping them leaks nothing.
LABELS = frozenset(
    {
        *("mr", "mrs", "ms", "miss", "mx", "dr", "case", "ref", "reference", "referral"),
        *("number", "no", "id", "tel", "phone", "mob", "mobile", "email", "dob", "postcode"),
        *("address", "flat", "apt", "nhs", "crn"),
        *("nan", "nana", "nanna", "nanny", "gran", "granny", "grandma", "grandad", "aunty"),
        *("auntie", "aunt", "uncle", "mama", "papa", "cousin"),
    }
)


@dataclass(frozen=True)
class Sentence:
    text: str
    identifiers: tuple[str, ...]
    kinds: tuple[str, ...]
    author: str


def load_sentences(folder: Path = TRAINING) -> list[Sentence]:
    found = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found.append(
                    Sentence(row["text"], tuple(row["identifiers"]), tuple(row["kinds"]), path.stem)
                )
    return found


# The figures (the benchmark, `bench/deidentify_eval.py`, reports them too).


def words(text: str) -> list[str]:
    marked = PLACEHOLDER.sub("[x]", text.replace("’", "'")).lower()
    return WORD.findall(marked.replace("[x]'s", "[x]"))


def left_in(output: str, identifier: str, text: str, identifiers: Sequence[str]) -> bool:
    """Whether a word of the identifier (two characters or more) is still in the output,
    more often than the rest of the text has it ("of" in "St Mary's C of E" is not left
    by "kind of" elsewhere)."""
    extra = Counter(words(output)) - Counter(words(expected(text, identifiers)))
    return any(len(word) > 1 and extra[word] and word not in LABELS for word in words(identifier))


def garbled(output: str, text: str, identifiers: Sequence[str]) -> bool:
    """Whether words that identify nobody were lost (counted, so a repeated word counts)."""
    lost = Counter(words(expected(text, identifiers))) - Counter(words(output))
    return any(word != "[x]" and word not in LABELS for word in lost)


def expected(text: str, identifiers: Sequence[str]) -> str:
    for identifier in sorted(identifiers, key=len, reverse=True):
        text = text.replace(identifier, "[x]")
    return text


# Training rows.


def rows(sentence: Sentence) -> list[tuple[list[str], int]]:
    """(features, 1 if inside an identifying detail) for each word the model judges."""
    details = remove_details(sentence.text)
    original = tokens(sentence.text)
    inside = _inside_details(sentence)
    position = _positions(original, tokens(details))
    found = []
    for word, features in candidates(details, names_by_rules(details)):
        if word.text.lower().strip("'’") in LABELS:
            continue
        at = position.get(word.start)
        label = (
            any(start <= at < end for start, end in inside)
            if at is not None
            else any(word.text in identifier for identifier in sentence.identifiers)
        )
        found.append((features, int(label)))
    return found


def _inside_details(sentence: Sentence) -> list[tuple[int, int]]:
    spans = []
    for identifier in sentence.identifiers:
        start = sentence.text.find(identifier)
        while start >= 0:
            spans.append((start, start + len(identifier)))
            start = sentence.text.find(identifier, start + 1)
    return spans


def _positions(original: list[Token], details: list[Token]) -> dict[int, int]:
    """Where each word of the rewritten text starts in the original."""
    matcher = SequenceMatcher(
        a=[t.text for t in original], b=[t.text for t in details], autojunk=False
    )
    found = {}
    for op, a_start, _, b_start, b_end in matcher.get_opcodes():
        if op == "equal":
            for offset in range(b_end - b_start):
                found[details[b_start + offset].start] = original[a_start + offset].start
    return found


def fit(examples: Sequence[tuple[list[str], int]], threshold: float = 0.5) -> NameModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform([dict.fromkeys(features, 1) for features, _ in examples])
    labels = [label for _, label in examples]
    learner = LogisticRegression(C=C, max_iter=5000, random_state=0)
    learner.fit(matrix, labels)
    names = vectoriser.get_feature_names_out()
    weights = {
        str(name): round(float(weight), 6)
        for name, weight in zip(names, learner.coef_[0], strict=True)
        if abs(weight) >= 1e-6
    }
    return NameModel(
        bias=round(float(learner.intercept_[0]), 6),
        weights=weights,
        threshold=threshold,
        trained_on=len(examples),
    )


def held_out_outputs(
    sentences: Sequence[Sentence],
) -> Callable[[float], list[tuple[Sentence, str]]]:
    """For each threshold, every sentence as read by a model trained without its author.
    (The rules and the features are worked out once per sentence, not per threshold.)"""
    authors = sorted({s.author for s in sentences})
    table = {s: rows(s) for s in sentences}
    models = {
        author: fit([row for s in sentences if s.author != author for row in table[s]])
        for author in authors
    }
    read = {}
    for s in sentences:
        details = remove_details(s.text)
        read[s] = (details, candidates(details, names_by_rules(details)))

    def outputs(threshold: float) -> list[tuple[Sentence, str]]:
        model = {author: _at(models[author], threshold) for author in authors}
        return [(s, without_names(*read[s], model[s.author])) for s in sentences]

    return outputs


def _at(model: NameModel, threshold: float) -> NameModel:
    return NameModel(model.bias, model.weights, threshold, model.trained_on)


def figures(outputs: Sequence[tuple[Sentence, str]]) -> tuple[float, float]:
    """(recall of identifying details, share of sentences garbled)."""
    found = total = garbles = 0
    for sentence, output in outputs:
        for identifier in sentence.identifiers:
            total += 1
            found += not left_in(output, identifier, sentence.text, sentence.identifiers)
        garbles += garbled(output, sentence.text, sentence.identifiers)
    return found / max(total, 1), garbles / max(len(outputs), 1)


def train(sentences: Sequence[Sentence] | None = None) -> tuple[NameModel, dict[str, Any]]:
    sentences = list(sentences if sentences is not None else load_sentences())
    outputs = held_out_outputs(sentences)
    curve = {threshold: figures(outputs(threshold)) for threshold in THRESHOLDS}
    within = [t for t, (_, garbles) in curve.items() if garbles <= GARBLE_BUDGET]
    threshold = min(within) if within else min(curve, key=lambda t: curve[t][1])
    model = fit([row for s in sentences for row in rows(s)], threshold)
    recall, garbles = curve[threshold]
    report = {
        "sentences": len(sentences),
        "authors": len({s.author for s in sentences}),
        "threshold": threshold,
        "held-out authors: recall": round(recall, 3),
        "held-out authors: sentences garbled": round(garbles, 3),
        "curve": {str(t): [round(r, 3), round(g, 3)] for t, (r, g) in curve.items()},
    }
    return model, report
