"""The feedback flows, declared as data: one module per flow. Reword or add questions
there; a new flow of the same shape is a new module, listed here.

Every young-person text must read easily for a 9-year-old (the readability
test checks each one); parents' texts for an adult reading quickly.
"""

from conversations.flows.options import (
    ALWAYS_SOMETIMES_NO,
    CONTACT_OPTIONS,
    HEAR_BACK_OPTIONS,
    SCALE_OPTIONS,
)
from conversations.flows.parent_carer import PARENT_CARER
from conversations.flows.reflection import REFLECTION
from conversations.flows.young_person import YOUNG_PERSON
from conversations.models import Flow

FEEDBACK_FLOWS: tuple[Flow, ...] = (YOUNG_PERSON, PARENT_CARER)
ALL_FLOWS: tuple[Flow, ...] = (YOUNG_PERSON, PARENT_CARER, REFLECTION)

__all__ = [
    "ALL_FLOWS",
    "ALWAYS_SOMETIMES_NO",
    "CONTACT_OPTIONS",
    "FEEDBACK_FLOWS",
    "HEAR_BACK_OPTIONS",
    "PARENT_CARER",
    "REFLECTION",
    "SCALE_OPTIONS",
    "YOUNG_PERSON",
]
