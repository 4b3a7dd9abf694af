"""The command line: tagging from standard input, database maintenance."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def run(args, directory, stdin=""):
    environ = {"PATH": os.environ["PATH"], "HOME": str(directory)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=directory,
        env=environ,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_tag_reads_plain_and_json_lines_and_survives_bad_ones(tmp_path):
    lines = "\n".join(
        [
            "my worker is lovely but she never rings back",
            json.dumps({"text": "Supervision is always cancelled", "group": "practitioner"}),
            '{"text": 5}',
            "{not json",
            "dad beats me",
        ]
    )
    result = run(["tag"], tmp_path, lines + "\n")
    assert result.returncode == 0, result.stderr
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == 5
    first = outputs[0]
    assert {t["id"] for t in first["themes"]} == {"relationship_with_worker", "communication"}
    assert set(first["sentiment"]) == {"polarity", "label"}
    safeguarding = first["safeguarding"]
    assert (safeguarding["flag"], safeguarding["level"], safeguarding["category"]) == (
        False,
        None,
        None,
    )
    assert "supervision_and_management" in {t["id"] for t in outputs[1]["themes"]}
    assert "error" in outputs[2] and outputs[2]["line"] == 3
    assert "error" in outputs[3]
    disclosure = outputs[4]["safeguarding"]
    assert (disclosure["flag"], disclosure["level"], disclosure["category"]) == (
        True,
        "alert",
        "physical_abuse",
    )


def test_db_migrate_check_and_backup(tmp_path):
    assert "schema version" in run(["db", "migrate"], tmp_path).stdout
    checked = run(["db", "check"], tmp_path)
    assert checked.returncode == 0 and "ok" in checked.stdout
    backup = run(["db", "backup", str(tmp_path / "copy.sqlite3")], tmp_path)
    assert backup.returncode == 0
    assert (tmp_path / "copy.sqlite3").stat().st_size > 0


def test_taxonomy_proposals_prints_json(tmp_path):
    result = run(["taxonomy-proposals"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_invite_prints_a_one_time_code_and_deep_link(tmp_path):
    environ = {"PSEUDONYM_KEY": "k" * 40, "BOT_USERNAME": "trust_feedback_bot"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "invite", "--role", "practitioner", "--days", "7"],
        cwd=tmp_path,
        env={"PATH": os.environ["PATH"], **environ},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "valid once until" in result.stdout
    code = result.stdout.split("Code: ")[1].split()[0]
    assert f"https://t.me/trust_feedback_bot?start={code}" in result.stdout


def test_invite_needs_the_pseudonym_key(tmp_path):
    result = run(["invite", "--role", "participation"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Configuration error: PSEUDONYM_KEY")
    assert "Run `feedbackbot try` once" in result.stderr


def test_invite_uses_the_key_the_terminal_chat_made_so_its_code_works_there(tmp_path):
    run(["try"], tmp_path)
    result = run(["invite", "--role", "participation"], tmp_path)
    assert result.returncode == 0, result.stderr
    code = result.stdout.split("Code: ")[1].split()[0]
    # The same bot as the links the bot gives out itself (/reflect's), not a placeholder.
    assert f"https://t.me/practice_feedback_bot?start={code}" in result.stdout

    chat = run(["try"], tmp_path, stdin=f"/start {code}\n/themes\n")
    assert "Sorry, this is for staff" not in chat.stdout
    assert "participation" in chat.stdout.lower()


def test_report_without_a_window_reports_the_window_we_are_in(tmp_path):
    run(["try"], tmp_path)  # a local pseudonym key, as a newcomer would have
    result = run(["report", "--format", "json"], tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    today = datetime.now(ZoneInfo("Europe/London"))  # the default TIMEZONE
    assert summary["window_id"] == f"{today.year}-{'08' if today.month <= 8 else '12'}"
    assert summary["kind"] == "interim" or (today.month, today.day) in {(8, 31), (12, 31)}


def test_a_final_summary_cannot_be_built_before_its_window_is_nearly_over(tmp_path):
    run(["try"], tmp_path)
    next_year = datetime.now(UTC).year + 1
    result = run(["report", "--window", f"{next_year}-08", "--kind", "final"], tmp_path)
    assert result.returncode == 2
    assert f"final summary of {next_year}-08 can only be built from 31 August" in result.stderr
    assert "--kind interim" in result.stderr


def test_training_examples_writes_the_words_contacts_marked_not_a_concern(tmp_path):
    import sqlite3

    assert run(["db", "migrate"], tmp_path).returncode == 0
    database = tmp_path / "data" / "feedback.sqlite3"
    with sqlite3.connect(database) as conn:
        columns = (
            "reference, respondent, text, category, strength, triggers, source, chat_type,"
            " created_at, last_alerted_at, not_a_concern_by, not_a_concern_at"
        )
        for reference, text, marked in [
            ("SG-AAAAA", "my cousin got hit by a ball at footy", "2026-12-01T10:00:00+00:00"),
            ("SG-BBBBB", "he hits me", None),
            ("SG-CCCCC", "(a voice note)", "2026-12-01T10:00:00+00:00"),
        ]:
            conn.execute(
                f"INSERT INTO safeguarding_events ({columns})"
                " VALUES (?, 'r', ?, 'physical_abuse', 'review', '[]', 's', 'private',"
                " '2026-12-01T09:00:00+00:00', '2026-12-01T09:00:00+00:00', ?, ?)",
                (reference, text, "Sam" if marked else None, marked),
            )
    conn.close()
    out = tmp_path / "marked.jsonl"
    result = run(["training-examples", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    [example] = [json.loads(line) for line in out.read_text().splitlines()]
    assert example["text"] == "my cousin got hit by a ball at footy"
    assert (example["disclosure"], example["author"]) == (False, "contacts-not-a-concern")


def test_a_database_that_is_not_ours_gets_one_sentence_exit_2_and_db_check_fails(tmp_path):
    (tmp_path / "data").mkdir()
    database = tmp_path / "data" / "feedback.sqlite3"
    database.write_bytes(b"\x00garbage, not SQLite" * 500)
    started = run(["try"], tmp_path)
    assert started.returncode == 2
    assert "Traceback" not in started.stderr
    [line] = started.stderr.strip().splitlines()
    assert line.startswith("Database refused:") and "left as it is" in line
    checked = run(["db", "check"], tmp_path)
    assert checked.returncode == 1
    assert "FAILED" in checked.stderr and "Traceback" not in checked.stderr
    assert database.read_bytes() == b"\x00garbage, not SQLite" * 500


def test_deidentify_cleans_each_line_and_survives_bad_ones(tmp_path):
    lines = "my worker sarah rang me on 07700 900123\n" + json.dumps({"text": "Hope you read this"})
    result = run(["deidentify"], tmp_path, lines + '\n{"text": 5}\n')
    assert result.returncode == 0, result.stderr
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert outputs[0] == {"text": "my worker [name] rang me on [phone]"}
    assert outputs[1] == {"text": "Hope you read this"}
    assert "error" in outputs[2]


def test_training_with_corrections_says_so_when_the_team_has_corrected_nothing(tmp_path):
    assert run(["db", "migrate"], tmp_path).returncode == 0
    result = run(["train", "--with-corrections"], tmp_path)
    assert result.returncode == 1
    assert "No corrected answers yet" in result.stderr
    assert not (tmp_path / "data" / "themes.model.gz").exists()
