"""Reflection-month summaries against a seeded database, the reporting store, and /report."""

from datetime import UTC, datetime, timedelta

import pytest

from analysis.windows import parse_window
from bot.app import build_application, running
from bot.transport import InProcessBotApi
from conversations.summaries import build_and_push, catch_up
from storage import responses, staff, tagging
from storage.pseudonym import keyed_hash
from tests.support import Person, delivered, feedback, make_settings, member


async def seed(app, *, young=6, parents=2) -> None:
    db = app.services.db
    for number in range(young):
        response = await responses.create_response(
            db,
            respondent=f"yp{number}",
            flow_id="yp",
            audience_group="young_person",
            audience="teen",
        )
        await responses.save_answer(
            db, response_id=response.id, step_id="listened", kind="choice", choice="yes"
        )
        text = f"waited ages for a call back from Sarah, week {number}"
        answer_id = await responses.save_answer(
            db, response_id=response.id, step_id="change", kind="text", text=text
        )
        await tagging.save_analysis(
            db,
            answer_id=answer_id,
            text=text,
            polarity=-0.5,
            label="negative",
            themes=[("timeliness", 0.8, "waited ages", -0.5)],
        )
        await responses.complete_response(db, response.id)
    for number in range(parents):
        await responses.create_response(
            db,
            respondent=f"pc{number}",
            flow_id="pc",
            audience_group="parent_carer",
            audience="parent",
        )


async def store_rows(app, table: str) -> list[dict[str, object]]:
    async with app.services.reporting.conn.execute(f"SELECT * FROM {table}") as cursor:
        return [dict(row) for row in await cursor.fetchall()]


async def test_a_seeded_window_gives_known_counts_themes_and_quotes(app):
    await seed(app)
    summary = await build_and_push(app.services, parse_window("2026-12"), "interim")
    groups = {row.group: row for row in summary.responses}
    assert groups["young_person"].complete.label == "6"
    assert groups["parent_carer"].partial.label == "fewer than 5"
    timeliness = next(s for s in summary.themes if s.theme_id == "timeliness")
    assert (timeliness.count.value, timeliness.share, timeliness.mean_sentiment) == (6, 1.0, -0.5)
    quotes = summary.quotes["timeliness"]["negative"]
    assert quotes and all("Sarah" not in q.text and "[name]" in q.text for q in quotes)
    listened = next(r for r in summary.ratings if r.question_id == "listened" and r.flow_id == "yp")
    assert listened.answers[0].count.label == "6"

    stored = {(r["window_id"], r["kind"]) for r in await store_rows(app, "summaries")}
    assert ("2026-12", "interim") in stored
    themes = {
        (r["theme_id"], r["audience_group"]): r
        for r in await store_rows(app, "theme_counts")
        if r["window_id"] == "2026-12"
    }
    assert themes[("timeliness", "all")]["responses"] == 6
    assert themes[("timeliness", "young_person")]["responses_label"] == "6"


async def test_pushing_the_same_window_and_kind_again_replaces_it(app):
    await seed(app)
    window = parse_window("2026-12")
    await build_and_push(app.services, window, "interim")
    before = {
        t: len(await store_rows(app, t))
        for t in ("summaries", "theme_counts", "quotes", "rating_counts")
    }
    await build_and_push(app.services, window, "interim")
    after = {t: len(await store_rows(app, t)) for t in before}
    assert before == after
    await build_and_push(app.services, window, "final")
    assert len(await store_rows(app, "summaries")) == before["summaries"] + 1


async def _all(app, table):
    return await store_rows(app, table)


async def test_the_store_holds_no_raw_text_or_ids(app):
    await seed(app)
    await build_and_push(app.services, parse_window("2026-12"), "final")
    tables = [
        "summaries",
        "response_counts",
        "theme_counts",
        "rating_counts",
        "quotes",
        "good_practice",
        "actions",
    ]
    rows = []
    for table in tables:
        rows += await store_rows(app, table)
    dump = "\n".join(map(str, rows))
    assert "Sarah" not in dump and "yp0" not in dump


async def test_a_disclosure_never_reaches_a_report(app, young_person):
    await seed(app)
    await young_person.says("my stepdad hits me")
    summary = await build_and_push(app.services, parse_window("2026-12"), "final")
    from analysis.report_formats import to_html, to_markdown

    for text in (to_markdown(summary), to_html(summary), summary.to_json()):
        assert "stepdad" not in text
    assert summary.safeguarding_events.label == "fewer than 5"


async def test_missed_runs_are_caught_up_once_at_start(tmp_path):
    settings = make_settings(tmp_path)
    september = datetime(2026, 9, 5, 12, tzinfo=UTC).timestamp()
    api = InProcessBotApi()
    async with running(build_application(settings, request=api, clock=lambda: september)) as app:
        runs = {(r["window_id"], r["kind"]) for r in await store_rows(app, "summaries")}
        assert runs == {("2026-08", "interim"), ("2026-08", "final")}
        assert await catch_up(app) == []
    async with running(build_application(settings, request=api, clock=lambda: september)) as app:
        assert len(await store_rows(app, "summaries")) == 2


async def test_summary_jobs_run_at_nine_on_the_first_and_six_on_the_last_day(app):
    assert app.job_queue is not None
    [interim] = app.job_queue.get_jobs_by_name("interim summary")
    [final] = app.job_queue.get_jobs_by_name("final summary")
    london = app.services.settings.tz
    first = interim.next_t.astimezone(london)
    last = final.next_t.astimezone(london)
    assert (first.day, first.hour, first.minute) == (1, 9, 0)
    assert (last.hour, last.minute) == (18, 0)
    assert (last + timedelta(days=1)).day == 1  # the last day of its month


async def test_report_is_refused_to_anyone_outside_the_participation_team(
    app, young_person, bot_api
):
    await young_person.says("/report")
    assert young_person.last_reply == "Sorry, this is for staff."
    assert not [c for c in bot_api.calls if c.method == "sendDocument"]


async def test_the_participation_team_gets_the_html_report(app, bot_api):
    await staff.create_invite(
        app.services.db,
        code_hash=keyed_hash(app.services.settings.pseudonym_secret, "invite", "team1"),
        role="participation",
        expires_at=datetime(2030, 1, 1, tzinfo=UTC),
    )
    member = Person(app, bot_api, 7070)
    await member.says("/start inv-team1")
    await seed(app)
    await member.says("/report")
    [document] = [c for c in bot_api.sent_to(member.chat_id) if c.method == "sendDocument"]
    assert "practice-feedback-2026-12" in str(document.files)
    await member.says("/report xlsx")
    [_, workbook] = [c for c in bot_api.sent_to(member.chat_id) if c.method == "sendDocument"]
    assert ".xlsx" in str(workbook.files) and "PK" in str(workbook.files)  # a zip: a workbook


@pytest.mark.parametrize("window", ["2026-08", "2026-12"])
def test_cli_report_writes_every_format(tmp_path, window):
    import os
    import subprocess
    import sys

    for fmt in ("md", "html", "csv", "json", "xlsx"):
        output = tmp_path / f"report.{fmt}"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "bot",
                "report",
                "--window",
                window,
                "--format",
                fmt,
                "--output",
                str(output),
            ],
            cwd=tmp_path,
            env={"PATH": os.environ["PATH"]},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert output.read_bytes()


async def test_the_interim_summary_invites_everyone_who_opted_in_and_tells_the_team(tmp_path):
    now = [datetime(2026, 11, 20, 12, tzinfo=UTC).timestamp()]
    api = InProcessBotApi()
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=api, clock=lambda: now[0])) as app:
        opted_in = await feedback(app, api, 401, "more trips out")
        not_opted_in = await feedback(app, api, 402, "more trips out", hear_back=False)
        team = await member(app, api, 403)
        heard_before = len(not_opted_in.replies)
        assert app.job_queue is not None
        [interim] = app.job_queue.get_jobs_by_name("interim summary")
        now[0] = datetime(2026, 12, 1, 9, tzinfo=UTC).timestamp()
        await interim.run(app)
        await delivered(app)
        assert "how is our help going?" in opted_in.last_reply
        assert opted_in.last_buttons == [
            ("✏️ Tell us now", "begin"),
            ("No more messages", "news|off"),
        ]
        assert len(not_opted_in.replies) == heard_before
        assert "The interim summary for 2026-12 is in the QA reporting store" in team.last_reply

        await opted_in.taps("✏️ Tell us now")
        assert "Who is talking to me?" in opted_in.last_reply
        await opted_in.taps("I'm a young person")
        await opted_in.taps("✏️ Tell us now")  # again, from the same invitation, mid-flow
        assert "part way through" in opted_in.replies[-2]
        assert "Is that OK?" in opted_in.last_reply
