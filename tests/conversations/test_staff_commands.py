"""Staff who join and leave: /staff lists them, and revoking a role works at once and is
audited; a member of staff's /forget keeps the audit log, and says so."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys

from bot.app import build_application, running
from bot.transport import InProcessBotApi
from storage import audit
from tests.support import TEST_KEY, make_settings, member, rows


async def test_an_admin_lists_staff_and_revoking_refuses_them_from_the_next_message(app, bot_api):
    team = await member(app, bot_api, 9101, role="participation")
    admin = await member(app, bot_api, 9102, role="admin")
    await team.says("/themes")
    assert "Themes" in team.last_reply
    await admin.says("/staff")
    listing = admin.last_reply
    assert "participation" in listing and "admin" in listing
    [team_id] = [
        staff_id
        for staff_id, roles in re.findall(r"<code>(\w+)</code> ([\w, ]+):", listing)
        if roles == "participation"
    ]
    await admin.says(f"/staff revoke {team_id}")
    assert "Removed participation" in admin.last_reply
    menus = [c for c in bot_api.calls if c.method in {"setMyCommands", "deleteMyCommands"}]
    assert menus[-1].method == "deleteMyCommands", "their menu loses the role's commands"
    await team.says("/themes")
    assert team.last_reply == "Sorry, this is for staff."
    actions = [entry["action"] for entry in await audit.audit_entries(app.services.db)]
    assert "role revoked" in actions


async def test_staff_is_for_admins_only(app, bot_api):
    team = await member(app, bot_api, 9201, role="participation")
    await team.says("/staff")
    assert team.last_reply == "Sorry, this is for staff."


async def test_a_staff_members_forget_keeps_the_audit_log_and_tells_them(app, bot_api):
    team = await member(app, bot_api, 9301, role="participation")
    await team.says("/themes")
    before = await audit.audit_entries(app.services.db)
    await team.says("/forget")
    await team.taps("Yes, delete it")
    assert team.said("The law says we must keep it")
    kept = await audit.audit_entries(app.services.db)
    assert [e["actor"] for e in kept[: len(before)]] == [e["actor"] for e in before]
    assert not await rows(app, "SELECT * FROM roles")


async def test_the_command_line_lists_revokes_and_exports_the_audit_log(tmp_path):
    api = InProcessBotApi()
    settings = make_settings(tmp_path)
    async with running(build_application(settings, request=api)) as app:
        await member(app, api, 9401, role="practitioner")
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DATABASE_PATH": str(settings.database_path),
        "REPORTING_DATABASE_PATH": str(settings.reporting_database_path),
        "PSEUDONYM_KEY": TEST_KEY,
    }

    def feedbackbot(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    listing = feedbackbot("staff", "list")
    assert listing.returncode == 0, listing.stderr
    [line] = [line for line in listing.stdout.splitlines() if "practitioner" in line]
    staff_id = line.split()[0]
    revoked = feedbackbot("staff", "revoke", staff_id)
    assert revoked.returncode == 0 and "Removed practitioner" in revoked.stdout
    assert feedbackbot("staff", "revoke", staff_id).returncode == 1, "nothing left to remove"
    exported = feedbackbot("audit", "--csv", str(tmp_path / "audit.csv"))
    assert exported.returncode == 0, exported.stderr
    with (tmp_path / "audit.csv").open() as audit_file:
        entries = list(csv.DictReader(audit_file))
    assert any(e["action"] == "role revoked" and e["actor"] == "command line" for e in entries)
