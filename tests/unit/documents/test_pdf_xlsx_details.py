"""PDF and Excel details (issue 9, point 7): document information, no unused unembedded font,
numbers that are numbers, rows that grow with their text, the plan's name on the sheet."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import openpyxl
import pdfplumber

from app.services.documents.convert import convert_result
from app.services.documents.service import notice_files, table_pdf, table_xlsx
from app.services.documents.tables import division_table, matrix_table
from app.services.importing import import_text

from .test_convert import SOURCE


def test_pdf_carries_real_document_information(demo_doc):
    pdf, _docx, _layout = notice_files(demo_doc, docx=False)
    with pdfplumber.open(io.BytesIO(pdf)) as p:
        info = p.metadata
    assert info["Title"] == demo_doc.title
    assert info["Author"] == demo_doc.signature.organs[0]
    assert info["Subject"] == demo_doc.issued.title and info["Creator"] == "法治工作台"
    created = datetime.strptime(info["CreationDate"][2:16], "%Y%m%d%H%M%S")
    assert abs(datetime.now() - created) < timedelta(hours=15)  # the PDF's date is local time


def test_pdf_names_no_font_it_does_not_embed(demo_doc, demo_tree):
    pdf, _docx, _layout = notice_files(demo_doc, docx=False)
    table, _layout = table_pdf(division_table(demo_tree))
    for data in (pdf, table):
        assert b"Helvetica" not in data and b"/FontFile2" in data


def test_xlsx_counts_are_numbers_rows_grow_and_the_sheet_names_the_plan(demo_tree):
    ws = openpyxl.load_workbook(io.BytesIO(table_xlsx(matrix_table(demo_tree)))).active
    body = [r for r in ws.iter_rows(min_row=4, max_col=4, values_only=True) if r[1] is not None]
    assert body and all(isinstance(r[0], int) and isinstance(r[2], int) and isinstance(r[3], int) for r in body)
    assert not any(ws.row_dimensions[r].height for r in range(4, ws.max_row + 1))  # sized by Excel to the text
    conv = convert_result(import_text(SOURCE, "示范.txt"))
    ws = openpyxl.load_workbook(io.BytesIO(table_xlsx(conv.doc.issued.attachments[0].table))).active
    assert ws.title == "示范市2023年法治政府建设工作要点重点任务分工表"
    assert conv.doc.issued.attachments[0].title == "重点任务分工表"  # the 附件 page keeps its own title
