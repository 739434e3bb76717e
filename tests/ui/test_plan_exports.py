"""导出 on the 工作要点 page, with no notice at all: the Word 审阅稿 and each table as Excel, PDF, Word."""

from docx import Document
from openpyxl import load_workbook


def export_actions(window):
    menu = window.plans_page.exports.menu
    out = {}
    for act in menu.actions():
        sub = act.menu()
        for a in (sub.actions() if sub else [act]):
            if a.objectName():
                out[a.objectName()] = a
    return out


def test_exports_need_no_notice(window, ctx, dialogs, tmp_path):
    for notice in ctx.services.notices.list_notices():
        ctx.services.notices.delete_notice(notice.id)
    assert ctx.services.notices.list_notices() == []
    actions = export_actions(window)
    assert set(actions) == {"export_review_docx"} | {f"export_{w}_{f}" for w in ("division", "unit-list", "matrix")
                                                     for f in ("xlsx", "pdf", "docx")}
    review = tmp_path / "审阅稿"  # the suffix is added
    dialogs.files = [str(review)]
    actions["export_review_docx"].trigger()
    doc = Document(tmp_path / "审阅稿.docx")
    assert doc.paragraphs[0].text == "示例县2026年法治政府建设工作要点"
    assert window.statusBar().currentMessage() == "已导出 审阅稿.docx"
    dialogs.files = [str(tmp_path / "分工表.xlsx")]
    actions["export_division_xlsx"].trigger()
    sheet = load_workbook(tmp_path / "分工表.xlsx").active
    assert sheet.cell(1, 1).value == "示例县2026年法治政府建设工作要点重点任务分工表"
    dialogs.files = [str(tmp_path / "汇总.pdf")]
    actions["export_matrix_pdf"].trigger()
    assert (tmp_path / "汇总.pdf").read_bytes().startswith(b"%PDF")
    assert "共 " in window.statusBar().currentMessage()
    dialogs.files = [""]  # the clerk cancels the file dialog: nothing written, nothing said
    actions["export_unit-list_docx"].trigger()
    assert not list(tmp_path.glob("*责任清单*"))


def test_the_plan_menu_offers_the_exports(window):
    plan_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "工作要点(&P)")
    assert window.plans_page.exports.menu in [a.menu() for a in plan_menu.actions()]
