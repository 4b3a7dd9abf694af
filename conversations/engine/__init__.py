"""The one engine that runs every flow on top of `ConversationHandler`.

- `core.py`: the engine: wiring the states, greeting and deep links, asking, and
  saving where the person is before each question goes out;
- one module per way an answer comes: `taps.py` (buttons) and `typed.py` (typed
  words, /skip and /back, edits); `answers.py` stores each and moves on;
- `ending.py`: finishing, the review screen, resuming, /cancel;
- `state.py`: the shared names and types (where a person is: `conversations.place`);
- `own_questions.py`: the greeting's and /cancel's choices.
"""

from conversations.engine.core import FlowEngine
from conversations.engine.own_questions import WHO_OPTIONS
from conversations.engine.side_questions import ChoiceQuestion, TypedQuestion
from conversations.engine.state import (
    BEGIN_DATA,
    FOREGROUND,
    State,
    StoredAnswer,
)

__all__ = [
    "BEGIN_DATA",
    "FOREGROUND",
    "WHO_OPTIONS",
    "ChoiceQuestion",
    "FlowEngine",
    "State",
    "StoredAnswer",
    "TypedQuestion",
]
