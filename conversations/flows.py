"""The feedback flows, declared as data. Reword or add questions here.

Every young-person text must read easily for a 9-year-old (the readability
test checks each one); parents' texts for an adult reading quickly.
"""

from conversations.models import END, Flow, Option, Step, words

SCALE_OPTIONS = (
    Option(value="awful", label=words("😢 Really bad")),
    Option(value="bad", label=words("🙁 Not good")),
    Option(value="ok", label=words("😐 OK")),
    Option(value="good", label=words("🙂 Good")),
    Option(value="great", label=words("😄 Really good")),
)

ALWAYS_SOMETIMES_NO = (
    Option(value="yes", label=words("Yes, always")),
    Option(value="sometimes", label=words("Sometimes")),
    Option(value="no", label=words("No")),
)

HEAR_BACK_OPTIONS = (
    Option(value="yes", label=words("Yes please"), next="contact_ok"),
    Option(value="no", label=words("No thanks"), next=END),
)

CONTACT_OPTIONS = (
    Option(value="yes", label=words("Yes, that's OK")),
    Option(value="no", label=words("No thanks")),
)

YOUNG_PERSON = Flow(
    id="yp",
    audience_group="young_person",
    title="Young person's feedback",
    steps=(
        Step(
            id="consent",
            kind="consent",
            skippable=False,
            intro=words(
                "Before we start, here is what happens. We read what you tell us. "
                "We use it to make our help better. We don't ask your name. "
                "You can skip any question, or stop at any time."
            ),
            prompt=words(
                "If you tell us someone is hurting you, we will have to tell a person "
                "who can help. Is that OK?"
            ),
            options=(
                Option(value="agree", label=words("OK, let's start"), typed=("yes", "ok", "okay")),
                Option(
                    value="not_now",
                    label=words("Not now"),
                    next=END,
                    typed=(
                        *("no", "later", "not rn", "not right now", "maybe later", "another time"),
                        *("not today", "after", "cant talk", "cant now", "busy", "in class"),
                    ),
                ),
            ),
        ),
        Step(
            id="age",
            kind="choice",
            effect="audience",
            prompt=words("How old are you?"),
            options=(
                # Ages typed as numbers choose their band; younger or older, the nearest.
                Option(
                    value="child",
                    label=words("8 to 11"),
                    typed=(
                        *(str(age) for age in range(5, 12)),
                        *("primary school", "in primary", *(f"year {n}" for n in range(1, 7))),
                    ),
                ),
                Option(
                    value="teen",
                    label=words("12 to 15"),
                    typed=(
                        *("12", "13", "14", "15", "secondary school", "high school"),
                        *(f"year {n}" for n in range(8, 11)),
                    ),
                ),
                Option(
                    value="young_adult",
                    label=words("16 or older"),
                    typed=(
                        *(str(age) for age in range(16, 26)),
                        *("college", "sixth form", "uni", "university", "care leaver", "adult"),
                        *("year 12", "year 13", "left care", "left school"),
                    ),
                ),
            ),
        ),
        Step(
            id="mood",
            kind="scale",
            report_label="How things are going",
            prompt=words(
                "How are things going with the help you get from us?",
                child="How is it going with the help you get from us?",
            ),
            options=SCALE_OPTIONS,
        ),
        Step(
            id="know_worker",
            kind="yes_no",
            report_label="I know who my worker is",
            prompt=words(
                "Do you know who your worker is?",
                child="Do you know who your worker is? That is the person who helps you.",
                young_adult="Do you know who your worker or PA is?",
            ),
            explain=words(
                "Your worker is the person from our team who helps you and comes to see you.",
                young_adult="Your worker or PA is the one from our team who helps you. "
                "PA is short for personal adviser.",
            ),
            options=(
                Option(
                    value="yes",
                    label=words("Yes"),
                    typed=(
                        *("i know", "i know who", "yes i do", "my pa is", "my worker is"),
                        *("my sw is", "her name is", "his name is", "their name is"),
                    ),
                ),
                Option(
                    value="no",
                    label=words("No"),
                    typed=(
                        *("i dont know who", "dont know who", "no i dont", "i dont have one"),
                        *("no idea", "no clue", "not a clue", "no idea who"),
                    ),
                ),
                Option(
                    value="not_sure",
                    label=words("Not sure"),
                    typed=("i think its", "think its", "i think so but not sure"),
                ),
            ),
        ),
        Step(
            id="listened",
            kind="choice",
            report_label="I feel listened to",
            prompt=words(
                "Do you feel we listen to you?",
                young_adult="Do you feel we listen to you and take your views seriously?",
            ),
            explain=words("Do we hear what you say, and think about it?"),
            options=ALWAYS_SOMETIMES_NO,
        ),
        Step(
            # Equality and identity are what practice reviews keep finding nobody asks about.
            id="respect",
            kind="choice",
            report_label="I feel respected for who I am",
            prompt=words(
                "Do you feel we respect you and who you are?",
                young_adult="Do you feel we respect who you are, like your culture, faith "
                "or identity?",
            ),
            explain=words(
                "Respect means we treat you well and care about who you are. "
                "That means your family, your culture and what you believe.",
            ),
            options=ALWAYS_SOMETIMES_NO,
        ),
        Step(
            id="plan",
            kind="choice",
            report_label="I understand my plan",
            prompt=words(
                "Do you understand your plan? It says how we will help you.",
                young_adult="Do you understand your plan (your pathway plan) and why we made it?",
            ),
            explain=words(
                "Your plan is written down by your worker. It says how we will help you.",
                young_adult="Your plan, or pathway plan, is written with your personal "
                "adviser. It says how we will help you as you get older.",
            ),
            options=(
                Option(
                    value="yes",
                    label=words("Yes"),
                    typed=("went through it", "talked me through it", "went through my plan"),
                ),
                Option(value="a_bit", label=words("A bit")),
                Option(
                    value="no",
                    label=words("No"),
                    typed=(
                        *("no idea what it says", "not a clue whats in it", "dont get it"),
                        *("dont understand it", "no i dont get it"),
                    ),
                ),
                Option(
                    value="not_sure",
                    label=words("I'm not sure I have one"),
                    # "not sure" alone may be about understanding it, not having one.
                    answers=(),
                    typed=(
                        *("i dont have one", "i dont have a plan", "no plan"),
                        *("do i have a plan", "do i even have a plan", "never seen a plan"),
                        *("never seen one", "never been given a plan", "never been given one"),
                        *("never got a plan", "never had a plan", "dont think i have one"),
                        *("not sure i have one", "not sure if i have one", "didnt know i had one"),
                        *("dont think i have a plan", "not sure i have a plan"),
                    ),
                ),
            ),
        ),
        Step(
            id="safe_home",
            kind="choice",
            report_label="I feel safe where I live",
            next="good_thing",
            alert_on=("no",),
            prompt=words("Do you feel safe where you live?"),
            options=(
                Option(value="yes", label=words("Yes"), typed=("safe as houses",)),
                Option(
                    value="mostly",
                    label=words("Mostly"),
                    typed=("kind of", "kinda", "sort of", "safe ish", "safe-ish"),
                ),
                Option(value="no", label=words("No"), next="safe_more"),
            ),
        ),
        Step(
            id="safe_more",
            kind="text",
            # Only "No" leads here, and its alert has just thanked them (texts.UNSAFE_AT_HOME).
            prompt=words("Do you want to tell us more? You can type it here, or tap Skip."),
            after=words(
                "Thank you. Someone will check on you soon. "
                "Now a few more questions about our help. You can stop at any time."
            ),
        ),
        Step(
            id="good_thing",
            kind="text",
            prompt=words(
                "Tell us one good thing about the help you get from us.",
                young_adult="What is one good thing about the help you get from us?",
            ),
        ),
        Step(
            id="change",
            kind="text",
            prompt=words(
                "What is one thing we should change or do better?",
                child="What is one thing we could do better?",
            ),
        ),
        Step(
            id="anything_else",
            kind="text",
            prompt=words("Is there anything else you want to tell us?"),
        ),
        Step(
            id="hear_back",
            kind="yes_no",
            effect="hear_back",
            next=END,
            prompt=words(
                "We change things because of what young people tell us. "
                "Do you want us to tell you what we change?"
            ),
            options=HEAR_BACK_OPTIONS,
        ),
        Step(
            id="contact_ok",
            kind="yes_no",
            effect="contact_consent",
            prompt=words(
                "Is it OK for us to send you a message in this chat? "
                "We will only send news about what we change."
            ),
            options=CONTACT_OPTIONS,
        ),
    ),
    done=words(
        "Thank you for telling us! 💛 We will read what you said. "
        "It helps us make things better for young people like you.",
    ),
    later_words_step="anything_else",
)

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
                Option(value="agree", label=words("Yes, let's start"), typed=("ok", "okay")),
                Option(
                    value="not_now",
                    label=words("Not now"),
                    next=END,
                    typed=(
                        *("no", "later", "not right now", "another time", "maybe later"),
                        *("not today", "after", "busy", "at work", "cant now"),
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
            options=ALWAYS_SOMETIMES_NO,
        ),
        Step(
            id="plan",
            kind="choice",
            report_label="I understood the plan",
            prompt=words("Did you understand the plan for your family, and why it was made?"),
            options=(
                Option(value="yes", label=words("Yes")),
                Option(
                    value="partly",
                    label=words("Partly"),
                    typed=("but not why", "not why", "not all of it"),
                ),
                Option(value="no", label=words("No"), typed=("dont understand why",)),
                Option(
                    value="no_plan",
                    label=words("There was no plan"),
                    typed=(
                        *("no plan", "there wasnt one", "there wasnt a plan", "never had plan"),
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

REFLECTION = Flow(
    id="pr",
    audience_group="practitioner",
    title="Practitioner reflection",
    text_limit=4000,
    review_before_submit=True,
    steps=(
        Step(
            id="life_today",
            kind="text",
            intro=words(
                "This reflection is part of the collaborative practice review. Answers are "
                "saved as you go: stop whenever you like and carry on later with /drafts. "
                "You can check and edit everything before you submit. Reports never name you."
            ),
            prompt=words("1. What is life like for this child today?"),
        ),
        Step(
            id="voice",
            kind="text",
            prompt=words(
                "2. How have you heard the child's voice, and what do you understand of their "
                "lived experience and any trauma?"
            ),
        ),
        Step(
            id="difference",
            kind="text",
            prompt=words("3. What difference has your work made for the child so far?"),
        ),
        Step(
            id="ambition",
            kind="text",
            prompt=words(
                "4. Have you been ambitious for this child? What would more ambitious look like?"
            ),
        ),
        Step(
            id="identity",
            kind="text",
            prompt=words(
                "5. How have the child's identity, culture, faith, language and needs shaped "
                "your work?"
            ),
        ),
        Step(
            id="partners",
            kind="text",
            prompt=words("6. How well have partner agencies worked with you on this case?"),
        ),
        Step(
            id="went_well",
            kind="text",
            prompt=words("7. What went well that others could learn from?"),
        ),
        Step(
            id="differently",
            kind="text",
            prompt=words("8. What would you do differently?"),
        ),
        Step(
            id="support",
            kind="text",
            prompt=words("9. What support, supervision or learning do you need?"),
        ),
        Step(
            id="self_rating",
            kind="choice",
            report_label="Practitioner self-rating against the practice standards",
            prompt=words("10. How would you rate this work against our practice standards?"),
            options=(
                # Ofsted's grades, as practitioners write them.
                Option(
                    value="outstanding",
                    label=words("Outstanding"),
                    typed=("outstanding", "grade 1", "grade one", "exceeds standards"),
                ),
                Option(
                    value="good",
                    label=words("Good"),
                    typed=("grade 2", "grade two", "meets standards", "meets the standards"),
                ),
                Option(
                    value="requires_improvement",
                    label=words("Requires improvement"),
                    answers=(),
                    typed=(
                        *("RI", "r i", "req improvement", "requires improvement", "needs work"),
                        *("requires imp", "req imp", "requires improvment", "requires improv"),
                        *("needs improvement", "needs improving", "grade 3", "grade three"),
                    ),
                ),
                Option(
                    value="inadequate",
                    label=words("Inadequate"),
                    typed=("inadequate", "grade 4", "grade four", "failing"),
                ),
            ),
        ),
    ),
    done=words(
        "Thank you. Your reflection is submitted and linked to the review. "
        "Here is your copy; /myreflections sends all of yours."
    ),
)

FEEDBACK_FLOWS: tuple[Flow, ...] = (YOUNG_PERSON, PARENT_CARER)
ALL_FLOWS: tuple[Flow, ...] = (YOUNG_PERSON, PARENT_CARER, REFLECTION)
