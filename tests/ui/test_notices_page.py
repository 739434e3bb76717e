"""Notice page: draft a notice, number checks, live preview, export PDF / DOCX / XLSX (measured),
printing at true scale, mark as issued (locked) and new revisions."""

import io

import pdfplumber
import pytest
from docx import Document
from openpyxl import load_workbook

from app.ui.main_window import SETTINGS

A4 = (595.28, 841.89)


@pytest.fixture
def page(window):
    window.nav.setCurrentRow(2)
    return window.notices_page


def test_demo_notice_is_listed_and_previewed(page):
    assert page.list.count() == 1
    assert page.form.title.text() == "关于印发《示例县2026年法治政府建设工作要点》的通知"
    assert page.form.serial.value() == 12 and page.form.prefix.text() == "示政办发"
    assert page.form.number_status.text() == "文号可用。"
    assert page.preview.page_count() > 2
    assert page.preview.state.text() == f"预览：共 {page.preview.page_count()} 页"
    assert page.preview.warnings_label.text().startswith("格式检查")


def test_draft_a_notice_and_export_pdf_and_docx(page, ctx, dialogs, tmp_path):
    page.new_notice()
    assert page.list.count() == 2
    form = page.form
    assert form.title.text() == "关于印发《示例县2026年法治政府建设工作要点》的通知"
    assert form.body.toPlainText().startswith("《示例县2026年法治政府建设工作要点》已经示例县人民政府同意")
    assert form.issuer_ids() and form.attachment_kinds() == ["plan", "division"]
    form.year.setValue(2026)
    assert "建议取 13 号" in form.number_status.text()
    form.serial.setValue(12)
    assert "已被《关于印发《示例县2026年法治政府建设工作要点》的通知》使用" in form.number_status.text()
    page.save_now()
    assert ctx.services.notices.get_notice(page.notice.id).doc_serial is None  # refused, not saved
    form.take.click()
    assert form.serial.value() == 13
    form.title.setText("关于印发《示例县2026年法治政府建设工作要点》的通知（第二批）")
    form.add_recipient("县直各部门")
    assert form.recipients.text() == "各乡镇人民政府，县政府各部门，县直各部门："
    page.save_now()
    stored = ctx.services.notices.get_notice(page.notice.id)
    assert stored.doc_number == "示政办发〔2026〕13号" and stored.title.endswith("（第二批）")
    assert stored.recipients.endswith("县直各部门：")
    assert page.preview.page_count() > 2

    pdf_path, docx_path, xlsx_path = tmp_path / "通知.pdf", tmp_path / "通知.docx", tmp_path / "分工表"
    dialogs.files = [str(pdf_path), str(docx_path), str(xlsx_path)]
    page.export_pdf()
    page.export_docx()
    page.export_xlsx()
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) == page.actions.last_export.pages or page.actions.last_export.path.suffix == ".xlsx"
        first = pdf.pages[0]
        assert (round(first.width, 1), round(first.height, 1)) == (round(A4[0], 1), round(A4[1], 1))
        text = "".join(p.extract_text() or "" for p in pdf.pages[:2]).replace(" ", "").replace("\n", "")
        assert "示政办发〔2026〕13号" in text and "第二批" in text
    doc = Document(docx_path)
    body = "".join(p.text for p in doc.paragraphs)
    assert "（第二批）" in body and "示政办发〔2026〕13号" in body
    section = doc.sections[0]
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    rows = list(load_workbook(tmp_path / "分工表.xlsx").active.iter_rows(values_only=True))
    assert len(rows) > 30 and any("县司法局" in str(c) for r in rows for c in r if c)
    assert "已导出 分工表.xlsx" in page.window().statusBar().currentMessage()


def test_mark_issued_locks_and_revisions_keep_the_number(page, ctx, dialogs):
    page.mark_issued()
    issued = ctx.services.notices.get_notice(page.notice.id)
    assert issued.status == "已印发"
    assert not page.form.isEnabled() and page.banner.isVisible()
    assert not page.buttons["issue"].isEnabled() and page.buttons["revise"].isEnabled()
    assert page.save() is False
    page.new_revision()
    rev = page.notice
    assert rev.revision == 2 and rev.status == "草稿" and rev.doc_number == issued.doc_number
    assert page.form.isEnabled() and not page.banner.isVisible()
    page.form.note.setText("（此件主动公开）")
    page.save_now()
    assert ctx.services.notices.get_notice(rev.id).note == "（此件主动公开）"
    assert ctx.services.notices.get_notice(issued.id).note == "（此件公开发布）"
    assert page.list.count() == 2  # both versions stay listed: 第2版 草稿 above 第1版 已印发
    texts = [page.list.item(r).text() for r in range(page.list.count())]
    assert texts[0].endswith("第2版 草稿") and texts[1].endswith("第1版 已印发")


def test_saving_a_revision_keeps_its_number_in_the_list(page):
    page.mark_issued()
    page.new_revision()
    assert page.list.currentItem().text().endswith("第2版 草稿")
    page.form.note.setText("（此件主动公开）")
    page.save_now()
    assert page.list.currentItem().text().endswith("第2版 草稿")


def test_a_plan_deleted_meanwhile_stops_the_save_with_a_message(page, ctx):
    plans = ctx.services.plans
    plan = plans.create_plan("临时工作要点")
    page.settings_changed()
    page.form.plan.setCurrentIndex(page.form.plan.findData(plan.id))
    assert page.save()
    plans.delete_plan(plan.id)  # e.g. Ctrl+Z of its creation while this page is shown
    page.form.note.setText("（此件主动公开）")
    assert page.save() is False
    assert "未保存：找不到该工作要点" in page.window().statusBar().currentMessage()


def test_leaving_and_coming_back_before_the_autosave_keeps_the_edit(page, ctx, window):
    page.form.note.setText("（此件主动公开）")
    assert page._save_timer.isActive()
    window.nav.setCurrentRow(SETTINGS)
    window.nav.setCurrentRow(2)  # activate() reloads the choices and the form
    assert page.form.note.text() == "（此件主动公开）"
    assert ctx.services.notices.get_notice(page.notice.id).note == "（此件主动公开）"


def test_delete_draft_only_after_confirmation(page, ctx, dialogs):
    page.new_notice()
    count = page.list.count()
    dialogs.confirm = False
    page.delete_notice()
    assert page.list.count() == count
    dialogs.confirm = True
    page.delete_notice()
    assert page.list.count() == count - 1


def test_table_attachments_add_pages(page, ctx):
    pages = page.preview.page_count()
    form = page.form
    matrix = next(form.attachments.item(r) for r in range(form.attachments.count())
                  if form.attachments.item(r).text() == "单位任务汇总表")
    matrix.setCheckState(matrix.checkState().Checked)
    page.save_now()
    kinds = [a["kind"] for a in ctx.services.notices.get_notice(page.notice.id).attachments]
    assert kinds == ["plan", "division", "matrix"]
    assert page.preview.page_count() > pages


def test_checker_findings_are_listed_beside_the_preview(page):
    page.form.body.setPlainText("各乡镇,各部门要认真落实。")
    page.save_now()
    items = [page.preview.warnings.item(i).text() for i in range(page.preview.warnings.count())]
    assert any("半角标点" in t for t in items)
    assert page.preview.warnings_label.text().startswith("格式检查：1 条提示")


def test_head_elements_are_saved_and_printed(page, ctx, dialogs):
    """份号, 密级, 紧急程度 and 签发人 typed in the form reach the database and the PDF."""
    from app.ui import document_output

    extras = page.form.extras
    assert not extras.isChecked()  # the demo notice uses none of them
    extras.setChecked(True)
    extras.copy_no.setText("26")
    extras.secrecy.setCurrentText("秘密")
    extras.period.setText("1年")
    extras.urgency.setCurrentText("特急")
    extras.signers.setText("张明、李华")
    page.save_now()
    stored = ctx.services.notices.get_notice(page.notice.id)
    assert (stored.copy_no, stored.secrecy, stored.urgency, stored.signers) == ("26", "秘密★1年", "特急", ("张明", "李华"))
    pdf = document_output.preview(ctx, stored.id, "color").pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = (doc.pages[0].extract_text() or "").replace(" ", "")
    assert "000026" in text and "秘密★1年" in text and "特急" in text and "签发人：" in text and "张明" in text
    page.form.load(ctx.services.notices.get_notice(stored.id))
    assert extras.isChecked() and extras.period.text() == "1年"
    extras.copy_no.setText("12ab")
    page.save_now()  # refused with a message, nothing stored
    assert ctx.services.notices.get_notice(stored.id).copy_no == "26"
    assert "份号" in page.window().statusBar().currentMessage()


def test_title_and_body_from_a_deleted_plan_explain_themselves(page, ctx, dialogs):
    ctx.services.plans.delete_plan(ctx.demo_plan_id)  # e.g. deleted from another window
    page.generate_title()
    page.fill_default_body()
    texts = [text for _kind, _title, text in dialogs.shown]
    assert len(texts) == 2 and all("找不到该工作要点" in t for t in texts)


def test_file_dialogs_start_in_documents_then_in_the_last_folder_used(page, ctx, dialogs, tmp_path):
    import os
    from pathlib import Path

    from app.ui.dialogs import messages

    out = tmp_path / "导出"
    out.mkdir()
    start = messages.start_folder()  # Documents, or the home folder where there is none
    assert Path(start) in (Path.home() / "Documents", Path.home()) or "Documents" in start
    dialogs.files = [str(out / "通知.pdf")]
    page.export_pdf()
    first = Path(dialogs.kinds("file")[-1])
    assert str(first.parent) == start and first.parent != Path(os.getcwd()) and first.name.endswith(".pdf")
    assert ctx.services.settings.load().last_folder == str(out)
    dialogs.files = [str(out / "通知.docx")]
    page.export_docx()
    assert Path(dialogs.kinds("file")[-1]).parent == out  # the next dialog starts where the last file went
    page.form.extras.setChecked(True)
    page.form.extras._pick_seal()  # an open dialog starts there too
    assert dialogs.kinds("file")[-1] == str(out)


def test_substituted_fonts_are_told_once_not_after_every_export(page, ctx, dialogs, tmp_path):
    dialogs.files = [str(tmp_path / "a.pdf"), str(tmp_path / "b.pdf"), str(tmp_path / "c.docx")]
    page.export_pdf()
    page.export_pdf()
    page.export_docx()
    told = [t for k, title, t in dialogs.shown if title == "公文字体已替代"]
    fonts = [w for w in page.actions.last_export.warnings if w.startswith("字体：")]
    assert fonts, "this machine has no 方正/中易 fonts: the Fandol fallbacks stand in"
    assert len(told) == 1 and fonts[0].removeprefix("字体：") in told[0]
    assert "只显示一次" in told[0]
    panel = [page.preview.warnings.item(i).text() for i in range(page.preview.warnings.count())]
    assert set(fonts) <= set(panel)  # and they stay listed beside the preview
    assert "条提示见右侧“格式检查”" in page.window().statusBar().currentMessage()
    assert ctx.services.settings.load().fonts_reported == "\n".join(fonts)  # a restart does not repeat it


def test_opening_the_page_renders_its_preview_once_and_later_visits_reload(window, ctx, qtbot, monkeypatch):
    """Issue 10: the page shown as it is built loads and renders once; shown again later, it reads
    what changed meanwhile."""
    from app.ui import document_output

    renders = []
    real = document_output.preview
    monkeypatch.setattr(document_output, "preview", lambda *a: renders.append(a) or real(*a))
    window.nav.setCurrentRow(2)  # Ctrl+3: built and shown at once
    page = window.notices_page
    assert len(renders) == 1 and page.preview.page_count() > 2
    qtbot.wait(10)  # back in the event loop
    window.nav.setCurrentRow(0)
    issuer = ctx.services.notices.list_issuers()[0].id
    ctx.services.notices.create_notice([issuer], title="关于另一项工作的通知")  # written meanwhile (as another page would)
    window.nav.setCurrentRow(2)
    assert page.list.count() == 2 and len(renders) == 2
