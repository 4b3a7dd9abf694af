"""The practitioner reflective tool of the collaborative practice review."""

from conversations.models import Flow, Option, Step, words

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
                    typed=(
                        *("outstanding", "grade 1", "grade one", "exceeds standards"),
                        *("gold standard", "top grade", "above and beyond"),
                        *("exceeds the standard", "exceeds the standards", "exceeded standards"),
                        "exceeded the standards",
                    ),
                ),
                Option(
                    value="good",
                    label=words("Good"),
                    typed=(
                        *("grade 2", "grade two", "meets standards", "meets the standards"),
                        *("met standards", "met the standards"),
                        "meets expectations",
                        *("good with outstanding features", "good with some outstanding"),
                    ),
                ),
                Option(
                    value="requires_improvement",
                    label=words("Requires improvement"),
                    answers=(),
                    typed=(
                        *("RI", "r i", "req improvement", "requires improvement", "needs work"),
                        *("requires improvement to be good", "RI to be good"),  # Ofsted's name
                        *("reqs improvement", "room for improvement"),
                        # a RAG rating, a standard partly met
                        *("amber on the rag", "rag rated amber", "partially meets"),
                        *("requires imp", "req imp", "requires improvment", "requires improv"),
                        *("needs improvement", "needs improving", "grade 3", "grade three"),
                        *("requires a bit of improvement", "needs a bit of improvement"),
                        "improvement needed",
                        *(
                            "requires some improvement",
                            "needs some improvement",
                            "needs to improve",
                        ),
                        *("not yet good", "not quite good", "needs some work"),
                        *("require improvement", "requiring improvement", "requires improving"),
                        *("rated amber", "amber rating"),  # a red, amber and green rating
                        "requires improve meant",  # speech to text
                        *("wymaga poprawy", "necesita imbunatatiri"),  # Polish, Romanian
                    ),
                    typed_alone=("amber",),
                ),
                Option(
                    value="inadequate",
                    label=words("Inadequate"),
                    typed=(
                        "inadequate",
                        "grade 4",
                        "grade four",
                        *("bottom grade", "lowest grade"),
                        *("red rated", "red on the rag", "does not meet the standard"),
                        "failing",
                        "inad",
                        "not adequate",
                        "not acceptable",
                        "unacceptable",
                        "not fit for purpose",
                        *("well below standard", "well below the standard", "unsafe practice"),
                        *("rated red", "red rating"),
                    ),
                    typed_alone=("red",),  # not "no red flags, good"
                ),
            ),
        ),
    ),
    done=words(
        "Thank you. Your reflection is submitted and linked to the review. "
        "Here is your copy; /myreflections sends all of yours."
    ),
)
