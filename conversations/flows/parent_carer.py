"""The parent's or carer's feedback: for an adult reading quickly."""

from conversations.flows.options import (
    ALWAYS_SOMETIMES_NO,
    CONTACT_OPTIONS,
    HEAR_BACK_OPTIONS,
    LATER,
    RESPECTED,
    SCALE_OPTIONS,
)
from conversations.models import END, Flow, Option, Step, words

PARENT_CARER = Flow(
    id="pc",
    audience_group="parent_carer",
    title="Parent or carer's feedback",
    steps=(
        Step(
            id="consent",
            kind="consent",
            skippable=False,
            intro=words(
                "Before we start: we use what you tell us to improve the help we give "
                "families. We don't ask for your name. You can skip any question or stop "
                "at any time, and you can ask us to delete your answers."
            ),
            prompt=words(
                "If you tell us a child is being harmed or is at risk, we must pass that "
                "on to someone who can help. Are you happy to start?"
            ),
            options=(
                Option(
                    value="agree",
                    label=words("Yes, let's start"),
                    typed=(
                        *("ok", "okay", "happy to start", "happy 2 start", "understood"),
                        *("wouldnt say no", "im ready", "i am ready"),
                    ),
                ),
                Option(
                    value="not_now",
                    label=words("Not now"),
                    next=END,
                    typed=(
                        *("no", "later", "not right now", "another time", "maybe later"),
                        *("not today", "after", "busy", "at work", "cant now", *LATER),
                    ),
                ),
            ),
        ),
        Step(
            id="service",
            kind="multi",
            report_label="The help was from",
            prompt=words(
                "Which of our services is your feedback about? Pick all that apply, then tap Done."
            ),
            options=(
                Option(value="early_help", label=words("Early help")),
                Option(
                    value="social_work",
                    label=words("Social work"),
                    typed=("social worker", "social workers", "social services", "social care"),
                ),
                Option(
                    value="fostering",
                    label=words("Fostering"),
                    typed=("foster", "foster care", "foster carer", "foster carers"),
                ),
                Option(value="other", label=words("Something else")),
            ),
        ),
        Step(
            id="overall",
            kind="scale",
            report_label="Overall experience",
            prompt=words("Overall, how was the help your family got from us?"),
            options=SCALE_OPTIONS,
        ),
        Step(
            id="listened",
            kind="choice",
            report_label="I felt listened to",
            prompt=words("Did you feel listened to?"),
            options=ALWAYS_SOMETIMES_NO,
        ),
        Step(
            id="respect",
            kind="choice",
            report_label="I was treated with respect",
            prompt=words("Were you treated with respect?"),
            options=RESPECTED,
        ),
        Step(
            id="plan",
            kind="choice",
            report_label="I understood the plan",
            prompt=words("Did you understand the plan for your family, and why it was made?"),
            options=(
                Option(
                    value="yes",
                    label=words("Yes"),
                    typed=(
                        *("understood it fine", "understand it fine", "understood it all fine"),
                        *("i wrote half of it", "we wrote half of it", "wrote half of it"),
                    ),
                ),
                Option(
                    value="partly",
                    label=words("Partly"),
                    typed=(
                        *("but not why", "not why", "not the why", "not all of it", "some parts"),
                        "parts of it",
                        "some part",
                    ),
                ),
                Option(
                    value="no",
                    label=words("No"),
                    typed=(
                        "dont understand why",
                        "nobody explained it",
                        "nobody explained anything",
                        *("didnt understand any of it", "did not understand any of it"),
                        "didnt understand nothing",
                        *("never understood it", "never understood the plan"),
                        *("didnt understand a word", "not a word of it", "totally lost"),
                        *("completely lost", "i was lost", "we were lost"),
                        *("written in greek", "like reading another language"),
                    ),
                ),
                Option(
                    value="no_plan",
                    label=words("There was no plan"),
                    typed=(
                        *("no plan", "there wasnt one", "there wasnt a plan", "never had plan"),
                        *("still waiting for a plan", "there isnt one yet"),
                        "niciun plan",  # Romanian: "nu a fost niciun plan"
                        "nobody ever made one",
                        *("never got written", "meant to be one but"),
                        *("nothing was ever written down", "nothing was written down"),
                        "hapakuwa na mpango",  # Swahili: there was no plan
                        *("koi plan nahi", "plan nahi tha"),  # Urdu and Hindi
                        "there isnt a plan yet",
                        *("there wasnt no plan", "there werent no plan", "never was no plan"),
                        *("did not receive a plan", "didnt receive a plan", "there was not one"),
                        *("nobody gave us a plan", "i dont think we had one"),
                        *("dont think we had one", "never had one", "we never had one"),
                        *("there never was one", "never was one", "never was a plan"),
                        "never was any plan",
                        *("nobody made any plan", "no one made a plan", "nobody made a plan"),
                        *("nobody made one", "no one made one", "we didnt have a plan"),
                        *("didnt have a plan", "there wasnt any plan", "wasnt any plan"),
                        *("there was never a plan", "there was never any plan", "never made one"),
                        *("there wasnt any", "there werent any", "wasnt a plan"),
                        *("there was not plan", "there was not a plan", "never did one"),
                        *("dont think there was one", "dont think there was a plan"),
                        *("never made a plan", "they never made one", "never any plan"),
                        *("never a plan", "there was no plan", "gave us one", "did not get plan"),
                        *("didnt get a plan", "did not get a plan", "no one gave us"),
                        *("never had a plan", "we never had a plan", "we didnt have one"),
                        *(
                            "never got plan",
                            "never got a plan",
                            "never given a plan",
                            "never got one",
                        ),
                    ),
                ),
            ),
        ),
        Step(
            id="difference",
            kind="text",
            prompt=words("What has made a difference for your family?"),
        ),
        Step(
            id="change",
            kind="text",
            prompt=words("What should we change or do better?"),
        ),
        Step(
            id="anything_else",
            kind="text",
            prompt=words("Is there anything else you would like to tell us?"),
        ),
        Step(
            id="hear_back",
            kind="yes_no",
            effect="hear_back",
            next=END,
            prompt=words(
                "We make changes because of what families tell us. "
                "Would you like to hear what we change?"
            ),
            options=HEAR_BACK_OPTIONS,
        ),
        Step(
            id="contact_ok",
            kind="yes_no",
            effect="contact_consent",
            prompt=words(
                "Is it OK for us to message you in this chat? "
                "We will only send news about changes we make."
            ),
            options=CONTACT_OPTIONS,
        ),
    ),
    done=words(
        "Thank you for your feedback. We read every answer, and what families tell us "
        "shapes the changes we make."
    ),
    later_words_step="anything_else",
)
