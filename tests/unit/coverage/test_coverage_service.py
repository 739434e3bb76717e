"""The county plan against its superior's document: the superior stored as 上级文件 (no units, no
notice), suggestions the clerk confirms or rejects, 不适用, the reverse view, the percentage, a
county task made from an uncovered item, the Excel and the 对照表 on the plan's notice."""

import pytest
from openpyxl import load_workbook

from app.services.coverage.dto import CONFIRMED, COVERED, NOT_APPLICABLE, REJECTED, SUPERIOR, UNCOVERED
from app.services.coverage.export import coverage_workbook
from app.services.coverage.notice_attachment import attach, restore
from app.services.errors import InputFileError, NotFoundError, ValidationError
from tests.unit.coverage.conftest import PAIRS, SUPERIOR_FILE, county_context

pytestmark = pytest.mark.both_databases  # coverage on SQLite and on the PostgreSQL server


def confirm_all_suggestions(c) -> None:
    cov = c.service.coverage(c.plan_id)
    for r in cov.rows:
        for task, score in r.suggestions:
            c.service.set_link(c.plan_id, task.node_id, SUPERIOR, r.target.id, CONFIRMED, score)


def test_superior_is_stored_without_units_or_notice(checked):
    ctx = checked.ctx
    sup = checked.service.superior_of(checked.plan_id)
    assert sup.title == "自治区法治政府建设2022年工作要点"
    assert checked.service.superior_file(checked.plan_id) == SUPERIOR_FILE.name
    names = {u.name for u in ctx.services.units.list_units()}
    assert not any(n.startswith("自治区") for n in names)  # the superior's 厅局 stay out of the registry
    assert all(n.plan_id != sup.id for n in ctx.services.notices.list_notices())


def test_expected_matches_confirmed_then_full_coverage(checked):
    cov = checked.service.coverage(checked.plan_id)
    assert len(cov.rows) == 35 and len(cov.tasks) == 38 and cov.percent == 0
    suggested = {r.target.serial: [t.serial for t, _s in r.suggestions] for r in cov.rows}
    for s, c in PAIRS["links"]:
        if (s, c) != (11, 38):  # the 普法 half of a split item is the one the matcher misses
            assert c in suggested[s], (s, c, suggested[s])
    confirm_all_suggestions(checked)
    for s in PAIRS["not_applicable"]:
        target = cov.rows[s - 1].target
        for task, _score in cov.rows[s - 1].suggestions:  # a weak suggestion the clerk turns down
            checked.service.set_link(checked.plan_id, task.node_id, SUPERIOR, target.id, REJECTED)
        checked.service.set_note(checked.plan_id, SUPERIOR, target.id, True, "县级无立法权")
    cov = checked.service.coverage(checked.plan_id)
    assert cov.count(NOT_APPLICABLE) == 2 and cov.count(UNCOVERED) == 0 and cov.percent == 100.0
    assert {t.serial for t in cov.unlinked} == {*PAIRS["county_only"], 38}
    eleven = cov.rows[10]
    checked.service.set_link(checked.plan_id, cov.tasks[37].node_id, SUPERIOR, eleven.target.id, CONFIRMED)
    cov = checked.service.coverage(checked.plan_id)
    assert {t.serial for t in cov.unlinked} == set(PAIRS["county_only"])
    assert [t.serial for t in cov.rows[10].linked] == [11, 38]
    assert "覆盖率 100%" in cov.summary()


def test_rejected_is_never_suggested_again_and_undo_of_each_decision(checked):
    svc, pid = checked.service, checked.plan_id
    row = svc.coverage(pid).rows[3]
    task, score = row.suggestions[0]
    before = svc.set_link(pid, task.node_id, SUPERIOR, row.target.id, REJECTED, score)
    again = svc.coverage(pid).rows[3]
    assert task.node_id not in [t.node_id for t, _s in again.suggestions] and again.status == UNCOVERED
    svc.restore_link(pid, before)
    assert task.node_id in [t.node_id for t, _s in svc.coverage(pid).rows[3].suggestions]
    note_before = svc.set_note(pid, SUPERIOR, row.target.id, True, "由市级统一实施")
    assert svc.coverage(pid).rows[3].status == NOT_APPLICABLE
    assert svc.coverage(pid).rows[3].suggestions == []  # nothing to confirm for an item that does not apply
    svc.restore_note(pid, SUPERIOR, row.target.id, note_before)
    assert svc.coverage(pid).rows[3].status == UNCOVERED
    with pytest.raises(ValidationError, match="请写明理由"):
        svc.set_note(pid, SUPERIOR, row.target.id, True, "  ")


def test_county_task_from_an_uncovered_item_in_one_step(checked):
    svc, pid = checked.service, checked.plan_id
    cov = svc.coverage(pid)
    item = cov.rows[11]  # （十二）加强重点领域立法: the text names 自治区人大常委会 and 自治区人民政府
    made = svc.draft_task(pid, item.target, cov)
    node = checked.ctx.services.plans.get_node(made.node_id)
    assert node.is_task and node.heading == "加强重点领域立法"
    assert "县人大常委会2022年立法工作计划和县人民政府2022年行政立法工作计划" in node.text
    assert "自治区人大常委会" not in node.text and "自治区人民政府" not in node.text
    assert made.text.changes  # the clerk is told what was rewritten
    after = svc.coverage(pid)
    assert after.rows[11].status == COVERED and after.rows[11].drafted == {made.node_id}
    parent = checked.ctx.services.plans.tree(pid)
    assert any(c.id == made.node_id for p in parent for c in p.children)  # filed under a part
    svc.set_link(pid, made.node_id, SUPERIOR, item.target.id, CONFIRMED)
    assert svc.coverage(pid).rows[11].drafted == set()
    svc.remove_drafted(made)
    assert svc.coverage(pid).rows[11].status == UNCOVERED


def test_excel_highlights_uncovered_and_lists_the_reverse(checked, tmp_path):
    confirm_all_suggestions(checked)
    wb = load_workbook(__import__("io").BytesIO(coverage_workbook(checked.service.coverage(checked.plan_id))))
    ws = wb["对照情况"]
    statuses = {ws.cell(r, 3).value: (ws.cell(r, 6).value, ws.cell(r, 6).fill.fgColor.rgb)
                for r in range(4, ws.max_row + 1)}
    assert statuses["（十二）加强重点领域立法"][0] == UNCOVERED and statuses["（十二）加强重点领域立法"][1].endswith("F4C7C3")
    assert statuses["（四）全面实行政府权责清单制度"][0] == COVERED
    reverse = wb["未对应上级的本县任务"]
    assert {reverse.cell(r, 1).value for r in range(2, reverse.max_row + 1)} == {13, 21, 27, 31, 32, 38}


def test_duitu_attached_to_the_plans_notice_and_undone(tmp_path):
    from tests.unit.reports.conftest import reported_context

    r = reported_context(tmp_path / "demo.sqlite3")
    try:
        svc = r.ctx.services.coverage
        svc.import_superior(r.plan_id, SUPERIOR_FILE)
        notices = r.ctx.services.notices
        cov = svc.coverage(r.plan_id)
        notice_id, before = attach(notices, cov)
        titles = [a["title"] for a in notices.get_notice(notice_id).attachments]
        assert titles == ["示例县2026年法治政府建设工作要点", "重点任务分工表", "上级文件重点任务对照表"]
        attach(notices, cov)  # again: replaced, not added twice
        assert len(notices.get_notice(notice_id).attachments) == 3
        doc = r.ctx.document_service().notice_model(notice_id)
        table = doc.issued.attachments[-1].table
        assert table.columns[1].title == "上级文件重点任务" and len(table.rows) == 35
        restore(notices, notice_id, before)
        assert len(notices.get_notice(notice_id).attachments) == 2
    finally:
        r.ctx.close()


def test_refused_inputs(tmp_path):
    c = county_context(tmp_path / "none.sqlite3", with_superior=False)
    try:
        with pytest.raises(NotFoundError, match="还没有上级文件"):
            c.service.coverage(c.plan_id)
        with pytest.raises(ValidationError, match="不能是工作要点本身"):
            c.service.set_superior(c.plan_id, c.plan_id)
        empty = tmp_path / "空.txt"
        empty.write_text("", encoding="utf-8")
        with pytest.raises(InputFileError, match="空文件"):
            c.service.import_superior(c.plan_id, empty)
        prose = tmp_path / "随笔.txt"
        prose.write_text("今天天气很好。\n我们去公园散步。\n", encoding="utf-8")
        with pytest.raises(InputFileError, match="没有找到工作要点的编号条目"):
            c.service.import_superior(c.plan_id, prose)
        with pytest.raises(NotFoundError):
            c.service.import_superior(999, SUPERIOR_FILE)
        assert c.service.superior_of(c.plan_id) is None  # nothing half-stored
        assert len(c.ctx.services.plans.list_plans()) == 1
        done = c.service.import_superior(c.plan_id, SUPERIOR_FILE)
        c.service.undo_import_superior(done)
        assert c.service.superior_of(c.plan_id) is None and len(c.ctx.services.plans.list_plans()) == 1
    finally:
        c.ctx.close()


def test_the_check_asked_again_after_a_decision_reuses_the_matcher(checked):
    svc = checked.service
    first = svc.coverage(checked.plan_id)
    matcher = svc._last_matcher[1]
    row = next(r for r in first.rows if r.suggestions)
    task, _score = row.suggestions[0]
    svc.set_link(checked.plan_id, task.node_id, first.kind, row.target.id, "rejected")
    again = svc.coverage(checked.plan_id)
    assert svc._last_matcher[1] is matcher  # same texts: nothing rebuilt
    after = next(r for r in again.rows if r.target.id == row.target.id)
    assert task.node_id not in [t.node_id for t, _s in after.suggestions]  # the rejected one is gone
    svc.plans.update_node(task.node_id, text=task.text + "（已修改）")
    svc.coverage(checked.plan_id)
    assert svc._last_matcher[1] is not matcher  # a changed text: built anew
