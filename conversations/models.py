"""What a flow is made of, declared as data and validated when it is loaded.

A flow is a list of steps. Each step has a prompt worded per audience, a kind
of answer, options, whether it can be skipped and where it goes next. The
engine turns each step into one `ConversationHandler` state, so adding or
rewording a question is a change here, never new handler code.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from analysis.vocabulary import AUDIENCE_GROUP, AudienceGroup
from conversations import callback_data
from conversations.catalogues import translated
from conversations.language import reading_language

WORDING_KEYS = frozenset({"default", *AUDIENCE_GROUP, "young_person", "parent_carer"})

AnswerKind = Literal["consent", "choice", "scale", "yes_no", "text", "multi"]
Effect = Literal["audience", "hear_back", "contact_consent"]
END = "end"

SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
CALLBACK_DATA_LIMIT = callback_data.LIMIT
# "<action>|<flow>:<step>|<value>" with a one-letter action.
CALLBACK_OVERHEAD = len("a||:")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Wording(Frozen):
    """Text per audience, in English; translations are in the catalogues.

    Lookups fall back from the audience to its group to `default`, and from a
    language with no translation to English (`conversations.catalogues`). The
    language is the reader's (`conversations.language`) unless one is given.
    """

    texts: dict[str, str]

    @field_validator("texts")
    @classmethod
    def _known_audiences(cls, texts: dict[str, str]) -> dict[str, str]:
        if "default" not in texts:
            raise ValueError("wording needs a 'default' text")
        unknown = set(texts) - WORDING_KEYS
        if unknown:
            raise ValueError(f"unknown audiences in wording: {sorted(unknown)}")
        if any(not text.strip() for text in texts.values()):
            raise ValueError("wording texts must not be empty")
        return texts

    def for_audience(self, audience: str | None, language: str | None = None) -> str:
        return translated(self.english(audience), language or reading_language.get())

    def english(self, audience: str | None) -> str:
        texts = self.texts
        if audience and audience in texts:
            return texts[audience]
        group = AUDIENCE_GROUP.get(audience or "")
        if group and group in texts:
            return texts[group]
        return texts["default"]

    def variants(self) -> dict[str, str]:
        return dict(self.texts)


def words(default: str, **per_audience: str) -> Wording:
    """Shorthand for declaring wording: `words("Hi", child="Hiya")`."""
    return Wording(texts={"default": default, **per_audience})


class Option(Frozen):
    # A flow checks that its buttons' callback data fits Telegram's 64 bytes.
    value: str = Field(max_length=32)
    label: Wording
    next: str | None = None
    # Other things people type that mean this option ("14" for "12 to 15"); found also
    # inside a longer reply ("im his dad").
    typed: tuple[str, ...] = ()
    # What means this option only as the whole reply: "child" alone is a young person,
    # but "a social worker in child protection" is not.
    typed_alone: tuple[str, ...] = ()
    # The kinds of answer it stands for (`analysis.reply_words.INTENTS`): None for the kind its
    # value names ("yes", "sometimes"), () for none ("I'm not sure I have one" is not "idk").
    answers: tuple[str, ...] | None = None

    @field_validator("value")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("option values are lower-case slugs")
        return value


YES_NO_OPTIONS = (
    Option(value="yes", label=words("Yes")),
    Option(value="no", label=words("No")),
    Option(value="not_sure", label=words("Not sure")),
)


class Step(Frozen):
    id: str = Field(max_length=20)
    kind: AnswerKind
    prompt: Wording
    # Sent just before the prompt when a step needs more explaining than one message.
    intro: Wording | None = None
    options: tuple[Option, ...] = ()
    skippable: bool = True
    next: str | None = None
    effect: Effect | None = None
    # The short statement reports show for a rating question ("I feel listened to").
    report_label: str | None = None
    # Answers that must reach a safeguarding contact ("No" to "Do you feel safe?").
    alert_on: tuple[str, ...] = ()
    # What the question means, in plain words, for "wat does respect mean".
    explain: Wording | None = None
    # Said once the step is answered, before whatever follows (a kind word in between).
    after: Wording | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("step ids are lower-case slugs")
        return value

    @model_validator(mode="after")
    def _options_fit_kind(self) -> Step:
        if self.kind == "yes_no" and not self.options:
            object.__setattr__(self, "options", YES_NO_OPTIONS)
        needs_options = self.kind in {"consent", "choice", "scale", "yes_no", "multi"}
        if needs_options and len(self.options) < 2:
            raise ValueError(f"step {self.id}: a {self.kind} step needs at least two options")
        if self.kind == "text" and self.options:
            raise ValueError(f"step {self.id}: a text step has no options")
        values = [option.value for option in self.options]
        if len(values) != len(set(values)):
            raise ValueError(f"step {self.id}: option values must be unique")
        typed = [words.lower() for option in self.options for words in option.typed]
        if len(typed) != len(set(typed)):
            raise ValueError(f"step {self.id}: one typed word would mean two options")
        return self

    def option(self, value: str) -> Option | None:
        return next((option for option in self.options if option.value == value), None)


class Flow(Frozen):
    id: str = Field(max_length=8)
    audience_group: AudienceGroup
    title: str
    steps: tuple[Step, ...]
    done: Wording
    text_limit: int = Field(default=1500, ge=1, le=4000)
    # Show every answer, with an Edit button each, before the response is submitted.
    review_before_submit: bool = False
    # The question for words that words sent after the end are added to, if the person agrees.
    later_words_step: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Flow:
        ids = [step.id for step in self.steps]
        if len(ids) != len(set(ids)):
            raise ValueError(f"flow {self.id}: step ids must be unique")
        targets = {*ids, END}
        for step in self.steps:
            for target in [step.next, *(option.next for option in step.options)]:
                if target is not None and target not in targets:
                    raise ValueError(f"flow {self.id}: step {step.id} goes to unknown {target}")
            longest_value = max((len(option.value) for option in step.options), default=8)
            size = CALLBACK_OVERHEAD + len(self.id) + len(step.id) + longest_value
            if size > CALLBACK_DATA_LIMIT:
                raise ValueError(f"flow {self.id}: step {step.id} makes callback data too long")
        later = self.later_words_step
        if later is not None and (later not in ids or self.step(later).kind != "text"):
            raise ValueError(f"flow {self.id}: later words go to {later}, not a question for words")
        return self

    def asks_for_words_after(self, step: Step) -> bool:
        """Whether a question for the person's own words comes later than `step`."""
        later = self.steps[self.steps.index(step) + 1 :]
        return any(other.kind == "text" for other in later)

    def state(self, step: Step) -> str:
        """The `ConversationHandler` state for a step."""
        return f"{self.id}:{step.id}"

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def next_step(self, step: Step, value: str | None) -> Step | None:
        """Where an answer leads: the option's branch, the step's `next`, or the next step."""
        option = step.option(value) if value else None
        target = (option.next if option else None) or step.next
        if target == END:
            return None
        if target is not None:
            return self.step(target)
        index = self.steps.index(step)
        return self.steps[index + 1] if index + 1 < len(self.steps) else None

    def position(self, step: Step) -> int:
        return self.steps.index(step) + 1
