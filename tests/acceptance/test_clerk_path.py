"""The clerk's path through the real window, from a fresh database: set up the issuer, import a
sample through the wizard, search the outline, assign units in bulk, add a unit to a task, draft a notice, print it through the print
dialog into a PDF file, issue it, edit the plan, reopen the issued notice and compare its bytes,
make a revision, and find both versions in the list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber
from PySide6.QtWidgets import QMessageBox

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "xinjiang-2022-gongzuo-yaodian.txt"
A4 = (595, 842)


def test_from_import_to_an_issued_notice_and_its_revision(clerk, empty_ctx, tmp_path):
    window, services = clerk.window, empty_ctx.services
    assert window.changes.timer.isActive()  # other clerks' changes are looked for from the start

    # 设置: the county's own issuer, chosen as the default
    clerk.add_issuer("示例县人民政府办公室", "示例县人民政府办公室文件", "示政办发")
    assert empty_ctx.settings.default_issuer_id is not None

    # 文件 → 从文件导入 (Ctrl+I): the superior's 工作要点 as this year's starting point
    clerk.import_file(SAMPLE)
    plans = window.plans_page
    assert window.stack.currentWidget() is plans
    plan = plans.editor.plan
    assert plan.title == "自治区法治政府建设2022年工作要点" and plan.status == "草稿"
    assert sum(1 for t in plans.editor.model.roots() for _ in t.children) >= 30

    # the superior's cover notice and issuer stay out of the county's own lists
    assert services.notices.list_notices() == []
    assert [i.name for i in services.notices.list_issuers()] == ["示例县人民政府办公室"]

    # search the outline, then give the tasks found one more supporting unit and a deadline, as one step
    hits = [n for n in clerk.search("改革") if n.is_task]
    assert len(hits) >= 2
    clerk.bulk_assign(hits[:2], add=["自治区应急管理厅"], role="配合", deadline="2022年10月底前")
    for hit in hits[:2]:
        node = services.plans.get_node(hit.id)
        assert "自治区应急管理厅" in node.support_units and node.deadline_text == "2022年10月底前"
    assert "批量设置" in window.undo_action.text()

    # one task found by its words gets one more supporting unit in its own 责任单位 box
    task = clerk.find_task("深入学习贯彻习近平法治思想")
    clerk.add_unit("自治区市场监管局", "support")
    assert services.plans.get_node(task.id).support_units[-1] == "自治区市场监管局"

    # 公文 (Ctrl+3) → 新建公文 → 取号: the notice is drafted from the plan
    notices = clerk.page("Ctrl+3")
    clerk.click(notices, "新建公文")
    clerk.click(notices.form, "取号")
    notices.save_now()
    clerk.idle()
    draft = notices.notice
    assert draft.doc_number == f"示政办发〔{date.today().year}〕1号"  # the first number of the year
    assert draft.title == f"关于印发《{plan.title}》的通知"
    pages = notices.preview.page_count()
    assert pages > 4

    # Ctrl+P → print preview → 打印… → the system print dialog → a PDF file, measured
    printed = tmp_path / "打印.pdf"
    clerk.print_to_pdf(printed)
    with pdfplumber.open(printed) as pdf:
        assert len(pdf.pages) == pages
        for page in pdf.pages:
            assert (round(page.width), round(page.height)) == A4
            (image,) = page.images
            assert (round(image["x0"]), round(image["top"]), round(image["width"]), round(image["height"])) == (0, 0, *A4)
    assert window.statusBar().currentMessage() == f"已打印到文件 打印.pdf：{pages} 页。"

    # 标记为已印发, confirmed through the message box's own 是 button
    confirm = clerk.expect("标记为已印发", QMessageBox.StandardButton.Yes)
    clerk.click(notices, "标记为已印发")
    assert "印发时程序保存这份公文" in clerk.answered(confirm)
    clerk.idle()
    issued = notices.notice
    assert issued.status == "已印发" and notices.banner.isVisible()
    issued_pdf = notices.preview.data
    assert issued_pdf == empty_ctx.issuing.file(issued.id, "pdf")
    first_export = tmp_path / "印发稿.pdf"
    clerk.export("导出 PDF", first_export, "公文字体已替代")  # the fonts are told once, here
    assert first_export.read_bytes() == issued_pdf

    # the plan shows the issued notice; its first edit tells (once) that the issued notice stays as it was
    clerk.press("Ctrl+1")
    assert f"{issued.doc_number} 第1版" in plans.issued_bar.text.text() and "已印发" in plans.editor.header.text()
    told = clerk.expect("修改已印发的工作要点")
    clerk.rename_task(task.id, "深入学习贯彻习近平法治思想（修改后）")
    assert "新建修订版" in clerk.answered(told)
    assert services.plans.get_node(task.id).heading.endswith("（修改后）")

    # reopening the issued notice shows, exports and prints what was issued, byte for byte
    notices = clerk.page("Ctrl+3")
    clerk.open_list_row(notices.list, 0)
    assert notices.notice.id == issued.id and notices.preview.data == issued_pdf
    second_export = tmp_path / "再次导出.pdf"
    clerk.export("导出 PDF", second_export)  # no font message the second time
    assert second_export.read_bytes() == issued_pdf
    word = tmp_path / "印发稿.docx"
    clerk.export("导出 Word", word)
    assert word.read_bytes() == empty_ctx.issuing.file(issued.id, "docx")

    # 新建修订版: a draft that follows the edited plan; the issued version stays listed as it was
    clerk.click(notices, "新建修订版")
    clerk.idle()
    revision = notices.notice
    assert (revision.revision, revision.status, revision.doc_number) == (2, "草稿", issued.doc_number)
    assert notices.preview.data != issued_pdf
    lines = [notices.list.item(r).text().split("\n")[1] for r in range(notices.list.count())]
    assert f"{issued.doc_number} · 第2版 草稿" in lines and f"{issued.doc_number} · 第1版 已印发" in lines
    clerk.open_list_row(notices.list, lines.index(f"{issued.doc_number} · 第1版 已印发"))
    assert notices.notice.id == issued.id and notices.preview.data == issued_pdf
