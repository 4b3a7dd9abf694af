"""Typed rows returned by the repository."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

from analysis.vocabulary import AudienceGroup

ResponseStatus = Literal["partial", "complete"]


class Row(BaseModel):
    model_config = ConfigDict(frozen=True)


class Response(Row):
    id: int
    respondent: str
    flow_id: str
    audience_group: AudienceGroup
    audience: str
    review_id: int | None
    status: ResponseStatus
    started_at: str
    updated_at: str
    completed_at: str | None


class Answer(Row):
    id: int
    response_id: int
    step_id: str
    kind: str
    choice: str | None
    text: str | None
    skipped: bool
    answered_at: str
    flagged: bool = False


class CorrectedAnswer(Row):
    """An answer the team corrected, with the themes it has now: a training row."""

    text: str
    group: AudienceGroup
    themes: tuple[str, ...]


class UntaggedAnswer(Row):
    """A free-text answer whose themes and sentiment are still to be worked out."""

    id: int
    text: str
    audience_group: AudienceGroup


class Contact(Row):
    respondent: str
    chat_id: int
    hear_back: bool
    consented_at: str | None
    blocked_at: str | None


class ReviewLink(Row):
    token: str
    review_id: int
    audience_group: AudienceGroup
    created_at: str
