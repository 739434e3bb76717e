"""The 公文 format checker."""

from __future__ import annotations

from app.services.checks import (
    check_attachment_note,
    check_date,
    check_doc_number,
    check_headings,
    check_notice,
    check_punctuation,
)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def test_doc_number():
    assert check_doc_number("示政办发〔2026〕5号") == []
    assert "doc_number_brackets" in codes(check_doc_number("示政办发[2026]5号"))
    assert "doc_number_brackets" in codes(check_doc_number("示政办发【2026】5号"))
    assert "doc_number_brackets" in codes(check_doc_number("示政办发（2026）5号"))
    assert "doc_number_di" in codes(check_doc_number("示政办发〔2026〕第5号"))
    assert "doc_number_padding" in codes(check_doc_number("示政办发〔2026〕05号"))
    assert "doc_number_form" in codes(check_doc_number("示政办发〔26〕5号"))


def test_date_format():
    assert check_date("2026年1月5日") == []
    assert codes(check_date("2026年01月05日")) == ["date_format"]
    assert codes(check_date("二〇二六年一月五日")) == ["date_format"]
    assert codes(check_date("2026-1-5")) == ["date_format"]


def test_attachment_note_against_titles():
    assert check_attachment_note(["重点任务分工表"], ["重点任务分工表"]) == []
    assert "attachment_mismatch" in codes(check_attachment_note(["任务分工表"], ["重点任务分工表"]))
    assert "attachment_mismatch" in codes(check_attachment_note(["乙", "甲"], ["甲", "乙"]))
    assert codes(check_attachment_note(["重点任务分工表。"], ["重点任务分工表"])) == ["attachment_punct"]


def test_heading_numerals():
    ok = ["一、总体要求", "（一）指导思想。", "1．学习", "2．宣传", "（1）细则", "（二）目标。", "二、任务"]
    assert check_headings(ok) == []
    assert "heading_level3_dun" in codes(check_headings(["一、甲", "1、乙"]))
    assert "heading_skipped" in codes(check_headings(["一、甲", "三、丙"]))
    assert "heading_repeated" in codes(check_headings(["一、甲", "（一）乙", "（一）丙"]))
    # numbering restarts under a new parent
    assert check_headings(["一、甲", "（一）乙", "二、丙", "（一）丁"]) == []


def test_half_width_punctuation_and_nested_title_marks():
    assert check_punctuation("依法行政，规范用权（试行）。") == []
    assert codes(check_punctuation("依法行政,规范用权")) == ["half_width_punct"]
    assert codes(check_punctuation("落实(试行)办法")) == ["half_width_punct", "half_width_punct"]
    assert check_punctuation("版本 1.0, released") == []  # Latin text is left alone
    assert "nested_title_marks" in codes(check_punctuation("学习《关于《条例》的说明》"))
    assert check_punctuation("学习《关于〈条例〉的说明》") == []


def test_the_demo_notice_is_clean(demo_doc):
    assert [f.text() for f in check_notice(demo_doc)] == []


def test_missing_date_is_flagged_and_still_renders(demo_doc):
    import copy

    from app.services.documents.service import notice_files

    doc = copy.deepcopy(demo_doc)
    doc.signature.date_text = ""
    doc.signature.sealed = False
    assert "date_missing" in codes(check_notice(doc))
    pdf, docx, layout = notice_files(doc)
    assert pdf.startswith(b"%PDF") and docx.startswith(b"PK") and layout.pages


def test_placeholders_corruption_and_a_date_that_contradicts_the_number(demo_doc):
    import copy

    from app.services.text_quality import BLANK_DATE

    doc = copy.deepcopy(demo_doc)
    doc.doc_number = "示政办发〔2018〕3号"  # the demo is dated 2026
    doc.paragraphs[0].runs[0] = type(doc.paragraphs[0].runs[0])("组织？？？？学习，é¦–é¡µ。")
    doc.colophon.print_date_text = BLANK_DATE
    found = check_notice(doc)
    assert [(f.code, f.where) for f in found if f.code == "date_year"] == [("date_year", "成文日期")]
    corrupted = [f for f in found if f.code == "corrupted"]
    assert corrupted[0].where == "正文第1段" and "？？？？" in corrupted[0].message and "é¦–é¡µ" in corrupted[0].message
    assert [(f.code, f.where) for f in found if f.code == "placeholder"] == [("placeholder", "印发日期")]
    assert "date_format" not in codes(found)  # a blank date is a placeholder, not a malformed date
    table = doc.issued.attachments[0].table
    table.rows[1].cells[1] = "锟斤拷锟斤拷"
    assert any(f.code == "corrupted" and "第2行" in f.where for f in check_notice(doc))


def test_layout_checks_find_lone_characters_and_titles_broken_inside_words(demo_doc):
    from app.services.checks import check_layout
    from app.services.documents.pages import Layout
    from app.services.documents.service import layout_document
    from app.services.documents.typeset import Glyph, Line

    layout, _book = layout_document(demo_doc)
    assert check_layout(layout) == []
    g = Glyph("府", "F", 16.0, 15.8, "fang")
    fake = Layout([], lines=[(3, Line([g], [0.0], last=True), "body")],
                  header={"titles": [["关于印发《示例县全面推进依法行政加", "快建设法治政府实施方案》的通知"]]})
    found = check_layout(fake)
    assert (found[0].code, found[0].where) == ("lone_character", "第4页")
    assert found[1].code == "title_break" and "加快建设" in found[1].message
