"""The start-up fast path (issue 10): the newest revision read from the migration scripts is
Alembic's head, and a database already at it is opened without loading Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.models.migrate import head_revision
from app.models.revisions import VERSIONS_DIR, shipped_head

REPO = Path(__file__).resolve().parents[2]


def test_the_scripts_head_is_alembics():
    assert shipped_head() == head_revision()


def test_anything_unusual_leaves_the_answer_to_alembic(tmp_path):
    for script in VERSIONS_DIR.glob("*.py"):
        (tmp_path / script.name).write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    assert shipped_head(tmp_path) == head_revision()
    (tmp_path / "0099_merge.py").write_text("revision = '0099'\ndown_revision = ('0003', '0004')\n", encoding="utf-8")
    assert shipped_head(tmp_path) is None  # a merge: not read here
    (tmp_path / "0099_merge.py").write_text("revision = '0099'\ndown_revision = '0002'\n", encoding="utf-8")
    assert shipped_head(tmp_path) is None  # two heads
    (tmp_path / "0099_merge.py").unlink()
    (tmp_path / "0005_odd.py").write_text("# no revision line at all\n", encoding="utf-8")
    assert shipped_head(tmp_path) is None


def test_an_up_to_date_database_opens_without_alembic(tmp_path):
    db = tmp_path / "fazhi.sqlite3"
    script = ("import sys; from app.context import open_context; from app.paths import resolve_paths; "
              f"open_context(resolve_paths({str(db)!r})).close(); print('alembic' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert first.stdout.strip() == "True", first.stderr  # a new file is created through Alembic
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert again.stdout.strip() == "False", again.stderr
