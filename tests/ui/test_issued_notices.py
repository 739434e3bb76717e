"""An issued notice stays as issued, seen from the window: the 公文 page shows, exports and prints
the stored bytes; the plan shows its issued notice, says once that edits do not reach it, and
warns before a deletion; every version stays listed; the problems panel follows the issue."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from tests.ui.print_dialog import open_print_dialog, print_to_pdf


@pytest.fixture
def page(window):
    window.nav.setCurrentRow(2)
    return window.notices_page


def issue(page):
    page.buttons["issue"].click()
    return page.notice


def type_heading(editor, node_id, text):
    assert editor.model.setData(editor.model.index_of(node_id), text, Qt.ItemDataRole.EditRole)


def test_issue_shows_the_stored_file_and_locks_the_form(page, ctx, dialogs):
    issued = issue(page)
    assert issued.status == "已印发"
    assert "印发时程序保存这份公文" in dialogs.kinds("question")[-1]
    assert page.preview.data == ctx.issuing.file(issued.id, "pdf", "color")
    assert page.banner.isVisible() and "印发时保存的文件" in page.banner.text() and "新建修订版" in page.banner.text()
    assert not page.form.isEnabled() and not page.delete_button.isEnabled()
    assert not page.buttons["issue"].isEnabled() and page.buttons["revise"].isEnabled()
    first = page.preview.warnings.item(0).text()
    assert first.startswith("已印发存档") and ctx.issuing.record(issued.id).sha256()[:12] in first
    page.mode.setCurrentIndex(page.mode.findData("overlay"))
    assert page.preview.data == ctx.issuing.file(issued.id, "pdf", "overlay")


def test_the_plan_shows_its_issued_notice_and_the_problems_panel_follows(window, page, ctx):
    page.form.sign_date.setDate(QDate(2026, 12, 31))  # later than some deadlines of the plan
    page.save_now()
    issue(page)
    plans = window.plans_page
    assert ctx.services.plans.get_plan(ctx.demo_plan_id).status == "已印发"
    assert not plans.issued_bar.isHidden() and "示政办发〔2026〕12号 第1版" in plans.issued_bar.text.text()
    assert "已印发" in plans.editor.header.text()
    problems = plans.editor.problems
    assert "2026年12月31日" in problems.header.text()  # refreshed by the issue, no page switch needed
    assert any("早于" in p.message or "印发" in p.message for p in problems.problems)
    plans.issued_bar.open_button.click()
    assert window.stack.currentIndex() == 2 and page.notice.status == "已印发"


def test_editing_an_issued_plan_says_so_once_and_changes_nothing_issued(window, page, ctx, dialogs):
    issued = issue(page)
    before = page.preview.data
    window.nav.setCurrentRow(0)
    editor = window.plans_page.editor
    task = editor.model.roots()[0].children[0]
    type_heading(editor, task.id, "改过的任务标题")
    told = [t for k, title, t in dialogs.shown if title == "修改已印发的工作要点"]
    assert len(told) == 1 and "已印发的公文保持印发时的内容" in told[0] and "新建修订版" in told[0]
    type_heading(editor, task.id, "又改了一次")
    assert len([1 for _k, title, _t in dialogs.shown if title == "修改已印发的工作要点"]) == 1
    window.nav.setCurrentRow(2)
    page.reload(issued.id)
    assert page.preview.data == before  # byte for byte


def test_deleting_a_task_of_an_issued_plan_warns(window, page, ctx, dialogs):
    issue(page)
    window.nav.setCurrentRow(0)
    editor = window.plans_page.editor
    task = editor.model.roots()[0].children[0]
    editor.select_node(task.id)
    dialogs.confirm = False
    editor.actions_by_name["delete"].trigger()
    question = dialogs.kinds("question")[-1]
    assert "已印发的公文不受影响" in question and "示政办发〔2026〕12号" in question
    assert editor.model.node_by_id(task.id) is not None  # not deleted
    dialogs.confirm = True
    editor.actions_by_name["delete"].trigger()
    assert editor.model.node_by_id(task.id) is None
    assert not [1 for _k, title, _t in dialogs.shown if title == "修改已印发的工作要点"]  # said once, in the question


def test_both_versions_stay_viewable_exportable_and_printable(window, page, ctx, dialogs, tmp_path):
    issued = issue(page)
    page.buttons["revise"].click()
    rev = page.notice
    assert (rev.revision, rev.status) == (2, "草稿") and page.form.isEnabled()
    page.form.note.setText("（此件主动公开）")
    page.save_now()
    texts = [page.list.item(r).text().split("\n")[1] for r in range(page.list.count())]
    assert texts == ["示政办发〔2026〕12号 · 第2版 草稿", "示政办发〔2026〕12号 · 第1版 已印发"]
    page.list.setCurrentRow(1)  # the clerk clicks the issued version
    assert page.notice.id == issued.id and not page.form.isEnabled()
    assert "已有更新的版本" in page.banner.text()
    assert page.preview.data == ctx.issuing.file(issued.id, "pdf")
    assert not page.buttons["revise"].isEnabled()  # revisions are made from the newest version
    dialogs.files = [str(tmp_path / "第1版.pdf"), str(tmp_path / "第1版.docx")]
    page.buttons["pdf"].click()
    page.buttons["docx"].click()
    assert (tmp_path / "第1版.pdf").read_bytes() == ctx.issuing.file(issued.id, "pdf")
    assert (tmp_path / "第1版.docx").read_bytes() == ctx.issuing.file(issued.id, "docx")
    page.buttons["print"].click()
    preview = page.actions.print_flow.preview
    assert "已印发存档" in preview.info.text()
    assert preview.pages.data == ctx.issuing.file(issued.id, "pdf")
    preview.range.setText("1")
    preview.print_button.click()
    print_to_pdf(open_print_dialog(), tmp_path / "printed.pdf")
    assert (tmp_path / "printed.pdf").is_file()


def test_deleting_the_draft_revision_brings_back_the_issued_version(page, ctx, dialogs):
    issued = issue(page)
    page.new_revision()
    page.delete_notice()
    assert page.notice.id == issued.id and page.list.count() == 1
    assert ctx.services.notices.get_notice(issued.id).is_current
    assert page.buttons["revise"].isEnabled()


def test_issue_date_in_the_banner(page, ctx):
    issue(page)
    assert f"{date.today():%Y年%m月%d日}" in page.banner.text()


def test_the_archive_line_is_no_finding_and_the_number_is_not_offered_again(page):
    before = page.preview.warnings_label.text()
    issue(page)
    assert page.preview.warnings_label.text() == before  # the 已印发存档 line is not counted
    assert page.form.number_status.text() == "已印发，文号 示政办发〔2026〕12号。"


def test_the_division_table_of_an_issued_notice_is_the_one_issued(window, page, ctx, dialogs, tmp_path):
    from openpyxl import load_workbook

    issued = issue(page)
    task = ctx.services.plans.tree(ctx.demo_plan_id)[0].children[0]
    ctx.services.plans.update_node(task.id, heading="印发后改过的标题")
    dialogs.files = [str(tmp_path / "分工表.xlsx")]
    page.reload(issued.id)
    page.buttons["xlsx"].click()
    cells = [str(c) for row in load_workbook(tmp_path / "分工表.xlsx").active.iter_rows(values_only=True)
             for c in row if c]
    assert any(task.heading in c for c in cells) and not any("印发后改过的标题" in c for c in cells)
