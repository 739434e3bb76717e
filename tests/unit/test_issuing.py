"""标记为已印发 keeps what was issued: the model and the exact PDF / DOCX bytes with their hash.

Later changes to the plan, the units, the fonts and the settings never reach an issued notice;
every version stays listed; a damaged file is refused; notices issued before records were kept
get one when first read."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import pdfplumber
import pytest
from sqlalchemy import text

from app.services.documents.model import PRINT_MODES
from app.services.documents.service import notice_pdf
from app.services.errors import FrozenError, ValidationError
from app.services.issuing.issue_service import IssuedFileDamagedError

pytestmark = pytest.mark.both_databases  # issuing on SQLite and on the PostgreSQL server


@pytest.fixture
def demo_notice(ctx):
    return next(n for n in ctx.services.notices.list_notices() if n.plan_id == ctx.demo_plan_id)


@pytest.fixture
def issued(ctx, demo_notice):
    return ctx.issuing.issue(demo_notice.id)


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join((p.extract_text() or "") for p in pdf.pages).replace(" ", "").replace("\n", "")


def test_issue_keeps_every_file_with_its_hash(ctx, issued):
    assert issued.status == "已印发"
    record = ctx.issuing.record(issued.id)
    assert record.pages > 2 and not record.backfilled
    assert {(f.format, f.mode) for f in record.files} == {(fmt, m) for fmt in ("pdf", "docx") for m in PRINT_MODES}
    for f in record.files:
        data = ctx.issuing.file(issued.id, f.format, f.mode)
        assert len(data) == f.size and hashlib.sha256(data).hexdigest() == f.sha256
    pdf = ctx.issuing.file(issued.id, "pdf")
    assert pdf.startswith(b"%PDF") and "示政办发〔2026〕12号" in pdf_text(pdf)
    assert ctx.issuing.file(issued.id, "docx").startswith(b"PK")
    assert ctx.services.plans.get_plan(ctx.demo_plan_id).status == "已印发"  # the plan shows it
    assert [n.id for n in ctx.issuing.issued_versions(ctx.demo_plan_id)] == [issued.id]
    assert ctx.issuing.model(issued.id).doc_number == "示政办发〔2026〕12号"


def test_nothing_later_changes_what_was_issued(ctx, issued, tmp_path):
    s = ctx.services
    before = {(f.format, f.mode): ctx.issuing.file(issued.id, f.format, f.mode)
              for f in ctx.issuing.record(issued.id).files}
    first_task = s.plans.tree(ctx.demo_plan_id)[0].children[0]
    s.plans.update_node(first_task.id, heading="改过的任务标题")
    s.plans.delete_node(s.plans.tree(ctx.demo_plan_id)[1].children[0].id)
    lead = next(u for u in s.units.list_units() if u.usage > 0)
    s.units.update_unit(lead.id, name=lead.name + "（新）")
    ctx.set_setting("county_name", "别的县")
    ctx.set_setting("font_paths", {"fang": str(ctx.resources / "fonts" / "FandolKai-Regular.ttf")})
    # the plan as it is now would print differently …
    now, _layout = notice_pdf(ctx.document_service().notice_model(issued.id))
    assert "改过的任务标题" in pdf_text(now)
    # … the issued notice does not: same bytes, every format and mode
    after = {key: ctx.issuing.file(issued.id, *key) for key in before}
    assert after == before
    assert "改过的任务标题" not in pdf_text(after["pdf", "color"])
    # and exporting writes exactly those bytes
    result = ctx.issuing.export(issued.id, pdf=tmp_path / "a.pdf", docx=tmp_path / "a.docx", mode="overlay")
    assert (tmp_path / "a.pdf").read_bytes() == before["pdf", "overlay"]
    assert (tmp_path / "a.docx").read_bytes() == before["docx", "overlay"]
    assert result.pages == ctx.issuing.record(issued.id).pages


def test_an_issued_plan_deleted_later_leaves_the_notice_whole(ctx, issued):
    pdf = ctx.issuing.file(issued.id, "pdf")
    ctx.services.plans.delete_plan(ctx.demo_plan_id)
    assert ctx.services.notices.get_notice(issued.id).plan_id is None
    assert ctx.issuing.file(issued.id, "pdf") == pdf
    assert ctx.issuing.model(issued.id).issued is not None  # the issued document with its tables


def test_a_damaged_file_is_refused(ctx, issued):
    where = "WHERE format = 'pdf' AND mode = 'color'"
    with ctx.engine.begin() as conn:
        data = bytearray(conn.execute(text(f"SELECT data FROM issued_file {where}")).scalar())
        data[1000] ^= 0xFF  # one flipped byte, as a failing disk would leave it
        conn.execute(text(f"UPDATE issued_file SET data = :d {where}"), {"d": bytes(data)})
    with pytest.raises(IssuedFileDamagedError) as err:
        ctx.issuing.file(issued.id, "pdf")
    assert "从备份" in err.value.message
    assert ctx.issuing.file(issued.id, "pdf", "mono").startswith(b"%PDF")


def test_versions_stay_listed_and_deleting_a_draft_revision_restores_the_issued_one(ctx, issued):
    n = ctx.services.notices
    rev = n.new_revision(issued.id)
    listed = [(x.id, x.revision, x.status) for x in n.list_notices(include_old_revisions=True)
              if x.lineage_id == issued.lineage_id]
    assert listed == [(rev.id, 2, "草稿"), (issued.id, 1, "已印发")]
    with pytest.raises(FrozenError):
        ctx.issuing.issue(issued.id)  # the issued version is not issued again
    n.delete_notice(rev.id)
    back = n.get_notice(issued.id)
    assert back.is_current and back.status == "已印发"
    other = n.create_notice([back.issuers[0].id], title="别的通知", doc_year=2026)
    with pytest.raises(Exception, match="已被"):  # the 文号 is held again by the issued version
        n.update_notice(other.id, doc_serial=12)


def test_issuing_twice_or_incomplete_is_refused(ctx, empty_ctx):
    n = empty_ctx.services.notices
    issuer = n.add_issuer("示例县人民政府办公室", prefix="示政办发")
    draft = n.create_notice([issuer.id], title="关于甲的通知")
    with pytest.raises(ValidationError, match="发文字号"):
        empty_ctx.issuing.issue(draft.id)
    n.update_notice(draft.id, doc_year=2026, doc_serial=3, sign_date=date(2026, 3, 20))
    empty_ctx.issuing.issue(draft.id)
    with pytest.raises(FrozenError):
        empty_ctx.issuing.issue(draft.id)
    assert empty_ctx.issuing.record(n.create_notice([issuer.id], title="草稿").id) is None


def test_an_edit_while_issuing_stops_the_issue(ctx, demo_notice, monkeypatch):
    from app.services.issuing.issue_service import IssueService

    real = IssueService._render

    def render_then_edit(self, notice_id, control=None, backfilled=False):
        record = real(self, notice_id, control, backfilled)
        ctx.services.notices.update_notice(notice_id, note="（此件主动公开）")  # the autosave lands meanwhile
        return record

    monkeypatch.setattr(IssueService, "_render", render_then_edit)
    with pytest.raises(ValidationError, match="印发过程中被修改"):
        ctx.issuing.issue(demo_notice.id)
    assert ctx.services.notices.get_notice(demo_notice.id).status == "草稿"
    monkeypatch.undo()
    assert ctx.issuing.record(demo_notice.id) is None


def test_a_notice_issued_before_records_were_kept_gets_one_when_read(ctx, demo_notice):
    with ctx.engine.begin() as conn:  # as an older version left it: 已印发, no files
        conn.execute(text("UPDATE notice SET status = '已印发' WHERE id = :id"), {"id": demo_notice.id})
    record = ctx.issuing.record(demo_notice.id)
    assert record.backfilled and record.pages > 2
    data = ctx.issuing.file(demo_notice.id, "pdf")
    assert ctx.issuing.file(demo_notice.id, "pdf") == data
    assert ctx.issuing.record(demo_notice.id).files == record.files  # stored once, not re-rendered


def test_cli_render_of_an_issued_notice_writes_the_issued_bytes(ctx, issued, tmp_path, capsys, monkeypatch):
    from app.cli import main

    ctx.services.plans.update_node(ctx.services.plans.tree(ctx.demo_plan_id)[0].children[0].id, heading="改")
    out = tmp_path / "cli.pdf"
    monkeypatch.setattr("app.paths.user_data_dir", lambda *a, **k: str(tmp_path / "pc"))  # logs of a server run
    db = ctx.paths.server.url_text() if ctx.paths.server else str(ctx.paths.db_path)
    code = main(["--db", db, "render", "notice", str(issued.id), "--pdf", str(out), "--mode", "mono"])
    assert code == 0
    assert out.read_bytes() == ctx.issuing.file(issued.id, "pdf", "mono")
    assert "按印发时保存的文件输出" in capsys.readouterr().out
