"""The Excel workbook for the QA team: its sheets, small counts as the store shows them,
a chart of themes, sized columns and de-identified quotes."""

import io
import re
import zipfile

from analysis.report_workbook import to_xlsx
from analysis.reports import Question, RawData, build_summary

RAW = RawData(
    group_status_counts=[("young_person", "complete", 12), ("parent_carer", "complete", 3)],
    theme_counts=[("timeliness", "young_person", 7, -0.5), ("timeliness", "parent_carer", 3, -0.4)],
    responses_with_themes=10,
    rating_counts=[("yp", "listened", "yes", 9), ("yp", "listened", "no", 3)],
    quote_candidates=[
        ("timeliness", "young_person", -0.8, "sarah never calls back on 07700 900123")
    ],
    actions=[("timeliness", "You said we were late", "We now text when running late", "done")],
)


def workbook() -> zipfile.ZipFile:
    summary = build_summary(
        window_id="2026-12",
        kind="final",
        period=("2026-09-01T00:00:00+01:00", "2027-01-01T00:00:00+00:00"),
        built_at="2026-12-31T18:00:00+00:00",
        current=RAW,
        previous=RawData(theme_counts=[("timeliness", "young_person", 4, -0.1)]),
        theme_labels={"timeliness": "Timeliness"},
        questions=[
            Question("yp", "listened", "I feel listened to", (("yes", "Yes"), ("no", "No")))
        ],
        self_rating=None,
    )
    return zipfile.ZipFile(io.BytesIO(to_xlsx(summary)))


def test_the_workbook_has_a_sheet_for_each_part_and_a_chart_of_themes():
    book = workbook()
    sheets = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
    assert sheets == ["Headline", "Themes", "Ratings", "Quotes", "Actions"]
    assert any(name.startswith("xl/charts/chart") for name in book.namelist())


def test_small_counts_read_as_the_store_shows_them_and_quotes_are_de_identified():
    book = workbook()
    strings = book.read("xl/sharedStrings.xml").decode()
    assert "fewer than 5" in strings  # three parents and carers
    assert "07700 900123" not in strings and "[phone]" in strings
    assert "We now text when running late" in strings
    assert "Young person" in strings and "I feel listened to" in strings


def test_columns_are_sized_to_their_contents():
    sheet = workbook().read("xl/worksheets/sheet2.xml").decode()
    assert "<cols>" in sheet and 'customWidth="1"' in sheet
