"""Where a person is in a conversation, as one typed object.

It lives in the person's persisted `user_data`, so leaving and coming back, or a
restart of the bot, continues at the same step. `Place` is the only code that
knows the keys it is kept under: the engine moves the person through it, and the
features read it (`Place.of(context)`) but never write it, except to clear it or,
for safeguarding, to flag the next answer.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any, Protocol

# The review screen's step, after a flow's last question.
REVIEW = "_review"

# The keys below are the stored form: renaming one strands everyone mid-flow at a deploy.
_AT = "at"  # the conversation state on screen: "<flow>:<step>", the greeting, a side question
_FLOW = "flow"
_STEP = "step"
_AUDIENCE = "audience"
_RESPONSE = "response_id"  # created at the first answer
_REVIEW_ID = "review_id"  # the practice review a feedback link came from
_HISTORY = "history"  # the steps answered, in order, for Back
_SELECTED = "selected"  # ticked so far at a pick-several question
_TYPED = "typed"  # the person's messages that hold typed answers: message id → step
# Where the person was when another module's question (/forget's "are you sure?", an
# invite's "what name?") came up, to go back to after it.
_UNDER = "under"
# An answer whose words raised a safeguarding alert is kept (flagged) at once, but the
# next question waits for the person to choose to go on: this is that answer's step.
_HELD = "held"
_EDITING = "editing"  # an answer is being changed from the review screen
# Set by safeguarding, to the id of the event some words raised, when the flow is to take
# those words as the answer: kept, but flagged, so reports never quote or theme them.
_FLAG = "flag_next_answer"
_KEYS = (
    _AT,
    _UNDER,
    _HELD,
    _FLOW,
    _STEP,
    _AUDIENCE,
    _RESPONSE,
    _HISTORY,
    _SELECTED,
    _REVIEW_ID,
    _TYPED,
    _EDITING,
)
# When the person last did anything (kept across flows: it expires idle conversations).
_SEEN = "seen"


class WithUserData(Protocol):
    """A handler's context (`BotContext`), as far as a place needs it."""

    @property
    def user_data(self) -> MutableMapping[str, Any] | None: ...


class Place:
    """A person's place: which flow, which step, what they have answered so far."""

    __slots__ = ("_data",)

    def __init__(self, data: MutableMapping[str, Any]) -> None:
        self._data = data

    @classmethod
    def of(cls, context: WithUserData) -> Place:
        """The place of the person an update is from (none, in a channel post)."""
        data = context.user_data
        return cls(data if data is not None else {})

    # Where they are.

    @property
    def at(self) -> str | None:
        at = self._data.get(_AT)
        return str(at) if at else None

    @at.setter
    def at(self, state: str) -> None:
        self._data[_AT] = state

    @property
    def asked(self) -> bool:
        """Whether a question is waiting for them (one to ask again after an aside)."""
        return self.at is not None

    @property
    def flow_and_step(self) -> tuple[str, str]:
        """The flow and step on screen, or empty strings outside a flow."""
        flow_id, _, step_id = (self.at or "").partition(":")
        return flow_id, step_id

    @property
    def on_review(self) -> bool:
        """Whether the review screen of a flow is on screen."""
        return (self.at or "").endswith(f":{REVIEW}")

    @property
    def flow_id(self) -> str:
        """The flow they are in or were last asked from ("" for none)."""
        return str(self._data.get(_FLOW) or "")

    @property
    def step_id(self) -> str:
        return str(self._data.get(_STEP) or "")

    def asking(self, flow_id: str, step_id: str) -> None:
        """The question (or the review screen) about to be shown."""
        self._data[_FLOW], self._data[_STEP] = flow_id, step_id

    # Whose words, and where they go.

    @property
    def audience(self) -> str | None:
        """Who the wording is for ("child", "teen", "parent"…); None before any flow."""
        audience = self._data.get(_AUDIENCE)
        return str(audience) if audience else None

    @audience.setter
    def audience(self, audience: str) -> None:
        self._data[_AUDIENCE] = audience

    @property
    def response_id(self) -> int | None:
        response_id = self._data.get(_RESPONSE)
        return int(response_id) if response_id is not None else None

    @response_id.setter
    def response_id(self, response_id: int) -> None:
        self._data[_RESPONSE] = response_id

    @property
    def review_id(self) -> int | None:
        review_id = self._data.get(_REVIEW_ID)
        return int(review_id) if review_id is not None else None

    # Starting, resuming and leaving a flow.

    def start(self, flow_id: str, *, audience: str, review_id: int | None, now: float) -> None:
        self.clear()
        self._data.update(
            {
                _FLOW: flow_id,
                _AUDIENCE: audience,
                _HISTORY: [],
                _SELECTED: [],
                _REVIEW_ID: review_id,
                _SEEN: now,
            }
        )

    def resume(
        self,
        flow_id: str,
        *,
        audience: str,
        response_id: int,
        review_id: int | None,
        answered: list[str],
    ) -> None:
        """Back in a saved response, with `answered` its steps answered so far."""
        self.clear()
        self._data.update(
            {
                _FLOW: flow_id,
                _AUDIENCE: audience,
                _RESPONSE: response_id,
                _REVIEW_ID: review_id,
                _HISTORY: answered,
                _SELECTED: [],
            }
        )

    def clear(self) -> None:
        """Out of any flow or question (their language and when they were last here stay)."""
        for key in _KEYS:
            self._data.pop(key, None)

    # Back, and what was answered.

    def answered(self, step_id: str) -> None:
        self._data.setdefault(_HISTORY, []).append(step_id)

    @property
    def can_go_back(self) -> bool:
        return bool(self._data.get(_HISTORY))

    def go_back(self) -> str:
        """The step answered last, taken off the history, to ask again."""
        step_id: str = self._data[_HISTORY].pop()
        return step_id

    @property
    def selected(self) -> list[str]:
        return list(self._data.get(_SELECTED) or [])

    @selected.setter
    def selected(self, values: list[str]) -> None:
        self._data[_SELECTED] = values

    def typed_answer(self, message_id: int, step_id: str) -> None:
        """This message of theirs holds the typed answer to `step_id` (editing it edits that)."""
        self._data.setdefault(_TYPED, {})[str(message_id)] = step_id

    def step_typed_in(self, message_id: int) -> str | None:
        step_id = (self._data.get(_TYPED) or {}).get(str(message_id))
        return str(step_id) if step_id is not None else None

    # Asides: another module's question, an answer held, an answer being changed.

    def put_under(self, state: str) -> None:
        """Another module's question comes up; `state` waits under it."""
        self._data[_UNDER] = state

    def take_under(self) -> str | None:
        """What was on screen before the question aside, if anything (and forget it)."""
        under = self._data.pop(_UNDER, None)
        return str(under) if under else None

    def forget_under(self) -> None:
        self._data.pop(_UNDER, None)

    def hold(self, step_id: str) -> None:
        self._data[_HELD] = step_id

    def take_held(self) -> str | None:
        held = self._data.pop(_HELD, None)
        return str(held) if held is not None else None

    def start_editing(self) -> None:
        self._data[_EDITING] = True

    def take_editing(self) -> bool:
        return bool(self._data.pop(_EDITING, False))

    def flag_next_answer(self, event_id: int) -> None:
        """Safeguarding's word to the engine: the next answer it stores holds words that
        raised this event, so it is kept but flagged."""
        self._data[_FLAG] = event_id

    def take_flag(self) -> tuple[bool, int | None]:
        """Whether the next answer is flagged, and the event its words raised."""
        flag = self._data.pop(_FLAG, None)
        event_id = flag if isinstance(flag, int) and not isinstance(flag, bool) else None
        return bool(flag), event_id

    def drop_flag(self) -> None:
        self._data.pop(_FLAG, None)

    # Idle conversations.

    def seen_at(self, now: float) -> float | None:
        """Note that the person is here now; when they were last here before."""
        last_seen = self._data.get(_SEEN)
        self._data[_SEEN] = now
        return float(last_seen) if last_seen is not None else None
