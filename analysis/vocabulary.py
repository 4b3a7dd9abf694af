"""The words every layer shares, declared once: who is speaking, and which flow asks whom.

At the bottom of the layers, so storage, analysis, the conversations and the shell
all import it from here. (The databases' CHECK constraints, written by numbered
migrations, repeat the groups: a migration is history and is never edited.)
"""

from __future__ import annotations

from typing import Literal, get_args

# Who is speaking: the groups reports count apart.
AudienceGroup = Literal["young_person", "parent_carer", "practitioner"]
AUDIENCE_GROUPS: tuple[AudienceGroup, ...] = get_args(AudienceGroup)
GROUP_LABELS: dict[str, str] = {
    "young_person": "Young people",
    "parent_carer": "Parents and carers",
    "practitioner": "Practitioners",
}
# Whom each wording is for: young people by age band, then the two other groups.
Audience = Literal["child", "teen", "young_adult", "parent", "practitioner"]
AUDIENCE_GROUP: dict[str, AudienceGroup] = {
    "child": "young_person",
    "teen": "young_person",
    "young_adult": "young_person",
    "parent": "parent_carer",
    "practitioner": "practitioner",
}
# Which group each flow asks.
FLOW_GROUPS: dict[str, AudienceGroup] = {
    "yp": "young_person",
    "pc": "parent_carer",
    "pr": "practitioner",
}
