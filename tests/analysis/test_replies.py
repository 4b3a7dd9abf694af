"""Typed replies at button questions: understood, or asked again, never guessed wrong."""

import pytest

from analysis.replies import EXPLAIN, SKIP, Choice, Reading, asks_who_sees, read_reply
from analysis.reply_words import normalise

ALWAYS = [
    Choice("yes", ("Yes, always", "yes")),
    Choice("sometimes", ("Sometimes", "sometimes")),
    Choice("no", ("No", "no")),
]
YES_NO = [Choice("yes", ("Yes please", "yes")), Choice("no", ("No thanks", "no"))]
SCALE = [
    Choice(value, (label, value))
    for value, label in [
        ("awful", "😢 Really bad"),
        ("bad", "🙁 Not good"),
        ("ok", "😐 OK"),
        ("good", "🙂 Good"),
        ("great", "😄 Really good"),
    ]
]
AGES = [
    Choice("child", ("8 to 11", *map(str, range(5, 12)))),
    Choice("teen", ("12 to 15", "12", "13", "14", "15")),
    Choice("young_adult", ("16 or older", *map(str, range(16, 26)))),
]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("yeah go on", "yes"),
        ("👍", "yes"),
        ("yes pls", "yes"),
        ("nah im good", "no"),
        ("lol no", "no"),
        ("sure", "yes"),
        ("yes no problem", "yes"),
    ],
)
def test_yes_and_no_in_everyday_words(typed, meant):
    assert read_reply(typed, YES_NO).choice == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sumtimes", "sometimes"),
        ("some times", "sometimes"),
        ("never", "no"),
        ("kinda", "sometimes"),
    ],
)
def test_how_often(typed, meant):
    assert read_reply(typed, ALWAYS).choice == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("pretty good", "good"),
        ("meh", "ok"),
        ("amazing", "great"),
        ("terrible", "awful"),
        ("not good", "bad"),
        ("gr8", "great"),
    ],
)
def test_the_scale(typed, meant):
    assert read_reply(typed, SCALE).choice == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("im 9", "child"),
        ("i'm nine", "child"),
        ("fourteen", "teen"),
        ("I'm 17", "young_adult"),
        ("13 years old", "teen"),
        ("nearly 12", "child"),
        ("16 next month", "teen"),
    ],
)
def test_ages_in_words_and_numbers(typed, meant):
    assert read_reply(typed, AGES).choice == meant


@pytest.mark.parametrize(
    ("typed", "choices", "could_be"),
    [
        ("really", SCALE, ("awful", "great")),
        ("rubbish", SCALE, ("awful", "bad")),
        ("yes and no", ALWAYS, ("yes", "no")),
    ],
)
def test_a_reply_that_could_mean_two_buttons_names_both(typed, choices, could_be):
    reading = read_reply(typed, choices)
    assert (reading.choice, reading.could_be) == (None, could_be)


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("ok", ALWAYS),  # "ok" to "do we listen?" says too little
        ("yes but not at night", YES_NO),
        ("thanks", YES_NO),  # not "No thanks"
        ("year 9", AGES),  # a school year, not an age
        ("between good and great", SCALE),
        ("i dont really mind either way", YES_NO),
    ],
)
def test_unclear_replies_choose_nothing(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    "typed",
    [
        *("wat does respect mean", "what do you mean?", "respect??", "whats a PA"),
        *("respect how?? do u mean polite", "listen how? like when i talk or when i message"),
        "listened to by who? the school or social care",
        "Respect who I am? I do not understand the question.",
        "worker what is it",
    ],
)
def test_a_question_about_the_question_asks_for_an_explanation(typed):
    assert read_reply(typed, ALWAYS).intent == EXPLAIN


@pytest.mark.parametrize(
    "typed",
    [
        *("skip", "rather not say", "skip pls", "prefer not to say"),
        *("can we do that one another time", "can i not do this one"),
        *("dont want to talk about home", "dontwannasay"),
        *("ill answer that one later", "Not my place to rate my own work"),
        *("dinnae want tae answer that", "dont ask me that", "ask me later"),
        "I won't answer that",
    ],
)
def test_asking_to_skip(typed):
    assert read_reply(typed, ALWAYS).intent == SKIP


def test_a_button_that_stands_for_no_kind_of_answer_is_chosen_by_its_own_words_only():
    plan = [
        Choice("yes", ("Yes",)),
        Choice("no", ("No",)),
        Choice(
            "not_sure", ("I'm not sure I have one", "no plan"), answers=(), phrases=("no plan",)
        ),
    ]
    assert read_reply("not sure", plan).choice is None
    assert read_reply("there is no plan", plan).choice == "not_sure"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("4/5", "good"), ("2 out of 5", "bad"), ("10/10", "great"), ("3 outta 5", "ok")],
)
def test_a_rating_out_of_five_or_ten_picks_the_scale(typed, meant):
    assert read_reply(typed, SCALE).choice == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("12 or 13 cant remember", "teen"),
        ("fifteen nearly 16", "teen"),
        ("im 11 nearly 12", "child"),
    ],
)
def test_several_numbers_pick_a_band_only_when_they_agree(typed, meant):
    assert read_reply(typed, AGES).choice == meant


def test_numbers_in_two_bands_are_asked_again():
    assert read_reply("11 or 12", AGES).choice is None


@pytest.mark.parametrize("typed", ["yeah right", "oh yeah loads lol", "oh yeah they totally do 🙄"])
def test_a_sarcastic_yes_is_a_no(typed):
    assert read_reply(typed, ALWAYS).choice == "no"


@pytest.mark.parametrize("typed", ["as if u change anything lol", "🙄"])
def test_other_eye_rolls_are_asked_again(typed):
    assert read_reply(typed, YES_NO).choice is None


@pytest.mark.parametrize(
    "typed", ["both", "started bad got better", "at night no", "if my mum says yes", "good/bad"]
)
def test_replies_that_are_not_one_answer_are_asked_again(typed):
    reading = read_reply(typed, [*SCALE, *YES_NO[1:]])
    assert reading.choice is None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("at times", "sometimes"), ("not once", "no"), ("my worker does, the rest dont", "sometimes")],
)
def test_how_often_in_more_words(typed, meant):
    assert read_reply(typed, ALWAYS).choice == meant


def test_maybe_is_not_sure_where_there_is_such_a_button_and_asked_again_elsewhere():
    unsure = [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))]
    assert read_reply("maybe", unsure).choice == "not_sure"
    assert read_reply("maybe yes", YES_NO).choice is None


def test_a_buttons_own_words_after_a_question_still_choose_it():
    plan = [
        Choice("yes", ("Yes", "yes")),
        Choice("no_plan", ("There was no plan",), answers=(), phrases=("there wasnt one",)),
    ]
    assert read_reply("what plan? there wasnt one", plan).choice == "no_plan"
    assert read_reply("what plan?", plan).intent == EXPLAIN


def test_an_abbreviation_in_capitals_chooses_inside_a_longer_reply():
    grades = [
        Choice("good", ("Good", "good")),
        Choice("requires_improvement", ("Requires improvement", "RI"), answers=(), phrases=("RI",)),
    ]
    assert read_reply("RI tbh - drift in plan", grades).choice == "requires_improvement"
    assert read_reply("ri", grades).choice == "requires_improvement"


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("not terrible", SCALE),
        ("wouldnt say no", YES_NO),
        ("not never", ALWAYS),
        ("hardly", ALWAYS),
        ("rarely", ALWAYS),
    ],
)
def test_an_answer_turned_round_by_a_not_is_asked_again(typed, choices):
    assert read_reply(typed, choices) == read_reply("", choices)


@pytest.mark.parametrize(
    ("typed", "value"), [("gud", "good"), ("not gud", "bad"), ("rly gud", "great")]
)
def test_words_spelt_as_children_often_spell_them_are_read(typed, value):
    assert read_reply(typed, SCALE).choice == value


def test_wdym_asks_what_the_question_means():
    assert read_reply("wdym listen", YES_NO).intent == EXPLAIN


def test_absolutely_not_is_a_no():
    assert read_reply("absolutely not", YES_NO).choice == "no"


@pytest.mark.parametrize(
    "typed",
    ["somewhere between good and RI", "Good with some RI elements", "not RI", "good in parts"],
)
def test_a_grade_with_a_qualifier_is_asked_again(typed):
    grades = [
        Choice("good", ("Good", "good")),
        Choice("requires_improvement", ("Requires improvement", "RI"), answers=(), phrases=("RI",)),
    ]
    assert read_reply(typed, grades).choice is None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("tak", "yes"),
        ("nie", "no"),
        ("haan", "yes"),
        ("nahin", "no"),
        ("ہاں", "yes"),
        ("نہیں", "no"),
        ("ਹਾਂ ਜੀ", "yes"),
        ("ਨਹੀਂ", "no"),
    ],
)
def test_yes_and_no_in_polish_urdu_and_punjabi(typed, meant):
    assert read_reply(typed, YES_NO).choice == meant


@pytest.mark.parametrize("typed", ["czasami", "kabhi kabhi", "کبھی کبھی", "ਕਦੇ ਕਦੇ"])
def test_sometimes_in_other_languages(typed):
    assert read_reply(typed, ALWAYS).choice == "sometimes"


def test_in_another_language_only_a_plain_answer_is_read():
    polish = [Choice("yes", ("Tak, zawsze", "yes")), Choice("no", ("Nie", "no"))]
    assert read_reply("tak", polish, strict=True).choice == "yes"
    assert read_reply("Tak, zawsze", polish, strict=True).choice == "yes"
    assert read_reply("tak ale nie zawsze", polish, strict=True) == read_reply("", polish)
    assert read_reply("co to znaczy?", polish, strict=True).intent == EXPLAIN


@pytest.mark.parametrize(("typed", "value"), [("is ok", "ok"), ("is not good for us", "bad")])
def test_a_statement_without_its_it_is_an_answer_not_a_question(typed, value):
    assert read_reply(typed, SCALE).choice == value


def test_is_before_a_subject_still_asks():
    assert read_reply("is this confidential", YES_NO).intent == EXPLAIN


# The reading policy (analysis/training/replies/reading-policy.md).
MOSTLY = [
    Choice("yes", ("Yes", "yes")),
    Choice("mostly", ("Mostly", "mostly")),
    Choice("no", ("No", "no")),
]
PLAN = [
    Choice("yes", ("Yes", "yes")),
    Choice("a_bit", ("A bit", "a bit")),
    Choice("no", ("No", "no")),
]
WHO = [
    Choice("yp", ("I'm a young person", "yp"), phrases=("mum",)),
    Choice("pc", ("I'm a parent or carer", "pc"), phrases=("mum", "dad")),
    Choice("pr", ("I work here", "pr"), phrases=("social worker",)),
]
GRADES = [
    Choice("good", ("Good", "good")),
    Choice("requires_improvement", ("Requires improvement",), phrases=("needs improvement", "RI")),
]
CONSENT = [Choice("agree", ("OK, let's start", "agree")), Choice("not_now", ("Not now",))]


@pytest.mark.parametrize("typed", ["i think so", "i guess so", "probably", "i suppose"])
def test_a_tentative_yes_is_yes_to_a_plain_question(typed):
    assert read_reply(typed, YES_NO).choice == "yes"


@pytest.mark.parametrize(
    ("typed", "choices", "could_be"),
    [
        ("i think so", ALWAYS, ("yes", "sometimes")),
        ("its ok", MOSTLY, ("yes", "mostly")),
        ("👍", ALWAYS, ("yes", "sometimes")),
        ("i guess so", PLAN, ("yes", "a_bit")),
        ("7/10", SCALE, ("ok", "good")),
        ("shit", SCALE, ("awful", "bad")),
        ("not good at all", SCALE, ("awful", "bad")),
    ],
)
def test_a_soft_or_halfway_answer_at_a_graded_question_asks_which(typed, choices, could_be):
    reading = read_reply(typed, choices)
    assert (reading.choice, reading.could_be) == (None, could_be)


@pytest.mark.parametrize("choices", [ALWAYS, MOSTLY, PLAN, YES_NO])
def test_not_really_is_no_everywhere(choices):
    assert read_reply("not really", choices).choice == "no"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("mostly", "sometimes"), ("yeah mostly", "sometimes"), ("on the whole yes", "sometimes")],
)
def test_less_than_always_is_sometimes(typed, meant):
    assert read_reply(typed, ALWAYS).choice == meant


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("yes but i get scared", MOSTLY),
        ("yeah but my neighbour is dodgy", MOSTLY),
        ("yeah right like u change anything", YES_NO),
        ("you never change anything anyway", YES_NO),
        ("good, though recording needs improvement", GRADES),
        ("RI to good", GRADES),
        ("my mum", WHO),
        ("typing for my son hes 9", WHO),
        ("my social worker is sat next to me", WHO),
        ("the first worker was brilliant the second one was useless", SCALE),
    ],
)
def test_a_reply_that_takes_its_answer_back_or_is_not_the_speakers_is_asked_again(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices"),
    [("no one is hurting me", CONSENT), ("no one explained it", PLAN), ("no-one showed me", PLAN)],
)
def test_no_one_is_not_a_no(typed, choices):
    assert read_reply(typed, choices).choice is None


def test_saying_nobody_listens_is_still_a_no():
    assert read_reply("no one listen to me", ALWAYS).choice == "no"


def test_a_yes_taken_back_by_a_but_is_asked_again_even_at_a_plain_yes_or_no():
    assert read_reply("yes but she left", YES_NO).choice is None
    assert read_reply("yes but quick please", CONSENT).choice == "agree"


@pytest.mark.parametrize(
    "typed", ["my worker does but not the manager", "one worker yes the other no"]
)
def test_one_worker_yes_another_no_is_sometimes(typed):
    assert read_reply(typed, ALWAYS).choice == "sometimes"


def test_a_worker_yes_and_someone_not_of_ours_no_is_not_sometimes():
    assert read_reply("my carers do but not the office", ALWAYS).choice != "sometimes"


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("not relly", ALWAYS, "no"),
        ("i gess so", YES_NO, "yes"),
        ("im twelv", AGES, "teen"),
        ("could be way better", SCALE, "bad"),
        ("really good actually she got my bike fixed", SCALE, "great"),
    ],
)
def test_childrens_spellings_and_everyday_words_are_read(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "means"),
    [("i dont no", "i dont know"), ("dont, no", "dont no"), ("im in y10", "im in year 10")],
)
def test_dont_no_is_dont_know_and_y10_is_a_school_year(typed, means):
    assert normalise(typed) == means


def test_asking_not_to_answer_skips_even_where_a_button_says_rather_not():
    choices = [
        Choice("yes", ("Yes please", "yes")),
        Choice("no", ("No thanks",), phrases=("rather not",)),
    ]
    assert read_reply("id rather not answer", choices).intent == SKIP


def test_digits_typed_as_keycaps_are_numbers():
    assert read_reply("1️⃣4️⃣", AGES).choice == "teen"


@pytest.mark.parametrize(
    ("typed", "choices", "meant"),
    [
        ("no wait yes", YES_NO, "yes"),
        ("yes. sorry i mean no", YES_NO, "no"),
        ("good no actually great", SCALE, "great"),
        ("sometimes no wait never", ALWAYS, "no"),
    ],
)
def test_a_reply_that_corrects_itself_is_read_by_its_last_part(typed, choices, meant):
    assert read_reply(typed, choices).choice == meant


def test_an_answer_with_its_reason_after_it_is_the_answer():
    assert read_reply("inadequate - drift and delay, no visits", GRADES).choice is None
    rated = [*GRADES, Choice("inadequate", ("Inadequate", "inadequate"))]
    assert read_reply("inadequate - drift and delay, no visits", rated).choice == "inadequate"
    assert read_reply("yeah the name anyway, never seen him", YES_NO).choice is None


@pytest.mark.parametrize("typed", ["her yes, her manager no", "social worker yes, the manager no"])
def test_one_person_yes_another_no_is_sometimes(typed):
    assert read_reply(typed, ALWAYS).choice == "sometimes"


@pytest.mark.parametrize(
    "typed", ["whats the point nothing changes", "u lot never change nothing anyway"]
)
def test_arguing_with_the_question_is_asked_again(typed):
    reading = read_reply(typed, YES_NO)
    assert (reading.choice, reading.intent) == (None, None)


def test_a_correction_keeps_the_capitals_an_abbreviation_needs():
    rated = [*GRADES, Choice("inadequate", ("Inadequate", "inadequate"))]
    typed = "inadequate no wait RI, the visits were on time"
    assert read_reply(typed, rated).choice == "requires_improvement"


def test_not_applicable_with_a_reason_skips():
    assert read_reply("n/a - transferred case", GRADES).intent == SKIP


def test_a_tentative_word_inside_a_sentence_is_not_a_tentative_yes():
    assert read_reply("yes she always asks me what i think", ALWAYS).choice == "yes"


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("kinda good", SCALE),
        ("good but the assessment was late", GRADES),
        ("the first worker was great, the second one never turned up", SCALE),
    ],
)
def test_a_rating_with_a_hedge_or_a_but_and_two_sided_replies_are_asked_again(typed, choices):
    assert read_reply(typed, choices).choice is None


def test_a_team_yes_another_no_is_sometimes_and_an_eye_roll_does_not_hide_an_age():
    assert read_reply("fostering team yes, childrens services no", ALWAYS).choice == "sometimes"
    assert read_reply("fourteen 🙄", AGES).choice == "teen"


@pytest.mark.parametrize(
    ("typed", "asks"),
    [
        ("will my mum find out?", True),
        ("is this confidential", True),
        ("will this go on my file", True),
        ("does my social worker see this", True),
        ("will u tell my mum", True),
        ("yes but I'd rather my name wasn't on it", True),
        ("wat does respect mean", False),
        ("do you know what i mean", False),
        ("will it cost money", False),
    ],
)
def test_a_question_about_who_will_see_it_is_told_apart(typed, asks):
    assert asks_who_sees(typed) is asks


@pytest.mark.parametrize(
    ("typed", "choices", "meant"),
    [
        ("never feel safe there", [Choice("yes", ("Yes",), phrases=("safe",)), *MOSTLY[1:]], None),
        ("our first SW was fantastic, the second one never called back", SCALE, None),
        ("assessment good, recording RI", GRADES, None),
        ("they call me the wrong name all the time", ALWAYS, None),
        ("all the time", ALWAYS, "yes"),
    ],
)
def test_words_that_turn_an_answer_round_or_split_it_are_not_read_as_it(typed, choices, meant):
    assert read_reply(typed, choices).choice == meant


def test_passing_the_phone_to_someone_else_asks_who_is_answering():
    assert read_reply("with the family now, passing phone to mum", WHO).choice is None


INADEQUATE = [*GRADES, Choice("inadequate", ("Inadequate", "inadequate"))]


@pytest.mark.parametrize("typed", ["inadequete", "in adequate", "Inadiquate"])
def test_a_long_label_word_misspelt_or_split_picks_it(typed):
    assert read_reply(typed, INADEQUATE).choice == "inadequate"


def test_a_word_inside_a_label_is_not_that_label_misspelt():
    assert read_reply("adequate", INADEQUATE).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("I would rather not answer this", ALWAYS, None),  # a skip, not "i would"
        ("i would", YES_NO, "yes"),
        ("I would say so", MOSTLY, None),  # a soft yes where there is a "Mostly"
        ("yes but some bits r hard", PLAN, None),
        ("I understand it but I dont agree with it", PLAN, "yes"),
        ("year eleven", AGES, None),  # year 11: 15 or 16
        ("not one bit", ALWAYS, "no"),
        ("one hundred percent", ALWAYS, "yes"),
        ("helping my daughter do this shes 8", WHO, None),
    ],
)
def test_everyday_replies_are_read_as_people_mean_them(typed, choices, means):
    reading = read_reply(typed, choices)
    assert reading.choice == means
    assert reading.intent != EXPLAIN


def test_what_plan_then_an_answer_is_the_answer_not_a_question():
    choices = [*PLAN, Choice("not_sure", ("Not sure I have one",), phrases=("havent got one",))]
    assert read_reply("what pathway plan I havent got one", choices).choice == "not_sure"
    assert read_reply("what plan?", choices).intent == EXPLAIN


def test_not_now_then_a_reason_is_not_now():
    choices = [CONSENT[0], Choice("not_now", ("Not now",), phrases=("im at school",))]
    assert read_reply("not now im at school", choices).choice == "not_now"


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("not sur", [*PLAN, Choice("not_sure", ("Not sure",))], "not_sure"),
        ("not reli", ALWAYS, "no"),
        ("could be beter", SCALE, "bad"),
        ("a lil", PLAN, "a_bit"),
        ("exemplary", INADEQUATE, None),  # not one of these buttons
        ("the first worker was excellent, the one after useless", SCALE, None),
    ],
)
def test_more_spellings_and_shapes_are_read(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_dont_know_then_skip_skips():
    assert read_reply("dunno skip", YES_NO).intent == SKIP


def test_someone_else_s_age_at_who_is_answering_is_asked():
    assert read_reply("This is Jaydens mum, hes 9 and wants a go", WHO).choice is None


def test_a_question_about_the_difference_between_buttons_is_explained():
    assert read_reply("what is the difference between carer and parent?", WHO).intent == EXPLAIN


def test_an_answer_asked_as_a_question_then_a_reason_is_the_answer():
    choices = [CONSENT[0], Choice("not_now", ("Not now",), phrases=("can i do this later",))]
    assert read_reply("Can I do this later? Kids are in the bath", choices).choice == "not_now"


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("its not that its not good", SCALE),
        ("I dont not understand it", PLAN),
        ("its not that I dont feel safe", MOSTLY),
        ("never not listened to", ALWAYS),
        ("cant say Im not interested", YES_NO),
        ("yes if someone explains it first", PLAN),
        ("ok so long as my ex cant see it", YES_NO),
        ("yes when my stepdads not there", MOSTLY),
        ("yes, eventually", ALWAYS),
        ("I know my brothers worker, not mine", YES_NO),
        ("dad n me", WHO),
    ],
)
def test_double_negatives_conditions_and_answers_taken_back_are_asked(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("they dont never listen", ALWAYS, "no"),  # emphatic, not a double negative
        ("Never. Not once.", ALWAYS, "no"),
        ("Partly, not why", [*PLAN[:1], Choice("partly", ("Partly",)), *PLAN[2:]], "partly"),
        ("Yes please, in Polish if possible", YES_NO, "yes"),
        ("nt rly", ALWAYS, "no"),
        ("not at al", ALWAYS, "no"),
        ("most of d time", MOSTLY, "mostly"),
        ("on the hole yes", ALWAYS, "sometimes"),
        ("Largely yes", ALWAYS, "sometimes"),
        ("im10", AGES, "child"),
        ("13yrs", AGES, "teen"),
    ],
)
def test_emphasis_and_low_literacy_spellings_are_read(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_their_own_grade_after_the_managers_is_read_as_theirs():
    # Development authors read the speaker's own view (the seventeenth session); the
    # sixth session had asked.
    typed = "my manager would say RI, Id say good"
    assert read_reply(typed, GRADES).choice == "good"


def test_define_asks_what_the_question_means():
    assert read_reply("define safe", MOSTLY).intent == EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("ok. well, less than ok really", SCALE),
        ("theres never a time I dont feel safe", MOSTLY),
        ("good if the visits had been in timescale", GRADES),
        ("my manager would say good", GRADES),
        ("I know my brothers worker", YES_NO),
        ("aye fine", ALWAYS),  # "fine" where the yes says "always": yes, or sometimes?
        ("👍🏻", ALWAYS),  # a skin tone changes nothing
        ("as safe as a hostel can be lol", MOSTLY),
    ],
)
def test_qualified_and_second_hand_answers_are_asked(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("outstanding - well, good if Im honest", GRADES, "good"),  # said again: the last
        ("RI if im honest", GRADES, "requires_improvement"),
        ("no bother, they were great listeners", ALWAYS, "yes"),
        ("nah, not with him there", MOSTLY, "no"),
        ("nerly 12", AGES, "child"),
        ("grand", SCALE, "ok"),
        ("not 100% sure", [*YES_NO, Choice("not_sure", ("Not sure",))], "not_sure"),
    ],
)
def test_everyday_british_and_irish_english_is_read(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("yes I do. well I did till she went off sick", YES_NO),
        ("wouldve been good if the assessment was in timescale", GRADES),
        ("Id have understood it if anyone had explained it", PLAN),
        ("yes. no. sometimes. I dont know", [*ALWAYS, Choice("not_sure", ("Not sure",))]),
        ("oh fab, another new worker 🙄", SCALE),
        ("my new worker does, the old one never did", ALWAYS),
        ("well it was good, then it wasnt", SCALE),
        ("At the start yes", ALWAYS),
        ("typin 4 my daughter she 8", WHO),
    ],
)
def test_answers_that_held_for_a_while_or_might_have_been_are_asked(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("aye right", ALWAYS, "no"),  # Scots sarcasm
        ("oh aye, hung on my every word 🙄", ALWAYS, "no"),
        ("yeah right, like they cared", ALWAYS, "no"),
        ("yes always. well, nearly always", ALWAYS, "sometimes"),  # said again: the last
        ("my SSW always, the duty team not so much", ALWAYS, "sometimes"),
        ("couldnt have been better", SCALE, "great"),
        ("been better tbh", SCALE, "bad"),
        ("no clu", [*YES_NO, Choice("not_sure", ("Not sure",))], "not_sure"),
    ],
)
def test_sarcasm_corrections_and_two_workers_are_read(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_a_reply_that_starts_with_no_and_says_no_is_never_read_as_yes():
    safe = [Choice("yes", ("Yes", "yes"), phrases=("feel safe",)), *MOSTLY[1:]]
    assert read_reply("no i dnt feel safe at nite", safe).choice != "yes"
    assert read_reply("nah feel safe", safe).choice != "yes"  # only the safety net asks here
    assert read_reply("no wait yes", YES_NO).choice == "yes"  # a correction still counts


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("yeer 12", AGES, None),  # year 12 is a school year: 16 or 17, and AGES has no 12th
        ("no idear", [*YES_NO, Choice("not_sure", ("Not sure",))], "not_sure"),
        ("most of da time", ALWAYS, "sometimes"),
        ("its okk", ALWAYS, None),  # "ok" where the yes says always: which?
        ("u never change nothin anyway", ALWAYS, None),
        ("first sw was grate 2nd 1 useless", SCALE, None),
        ("first SW fantastic, the one after not so much", SCALE, None),
        ("was I? honestly couldnae tell ye", ALWAYS, None),  # "ye" here is "you"
        ("my wife understood it, I didnt", PLAN, None),
    ],
)
def test_more_low_literacy_and_hard_replies_are_read_or_asked(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_no_one_after_to_is_nobody_not_know_one():
    assert normalise("i said it to no one") == "i said it to nobody"


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("fien", SCALE, "ok"),  # a slipped word, when nothing else was read
        ("mosly", ALWAYS, "sometimes"),
        ("notrealy", ALWAYS, "no"),
        ("elevun", AGES, "child"),
        ("1st worker grate 2nd useles", SCALE, None),  # two answers
        ("the SW did the manager didnt", ALWAYS, "sometimes"),
        ("The social worker did, her manager didn't", ALWAYS, "sometimes"),
        ("all of them bar the manager", ALWAYS, "sometimes"),
        ("Yes by the social worker, not by the contact centre staff", ALWAYS, "sometimes"),
        ("my carer does, you lot don't", ALWAYS, None),  # the carer is not the service
        ("do they heck", ALWAYS, "no"),
        ("oh loads 🙄", ALWAYS, "no"),
        ("never had an issue", ALWAYS, None),  # a no that means yes
        ("they've never once made me feel small", ALWAYS, "yes"),  # as its author meant
        ("they do now, didnt before", ALWAYS, None),
        ("yeah like u ever change owt", YES_NO, None),
        ("8/10 maybe 7", SCALE, None),  # which rating?
        ("our kid's 10 and im 2 year older", AGES, None),  # no sums
        ("me nan's typing, I'm 9", WHO, None),  # who is answering?
        ("used to be awful, now its alright", SCALE, "ok"),  # what is so now
        ("used to be in care, got my own little one now", WHO, None),
        ("Would say good, visits in timescale", GRADES, "good"),
        ("yes... actually no my foster carer reads these", YES_NO, "no"),
    ],
)
def test_slips_people_and_answers_that_changed_are_read_or_asked(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_yer_before_a_number_is_a_school_year():
    assert normalise("yer 4") == "year 4"


def test_not_knowing_beside_an_answer_where_there_is_no_not_sure_is_asked():
    partly = [*PLAN[:1], Choice("partly", ("Partly", "partly")), *PLAN[2:]]
    assert read_reply("no idea what was going on half the time", partly).choice is None
    assert read_reply("half the time", partly).choice == "partly"


def test_a_word_then_like_and_a_question_mark_asks_what_it_means():
    assert read_reply("safe like nobody hurts me?", MOSTLY).intent == EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices", "could_be"),
    [
        ("proper good", SCALE, ("good", "great")),  # authors split: Good or Really good?
        ("bare good innit", SCALE, ("good", "great")),
        ("nope not a scooby", [*YES_NO, Choice("not_sure", ("Not sure",))], ("no", "not_sure")),
    ],
)
def test_words_careful_readers_split_on_are_asked_about(typed, choices, could_be):
    reading = read_reply(typed, choices)
    assert reading.choice is None and reading.could_be == could_be


def test_nothing_wrong_is_not_a_no():
    assert read_reply("nowt wrong with how they treat me", ALWAYS).choice == "yes"
    assert read_reply("I've done nothing wrong so why ask", YES_NO).choice is None
    assert read_reply("yeah right like you'll change owt", YES_NO).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        # The question's word asked back, then nothing: not the button "safe" picks.
        ("safe? lol", [Choice("yes", ("Yes",), phrases=("safe",)), *MOSTLY[1:]], None),
        (
            "listen? they dont even hear me",
            [*ALWAYS[:2], Choice("no", ("No",), phrases=("dont even hear",))],
            "no",
        ),
        ("im not a young person im 17", WHO, None),  # turns down the button its age picks
        ("typing this for my nan", WHO, None),
        ("me an my dad", WHO, None),
        ("the family would probably say outstanding", GRADES, None),  # someone else's view
        ("my foster carer says im doing great", SCALE, None),
        ("Ofsted would say RI", GRADES, "requires_improvement"),  # Ofsted's grade is the grade
        ("yeah its Dave, or was it Dan", YES_NO, None),  # doubted as soon as said
        ("i never don't feel safe", MOSTLY, None),
        ("some were, some weren't", ALWAYS, "sometimes"),
        ("my sw does but not at my review", ALWAYS, "sometimes"),
        ("Good. No, actually RI, the visits were late", GRADES, "requires_improvement"),
        ("Early help was great, then it went to CIN and it all fell apart", SCALE, None),
        ("yeah right like anything changes", YES_NO, None),  # argues (the policy, rule 12)
        ("y e s", YES_NO, "yes"),
        (
            "please dont message",
            [*YES_NO[:1], Choice("no", ("No",), phrases=("please dont",))],
            "no",
        ),
    ],
)
def test_echoes_doubts_and_other_peoples_views_are_read_or_asked(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_a_button_phrase_starting_with_no_is_not_a_bare_no():
    plan = [
        Choice("yes", ("Yes",)),
        Choice("no", ("No",)),
        Choice("no_plan", ("There was no plan",), phrases=("no plan",)),
    ]
    long_reply = "No plan was ever made for us as far as I know really"
    assert read_reply(long_reply, plan).choice != "no"
    assert read_reply("plan", plan).choice is None  # not "There was no plan"


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("2 outa 5", "2 outta 5"),
        ("6 out of ten", "6 out of 10"),
        ("no 1 told me", "nobody told me"),
        ("sum times", "some times"),
        ("im in year for", "im in year 4"),
    ],
)
def test_more_spellings_are_read_as_meant(typed, normalised):
    assert normalise(typed) == normalised


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Sarah did, her manager didn't", ALWAYS, "sometimes"),  # a name, then a worker
        ("did they hell", ALWAYS, "no"),
        ("as if 🙄", ALWAYS, "no"),  # alone; "as if u change anything" argues
        ("could be worse", SCALE, None),  # authors split: OK, or nothing said?
        ("think it's Dave? or was", YES_NO, None),
        ("my worker's sound, the rest of it's a joke", SCALE, None),
        ("good, on a good day", GRADES, None),
        ("👌", MOSTLY, None),  # like "👍" where there is a "mostly": which?
        ("sometims yes", ALWAYS, "sometimes"),
        ("nope, not a blind bit", PLAN, "no"),  # not "a bit"
        ("for the most part", MOSTLY, "mostly"),
        ("haven't a baldy", [*YES_NO, Choice("not_sure", ("Not sure",))], "not_sure"),
    ],
)
def test_understatement_slang_and_mixed_views_are_read_or_asked(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("P6", "year 6"),
        ("im ate", "im 8"),
        ("for teen", "fourteen"),
        ("never even meet them", "never even met them"),
    ],
)
def test_scottish_school_years_and_sound_spellings(typed, normalised):
    assert normalise(typed) == normalised


def test_a_reply_starting_could_be_or_would_be_is_not_a_question():
    assert read_reply("could be worse I suppose", SCALE).intent is None
    assert read_reply("cud b better", SCALE).choice == "bad"  # "could be better": Not good


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("last year i was 11", AGES, None),  # an age that was
        ("think its Mark? or Mike", YES_NO, None),
        ("yeah its Jess. well it was Jess, she might of left", YES_NO, None),
        ("yeah unfortunately 🙄", YES_NO, None),  # rolled eyes at the worker, not the question
        ("If you actually change something, sure", YES_NO, None),  # a condition, not a correction
        ("🏠👍", MOSTLY, None),  # "👍" where there is a "mostly": which?
        ("good slash RI", GRADES, None),
        ("family support great, social worker a nightmare", SCALE, None),
    ],
)
def test_past_ages_second_guesses_and_someone_elses_family_are_read_or_asked(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("after I complained, yes", ALWAYS, None),  # yes only once they had complained
        ("aye, near enough", YES_NO, None),  # nearly, so not quite
        ("worker good manager not", SCALE, None),  # two answers on a scale
        ("worker good manager not", ALWAYS, "sometimes"),  # one yes, another no
        ("the SW was, the manager wasn't", ALWAYS, "sometimes"),
        ("by most yes", ALWAYS, "sometimes"),  # less than always
        ("gd-RI", GRADES, None),  # two grades joined, like "good/RI"
        ("respect?? don't make me laugh", ALWAYS, "no"),
        ("terrible. well not terrible, just not great", SCALE, "bad"),  # said again
        ("when they can be bothered", ALWAYS, "sometimes"),  # not a question
        ("depend", ALWAYS, "sometimes"),
        ("bostin", SCALE, "great"),  # the Black Country's "brilliant"
        ("an absolute disgrace", SCALE, "awful"),
        ("good on the whole", SCALE, "good"),  # overall, not "mostly"
        ("righto", YES_NO, "yes"),
        ("ar", YES_NO, "yes"),  # "yes" in the Midlands and the North
        ("cant make head nor tail of it", PLAN, "no"),
        ("cud b beta", SCALE, "bad"),  # "could be better"
    ],
)
def test_hedges_local_words_and_two_views_from_the_fourteenth_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_a_grade_with_if_i_say_so_myself_is_that_grade_not_a_condition():
    outstanding = [Choice("outstanding", ("Outstanding", "outstanding")), *GRADES]
    assert read_reply("outstanding if I say so myself", outstanding).choice == "outstanding"


def test_leave_it_skips_but_passing_something_on_does_not():
    assert read_reply("leave it", ALWAYS).intent == SKIP
    assert read_reply("pass it on to who?", CONSENT).intent != SKIP


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("ya i no it", "ya i know it"),
        ("not at the mo", "not at the moment"),
        ("i wrk 4 u lot", "i work for u lot"),
        ("never seen 1", "never seen one"),
        ("can i do it tomoz", "can i do it tomorrow"),
    ],
)
def test_sound_spellings_of_know_moment_for_one_and_tomorrow(typed, normalised):
    assert normalise(typed) == normalised


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Never felt ignored once", ALWAYS, "yes"),  # a no that means yes
        ("I've never felt disrespected, not once", ALWAYS, "yes"),
        ("never felt unsafe here, no", MOSTLY, "yes"),
        ("never felt unsafe until he moved in", MOSTLY, None),  # till then
        ("it was bad at first, now it's good", SCALE, "good"),  # what is so now
        ("I do now, I didn't at first", PLAN, "yes"),
        ("some good some not", GRADES, None),
        ("The assessment was good, the plan wasn't", GRADES, None),
        ("Not bad", GRADES, None),  # Good, or less? There is no OK among grades
        ("no hang on, yes, start", CONSENT, "agree"),  # said again
        ("Rather not right now tbh, I'm at work", CONSENT, "not_now"),  # consent has no skip
        ("yes wen my mum is there", ALWAYS, None),  # only when
        ("horrible they never come when they say", SCALE, "awful"),  # not "only when"
        ("8 of 10", SCALE, "good"),
        ("not vary good", SCALE, "bad"),
        ("it varies week to week", ALWAYS, "sometimes"),
        ("might as well", YES_NO, "yes"),
        ("I'd sooner you didn't", YES_NO, "no"),
        ("I don't see why not", YES_NO, "yes"),  # not two negatives
        ("do I feel listened to? not in the slightest", ALWAYS, "no"),  # asked back
        ("yeah, I want to see if my moaning did anything", YES_NO, "yes"),  # not a condition
        ("yes. my foster carer said i should", CONSENT, "agree"),  # their own yes
        ("Partly. The what yes, the why no.", PLAN, "a_bit"),
        ("ie plis", YES_NO, "yes"),  # Welsh
        ("dim diolch", YES_NO, "no"),
    ],
)
def test_litotes_then_and_now_and_asking_back_from_the_fifteenth_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_asking_to_skip_is_a_skip_whatever_else_it_says():
    assert read_reply("Can we skip the plan bit", PLAN).intent == SKIP  # not "a bit"
    assert read_reply("no coment", ALWAYS).intent == SKIP
    assert read_reply("dont want 2 say", AGES).intent == SKIP


def test_a_word_the_reader_does_not_know_is_not_split_into_ones_it_does():
    assert read_reply("i got a new hamster called nugget 🐹", SCALE) == Reading()


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Only weekends is ok", YES_NO, None),  # only some of the time
        ("My partner's happy to, I'm less keen", CONSENT, None),
        ("ok but u wont tel my mum will u", CONSENT, None),  # a question, not a plain yes
        ("u never chnge nothing anyway", YES_NO, None),  # argues
        ("you said that last year and nothing changed", YES_NO, None),
        (
            "The previous worker's part was inadequate; since I took over, I'd say good",
            GRADES,
            None,
        ),
        ("Frankly, RI, and I've raised it with my manager.", GRADES, "requires_improvement"),
        ("Good - some drift early on but recovered", GRADES, "good"),  # the story, not the answer
        (
            "Would rate as outstanding",
            [Choice("outstanding", ("Outstanding",)), *GRADES],
            "outstanding",
        ),
        ("for out of five", SCALE, "good"),  # dictated "4 out of 5"
        ("It was not so great", SCALE, "bad"),
        ("mostly, except when my foster brother's in one of his moods", MOSTLY, "mostly"),
        ("Sounds reasonable to me. Let's get it over with.", CONSENT, "agree"),
        ("Yes please, especially if it's about the contact times", YES_NO, "yes"),
        ("Fine. Mum said I had to do it anyway", CONSENT, "agree"),
        ("I'm the eldest of four, my brother's 6 and I'm exactly double him", AGES, None),
    ],
)
def test_long_hedged_and_reasoned_replies_from_the_sixteenth_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_passing_on_a_question_skips_it_and_politeness_is_not_a_condition():
    assert read_reply("I'll pass on this question", YES_NO).intent == SKIP
    assert read_reply("I'll leave that one if that's alright", PLAN).intent == SKIP
    assert read_reply("I'd prefer not to say my age if that's OK", AGES).intent == SKIP


def test_who_sees_is_heard_inside_a_promise_not_to_tell():
    assert asks_who_sees("ok but u wont tel my mum will u")


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("yes but I want to know who you'd tell", CONSENT, None),  # a worry, not a plain yes
        ("Lisa was fantastic, the one before her was a disaster", SCALE, None),
        ("good / RI tbh", GRADES, None),
        ("16 on friday", AGES, "teen"),  # 15 until Friday
        ("turned 12 on sunday", AGES, "teen"),  # and 12 since
        ("its peak", SCALE, None),  # authors split: bad, or nothing said?
        ("prbly", ALWAYS, None),  # probably: yes, or only sometimes?
        ("respect me yeah, who i am not so much", ALWAYS, None),
        ("no... ok fine lets go", CONSENT, "agree"),  # said again
        ("Outstanding 🙂", [Choice("outstanding", ("Outstanding",)), *GRADES], "outstanding"),
        ("🙄 no", ALWAYS, "no"),
        ("mid", SCALE, "ok"),
        ("best help ever", SCALE, "great"),
        ("smtms", ALWAYS, "sometimes"),
        ("sum tims", ALWAYS, "sometimes"),
        ("mst of the time", ALWAYS, "sometimes"),
    ],
)
def test_slang_slips_and_second_thoughts_from_the_seventeenth_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_not_wanting_to_answer_in_english_learnt_later_is_a_skip():
    assert read_reply("I not want answer this", SCALE).intent == SKIP
    assert read_reply("i dont want say", ALWAYS).intent == SKIP
    assert read_reply("parss", AGES).intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("not great, not terrible", SCALE, "ok"),  # neither: the middle
        ("im scared to press yes", CONSENT, None),  # frightened, not a plain yes
        ("no more than my last worker did", ALWAYS, None),  # a comparison
        ("older than my sister, she's 9", AGES, None),  # how much older?
        ("older than 16", AGES, "young_adult"),
        ("without fail", ALWAYS, "yes"),
        ("not on your nelly", ALWAYS, "no"),
        ("can't see a problem with that", YES_NO, "yes"),
        ("offal full stop", SCALE, "awful"),  # dictated
        ("I guess so full stop", CONSENT, "agree"),
        ("Mot now thank you", CONSENT, "not_now"),
        ("find thanks", SCALE, "ok"),
    ],
)
def test_dictation_comparisons_and_fears_from_the_eighteenth_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("better than last year, that was terrible", SCALE, None),  # last year was terrible
        ("yeah its Sam. well it was Sam, now it might be someone else?", YES_NO, None),
        ("no one has ever not listened to me", ALWAYS, None),  # two negatives: ask
        ("Oh yes, they listened. Then did the opposite.", ALWAYS, "no"),  # as its author meant
        ("The first plan, yes. The second one was a mess", PLAN, None),  # which plan is now?
        ("Ofsted would call it good, I'm less sure", GRADES, None),
        ("good practice, poor recording", GRADES, None),
        ("three out of five, and that's being generous", SCALE, "ok"),
        ("I suppose it couldnt hurt", YES_NO, "yes"),
        ("not inadequate, not RI, so good", INADEQUATE, "good"),
        ("fifteen. sixteen in 3 weeks tho", AGES, "teen"),
        ("12 in 2 weeks", AGES, "child"),  # 11 now
        ("17 but everyone says I act about 12", AGES, "young_adult"),
        ("u never change anythin anyway", ALWAYS, None),  # arguing, not answering
        ("can we do it later my foster carer is in the room", CONSENT, "not_now"),
        ("yes but I'd rather my name wasn't on it", CONSENT, None),  # who will see it?
    ],
)
def test_comparisons_ratings_in_words_and_ages_to_come_from_the_nineteenth_reading(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("the old worker did, this one not so much", ALWAYS, None),  # which is now?
        ("pretty bad tbh", SCALE, None),  # really bad, or not good? Authors split
        ("not RI but definitely good", GRADES, "good"),
        ("now n again", ALWAYS, "sometimes"),
        ("best its ever been", SCALE, "great"),
        ("evry time", ALWAYS, "yes"),
    ],
)
def test_old_and_new_workers_and_sound_spellings_from_the_twentieth_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("hmm maybe another time yeah", CONSENT, "not_now"),  # yes, but later
        ("all the time 😊", ALWAYS, "yes"),  # the words answer; the smile is how they feel
        ("kinda yh", MOSTLY, "mostly"),
        ("no who is it??", YES_NO, "no"),  # a no, then who
        ("yeah they respect me loads... NOT", ALWAYS, "no"),
        ("NO THEY DID NOT", ALWAYS, "no"),  # shouted, not a joke
        ("bits of it. the school part yes the contact part no", PLAN, "a_bit"),
        ("I'd rather not thanks", [YES_NO[0], Choice("no", ("No", "id rather not"))], "no"),
        ("would you tell my mum?? because then no", CONSENT, None),  # on a condition
        ("yes but I want to know who you pass it to first", CONSENT, None),
        ("yes pls, tell me if the wifi thing changes", YES_NO, "yes"),  # not a condition
        ("Not now, kids have just got in from school", CONSENT, "not_now"),
        ("im the oldest in my foster house, the others are 6 and 9", AGES, None),
        ("pretty good actually, better than last year", SCALE, "good"),
    ],
)
def test_later_smiles_jokes_and_other_peoples_ages_from_the_twenty_first_reading(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


def test_not_sure_after_a_guess_is_not_sure():
    not_sure = [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))]
    assert read_reply("i think its the lady with the dog but not sure", not_sure).choice == (
        "not_sure"
    )


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("i was 11 last year", AGES, "teen"),
        ("4 out of 5 would be generous, so 3", SCALE, None),  # which number?
        (
            "The worker herself was lovely, but the service was poor and we had three "
            "cancellations in a row. So 2 out of 5.",
            SCALE,
            "bad",
        ),  # the answer it ends with
        (
            "yeah the estate's a bit rough and the lift never works but honestly inside my "
            "flat I feel totally safe so yes",
            MOSTLY,
            "yes",
        ),
        ("i know who my brothers worker is but not mine", YES_NO, "no"),
        ("yes always, they never make fun of me", ALWAYS, "yes"),
        ("I was never once disrespected, no", ALWAYS, "yes"),
        ("The first social worker, yes. The one after, not at all.", ALWAYS, None),  # now?
        ("only if it's actually something real, otherwise no", YES_NO, None),
        ("Yes. I didn't agree with it, but I understood it.", PLAN, "yes"),
        ("Thanks, but no", YES_NO, "no"),
        ("I'd like to say outstanding but realistically good", GRADES, "good"),
        ("guess so 🤷‍♀️", ALWAYS, None),  # always, or sometimes?
        ("yes but Ive already got a social worker so whats the point", CONSENT, None),
        ("I think so, yes", ALWAYS, None),  # still only "I think so": always, or sometimes?
        ("i think so yeah", ALWAYS, None),  # not "so yeah" at the end of a story
        ("apart from the one meeting yes", ALWAYS, None),
        ("most o the time", ALWAYS, "sometimes"),
    ],
)
def test_conclusions_past_ages_and_mocking_reasons_from_the_twenty_second_reading(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("a 10/10 disaster", SCALE, None),  # ten out of ten for how bad
        ("12 in 2 wks", AGES, "child"),
        ("I think I did, yes", PLAN, None),  # a tentative yes beside *A bit*: which?
        ("on good days", ALWAYS, "sometimes"),
        ("like reading a foreign language", PLAN, "no"),
        ("Like shouting into the wind", ALWAYS, "no"),
        ("I felt heard, thank you", ALWAYS, "yes"),
    ],
)
def test_numbers_for_how_bad_sayings_and_halves_from_the_twenty_third_reading(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


def test_the_what_but_not_the_why_is_the_in_between_button():
    partly = [Choice("yes", ("Yes", "yes")), Choice("partly", ("Partly", "partly")), PLAN[2]]
    assert read_reply("The what, yes. The why, no", partly).choice == "partly"
    assert read_reply("the plan yes, the why no", PLAN).choice == "a_bit"


def test_a_skip_that_says_when_at_the_start_is_not_now():
    assert read_reply("can i come back to this after tea", CONSENT).choice == "not_now"


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("b-r-i-l-l-i-a-n-t", SCALE, "great"),  # letter by letter
        ("N-O", ALWAYS, "no"),
        ("i-think-so", YES_NO, "yes"),  # hyphens for spaces
        ("so-so", SCALE, "ok"),  # a word with a hyphen stays one
        ("note great", SCALE, "bad"),
        ("not really no ta", YES_NO, "no"),  # a no said twice
        ("Not really no thank you", YES_NO, "no"),
    ],
)
def test_letters_hyphens_and_a_no_said_twice_from_the_twenty_fourth_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_not_understanding_in_english_learnt_later_asks_what_it_means():
    assert read_reply("sorry I not understand this", CONSENT).intent == EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("wish i did tho", ALWAYS, "no"),  # a wish is what is not so
        ("I wish I had been", ALWAYS, "no"),
        ("I wish I could say good", GRADES, None),  # not good, and not saying what: ask
        ("thank you but no", YES_NO, "no"),
        ("sure no cap", YES_NO, "yes"),  # "no cap": no lie
        ("Family support worker brilliant, social worker useless", SCALE, None),  # which?
        ("The receptionist was rude but the workers were great", ALWAYS, "sometimes"),
        ("i feel respected by my worker, not by the others", ALWAYS, "sometimes"),
        ("in meetings no. one to one yes", ALWAYS, "sometimes"),
        ("They nodded a lot 🙄", ALWAYS, "no"),
        ("sounds good but not today", CONSENT, "not_now"),
        ("Life-changing honestly", SCALE, "great"),
        ("Not inadequate, but not good either", INADEQUATE, "requires_improvement"),
    ],
)
def test_wishes_verdicts_on_each_and_polite_noes_from_the_twenty_fifth_reading(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize("typed", ["I'll leave it thanks", "That's kind but I'll pass", "allow it"])
def test_turning_an_offer_down_is_no_thanks(typed):
    assert read_reply(typed, YES_NO).choice == "no"


@pytest.mark.parametrize("typed", ["pass", "no comment", "I'll pass on this one"])
def test_passing_on_the_offers_question_is_still_a_skip(typed):
    # A guard beside the test above: these were skips before it, and must stay so.
    assert read_reply(typed, YES_NO).intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("yeah riiight", ALWAYS, "no"),  # sarcasm, stretched
        ("not since the new worker", ALWAYS, "no"),  # it was so, and is not now
        ("never, they do nowt", ALWAYS, "no"),
        ("couldnt be worse tbh", SCALE, "awful"),
        ("made up with it", SCALE, "great"),  # Liverpool: delighted
        ("not vey good", SCALE, "bad"),
        ("always, she never rushed me", ALWAYS, "yes"),  # a no that means yes
        ("they've never made me feel bad for being gay, so yes always", ALWAYS, "yes"),
        ("yeh but not always", ALWAYS, "sometimes"),  # less than always (policy 5)
        ("more than I expected but not always", ALWAYS, "sometimes"),
        ("yes but only when my mum is there", ALWAYS, None),  # a guard: and otherwise?
        ("yes but sometimes not", ALWAYS, None),  # not "yes... NOT", the old joke
    ],
)
def test_not_since_stretched_sarcasm_and_sayings_from_the_twenty_sixth_reading(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Oh yes, they listened so well they spelt my name wrong three times", ALWAYS, "no"),
        ("oh yes please", YES_NO, "yes"),  # a guard: not a roll of the eyes
        ("Could be better, could be worse", SCALE, None),  # neither
        ("yes, bar one meeting", ALWAYS, None),  # all but one: ask
        ("my little brother is annoying but that's not unsafe is it, so mostly", MOSTLY, "mostly"),
        ("Yes, always, they never made me feel judged", ALWAYS, "yes"),
        ("19y.o", AGES, "young_adult"),
    ],
)
def test_oh_yes_all_but_one_and_conclusions_from_the_twenty_seventh_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("some were, one definitely wasn't", ALWAYS, "sometimes"),  # not "definitely": yes
        ("one definitely wasnt", ALWAYS, None),  # a strong yes, turned by the word after it
        ("definitely", YES_NO, "yes"),  # a guard
        ("not even close", ALWAYS, "no"),
        ("kushti", SCALE, "good"),  # Romani and Traveller English: good
        ("pretty good, way better than before", SCALE, "good"),
    ],
)
def test_turned_intensifiers_some_and_one_and_sayings_from_the_twenty_eighth_reading(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [("skip this bit", YES_NO), ("n/a skip", GRADES), ("mind your own bor", AGES)],
)
def test_skips_in_other_words_from_the_twenty_eighth_reading(typed, choices):
    # "this bit" is not "a bit" (Sometimes); "n/a" is not two answers with a slash.
    assert read_reply(typed, choices).intent == SKIP


def test_would_with_no_one_after_it_answers_and_with_someone_asks():
    assert read_reply("would go RI on this one", GRADES).choice == "requires_improvement"
    assert read_reply("would you tell my mum", CONSENT).intent == EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        # Someone else's answer, then their own: their own answers, or it is asked.
        ("my foster brother says they never listen to him but they listen to me", ALWAYS, None),
        ("my PA does but nobody else", ALWAYS, "sometimes"),
        ("yep, and the one before, and the one before that 🙄", YES_NO, None),  # not sarcasm
        ("oh yeah loads 🙄", ALWAYS, "no"),  # a guard: sarcasm
        ("six teen", AGES, "young_adult"),
        ("yes always, they never judge me", ALWAYS, "yes"),
        ("not bad at all actually", SCALE, None),  # Good, or OK? Authors split: ask
        ("happy with it yeah", SCALE, "good"),
        ("In some ways", ALWAYS, "sometimes"),
        ("dead on", CONSENT, "agree"),  # Northern Ireland: fine
        ("It's been a lifeline", SCALE, "great"),
    ],
)
def test_another_then_me_eye_rolls_at_something_else_and_sayings_from_the_twenty_ninth_reading(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize("typed", ["Could have been worse", "would go RI on this one"])
def test_could_or_would_with_no_one_after_it_is_not_a_question(typed):
    assert read_reply(typed, GRADES).intent != EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("always? you must be joking", ALWAYS, None),  # not yes; no, or sometimes?
        ("'OK' doesn't cover it, she turned our lives around", SCALE, None),
        ("im eit", AGES, "child"),
        ("Good, not outstanding - visits slipped over summer", GRADES, "good"),  # a guard
    ],
)
def test_disbelief_understatement_and_spellings_from_the_thirtieth_reading(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    "typed", ["rather keep that one to myself", "⏭️", "i dont really want to rate it sorry"]
)
def test_keeping_it_to_themselves_is_a_skip(typed):
    assert read_reply(typed, SCALE).intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("like 80% safe", MOSTLY, "mostly"),  # not "safe", a yes
        ("about 50%", PLAN, "a_bit"),
        ("maybe 60% of the time", ALWAYS, "sometimes"),
        ("0%", ALWAYS, "no"),
        ("zero times", ALWAYS, "no"),
        ("80%", SCALE, "good"),  # 8 out of 10, as the authors of t169 and t185 read it
        ("yes 100%", ALWAYS, "yes"),  # a guard
    ],
)
def test_a_share_of_the_time_is_the_button_between_yes_and_no(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "means"),
    [
        ("I'll be 13 next week so 12 I guess", "teen"),
        ("16 nxt wk", "teen"),  # not "next" (skip)
        ("15nearly16", "teen"),
    ],
)
def test_an_age_corrected_or_to_come_is_the_age_now(typed, means):
    assert read_reply(typed, AGES).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("listened? they heard me, they didn't listen", ALWAYS, "no"),
        ("they hear me but they dont listen", ALWAYS, "no"),
        ("yes, unlike school who never tell us anything", YES_NO, "yes"),  # school's never
        ("I'd say good, and if Ofsted walked in tomorrow they'd say the same", GRADES, "good"),
        ("inadequate tbh, not proud of it", INADEQUATE, "inadequate"),
        # Asked: two answers, or the answer about someone else.
        ("good/RI - the assessment was good, the plan wasn't", GRADES, None),
        ("respect me yes, who i am... not so much", ALWAYS, None),
        ("it was OK ish then went down hill", SCALE, None),
    ],
)
def test_comparisons_halves_and_changes_are_read_or_asked(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_a_consent_on_condition_of_privacy_is_asked_and_answered_with_who_sees():
    typed = "I suppose, as long as it stays private"
    assert read_reply(typed, CONSENT) == Reading()
    assert asks_who_sees(typed)


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        # Yes, no, sometimes and don't know in languages young people here speak at home.
        ("evet lütfen", YES_NO, "yes"),  # Turkish
        ("bazen", ALWAYS, "sometimes"),
        ("taip visada", ALWAYS, "yes"),  # Lithuanian
        ("às vezes", ALWAYS, "sometimes"),  # Portuguese
        ("nao", YES_NO, "no"),
        ("sim", YES_NO, "yes"),
        ("jo faleminderit", YES_NO, "no"),  # Albanian
        ("um pouco", PLAN, "a_bit"),
        # Guards: a name, and a phone's SIM.
        ("maya", YES_NO, None),
        ("jo", YES_NO, None),
        ("my sim is broken", YES_NO, None),
    ],
)
def test_plain_answers_in_other_languages_are_read(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_a_key_held_down_is_read_as_the_word():
    assert read_reply("amaaaazing!!!", SCALE).choice == "great"


def test_two_questions_about_the_question_ask_for_it_to_be_explained():
    assert read_reply("harmed how? what counts", CONSENT).intent == EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        # A question back that answers itself, or is answered after it.
        ("why wouldnt i? i helped write it", PLAN, "yes"),
        ("why would I not feel safe?", MOSTLY, "yes"),
        ("why would it not be ok? go on", CONSENT, "agree"),
        ("Why would I want to? No.", YES_NO, "no"),
        ("why would I want to?", YES_NO, "no"),
        ("why would I say no? they always treat me right", ALWAYS, "yes"),
        ("does anyone? no", ALWAYS, "no"),
        ("why would you need to message me?", YES_NO, None),  # a real question (a guard)
    ],
)
def test_a_question_back_answers_itself_or_is_answered_after_it(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("I wouldn't say they never listen", ALWAYS, None),  # a double negative: ask
        ("I wouldn't say they don't respect me. They always do", ALWAYS, None),
        ("no, I changed my mind, yes", YES_NO, "yes"),  # the last part
        ("my mum knows, i dont", YES_NO, "no"),  # a parent's answer, then their own
        ("yes, my flat is fine", MOSTLY, "yes"),  # the yes says which "fine" is
        ("no i get scared at night", MOSTLY, "no"),  # not "at night" only
        ("my PA does but the housing people dont", ALWAYS, "sometimes"),
        ("rely bad", SCALE, "awful"),
    ],
)
def test_turned_round_corrected_and_in_part_answers_from_the_fifteenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


def test_an_echoed_word_then_what_counts_asks_for_it_to_be_explained():
    assert read_reply("safe? what counts as safe", MOSTLY).intent == EXPLAIN


def test_a_yes_then_who_reads_it_is_asked_and_answered_with_who_sees():
    typed = "Yes but I want to know who reads it"
    assert read_reply(typed, CONSENT) == Reading()
    assert asks_who_sees(typed)


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("0/10", ALWAYS, "no"),  # a score at a yes-or-no question: none is no
        ("zero out of ten", YES_NO, "no"),
        ("10/10", ALWAYS, "yes"),
        ("7/10", MOSTLY, None),  # a score between: which button?
        ("2/5", PLAN, None),
        ("10/10 yes", ALWAYS, "yes"),  # a guard: the words say it
    ],
)
def test_a_score_at_a_yes_or_no_question_is_yes_or_no_only_at_its_ends(typed, choices, means):
    assert read_reply(typed, choices).choice == means


OUTSTANDING = [Choice("outstanding", ("Outstanding", "outstanding")), *GRADES]


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("- worker: yes\n- manager: no", ALWAYS, "sometimes"),  # a list: one yes, one no
        ("1. worker yes\n2. manager no", ALWAYS, "sometimes"),
        ("every other visit", ALWAYS, "sometimes"),  # how often, in their own measure
        ("maybe once a month", ALWAYS, "sometimes"),
        ("the younger ones are 9 but im 14", AGES, "teen"),  # their own age, after others'
        ("mostley. i mean mosly yes", MOSTLY, "mostly"),  # the correction, misspelt
        ("som times?", ALWAYS, "sometimes"),
        ("fiftin", AGES, "teen"),
        ("yse", YES_NO, "yes"),
        ("noh", YES_NO, "no"),
        ("could of bin better", SCALE, "bad"),
        ("Outstanding. sorry autocorrect - good", OUTSTANDING, "good"),  # put right
        ("yes *shrugs*", YES_NO, "yes"),  # a guard: a gesture, not a word put right
    ],
)
def test_lists_measures_of_their_own_and_corrections_from_the_sixteenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("jani na", ALWAYS, None),  # Bengali "I don't know": not "na", a no
        ("jani na", [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))], "not_sure"),
        ("thik ache", CONSENT, "agree"),  # Bengali: all right
        ("vale", CONSENT, "agree"),  # Spanish
        ("si por favor", YES_NO, "yes"),
        ("si", YES_NO, "yes"),
        ("non", YES_NO, "no"),
        ("qualche volta", ALWAYS, "sometimes"),  # Italian
        ("thodu thodu", PLAN, "a_bit"),  # Gujarati: a little
        ("bhalo", SCALE, "good"),  # Bengali
        ("hao de", YES_NO, "yes"),  # Mandarin
        ("bu zhi dao", [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))], "not_sure"),
    ],
)
def test_yes_no_and_not_sure_in_home_languages_typed_in_latin_letters(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "intent"), [("my age is private sorry", SKIP), ("is it private?", EXPLAIN)]
)
def test_private_said_is_a_skip_and_private_asked_is_a_question(typed, intent):
    assert read_reply(typed, AGES).intent == intent


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("I expected the worst but they were very good", SCALE, "good"),  # what they found
        ("I thought it'd be all long words but I get it now", YES_NO, "yes"),
        # a "not" in what they found turns the expectation round: ask
        ("I expected to be judged but I wasn't once", ALWAYS, None),
        ("I expected them to judge me but they never have", ALWAYS, None),  # a guard
    ],
)
def test_what_they_expected_then_what_they_found_is_read_by_what_they_found(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("thumbs up", CONSENT, "agree"),  # a gesture in words
        ("*nods*", YES_NO, "yes"),
        ("big thumbs up from me", SCALE, "good"),
        ("thumbs down", SCALE, "bad"),
        ("a solid B", SCALE, "good"),  # a school mark
        ("I'd give them a D", SCALE, "bad"),
        ("an F. fail.", SCALE, "awful"),
        ("A* work", OUTSTANDING, "outstanding"),
        ("a C", OUTSTANDING, None),  # between two grades: ask (a guard)
        ("plan B", SCALE, None),  # not a mark (a guard)
        ("if I had to pick, good", SCALE, "good"),  # framed, not a condition
        ("if a friend asked I'd say go for it, they were amazing", SCALE, "great"),
        ("gd or RI tbh", OUTSTANDING, None),  # two grades: which?
    ],
)
def test_gestures_school_marks_and_framed_answers_from_the_sixteenth_session(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("13 in march so 12 now", AGES, "teen"),  # an age to come, by the month
        ("la2", YES_NO, "no"),  # Arabic in Latin letters
        ("ah akeed", YES_NO, "yes"),
        ("shwaya", PLAN, "a_bit"),
        ("pas besoin", YES_NO, "no"),  # French "no need", not "pass" (skip)
        ("des fois", ALWAYS, "sometimes"),
        ("ehe ndizvo", YES_NO, "yes"),  # Shona
        ("kabhi haan kabhi nahi", ALWAYS, "sometimes"),
        ("nah you're fine", YES_NO, "no"),  # at an offer: no thanks
        ("most of the tiem", ALWAYS, "sometimes"),
        ("not grt", SCALE, "bad"),
    ],
)
def test_ages_by_the_month_home_languages_and_slips_from_the_sixteenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


def test_asking_who_it_is_passed_on_to_is_a_question_not_a_skip():
    assert read_reply("who do u pass it on 2", CONSENT).intent == EXPLAIN
    assert read_reply("pass on this one", AGES).intent == SKIP  # a guard


def test_a_word_then_like_how_asks_what_it_means():
    assert read_reply("safe like how", MOSTLY).intent == EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("no doubt about it", YES_NO, "yes"),  # a "no" inside a yes
        ("every single time, no doubt", ALWAYS, "yes"),
        ("they listened every time, no question", ALWAYS, "yes"),
        ("no harm in it", YES_NO, "yes"),
        ("not a problem", YES_NO, "yes"),
        ("no wahala, lets start", CONSENT, "agree"),  # Nigerian Pidgin
        ("without exception", ALWAYS, "yes"),
        ("on paper yes, in reality no", ALWAYS, "no"),  # what is so in truth
        ("on paper it looks good but honestly it's RI", GRADES, "requires_improvement"),
        ("technically 17 but i feel 12", AGES, None),  # no "in reality": ask (a guard)
        ("2 out of 3 workers do", ALWAYS, "sometimes"),  # some of them, not all
        ("two of the three social workers did", ALWAYS, "sometimes"),
        ("2 out of 3 workers do", YES_NO, None),  # no button between: ask (a guard)
        ("Good – the family said the same", GRADES, "good"),  # someone else agrees
        ("great 🙃", SCALE, None),  # meant, or through gritted teeth? Ask.
        ("yes 🙃", ALWAYS, None),
    ],
)
def test_a_no_inside_a_yes_on_paper_then_in_truth_and_counts_from_the_seventeenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("not yet", CONSENT, "not_now"),
        ("can't right now", CONSENT, "not_now"),
        ("Not nou", CONSENT, "not_now"),
        ("not 12 yet", AGES, "child"),  # an age not reached
        ("not quite 16 yet", AGES, "teen"),
        ("yes but i'm worried about that part", CONSENT, None),  # a worry about it: ask
        ("ok but im a bit shy", CONSENT, "agree"),  # a guard
        ("Know I don't", YES_NO, "no"),  # dictated
        ("Sommet times", ALWAYS, "sometimes"),
        ("Not gut", SCALE, "bad"),
        ("It was oké", SCALE, "ok"),
        ("thik cha", SCALE, "ok"),  # Nepali: it's fine
        ("Ho, thik cha", CONSENT, "agree"),
        ("Hoina, dhanyabad", YES_NO, "no"),
        ("rara o", ALWAYS, "no"),  # Yoruba
        ("Bẹẹni", YES_NO, "yes"),
        ("dažniausiai taip", MOSTLY, "mostly"),  # Lithuanian
        ("šiek tiek", PLAN, "a_bit"),
        ("Ne dabar", CONSENT, "not_now"),
        ("Ne, nelabai", ALWAYS, "no"),
        ("Gerai", YES_NO, "yes"),
        ("Kadi kadi, hamesha nahi", ALWAYS, "sometimes"),  # Punjabi
    ],
)
def test_not_yet_slips_and_home_languages_from_the_seventeenth_session(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_not_comfortable_rating_their_own_work_skips():
    assert read_reply("not comfortable rating my own work", GRADES).intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("⭐⭐⭐⭐", SCALE, "good"),  # stars, as in a review
        ("3 stars", SCALE, "ok"),
        ("1 star. would not recommend.", SCALE, "awful"),
        ("⭐", SCALE, None),  # one star alone may be praise: ask (a guard)
        ("yeah they always listen /s", ALWAYS, "no"),  # sarcasm, marked
        ("I think so, is it Dave?", YES_NO, None),  # not sure who: ask
        (
            "would have been good if not for the gap between visits, so RI",
            GRADES,
            "requires_improvement",
        ),
        ("my manager says good, I'd say RI", GRADES, "requires_improvement"),  # their own
        ("my mum would say no but i'd say they do always", ALWAYS, "yes"),
        ("My husband says yes but I say no", ALWAYS, None),  # the family's view too (a guard)
        ("good for the child RI for recording", GRADES, None),  # two grades, no comma
        ("it was rubbish when I first came but its good now", SCALE, "good"),  # so now
        ("nahh im ok", YES_NO, "no"),  # at an offer
        ("lowkey yeah", ALWAYS, None),  # a soft yes beside "always"
        ("prob yes", PLAN, None),
    ],
)
def test_stars_sarcasm_marked_and_their_own_view_after_another_from_the_seventeenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("i am ate years old", AGES, "child"),
        ("most of the tyme", ALWAYS, "sometimes"),
        ("requires him provement", GRADES, "requires_improvement"),  # dictated
        ("ee", YES_NO, "yes"),  # Igbo
        ("mba daalu", YES_NO, "no"),
        ("daabi", YES_NO, "no"),  # Twi
        ("aane", YES_NO, "yes"),
        ("net", YES_NO, "no"),  # Russian
        ("v osnovnom da", MOSTLY, "mostly"),
        ("khorosho", SCALE, "good"),
        ("shume mire", SCALE, "good"),  # Albanian
        ("po", YES_NO, "yes"),
        ("co luc co luc khong", ALWAYS, "sometimes"),  # Vietnamese
        ("fiican", SCALE, "good"),  # Somali
        ("sila neram", ALWAYS, "sometimes"),  # Tamil
        ("its bussin no cap", SCALE, "great"),
    ],
)
def test_slips_and_more_home_languages_from_the_seventeenth_session(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("yeah fucking right", ALWAYS, "no"),  # sarcasm, sworn
        ("oh yes very respectful 🙄", ALWAYS, "no"),  # eyes rolled (a guard: see the flow's)
        ("listened my arse", ALWAYS, "no"),
        ("Might as well have been talking to myself", ALWAYS, "no"),
        ("first sw was brilliant, new one is useless", SCALE, None),  # which is it now?
        ("15, 16 in a fortnight", AGES, "teen"),
        ("over the moon tbh", SCALE, "great"),
        ("its been hell since the move", SCALE, "awful"),
        ("yeah-ish", ALWAYS, "sometimes"),
        ("To a degree", PLAN, "a_bit"),
        ("That is correct, I was", ALWAYS, "yes"),
        ("I would concur, let's begin", CONSENT, "agree"),
        ("ne", YES_NO, None),  # Greek yes, Slavic no: ask
        ("nai parakalo", YES_NO, "yes"),  # Greek
        ("oo naman", YES_NO, "yes"),  # Tagalog
        ("nevim", PLAN, None),  # Czech "I don't know": not a no
        ("nic moc", SCALE, "bad"),  # Czech "not much"
        ("obiknoveno da", MOSTLY, "mostly"),  # Bulgarian "usually yes"
    ],
)
def test_sarcasm_sworn_idioms_and_more_languages_from_the_seventeenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("sorry was at school. ok i guess", SCALE, "ok"),  # a late reply's apology
        ("sorry was at work, go on then", CONSENT, "agree"),  # a guard
        ("sorry, no", YES_NO, "no"),  # a guard: an apology with the answer
        ("now thanks", YES_NO, "no"),  # a slip of "no"
        ("now never been told", ALWAYS, "no"),  # a guard
        ("now and then", ALWAYS, "sometimes"),  # a guard
        ("yrs", YES_NO, "yes"),
        ("god overall", GRADES, "good"),  # a key slipped, into another word
        ("Food thanks", SCALE, "good"),
        ("not bow", CONSENT, "not_now"),
        ("goid", [Choice("outstanding", ("Outstanding", "gold standard")), *GRADES], "good"),
        ("outstanding, family said it changed things", OUTSTANDING, "outstanding"),
        ("my manager said RI, I'd say good", GRADES, "good"),  # a guard: their own view
        ("inadequate - not her fault, the system is broken", INADEQUATE, "inadequate"),
        ("Good, though I'm biased!", GRADES, "good"),
        ("like a grey day, not bad not good just meh", SCALE, "ok"),
        ("no nobody listened to me or my husband", ALWAYS, "no"),
        ("not at all, i was always the last to know anything", ALWAYS, "no"),
        ("The social worker listen, the manager no", ALWAYS, "sometimes"),
        ("Karen did, the council didnt", ALWAYS, "sometimes"),
        ("not keen really", YES_NO, "no"),
        ("I am happy. We start.", CONSENT, "agree"),
    ],
)
def test_late_apologies_slipped_keys_and_reasons_from_the_eighteenth_session(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_a_question_back_about_where_asks_for_an_explanation():
    reading = read_reply("safe where? at foster or at mums", MOSTLY)
    assert reading == Reading(intent=EXPLAIN)


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("bardzo dobrze", SCALE, "good"),  # Polish "very well", as "very good" is read
        ("muy bien gracias", SCALE, "good"),
        ("foarte bine", SCALE, "good"),  # Romanian
        ("otimo obrigada", SCALE, "great"),  # Portuguese
        ("okropnie", SCALE, "awful"),  # Polish
        ("berbat", SCALE, "awful"),  # Turkish
        ("kyarek", ALWAYS, "sometimes"),  # Gujarati
        ("uneori", ALWAYS, "sometimes"),  # Romanian
        ("no siempre", ALWAYS, "sometimes"),  # Spanish "not always"
        ("ha sob somoy", ALWAYS, "yes"),  # Bengali "yes, always"
        ("sim sei", YES_NO, "yes"),  # Portuguese
        ("si porfa", YES_NO, "yes"),  # Spanish
        ("nu multumesc", YES_NO, "no"),  # Romanian
        ("la shukran", YES_NO, "no"),  # Arabic
        ("la, mish amaan", MOSTLY, "no"),  # Arabic "no, not safe"
    ],
)
def test_more_home_languages_from_the_eighteenth_session(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_a_button_s_own_words_with_thanks_in_its_own_language_are_that_button():
    # Polish buttons: "Bardzo dobrze" is Really good there, whatever it means typed at
    # English ones (a guard).
    choices = [
        Choice("good", ("🙂 Dobrze", "Dobrze", "good")),
        Choice("great", ("😄 Bardzo dobrze", "Bardzo dobrze", "great")),
    ]
    assert read_reply("bardzo dobrze, dziękujemy", choices, strict=True).choice == "great"


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("my carers yes always, my social worker not so much", ALWAYS, "sometimes"),
        ("Ellie does. her manager doesnt", ALWAYS, "sometimes"),
        ("my PA does but the leaving care team dont", ALWAYS, "sometimes"),
        ("oh fantastic, we only waited 9 months for a call back", SCALE, None),  # eyes rolled
        ("oh loads, that's why ive told them the same thing 6 times", ALWAYS, "no"),
        ("Yeah, right", ALWAYS, "no"),  # sarcasm, split by its comma
        ("By the end, yes", ALWAYS, None),  # not always: ask
        ("'Sometimes' is generous", ALWAYS, None),
        ("I already said no to the last question", YES_NO, None),
        ("yeah they listen. then do whatever they wanted anyway", ALWAYS, None),
        ("horrible. well not horrible, okay-ish", SCALE, "ok"),
        ("really bad. no, not really bad, just not good", SCALE, "bad"),
        ("no not really, just tired", YES_NO, "no"),  # a guard
        ("better than the last time, which was awful, so I'd say good", SCALE, "good"),
        (
            "Lots of agencies, manager changed halfway through, but the plan was reviewed on"
            " time and the child's voice is strong throughout. Good.",
            GRADES,
            "good",
        ),
        ("would have been good if they had engaged. As it is, RI", GRADES, "requires_improvement"),
        ("Yes. No.", YES_NO, None),  # two answers, not a story and its answer (a guard)
        ("I don't want to say much on here but no", MOSTLY, "no"),
        ("i was 11 when i came into care, now im 17", AGES, "young_adult"),
        ("I used to feel safe. not anymore", MOSTLY, "no"),
        ("I guess so, yes, always", ALWAYS, "yes"),
        ("understand it yes, agree with it no", PLAN, "yes"),
        ("I'd rather my manager rated it, but if I must, RI", GRADES, "requires_improvement"),
        ("what kind of things? anyway yes", YES_NO, "yes"),  # asked, then answered
        ("where i live now? yes", MOSTLY, "yes"),
        ("proper shite", SCALE, None),  # really bad, or not good? Ask.
        ("proper shite, worst ever", SCALE, "awful"),  # the reason says which (a guard)
        ("my PA or my leaving care worker? i know one of them", ALWAYS, None),  # a guard
        ("is that the lady with the red car? then yes", YES_NO, None),  # a guard
        ("no they did what they wanted", ALWAYS, "no"),  # a guard
    ],
)
def test_people_in_turn_rolled_eyes_and_a_story_then_its_answer_from_the_eighteenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


def test_a_question_about_a_pathway_plan_asks_for_an_explanation():
    assert read_reply("pathway plan? whats that", PLAN).intent == EXPLAIN


def test_what_counts_then_who_they_are_still_asks_what_counts():
    # a guard: "what counts as a young person? im 19" asks first
    assert read_reply("what counts as a young person? im 19", WHO).intent == EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("weithiau", ALWAYS, "sometimes"),  # Welsh
        ("da iawn", SCALE, "good"),
        ("Tá", YES_NO, "yes"),  # Irish
        ("Sea", YES_NO, "yes"),
        ("Uaireanta", ALWAYS, "sometimes"),
        ("Níl, go raibh maith agat", YES_NO, "no"),
        ("Tha gu dearbh", ALWAYS, "yes"),  # Scottish Gaelic
        ("glè mhath", SCALE, "good"),
        ("mint lets gan", CONSENT, "agree"),  # Geordie
    ],
)
def test_welsh_irish_gaelic_and_geordie_words_from_the_eighteenth_session(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("best thing thats happened to me tbh", SCALE, "great"),
        ("an absolute lifesaver", SCALE, "great"),
        ("completely, every visit", ALWAYS, "yes"),
        ("could do", YES_NO, "yes"),
        ("its fine, they always do", ALWAYS, "yes"),  # "always" settles it
        ("I think so, yes", ALWAYS, None),  # a tentative yes stays tentative (a guard)
        ("more than my mum does lol, so yeah mostly", ALWAYS, "sometimes"),
        ("yes. can i change my worker though?", ALWAYS, "yes"),  # a question of their own
        ("yes me and my sister both do", MOSTLY, "yes"),
        ("do i look like i want more messages", YES_NO, "no"),
        ("better than my last worker, she NEVER listened. this one does", ALWAYS, None),
        ("not since the meeting in march, someone new maybe", ALWAYS, None),
        ("not since the meeting in march", ALWAYS, "no"),  # a guard
        ("Outstanding in places, good overall", OUTSTANDING, "good"),
        ("Good with pockets of outstanding practice", OUTSTANDING, None),  # authors split
        ("Outstanding in parts, RI overall", OUTSTANDING, "requires_improvement"),
        ("RI in places but mostly good", OUTSTANDING, None),  # a guard
        ("good with elements of outstanding", OUTSTANDING, None),  # authors split: ask
        ("some strengths, but the plan was never reviewed so RI", GRADES, "requires_improvement"),
    ],
)
def test_overstatement_parts_and_wholes_and_rhetorical_questions_from_the_nineteenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


def test_which_of_two_frameworks_asks_for_an_explanation():
    reading = read_reply("Which standards - the 2023 framework or ours?", GRADES)
    assert reading.intent == EXPLAIN


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("nver", ALWAYS, "no"),
        ("dem nuh listen at all", ALWAYS, "no"),  # Jamaican patois
        ("mi cool wid dat", CONSENT, "agree"),
        ("nearley 12", AGES, "child"),
        ("by an large yes", ALWAYS, "sometimes"),
        ("mosty", ALWAYS, "sometimes"),
        ("somethings", ALWAYS, "sometimes"),
        ("fyn", YES_NO, "yes"),
        ("yes plz wanna no", YES_NO, "yes"),  # know, not no
        ("bahut vadiya", SCALE, "good"),  # Punjabi "very good", as "very good" is read
        ("bohat acha", SCALE, "good"),
    ],
)
def test_slips_patois_and_very_good_in_punjabi_from_the_nineteenth_session(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_no_comment_misspelt_is_a_skip():
    assert read_reply("no commnt", ALWAYS).intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("2 out of 5 for the help, 5 out of 5 for my worker", SCALE, None),  # which?
        ("4/5", SCALE, "good"),  # a guard
        ("a solid 3 out of your 5 faces", SCALE, "ok"),
        ("better than ok, not amazing", SCALE, None),  # more than OK: not OK
        ("worse than awful tbh", SCALE, "awful"),  # a guard: nothing is worse
        ("Good, on reflection. I was going to say RI.", GRADES, "good"),  # a guard
        ("inadequate - not her fault, the system is broken", INADEQUATE, "inadequate"),  # guard
        ("yes... no... idk", YES_NO, None),  # three answers, no correction
        ("no... ok fine lets go", CONSENT, "agree"),  # a guard: one correction
        ("outstanding for the child, RI for the parents' side", OUTSTANDING, None),
        ("work itself good. the system around it is RI at best", GRADES, "good"),
        (
            "thresholds are wrong across the service, but my work here was RI",
            GRADES,
            "requires_improvement",
        ),
        ("yes but i want to talk to someone first", CONSENT, None),  # a condition
        ("Not now, I need to speak to my solicitor first", CONSENT, "not_now"),  # a guard
        ("My worker did, her manager spoke down to me", ALWAYS, "sometimes"),
        ("like shouting into the void", ALWAYS, "no"),
        ("when it suited them", ALWAYS, "sometimes"),
        ("they get my pronouns wrong every single time", ALWAYS, "no"),
        ("they talk to me like im 5 and im 17", ALWAYS, "no"),
        ("respect? they didnt even know my name", ALWAYS, "no"),
        ("dont mither me", YES_NO, "no"),
        ("realny good", SCALE, "great"),
        ("prob", YES_NO, "yes"),
        ("not nów", CONSENT, "not_now"),  # a phone set to Polish
        ("nu stiu", [*YES_NO, Choice("not_sure", ("Not sure",))], "not_sure"),  # Romanian
        ("ewe its Mehari", YES_NO, "yes"),  # Tigrinya
        ("majhe majhe", ALWAYS, "sometimes"),  # Bengali
        ("theek thak", SCALE, "ok"),
    ],
)
def test_two_scores_the_system_not_the_work_people_in_turn_and_slips_from_the_nineteenth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


def test_a_practitioner_who_cannot_rate_it_fairly_skips():
    reading = read_reply("can't rate it fairly, I only picked it up last week", GRADES)
    assert reading.intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("I've nowt against it", CONSENT, "agree"),  # Northern "nothing", not a no
        ("I've nowt to worry about there", YES_NO, "yes"),
        ("nowt wrong with that", YES_NO, "yes"),
        ("nowt bad to say, they were always respectful", ALWAYS, "yes"),
        ("I've got nowt to complain about", ALWAYS, None),  # faint: which?
        ("I'm good", YES_NO, None),  # no thanks, or fine?
        ("nah im good", YES_NO, "no"),  # a guard
        ("im good thanks", YES_NO, "no"),  # a guard
        ("its ok ish", ALWAYS, None),
        ("i hate it here", SCALE, None),  # the place, not the help
        ("they get my name wrong half the time so you tell me", ALWAYS, None),
        ("Family support: brilliant. Social worker: didn't turn up.", SCALE, None),
        ("Family support: brilliant. Social worker: brilliant.", SCALE, "great"),  # a guard
        ("not by the social worker, no", ALWAYS, None),  # by the others, then?
        ("Moderation pulled it down to RI; I disagree", GRADES, None),  # the audit's grade
        ("The audit said good but I'd say outstanding", OUTSTANDING, "outstanding"),
        ("I rated it outstanding at audit but honestly, good", OUTSTANDING, "good"),
        ("on the cusp of outstanding", OUTSTANDING, None),
    ],
)
def test_northern_nothing_labelled_parts_audits_and_near_misses_from_the_twentieth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Ask my wife, but I'd say good", SCALE, "good"),
        ("Ask my partner, he did the talking, but I'd say sometimes", ALWAYS, "sometimes"),
        ("ask my foster carer but I'd say yes", YES_NO, "yes"),
        ("I said I understood it earlier but honestly no", PLAN, "no"),
        ("I said no to the last one but yes, message me", YES_NO, "yes"),
        ("I said bad last time but it's been really good since the new worker", SCALE, "great"),
        ("Really good. I know I moaned on the last form but really good.", SCALE, "great"),
        ("yes, even though I said they didn't listen", ALWAYS, "yes"),
        ("Dear Sir/Madam, I am happy to proceed. Yours sincerely, Mrs P. Hughes", CONSENT, "agree"),
        (
            "Good afternoon. The help we received has been excellent. Many thanks, Brenda (Nan)",
            SCALE,
            "great",
        ),
        ("if I have to say, ok", CONSENT, "agree"),
        ("fine I guess, if I have to say", SCALE, "ok"),
        ("it's giving good", SCALE, "good"),  # a guard (a meme: "it's giving disrespect")
        ("most of teh time", ALWAYS, "sometimes"),
        ("Inadeq - drift on the plan", INADEQUATE, "inadequate"),
        ("la wallah they dont", ALWAYS, "no"),  # Arabic: "no, I swear"
        ("ano", YES_NO, "yes"),  # Czech and Slovak
        ("bun", GRADES, "good"),  # Romanian
    ],
)
def test_an_answer_put_off_taken_back_or_framed_as_a_letter_from_the_twentieth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Yes. No. Oh go on, yes.", YES_NO, "yes"),  # minds changed aloud: the last
        ("yep, no, yep", YES_NO, "yes"),
        ("no, yes, no. no thanks", YES_NO, "no"),
        ("Amazing. Well. Good. Amazing some weeks. Let's say good", SCALE, "good"),
        (
            "I'd give it RI on paper but it felt good on the ground; going with RI",
            GRADES,
            "requires_improvement",
        ),
        ("Nô", ALWAYS, "no"),  # a phone set to French or Portuguese
        ("not át all", ALWAYS, "no"),
        ("Yés Jamal", YES_NO, "yes"),
        ("always-ish", ALWAYS, "sometimes"),
        ("sometimes-ish", ALWAYS, "sometimes"),
        ("yws", YES_NO, "yes"),
        ("I'd rather my manager rated it, but if pushed, RI", GRADES, "requires_improvement"),
        ("Inadequate, if I'm being brutally honest", INADEQUATE, "inadequate"),
        ("Yes please, though I won't hold my breath", YES_NO, "yes"),
        ("not outstanding but good", OUTSTANDING, "good"),
        ("aye reyt", YES_NO, "yes"),  # Yorkshire, not the Scots "aye right"
        ("aye right", YES_NO, "no"),  # a guard
        ("Wouldn't wish it on anyone", SCALE, "awful"),
        ("oh totally, they respect me SO much they forgot my birthday twice", ALWAYS, "no"),
    ],
)
def test_minds_changed_aloud_accents_and_a_settled_answer_from_the_twentieth_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("oh its just AMAZING being moved 3 times in a year", SCALE),
        ("Excellent for my stepdaughter. Nothing for my son, who you're meant to ask about", SCALE),
        ("Me, yes, always. My partner, not so much", ALWAYS),
        ("My eldest's plan was clear as day. This one, I couldn't tell you", PLAN),
        ("About 75% of the way to outstanding", OUTSTANDING),
        ("my friend Aisha says no never, she's not here, but she asked me to tell you", ALWAYS),
        ("nie rozumiem", PLAN),  # Polish "I don't understand": the plan, or the question?
    ],
)
def test_sarcasm_someone_else_s_answer_and_nearly_are_asked_about(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("A nightmare from start to finish", SCALE, "awful"),
        ("wicked tbh", SCALE, "great"),
        ("i guess not", ALWAYS, "no"),
        ("not even a little", ALWAYS, "no"),
        ("mi nuh know", [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))], "not_sure"),
        (
            "my worker does, the ones at the office dont",
            ALWAYS,
            "sometimes",
        ),  # one person, not another
        ("my pa does yeah, the leaving care team no", ALWAYS, "sometimes"),
        ("yes if it helps other families", YES_NO, "yes"),  # a reason, not a condition
        ("if it helps other families yes", YES_NO, "yes"),
        ("I'd say good but my manager may disagree", GRADES, "good"),
    ],
)
def test_a_nightmare_a_person_split_and_a_reason_for_a_yes_from_the_twenty_first_session(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("In the beginning no", ALWAYS),  # and now?
        ("good-ish, bordering RI", OUTSTANDING),
        ("only if it helps other families", YES_NO),  # a guard: a condition
    ],
)
def test_how_it_was_at_the_start_and_nearly_another_grade_are_asked_about(typed, choices):
    assert read_reply(typed, choices).choice is None


def test_asking_a_manager_to_rate_it_skips_the_question():
    assert read_reply("Would rather my manager rated it", GRADES).intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("the second one", WHO, "pc"),  # a button by its place among the answers
        ("middle button", ALWAYS, "sometimes"),
        ("3rd option", PLAN, "no"),
        ("the last one", SCALE, "great"),
        ("well good", SCALE, "good"),  # "very good" is Good (the reading policy)
        ("hmm\nin my room yes\nnot downstairs", ALWAYS, None),  # only somewhere: ask
        ("igen", YES_NO, "yes"),  # Hungarian
        ("nem tudom", [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))], "not_sure"),
        ("vetsinou", MOSTLY, "mostly"),  # Czech
    ],
)
def test_a_button_by_its_place_and_words_in_hungarian_and_czech(typed, choices, means):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("middle", [*PLAN, Choice("not_sure", ("Not sure", "not sure"))]),  # a guard
        ("the top one", WHO),  # a guard: short answers sit in one row
        ("technically yes", ALWAYS),  # so, but not really?
        ("on paper yes", PLAN),
        ("Technically good", GRADES),
        ("think I did, yeah", PLAN),  # yes, or only partly?
        ("respect is earned 💯", ALWAYS),
        ("you'll do nothing anyway", YES_NO),
    ],
)
def test_a_formal_yes_a_saying_and_a_middle_of_four_are_asked_about(typed, choices):
    assert read_reply(typed, choices).choice is None


def test_a_manager_asked_to_rate_it_instead_skips_the_question():
    assert read_reply("I'd rather the team manager rates this", GRADES).intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("y3s pl34se", YES_NO, "yes"),  # digits for the letters they look like
        ("n0t r34lly", ALWAYS, "no"),
        ("n-n-no thanks", YES_NO, "no"),  # a word begun again, as a stammer types it
        ("r-r-respect? y-yes", ALWAYS, "yes"),
        ("trrbl", SCALE, "awful"),  # without its vowels
        ("no1 evr lisens 2 me", ALWAYS, "no"),
        ("hapana asante", YES_NO, "no"),  # Swahili
        ("wakati mwingine", ALWAYS, "sometimes"),
        ("oo sige", CONSENT, "agree"),  # Tagalog
        ("hindi ko alam", [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))], "not_sure"),
        ("khong phai luc nao cung", ALWAYS, "sometimes"),  # Vietnamese: not always
        ("nu, deloc", YES_NO, "no"),  # Romanian
        ("Si va bene", CONSENT, "agree"),  # Italian
    ],
)
def test_a_stammer_digits_for_letters_and_words_in_swahili_tagalog_and_vietnamese(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


def test_a_word_with_a_hyphen_of_its_own_is_not_read_as_a_stammer():
    assert read_reply("so-so", SCALE).choice == "ok"


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Yes always - but I'm biased, I got what I wanted in the end", ALWAYS, "yes"),
        ("Absolutely, can't fault them, though I'm biased as my sister works there", ALWAYS, "yes"),
        ("Good, though caveat: only three months of data on this one", GRADES, "good"),
        (
            "Requires improvement, though I only picked it up in week 10",
            GRADES,
            "requires_improvement",
        ),
        (
            "My manager said 'this is textbook outstanding' and I'd agree",
            OUTSTANDING,
            "outstanding",
        ),
        ("they respect my foster mum, not me", ALWAYS, "no"),
        ("on Tuesdays yes, that was the good worker's day", ALWAYS, "sometimes"),
    ],
)
def test_a_bias_or_caveat_owned_to_a_quote_agreed_with_and_someone_else_not_me(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("My manager said 'good' and I don't agree", GRADES),  # a guard: not agreed
        ("good but only because of the foster carer, not us", GRADES),  # a guard: a grade
        ("I'm biased", ALWAYS),  # a guard: no answer before it
        # they know there is a worker, not who: ask ("forgot her name" alone is not sure)
        ("theres a new one, forgot her name", [*YES_NO, Choice("not_sure", ("Not sure",))]),
    ],
)
def test_a_quote_disagreed_with_a_grade_for_someone_else_and_a_new_name_are_asked_about(
    typed, choices
):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Thank you, it's kind of you to ask. Yes, always.", ALWAYS, "yes"),  # not "kind of"
        ("about 40%", SCALE, "bad"),  # a share in tens, as so many out of ten
        ("80% happy", SCALE, "good"),
        ("Sometimes. Actually no, I'll be fair, yes every time", ALWAYS, "yes"),
        ("Yes... no actually, I've had enough contact for a lifetime", YES_NO, "no"),
        ("its not like they dont respect me, they do, always", ALWAYS, "yes"),
        ("It's not that I'm not happy to... go on then", CONSENT, "agree"),
        ("By who? The social worker yes, the manager no", ALWAYS, "sometimes"),
        ("yes for my eldest's worker, no for the youngest's", ALWAYS, "sometimes"),
        ("my carer does but the social worker, no", ALWAYS, "sometimes"),
        ("Yes but i still dont agree with it", PLAN, "yes"),
        ("jā", YES_NO, "yes"),  # Latvian
        ("да, винаги", ALWAYS, "yes"),  # Bulgarian
        ("ok if you like", YES_NO, "yes"),
        ("know thank you", YES_NO, "no"),  # dictated
        ("i ent got a clue", [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))], "not_sure"),
    ],
)
def test_thanks_shares_corrections_two_negatives_waved_away_and_one_person_each(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("about 70%", SCALE),  # a guard: 7 out of 10, OK or Good?
        ("75%", SCALE),  # a guard
        ("Amazing for my son, useless for my daughter", SCALE),
        ("Would be outstanding if the CAMHS referral hadn't stalled", OUTSTANDING),
        ("i think so but i forget his name", [*YES_NO, Choice("not_sure", ("Not sure",))]),
        ("yes at mums not at dads", YES_NO),  # which is home?
        ("not that i don't know who she is, i just never see her", YES_NO),  # a guard
        ("safe where? at foster or at mums", YES_NO),  # a guard: which they mean
    ],
)
def test_a_share_between_two_faces_two_children_a_wish_and_two_homes_are_asked_about(
    typed, choices
):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("no great", SCALE, "bad"),  # Scots "not great"
        ("maist o the time", ALWAYS, "sometimes"),
        ("dinna ken wha", [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))], "not_sure"),
        ("15 gaun on 16", AGES, "teen"),
        ("не завжди", ALWAYS, "sometimes"),  # Ukrainian: not always
        ("ne vinagi", ALWAYS, "sometimes"),  # Bulgarian
        ("chan eil", YES_NO, "no"),  # Gaelic
        ("dobrze", SCALE, "good"),  # Polish
        ("bestest ever", SCALE, "great"),
        ("Yes please, though I doubt anything will change", YES_NO, "yes"),
        ("my partner says they were always respectful, and I agree", ALWAYS, "yes"),
    ],
)
def test_scots_words_and_school_years_more_home_languages_and_an_answer_agreed_with(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("aye but dinna tell my dad", CONSENT),  # a condition
        ("necesita imbunatatiri", GRADES),  # not split into words, one of them "good"
    ],
)
def test_a_yes_on_a_condition_and_a_word_in_another_language_are_not_misread(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("nope 🤷", YES_NO, "no"),  # a shrug beside an answer
        ("kind of 🤷", ALWAYS, "sometimes"),
        ("Known worker: Y", YES_NO, "yes"),  # copied from a form
        ("Contact permitted: N", YES_NO, "no"),
        ("3 visits, she listened at 2", ALWAYS, "sometimes"),
        ("she listened at all 4 meetings", ALWAYS, "yes"),
        ("listened at none of the 4 core groups", ALWAYS, "no"),
        ("2 out of 3 visits yes", ALWAYS, "sometimes"),
        ("do pigs fly", ALWAYS, "no"),
        ("is the pope catholic?", YES_NO, "yes"),
        ("why would I want more messages from you lot", YES_NO, "no"),
        ("I'd have said no when I first came, now yes all the time", ALWAYS, "yes"),
        ("I do now I've moved. didn't at my last place", YES_NO, "yes"),
        ("yes by the worker not the manager", ALWAYS, "sometimes"),
        ("at home visits yes, at reviews no", ALWAYS, "sometimes"),
        ("oh they listened alright... not", ALWAYS, "no"),
        ("VoC: good. Planning: RI. Overall: good", GRADES, "good"),
        (
            "Good for the child, RI for the recording. Overall I'd go RI",
            GRADES,
            "requires_improvement",
        ),
        ("good, could be outstanding with better recording", OUTSTANDING, "good"),
        ("tak payah", YES_NO, "no"),  # Malay "no need", not the Polish "tak"
        ("kadang-kadang", ALWAYS, "sometimes"),  # Indonesian
        ("bagus", SCALE, "good"),
        ("sedikit", PLAN, "a_bit"),
        ("ydyn", YES_NO, "yes"),  # Welsh
        ("nid nawr", YES_NO, "no"),
        ("gone thanks", SCALE, "ok"),  # swiped "fine"
        ("year please", YES_NO, "yes"),  # swiped "yeah"
    ],
)
def test_shrugs_forms_visits_sayings_then_and_now_and_an_overall_grade(typed, choices, means):
    assert read_reply(typed, choices).choice == means


def test_a_subject_not_to_go_into_skips_the_question():
    assert read_reply("not something I want to go into", ALWAYS).intent == SKIP


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("I would have said yes last month", ALWAYS),  # and now?
        ("I would have said 15 last week but it was my birthday on saturday", AGES),
        ("Good overall but recording needs work", GRADES),  # a guard: the whole not said last
        ("2 out of 3 visits yes", YES_NO),  # no button between yes and no
    ],
)
def test_what_they_would_have_said_once_is_asked_about(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        (
            "sorry thought this was the listening one - sometimes. respect wise, yes always",
            ALWAYS,
            "yes",
        ),
        ("everyone did except the contact supervisor", ALWAYS, "sometimes"),
        ("Yes please, if you actually change anything", YES_NO, "yes"),
        ("I'd rather not get any more messages from you lot", YES_NO, "no"),
        ("fore teen", AGES, "teen"),
        ("awe full", SCALE, "awful"),
        ("its find", SCALE, "ok"),
        ("not verz good", SCALE, "bad"),  # a German keyboard swaps y and z
        ("zes please", YES_NO, "yes"),
        ("no cloo", [*YES_NO, Choice("not_sure", ("Not sure", "not sure"))], "not_sure"),
        ("çok kötü", SCALE, "awful"),  # Turkish
        ("carinan", ALWAYS, "sometimes"),  # Kurdish
        ("maya mahadsanid", YES_NO, "no"),  # Somali
        ("nur", YES_NO, "no"),  # Hull
    ],
)
def test_another_question_first_a_few_people_keyboards_and_words_from_the_second_round(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("I never felt they didn't", ALWAYS),  # two negatives
        ("understood it better than the one from my last LA", PLAN),  # only compared
        ("As good as any case I've had", GRADES),
        ("On the file, good. In the room I'd be less confident", GRADES),
        ("Before the change of SW inadequate, since then good", INADEQUATE),
        ("yes the plan but not why", [*PLAN, Choice("partly", ("Partly",), phrases=("not why",))]),
    ],
)
def test_two_negatives_a_comparison_the_file_and_two_periods_are_asked_about(typed, choices):
    assert read_reply(typed, choices).choice is None


@pytest.mark.parametrize(
    ("typed", "choices", "means"),
    [
        ("Do I feel safe. I do.", YES_NO, "yes"),  # the question said back, then the answer
        ("Do I understand my plan. Not really.", PLAN, "no"),
        ("between ok and good, nearer good", SCALE, "good"),
        ("between OK and good, closer to OK", SCALE, "ok"),
        ("pros: I got a laptop. cons: moved again. overall not very good", SCALE, "bad"),
        ("if I remember right they were always decent to me", ALWAYS, "yes"),
        ("if I was telling my mate, I'd say they never listen", ALWAYS, "no"),
        ("2 out de 5", SCALE, "bad"),  # autocorrect set to Spanish
        ("by the worker yes by the receptionist no", ALWAYS, "sometimes"),
        ("kabi kabi", ALWAYS, "sometimes"),
        ("goated fr", SCALE, "great"),
    ],
)
def test_a_question_said_back_the_nearer_of_two_and_what_it_comes_to_from_the_third_round(
    typed, choices, means
):
    assert read_reply(typed, choices).choice == means


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ("the lady with the red car? dunno her name", [*YES_NO, Choice("not_sure", ("Not sure",))]),
        ("dunno her name but i know who she is", [*YES_NO, Choice("not_sure", ("Not sure",))]),
        ("My husband says no, I'd say sometimes", ALWAYS),  # the family's view too
    ],
)
def test_someone_known_by_sight_and_a_husband_s_view_are_asked_about(typed, choices):
    assert read_reply(typed, choices).choice is None


def test_a_view_shared_with_a_husband_is_read():
    # a guard: a husband's view is the family's too, but here it is theirs as well
    assert read_reply("my husband says go for it and so do I", CONSENT).choice == "agree"
