"""The young person's feedback: children 8-11, 12-15 and 16+ (care leavers).

Every text must read easily for a 9-year-old (the readability test checks each one).
"""

from conversations.flows.options import (
    ALWAYS_SOMETIMES_NO,
    CONTACT_OPTIONS,
    HEAR_BACK_OPTIONS,
    LATER,
    RESPECTED,
    SCALE_OPTIONS,
)
from conversations.models import END, Flow, Option, Step, words

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
                Option(
                    value="agree",
                    label=words("OK, let's start"),
                    typed=(
                        *("yes", "ok", "okay", "happy to start", "happy 2 start"),
                        *("understood", "wouldnt say no", "im ready"),
                    ),
                ),
                Option(
                    value="not_now",
                    label=words("Not now"),
                    next=END,
                    typed=(
                        *("no", "later", "not rn", "not right now", "maybe later", "another time"),
                        "dont want to right now",
                        *("not today", "after", "cant talk", "cant now", "busy", "in class"),
                        *("im at school", "at school rn", "im in school", "cant rn", "go bed"),
                        *("got to go", "gotta go", "going to bed", "bedtime"),
                        *("have to go to bed", "go to bed now", "time for bed"),
                        *LATER,
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
                        "still at primary",
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
                        *("old enough to vote", "doing a levels", "doing my a levels"),
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
                        *("mrs", "mr", "miss"),
                        *("my sw is", "her name is", "his name is", "their name is"),
                    ),
                ),
                Option(
                    value="no",
                    label=words("No"),
                    typed=(
                        *("no i dont", "i dont have one", "never met them", "never met him"),
                        *("i dont know mine", "dont know mine"),
                        *("never met her", "never even met", "never seen them", "never met"),
                        *("never clapped eyes on", "never laid eyes on", "aint never met"),
                        *(
                            "never actually met",
                            "never seen him",
                            "never seen her",
                            "never even seen",
                        ),
                        *("nobody told me", "nobody tell us"),
                    ),
                ),
                Option(
                    value="not_sure",
                    label=words("Not sure"),
                    # Not knowing is "Not sure" here (the reading policy, rule 3).
                    typed=(
                        *("i think so but not sure", "no idea", "i dont no"),
                        *("no clue", "not a clue", "no idea who", "dont know who"),
                        *("i dont know who",),
                        # Longer than the yes's "my pa is": "no clue who my PA is now".
                        *(
                            f"{unknown} who my {who} is"
                            for unknown in ("no clue", "not a clue", "no idea", "dont know")
                            for who in ("pa", "worker", "sw", "social worker")
                        ),
                    ),
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
            options=RESPECTED,
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
                    typed=(
                        *("went through it", "talked me through it", "went through my plan"),
                        *("went thru it", "went thru it with me"),
                        *("understand it fine", "understood it fine"),
                        *("it makes sense", "it all makes sense", "makes sense to me"),
                        *("i wrote half of it", "wrote half of it", "i wrote it"),
                    ),
                ),
                Option(
                    value="a_bit",
                    label=words("A bit"),
                    # Longer than the yes's "it makes sense", so they are read first.
                    typed=(
                        *("some of it makes sense", "some of it make sense"),
                        *("bits of it make sense", "parts of it make sense"),
                        *("parts of it", "bits of it", "some of it"),
                    ),
                ),
                Option(
                    value="no",
                    label=words("No"),
                    typed=(
                        *("none of it makes sense", "none of it make sense"),
                        *("written in greek", "like reading another language"),
                        *("no idea what it says", "not a clue whats in it", "dont get it"),
                        *("not a clue what it says", "havent a clue what it says"),
                        "dont have a clue what it says",
                        *("dont understand it", "no i dont get it", "i dont understand my plan"),
                        *("dont understand my plan", "i dont understand the plan"),
                        *("dont get the plan", "dont get my plan"),
                        *("never understood it", "never understood my plan", "never got it"),
                        "none of it",
                        *("nobody explained it", "nobody explained anything"),
                        *("didnt understand any of it", "did not understand any of it"),
                        *("dont understand any of it", "dont get any of it"),
                        *("didnt understand a word", "not a word of it", "totally lost"),
                        *("completely lost", "im lost", "i was lost"),
                    ),
                ),
                Option(
                    value="not_sure",
                    label=words("I'm not sure I have one"),
                    # "not sure" alone may be about understanding it, not having one.
                    answers=(),
                    typed=(
                        *("i dont have one", "i dont have a plan", "no plan", "aint got one"),
                        "dont think i got one",
                        *("do i have a plan", "do i even have a plan", "never seen a plan"),
                        *("never seen nowt like that", "never seen owt like that"),
                        *("said owt about a plan", "never been given it", "ever give me one"),
                        *("never been told about one", "never been told about a plan"),
                        *("ever given me one", "dont have one", "dont have a plan"),
                        *("never seen one", "never been given a plan", "never been given one"),
                        *("never got a plan", "never had a plan", "dont think i have one"),
                        *("not sure i have one", "not sure if i have one", "didnt know i had one"),
                        *("dont think i have a plan", "not sure i have a plan", "never seen it"),
                        *("never seen my plan", "no one told me about a plan", "havent got one"),
                        *("never seen my pathway plan", "nobody mentioned a plan"),
                        *("never seen any plan", "nobodys mentioned one", "nobody mentioned one"),
                        *("nobody said i had one", "no one said i had one", "never been shown one"),
                        *("nobody showed me a plan", "nobody showed me", "nobody ever shown me"),
                        *("nobody has ever shown me", "nobody ever showed me"),
                        *("nobody ever show me", "nobody show me", "no one ever show me"),
                        *("havent been shown one", "not been shown one", "havent been shown"),
                        *("dont think ive got a plan", "dont think ive got a pathway plan"),
                        *("have i even got one", "have i got one"),
                        *("dont think ive got one", "idk if i have one", "do i even have one"),
                        *("dont know if i have one", "do i have one", "didnt even know i had one"),
                        *("no one told me", "nobody told me", "dunno if i have one"),
                        *("dunno if i even have one", "idk if i even have one"),
                        *("nobody told me about a plan", "no one told me about it"),
                        *("didnt know i had", "nobody gave me", "nobody has told me"),
                        *("havent got a plan", "never told me i had", "never had one"),
                        *(
                            "nobody has shown me",
                            "never seen a pathway plan",
                            "ever mentioned a plan",
                        ),
                        *("dont have plan", "never been shown", "never gave me one"),
                        *("is there one", "is there a plan", "never had a pathway plan"),
                        *("never mentioned a plan", "never mentioned one", "ever mentioned one"),
                        *("nobody said", "no one said", "nobody give me", "no one give me"),
                        *("nobody has ever talked to me about", "never talked to me about a plan"),
                        *("nobody has given me", "no one has given me"),
                        "still waiting for my plan",
                        *("ive not got one", "ive not got a plan", "not got one"),
                        *("still waiting for my pathway plan", "waiting for my pathway plan"),
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
                Option(
                    value="yes",
                    label=words("Yes"),
                    typed=(
                        *("safe as houses", "safe", "im safe", "i feel safe", "i am safe"),
                        *("safer than ive ever been", "safest ive ever been", "safest ive been"),
                        *("safer here than anywhere", "safer than anywhere", "safest place"),
                        *("felt like home", "feels like home"),
                    ),
                ),
                Option(
                    value="mostly",
                    label=words("Mostly"),
                    typed=(
                        *("kind of", "kinda", "sort of", "sorta", "safe ish", "safe-ish"),
                        *("mostly safe", "a bit", "a little", "a little bit", "in a way"),
                        *(
                            "kinda safe",
                            "a bit safe",
                            "sort of safe",
                            "kind of safe",
                            "kind of yeah",
                        ),
                        *("kinda yeah", "sort of yeah", "a bit yeah", "a bit yes"),
                    ),
                ),
                Option(
                    value="no",
                    label=words("No"),
                    next="safe_more",
                    typed=(
                        *("not safe", "i dont feel safe", "dont feel safe", "not safe at all"),
                        *("never feel safe", "never safe"),
                    ),
                ),
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
