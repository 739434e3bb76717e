"""The plan alone as a Word 审阅稿: title, preamble, outline with units and deadlines; no red header,
no 文号. Checked in the file itself and laid out by LibreOffice on the 22-line grid."""

import io
import math

import pdfplumber
from docx import Document

from app.services.documents.flow import paragraph_lines
from app.services.documents.fontbook import FontBook
from app.services.documents.model import Run
from app.services.documents.profile import PROFILE as P
from app.services.documents.profile import mm
from app.services.documents.review import duty_line, review_docx, review_paragraphs
from app.services.documents.service import font_choice
from app.services.documents.typeset import balance_title, shape
from app.services.plan_export import export_plan, file_name

from .libreoffice import convert


def plan_and_tree(demo_ctx):
    s = demo_ctx.services
    plan = s.plans.list_plans()[0]
    return s.plans.get_plan(plan.id), s.plans.tree(plan.id)


def test_duties_follow_each_task(demo_ctx):
    plan, roots = plan_and_tree(demo_ctx)
    first = roots[0].children[0]
    assert duty_line(first) == ("牵头单位：县司法局；配合单位：县委宣传部、县委组织部、县直各部门；"
                                "完成时限：2026年年底前；责任人：张明")
    paras = review_paragraphs(plan, roots)
    texts = [p.text for p in paras]
    assert texts[0].startswith("2026年是“十五五”")  # the preamble opens the document
    i = texts.index("（一）深化习近平法治思想学习宣传。" + first.text)
    assert texts[i + 1] == f"（{duty_line(first)}）" and paras[i + 1].runs[0].role == "kai"
    assert texts[-1].startswith("各乡镇、各部门要高度重视")  # the closing ends it
    assert not any(duty_line(n) for n in roots)  # parts carry no duties


def test_the_docx_has_no_red_header_and_no_doc_number(demo_ctx):
    plan, roots = plan_and_tree(demo_ctx)
    data = review_docx(plan, roots, font_choice(demo_ctx.resources))
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert doc.paragraphs[0].text == plan.title
    assert doc.paragraphs[1].text.startswith("（审阅稿") and "文件" not in doc.paragraphs[0].text
    assert "〔" not in text and "E60000" not in data.decode("latin-1")
    assert "牵头单位：县司法局" in text and "一、深入学习贯彻习近平法治思想" in text


def test_export_plan_writes_the_review_and_every_table(demo_ctx, tmp_path):
    from openpyxl import load_workbook

    service = demo_ctx.document_service()
    plan, _roots = plan_and_tree(demo_ctx)
    assert file_name(plan.title, "review", "docx") == "示例县2026年法治政府建设工作要点（审阅稿）.docx"
    assert file_name("a/b:c", "matrix", "xlsx") == "a＿b＿c单位任务汇总表.xlsx"
    written = export_plan(service, plan.id, "review", "docx", tmp_path / "r.docx").written
    assert written == [tmp_path / "r.docx"]
    for what in ("division", "unit-list", "matrix"):
        pdf = export_plan(service, plan.id, what, "pdf", tmp_path / f"{what}.pdf")
        assert pdf.pages >= 1
        export_plan(service, plan.id, what, "docx", tmp_path / f"{what}.docx")
        export_plan(service, plan.id, what, "xlsx", tmp_path / f"{what}.xlsx")
        assert load_workbook(tmp_path / f"{what}.xlsx").active.max_row > 3
    import pytest

    from app.services.errors import ValidationError

    with pytest.raises(ValidationError):
        export_plan(service, plan.id, "review", "pdf", tmp_path / "x.pdf")


def test_libreoffice_opens_and_paginates_the_review_on_the_grid(demo_ctx, tmp_path):
    plan, roots = plan_and_tree(demo_ctx)
    choice = font_choice(demo_ctx.resources)
    data = review_docx(plan, roots, choice)
    book = FontBook(choice)
    title = balance_title(shape(book, [Run(plan.title, "xbs")], P.title_size_pt), mm(P.area_w_mm))
    lines = len(title) + 2 + sum(len(paragraph_lines(book, p)) for p in review_paragraphs(plan, roots))
    src = tmp_path / "review.docx"
    src.write_bytes(data)
    with pdfplumber.open(convert([src], tmp_path / "lo")[src]) as lo:
        assert len(lo.pages) == math.ceil(lines / P.lines_per_page)
        first = lo.pages[0].extract_text().replace(" ", "")
        assert first.startswith(plan.title) and "审阅稿" in first and "2026年是“十五五”" in first
        assert "—1—" in first and "—2—" in lo.pages[1].extract_text().replace(" ", "")
        last = lo.pages[-1].extract_text().replace(" ", "")
        assert "各乡镇、各部门要高度重视" in "".join(p.extract_text().replace(" ", "") for p in lo.pages[-2:])
        assert last
