"""After an alert, what the person says goes to the contacts, not into the questions:
the keys of that thread in the person's data, shared by both sides."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

THREAD_KEY = "safeguarding_thread"

# Set when a person is offered "Keep going" or "Stop for now", so that their next
# message, if it says one of those, does what the button does rather than answer a question.
OFFERED_CHOICE = "offered_keep_going"
# The code of the buttons the person is offered after an alert ("sg|continue").
PERSON_CODE = "sg"
# Room kept in each message of a thread for the words around the person's own.
PART_WRAPPING = 200


def stop_listening(data: MutableMapping[str, Any] | None) -> None:
    """Back to the questions: their messages are answers again, not for the contacts.
    (A contact's /reply starts the thread again.)"""
    if data is not None:
        data.pop(THREAD_KEY, None)
        data.pop(OFFERED_CHOICE, None)
