"""Migration 0003 on a database from before issued records: an issued notice there marks its plan
已印发 and gets its record (the files as they render now) when first read, once."""

import shutil
import sqlite3
from pathlib import Path

from app.context import open_context
from app.paths import resolve_paths

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_notice_issued_under_0002_is_archived_when_first_read(tmp_path):
    db = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-0002.sqlite3", db)
    con = sqlite3.connect(db)
    notice_id, plan_id = con.execute("SELECT id, plan_id FROM notice WHERE plan_id IS NOT NULL").fetchone()
    con.execute("UPDATE notice SET status = '已印发' WHERE id = ?", (notice_id,))
    con.commit()
    con.close()
    ctx = open_context(resolve_paths(db), load_demo=False)
    try:
        assert ctx.services.plans.get_plan(plan_id).status == "已印发"
        record = ctx.issuing.record(notice_id)
        assert record.backfilled and record.pages > 2 and len(record.files) == 6
        assert ctx.issuing.record(notice_id).files == record.files
        assert ctx.issuing.file(notice_id, "pdf").startswith(b"%PDF")
    finally:
        ctx.close()
