"""`convert`: an imported document typeset as a 印发 notice, keeping what the source says."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pdfplumber
import pytest

from app.cli import main
from app.services.checks import check_notice
from app.services.documents.convert import convert_result, office_of
from app.services.documents.profile import PROFILE as P
from app.services.documents.service import notice_files
from app.services.errors import ValidationError
from app.services.importing import import_text
from app.services.text_quality import BLANK_DATE, BLANK_DOC_NUMBER

SOURCE = """关于印发《示范市2023年法治政府建设工作要点》的通知
示政发〔2023〕7号
各区县人民政府,市政府各部门:
《示范市2023年法治政府建设工作要点》已经市人民政府同意,现印发给你们,请认真贯彻执行。
示范市人民政府
2023年4月3日
示范市2023年法治政府建设工作要点
2023年全市法治政府建设工作坚持以习近平法治思想为指导。
一、加强党对法治政府建设的领导
(一)深入学习贯彻习近平法治思想。组织开展专题学习培训。(牵头单位:市司法局;配合单位:市委宣传部)
(二)压实第一责任人职责。将履行推进法治建设第一责任人职责情况列入年终述职内容。(牵头单位:市委组织部)
二、推进严格规范公正文明执法
(三)全面落实行政执法三项制度。2023年底前完成全市行政执法案卷评查。(牵头单位:市司法局;配合单位:各行政执法单位)
"""


def test_convert_keeps_the_source_and_lists_its_defaults():
    result = import_text(SOURCE, "示范.txt")
    conv = convert_result(result)
    doc = conv.doc
    assert doc.doc_number == "示政发〔2023〕7号"
    assert doc.title == "关于印发《示范市2023年法治政府建设工作要点》的通知"
    assert doc.signature.organs == ["示范市人民政府"] and doc.signature.date_text == "2023年4月3日"
    assert doc.recipients.startswith("各区县人民政府") and doc.recipients.endswith("：")
    assert doc.colophon.printed_by == "示范市人民政府办公室" and doc.colophon.print_date_text == "2023年4月3日"
    assert any("版记" in d for d in conv.defaults)
    assert doc.issued.title == "示范市2023年法治政府建设工作要点"
    table = doc.issued.attachments[0].table
    rows = [r for r in table.rows if not r.section]
    assert len(rows) == 3 and rows[0].cells[2] == "市司法局" and "市委宣传部" in rows[0].cells[3]
    pdf, _docx, layout = notice_files(doc, docx=False)
    with pdfplumber.open(io.BytesIO(pdf)) as p:
        first = p.pages[0].extract_text().replace(" ", "")
        assert "示政发〔2023〕7号" in first and "示范市人民政府文件" in first
    assert any(pg.landscape for pg in layout.pages)


def test_missing_cover_fields_are_visible_placeholders_never_invented_values():
    body = SOURCE.split("示范市2023年法治政府建设工作要点\n", 2)[-1]
    conv = convert_result(import_text("示范市2023年法治政府建设工作要点\n" + body, "无封面.txt"))
    text = "；".join(conv.defaults)
    for field in ("发文机关", "发文字号", "成文日期", "主送机关", "正文"):
        assert field in text
    doc = conv.doc
    assert doc.signature.date_text == BLANK_DATE and doc.colophon.print_date_text == BLANK_DATE  # not today
    assert doc.organs == ["【发文机关】"] and doc.signature.organs == ["【发文机关】"]
    assert doc.colophon.printed_by == "【印发机关】" and doc.doc_number == BLANK_DOC_NUMBER
    assert doc.title == "关于印发《示范市2023年法治政府建设工作要点》的通知"
    found = {(f.code, f.where) for f in check_notice(doc)}
    for where in ("发文机关标志", "署名", "印发机关", "发文字号", "成文日期", "印发日期"):
        assert ("placeholder", where) in found, where
    pdf, docx, _layout = notice_files(doc)
    with pdfplumber.open(io.BytesIO(pdf)) as p:
        page = p.pages[0]
        text = page.extract_text().replace(" ", "")
        assert "【发文机关】文件" in text and "〔" in text and "〕" in text and "号" in text  # a visible 〔　〕号
        # no 主送: the body still starts one blank line below the title (§7.3.2)
        title_rows = sorted({round(c["top"], 1) for c in page.chars if c["size"] == 22})
        rows = sorted({round(c["top"], 1) for c in page.chars if c["size"] == 16 and c["top"] > title_rows[-1]})
        assert rows[0] - title_rows[-1] == pytest.approx(2 * P.line_pitch_pt + 3, abs=1.5)
    assert b"highlight" in zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")  # placeholders stand out


def test_a_dated_number_without_a_date_gets_no_date_of_today():
    conv = convert_result(import_text(SOURCE.replace("2023年4月3日\n", ""), "无日期.txt"))
    assert conv.doc.doc_number == "示政发〔2023〕7号" and conv.doc.signature.date_text == BLANK_DATE
    assert any("成文日期" in d and "留空" in d for d in conv.defaults)


def test_a_document_without_any_title_is_refused():
    with pytest.raises(ValidationError, match="找不到文件标题"):
        convert_result(import_text("一、加强领导\n（一）压实责任。（牵头单位：县委办）", "去年的要点.txt"))


def test_office_of():
    assert office_of("示例县人民政府") == "示例县人民政府办公室"
    assert office_of("示例县人民政府办公室") == "示例县人民政府办公室"
    assert office_of("中共示例县委") == "中共示例县委办公室"
    assert office_of("示例县司法局") == "示例县司法局"


def test_convert_command(tmp_path, capsys):
    src = tmp_path / "要点.txt"
    src.write_text(SOURCE, encoding="utf-8")
    code = main(["convert", str(src), "--pdf", str(tmp_path / "a.pdf"), "--docx", str(tmp_path / "a.docx"),
                 "--xlsx", str(tmp_path / "a.xlsx"), "--mode", "mono"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "沿用原文：标题、发文字号、发文机关、主送机关、成文日期" in out
    assert "默认值：版记" in out and "已写入" in out and "黑白" in out
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert ws.cell(3, 2).value == "重点任务"
    assert main(["convert", str(tmp_path / "none.txt"), "--pdf", str(tmp_path / "b.pdf")]) == 2
    assert capsys.readouterr().err.strip()


def test_convert_prints_the_format_checkers_findings(tmp_path, capsys):
    """The clerk of a script reads what the checker found, one line each, beside the defaults."""
    bare = "\n".join(SOURCE.splitlines()[6:])  # the plan without its cover notice
    src = tmp_path / "要点.txt"
    src.write_text(bare, encoding="utf-8")
    assert main(["convert", str(src), "--pdf", str(tmp_path / "a.pdf")]) == 0
    found = [line for line in capsys.readouterr().out.splitlines() if line.startswith("格式检查：")]
    assert any("发文机关标志" in f and "【发文机关】" in f for f in found)
    assert any(f.startswith("格式检查：成文日期") for f in found)
    assert sum("待填的占位内容" in f for f in found) >= 4  # 标志, 文号, 署名, 日期 at least
    src.write_text(SOURCE, encoding="utf-8")  # a complete cover: nothing to fill in
    assert main(["convert", str(src), "--pdf", str(tmp_path / "b.pdf")]) == 0
    assert not [line for line in capsys.readouterr().out.splitlines() if "待填的占位内容" in line]


def test_xlsx_sheet_name_drops_characters_excel_refuses():
    from app.services.documents.model import Column, Table, TableRow
    from app.services.documents.service import table_xlsx

    table = Table("division", "示例县2021/2025年规划[草案]：重点任务分工表", [Column("序号", 15)], [TableRow(["1"])])
    ws = openpyxl.load_workbook(io.BytesIO(table_xlsx(table))).active
    assert ws.title == "示例县20212025年规划草案：重点任务分工表"
    assert ws["A1"].value == table.title  # the printed title keeps them
