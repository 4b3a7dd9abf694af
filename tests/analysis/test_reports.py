"""The summary: small numbers suppressed, quotes de-identified, every format complete."""

from analysis.report_formats import to_csv, to_html, to_markdown
from analysis.reports import FEWER_THAN_5, Count, Question, RawData, build_summary

LABELS = {"timeliness": "Timeliness", "family_time": "Family time", "education": "Education"}
LISTENED = Question(
    "yp",
    "listened",
    "I feel listened to",
    (("yes", "Yes"), ("sometimes", "Sometimes"), ("no", "No")),
)
SELF_RATING = Question(
    "pr", "self_rating", "Self-rating", (("good", "Good"), ("inadequate", "Inadequate"))
)


def summary(
    current: RawData,
    previous: RawData | None = None,
    questions: tuple[Question, ...] = (LISTENED,),
    self_rating: Question | None = SELF_RATING,
):
    return build_summary(
        window_id="2026-12",
        kind="final",
        period=("2026-09-01T00:00:00+01:00", "2027-01-01T00:00:00+00:00"),
        built_at="2026-12-31T18:00:00+00:00",
        current=current,
        previous=previous,
        theme_labels=LABELS,
        questions=list(questions),
        self_rating=self_rating,
    )


CURRENT = RawData(
    group_status_counts=[
        ("young_person", "complete", 12),
        ("young_person", "partial", 3),
        ("parent_carer", "complete", 6),
    ],
    theme_counts=[
        ("timeliness", "young_person", 7, -0.5),
        ("timeliness", "parent_carer", 3, -0.4),
        ("family_time", "young_person", 2, 0.2),
    ],
    responses_with_themes=14,
    rating_counts=[
        ("yp", "listened", "yes", 9),
        ("yp", "listened", "no", 3),
        ("pr", "self_rating", "good", 6),
    ],
    quote_candidates=[
        ("timeliness", "young_person", -0.8, "waited ages for sarah to call back on 07700 900123"),
        ("timeliness", "parent_carer", -0.6, "Mrs Jones never turned up"),
        ("timeliness", "young_person", 0.6, "she came the same day"),
        ("family_time", "young_person", 0.7, "i see my brother Josh every week"),
    ],
    reflections_went_well=["Using Amira's own words in the plan"],
    safeguarding_events=2,
    actions=[("timeliness", "You said we were late", "We now text when running late", "done")],
)
PREVIOUS = RawData(
    theme_counts=[("timeliness", "young_person", 6, -0.2), ("family_time", "young_person", 9, 0.1)]
)


def test_counts_under_five_are_shown_as_fewer_than_five():
    assert Count.of(4) == Count(None, FEWER_THAN_5)
    assert Count.of(0) == Count(0, "0")
    assert Count.of(5) == Count(5, "5")


def test_responses_by_group_with_complete_and_partial():
    result = summary(CURRENT)
    young = next(r for r in result.responses if r.group == "young_person")
    assert (young.complete.label, young.partial.label, young.total.label) == (
        "12",
        FEWER_THAN_5,
        "15",
    )


def test_theme_count_share_change_and_mean_sentiment():
    stats = {s.theme_id: s for s in summary(CURRENT, PREVIOUS).themes}
    timeliness = stats["timeliness"]
    assert timeliness.count.value == 10
    assert timeliness.share == round(10 / 14, 3)
    assert timeliness.change == 4
    assert timeliness.mean_sentiment == -0.47
    assert timeliness.by_group["parent_carer"].label == FEWER_THAN_5


def test_nothing_derived_from_a_small_number_is_shown():
    family = next(s for s in summary(CURRENT, PREVIOUS).themes if s.theme_id == "family_time")
    assert family.count.label == FEWER_THAN_5
    assert (family.share, family.change, family.mean_sentiment) == (None, None, None)


def test_no_quotes_for_a_theme_too_small_to_show():
    result = summary(CURRENT)
    assert "family_time" not in result.quotes
    assert all("brother" not in text for text in result.good_practice)


def test_quotes_are_de_identified_and_split_by_feeling():
    quotes = summary(CURRENT).quotes["timeliness"]
    negative = [q.text for q in quotes["negative"]]
    assert negative == ["waited ages for [name] to call back on [phone]", "[name] never turned up"]
    assert [q.text for q in quotes["positive"]] == ["she came the same day"]


def test_ratings_and_self_ratings_are_distributions():
    result = summary(CURRENT)
    [listened] = result.ratings
    assert [(a.answer, a.count.label) for a in listened.answers] == [
        ("Yes", "9"),
        ("Sometimes", "0"),
        ("No", FEWER_THAN_5),
    ]
    assert result.self_ratings is not None
    assert result.self_ratings.answers[0].count.label == "6"


def test_a_pick_several_question_counts_each_pick_against_the_people_who_answered():
    services = Question(
        "pc",
        "service",
        "The help was from",
        (("early_help", "Early help"), ("social_work", "Social work"), ("fostering", "Fostering")),
    )
    raw = RawData(
        rating_counts=[
            ("pc", "service", "early_help,social_work", 5),
            ("pc", "service", "social_work", 5),
            ("pc", "service", "fostering", 10),
        ]
    )
    [rating] = summary(raw, questions=(services,), self_rating=None).ratings
    assert [(a.answer, a.count.label, a.share) for a in rating.answers] == [
        ("Early help", "5", 0.25),
        ("Social work", "10", 0.5),
        ("Fostering", "10", 0.5),
    ]


def test_safeguarding_is_a_count_only_and_suppressed():
    assert summary(CURRENT).safeguarding_events.label == FEWER_THAN_5


def test_good_practice_names_reflections_de_identified():
    assert "Using [name]'s own words in the plan" in summary(CURRENT).good_practice[0]


def test_every_format_carries_the_figures():
    result = summary(CURRENT, PREVIOUS)
    markdown, page, table, data = (
        to_markdown(result),
        to_html(result),
        to_csv(result),
        result.to_json(),
    )
    for text in (markdown, page, table, data):
        assert "fewer than 5" in text
        assert "07700" not in text and "Mrs Jones" not in text
    assert "| Timeliness | 10 | 71% | +4 | -0.47 |" in markdown
    assert "<svg" in page and "Three voices" in page and "We now text when running late" in page
    assert "src=" not in page and "<link" not in page  # self-contained
    assert "theme,timeliness,all,,10,0.714,+4,-0.47" in table
    assert "to 2026-12-31" in markdown


def test_the_html_page_never_shows_a_total_that_contradicts_its_groups():
    few = RawData(
        group_status_counts=[("young_person", "complete", 3), ("parent_carer", "complete", 12)],
        theme_counts=[],
        responses_with_themes=0,
        rating_counts=[],
        quote_candidates=[],
        reflections_went_well=[],
        safeguarding_events=0,
    )
    page = to_html(summary(few))
    assert "<b>0</b><span>All responses" not in page
    # One group too small to show: a total would give it away (15 less the 12 shown).
    assert "<b>not shown</b><span>All responses" in page


def test_the_html_page_explains_itself_and_has_no_empty_tables():
    empty = RawData(
        group_status_counts=[],
        theme_counts=[],
        responses_with_themes=0,
        rating_counts=[],
        quote_candidates=[],
        reflections_went_well=[],
        safeguarding_events=0,
    )
    page = to_html(summary(empty))
    assert "feedback given from 2026-09-01 to 2026-12-31" in page
    assert "This is the final summary for this window." in page
    assert "Not enough responses yet to set the three voices side by side." in page
    assert "No quotes in this window yet." in page
    assert "No ratings given in this window yet." in page
    assert "Safeguarding concerns raised" in page


def test_rating_tables_say_which_group_was_asked():
    page = to_html(summary(CURRENT))
    assert "I feel listened to (Young people)" in page
    assert "Self-rating (Practitioners)" in page


def test_peoples_words_in_the_html_page_can_never_become_markup():
    hostile = RawData(
        group_status_counts=[("young_person", "complete", 12)],
        theme_counts=[("timeliness", "young_person", 12, -0.5)],
        responses_with_themes=12,
        rating_counts=[],
        quote_candidates=[("timeliness", "young_person", -0.6, "<script>alert('x')</script> late")],
        reflections_went_well=[],
        safeguarding_events=0,
    )
    page = to_html(summary(hostile))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
