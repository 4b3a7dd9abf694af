"""The engine's own questions, besides the flows' steps: who are you (the greeting)
and /cancel's keep, delete or carry on."""

from __future__ import annotations

from conversations import texts
from conversations.models import Option

WHO = "who"
# Their buttons' codes (`conversations.callback_data`): "who|yp", "cancel|keep".
WHO_CODE = "who"
# The greeting's question. Its values are flow ids, but "pr" goes to the staff entry.
WHO_OPTIONS = (
    Option(
        value="yp",
        label=texts.WHO_YOUNG_PERSON,
        typed=(
            *("kid", "a kid", "im a child", "i am a child", "young person", "teenager", "teen"),
            *("care leaver", "in care", "im in care", "pupil", "in foster care"),
            # "I'm a young carer (for my mum)"; "young carer" alone may be about one: ask
            *("young carer", "a young carer", "young carer for", "young carer to"),
            *("im a young carer", "i am a young carer"),
            *("im young", "a boy", "a girl", "im a boy", "im a girl"),
            *("im a yp", "yp", "a child", "the yp", "im the yp", "im the child", "im the kid"),
            *("i am the child", "i am the kid", "the child that", "the kid that"),
            *("left care", "leaving care", *(str(age) for age in range(5, 26))),
            *("im in year", "i am in year", "im in primary", "im at primary"),
            "still at primary",
            *("wee lass", "wee lad", "just a lass", "just a lad", "wean", "bairn"),  # Scots
            *("not a grown up", "not an adult", "from the childrens home", "in a childrens home"),
            *("the one with the social worker", "the one with a social worker"),
            *("the one who gets the help", "the one getting the help", "the one getting help"),
            # "my PA told me to do this": only a young person has a PA
            *("my pa", "my personal adviser", "my personal advisor"),
            *("ive got a pa", "i have a pa", "got a pa"),
            # someone else sent them: "my mum told me to fill this in"
            *("my mum told me to", "my mam told me to", "my mom told me to", "my dad told me to"),
            *("my nan told me to", "my carer told me to"),
            # in another language: Russian and Somali "I'm a teenager", "I'm a young person"
            *("ya podrostok", "waxaan ahay qof dhalinyaro ah"),
            # Vietnamese "I'm a pupil", Swahili "I'm a student", Amharic "I'm young",
            # Tagalog "I'm a student"
            *("em la hoc sinh", "toi la hoc sinh", "mimi ni mwanafunzi", "ene wetat negn"),
            "estudyante ako",
        ),
        # "year 5" alone is a school year; "my son is in year 5" is not about the speaker.
        typed_alone=("child", *(f"year {year}" for year in range(1, 14))),
    ),
    Option(
        value="pc",
        label=texts.WHO_PARENT,
        typed=(
            *("mum", "dad", "mother", "father", "parent", "carer", "foster carer", "nan", "mom"),
            *("grandma", "grandad", "grandparent", "step mum", "stepmum", "stepdad", "guardian"),
            *("kinship carer", "special guardian", "auntie", "aunt", "uncle", "mama", "mam"),
            *("grandmother", "grandfather", "look after my", "i look after", "adopter"),
            *("adoptive parent", "adoptive mum", "adoptive dad", "we adopted", "i adopted"),
            *("we foster", "i foster", "nana", "nanna", "kinship order", "adoptive mum"),
            *("special guardianship order", "special guardianship", "step parent", "stepparent"),
            # "me and my husband, we're her foster carers" ("social worker for foster carers"
            # is staff)
            *("step-parent", "were her foster carers", "were his foster carers"),
            *("stepmother", "stepfather", "step mother", "step father", "step dad"),
            *("kinship arrangement", "his da", "her da", "their da", "im the da"),
            # autocorrect: "foster cater", "a patent", "a career of 3 kids"
            *("foster cater", "im a patent", "i am a patent", "a career of", "mums partner"),
            # "my sons social worker told me to fill this in": the parent, not the worker
            *(
                f"my {child} {worker}"
                for child in ("sons", "daughters", "childs", "kids")
                for worker in ("social worker", "sw", "worker")
            ),
            *("were their foster carers", "we are foster carers", "were foster carers"),
            *("were kinship carers", "we are kinship carers", "kinship carers"),
            # in another language: French, Arabic and Shona "I'm the mum", "a parent"
            *("je suis la maman", "je suis le papa", "ana el umm", "ana al umm", "mubereki"),
            # Somali, Farsi, Albanian and Vietnamese "I'm the father", "I'm the mother", "parent"
            *("aabbaha ayaan ahay", "hooyada ayaan ahay", "man madar hastam", "man pedar hastam"),
            *("jam prind", "toi la me", "toi la bo", "mummy", "waxaan ahay hooyo"),
            *("young carer", "a young carer"),  # alone: a young person, or about one? Ask.
            *("step-dad", "step-mum", "ive looked after him", "ive looked after her"),
            *("ive looked after them", "i have looked after"),
            *("i have the grandkids", "ive got the grandkids", "i have my grandkids"),
            # Portuguese, Spanish, Turkish, Urdu, Bengali and Gujarati "I'm the mother/father"
            *("sou a mae", "sou a mãe", "sou o pai", "soy la madre", "soy el padre"),
            *("annesiyim", "babasiyim", "babasıyım", "main ammi hoon", "main abbu hoon"),
            *("ami tar ma", "ami tar baba", "hu mummy chu", "hu papa chu"),
            # Welsh "I'm a parent", Irish "I'm the father", "the mother"
            # (a reply's first "is" is dropped: "is ok" is "ok")
            *("rhiant", "mise an t-athair", "mise an mhathair", "mise an mháthair"),
            # Swahili "I'm a parent", "the mother", "the father"; Tagalog "I'm a parent"
            *("mimi ni mzazi", "mimi ni mama", "mimi ni baba", "ako ay magulang"),
            # Somali "I'm the mother", Lithuanian "dad", "papa of the children"
            *("waxaan ahay hooyada", "waxaan ahay aabaha", "tetis", "tėtis", "papa"),
            # Latvian and Italian "mum", Ukrainian "I'm dad", Romanian "I'm a parent"
            *("mamma", "esmu mamma", "я тато", "я мама", "sunt parinte"),
            # Urdu and Hindi "(the child's) father / mother I am", Malay and Indonesian
            # "I'm (her) mother / father", Polish "dad"
            *("abbu hoon", "ammi hoon", "maa hoon", "papa hoon", "ka abbu", "ki ammi"),
            *("saya ibu", "saya ayah", "saya bapa", "saya bapak", "ibu dia", "ayah dia"),
            "tata",
            # Somali "I'm a parent", Kurdish "I'm a mother", "I'm a father"
            *("waxaan ahay waalid", "ez dayik im", "ez bav im"),
            *("ami ma", "ami baba"),  # Bengali "I'm the mother", "the father"
        ),
    ),
    Option(
        value="pr",
        label=texts.WHO_PRACTITIONER,
        typed=(
            *("social worker", "sw", "staff", "practitioner", "iro", "team manager"),
            *("family support worker", "i work for you", "i work for the council"),
            *("allocated sw", "allocated social worker", "personal adviser", "personal advisor"),
            *("pa for", "im a pa", "i am a pa", "student sw", "student social worker"),
            *("personal adviser for", "personal advisor for", "family support sessions"),
            *("im the pa", "i am the pa", "im their pa", "im his pa", "im her pa", "pa here"),
            *("on placement", "pa from", "pa in the", "pa on the", "pa leaving care", "SW"),
            *("i work in", "i work at", "work for the council", "i work for the trust"),
            *("FSW", "TM", "IRO", "i work for", "childrens services", "i work here", "work here"),
            *("ya pratsiuiu tut", "ya rabotaiu zdes"),  # Ukrainian, Russian "I work here"
            *("children in care team", "looked after children team", "cin team", "cp team"),
            *("reviewing officer", "independent reviewing officer", "agency social worker"),
            *("NQSW", "nqsw", "newly qualified", "ASYE"),
            *("allocated worker", "on the team", "support worker", "residential worker"),
            *("early help worker", "senior practitioner", "one of the workers"),
            *("youth worker", "edge of care team", "the children you look after"),
            *("key worker", "keyworker"),
            *("im the sw", "i am the sw", "im their sw", "im a sw", "i am a sw", "sw here"),
            *("pa for a care leaver", "pa for care leavers", "pa to a care leaver"),
            *("one of your workers", "one of the social workers", "one of your social workers"),
            # "PA in the leaving care team" is staff; "leaving care" alone is a young person.
            *(
                f"{role} {place}leaving care{team}"
                for role in ("pa", "personal adviser", "personal advisor")
                for place in ("", "in the ", "with the ", "from the ", "on the ", "from ", "in ")
                for team in ("", " team")
            ),
        ),
    ),
)
CANCELLING = "cancelling"
CANCEL_CODE = "cancel"
# What /cancel asks. Typed, its words choose too: "keep", "delete", "carry on".
CANCEL_OPTIONS = (
    Option(value="keep", label=texts.CANCEL_KEEP, typed=("stop", "yes")),
    Option(value="delete", label=texts.CANCEL_DELETE),
    Option(value="continue", label=texts.CANCEL_CONTINUE, typed=("continue", "go on", "no")),
)
# The engine's own questions, besides the flows' steps: their words and their choices.
OWN_QUESTIONS = {
    WHO: (texts.GREETING, WHO_OPTIONS),
    CANCELLING: (texts.CANCEL_QUESTION, CANCEL_OPTIONS),
}
