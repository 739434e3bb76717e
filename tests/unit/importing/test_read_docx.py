import zipfile

import pytest
from docx import Document

from app.services.errors import InputFileError
from app.services.importing import import_file
from app.services.importing.docx_numbering import format_number
from app.services.importing.model import Table
from app.services.importing.read_docx import read_docx
from app.services.importing.readers import read_file

from .builders import (
    add_numbering,
    add_table,
    body_xml,
    declare_size,
    minimal_docx_members,
    numbered,
    numbered_plan_docx,
    zip_with,
)


def test_paragraphs_and_tables_in_document_order(tmp_path):
    doc = Document()
    doc.add_paragraph("一、加强领导")
    add_table(doc, [["序号", "重点任务"], ["1", "加强领导"]])
    doc.add_paragraph("二、依法行政")
    p = tmp_path / "a.docx"
    doc.save(p)
    blocks = read_docx(p, p.name)
    assert blocks[0] == "一、加强领导"
    assert isinstance(blocks[1], Table) and blocks[1].rows == [["序号", "重点任务"], ["1", "加强领导"]]
    assert blocks[2] == "二、依法行政"


def test_automatic_numbering_is_shown_as_printed(tmp_path):
    doc = Document()
    nid = add_numbering(doc, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                              ("decimal", "（%4）"), ("decimalEnclosedCircle", "%5")])
    for text, lvl in [("甲", 0), ("乙", 1), ("丙", 2), ("丁", 2), ("戊", 3), ("己", 4), ("庚", 1), ("辛", 2), ("壬", 0),
                      ("癸", 1)]:
        numbered(doc, text, nid, lvl)
    p = tmp_path / "n.docx"
    doc.save(p)
    assert read_docx(p, p.name) == ["一、甲", "（一）乙", "1.丙", "2.丁", "（1）戊", "①己", "（二）庚", "1.辛", "二、壬",
                                    "（一）癸"]


def test_numbering_restarts_with_start_override_and_continues_otherwise(tmp_path):
    doc = Document()
    a = add_numbering(doc, [("decimal", "%1.")], abstract_id=80, num_id=80)
    numbered(doc, "甲", a, 0)
    numbered(doc, "乙", a, 0)
    numbering = doc.part.numbering_part.element
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="81"><w:abstractNumId w:val="80"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="82"><w:abstractNumId w:val="80"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    numbered(doc, "丙", 81, 0)  # same list definition, no override: carries on
    numbered(doc, "丁", 82, 0)  # startOverride: starts again
    doc.add_paragraph("无编号")
    p = tmp_path / "r.docx"
    doc.save(p)
    assert read_docx(p, p.name) == ["1.甲", "2.乙", "3.丙", "1.丁", "无编号"]


@pytest.mark.parametrize(("n", "fmt", "out"), [
    (3, "decimal", "3"), (12, "chineseCounting", "十二"), (3, "decimalEnclosedCircle", "③"),
    (2, "lowerLetter", "b"), (4, "upperRoman", "IV"), (5, "decimalZero", "05"), (7, "decimalFullWidth", "７"),
    (7, "unknownFormat", "7"),
])
def test_number_formats(n, fmt, out):
    assert format_number(n, fmt) == out


def test_numbered_docx_with_merged_table_becomes_a_plan(tmp_path):
    r = import_file(numbered_plan_docx(tmp_path / "plan.docx"))
    assert r.title == "示例县2026年法治政府建设工作要点"
    assert [t.path for t in r.tasks] == [["一", "(一)"], ["一", "(二)"], ["二", "(一)"], ["二", "(二)"]]
    t = r.tasks[1]
    assert [u.name for u in t.lead] == ["县司法局"]  # from the vertically merged cell
    assert (t.deadline_text, str(t.deadline)) == ("2026年12月底前", "2026-12-31")
    assert [u.name for u in r.tasks[2].lead] == ["县政府办公室", "县司法局"]
    assert r.tasks[0].deadline_text == "长期坚持" and r.tasks[0].deadline is None


def test_deleted_text_and_text_boxes_are_not_read(tmp_path):
    xml = body_xml("一、保留的文字").replace(
        "<w:t>一、保留的文字</w:t></w:r>",
        "<w:t>一、保留的文字</w:t></w:r><w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del>")
    p = zip_with(tmp_path / "d.docx", minimal_docx_members(xml))
    assert read_docx(p, p.name) == ["一、保留的文字"]


def test_renamed_text_file_is_read_as_text_and_said(tmp_path):
    p = tmp_path / "plan.docx"
    p.write_text("一、加强领导\n（一）落实责任。（牵头单位：县司法局）\n", encoding="utf-8")
    r = import_file(p)
    assert [u.name for u in r.tasks[0].lead] == ["县司法局"]
    assert any("纯文本" in w for w in r.warnings)


def test_word_file_named_txt_is_read_as_word(tmp_path):
    p = numbered_plan_docx(tmp_path / "plan.docx")
    renamed = tmp_path / "plan.txt"
    renamed.write_bytes(p.read_bytes())
    doc = read_file(renamed)
    assert any("Word 文档" in w for w in doc.warnings)


def test_zip_that_is_not_a_word_document(tmp_path):
    p = zip_with(tmp_path / "x.docx", {"hello.txt": b"hi"})
    with pytest.raises(InputFileError, match="不是 Word"):
        import_file(p)


def test_truncated_docx_is_refused(tmp_path):
    good = numbered_plan_docx(tmp_path / "g.docx").read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputFileError):
        import_file(bad)


def test_broken_xml_is_refused(tmp_path):
    p = zip_with(tmp_path / "b.docx", minimal_docx_members("<w:document><w:body><w:p>"))
    with pytest.raises(InputFileError, match="XML"):
        import_file(p)


def test_zip_bomb_is_refused_before_extracting(tmp_path):
    p = zip_with(tmp_path / "bomb.docx", minimal_docx_members(body_xml("一、正文")))
    declare_size(p, "word/document.xml", 3_000_000_000)  # what a bomb declares
    with pytest.raises(InputFileError, match="压缩炸弹"):
        import_file(p)


def test_member_larger_than_declared_is_not_inflated(tmp_path):
    """A lying header cannot make us inflate more than it declared: the read stops there and the
    checksum then fails."""
    big = body_xml("一、" + "很长的正文" * 200_000)
    p = zip_with(tmp_path / "liar.docx", minimal_docx_members(big))
    declare_size(p, "word/document.xml", 1000)
    with pytest.raises(InputFileError):
        import_file(p)


def test_unusual_compression_is_refused(tmp_path):
    p = tmp_path / "bz.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_BZIP2) as zf:
        for name, data in minimal_docx_members(body_xml("一、正文")).items():
            zf.writestr(name, data)
    with pytest.raises(InputFileError, match="压缩"):
        import_file(p)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE w:document [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>一、&lol4;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>一、&secret;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL])
def test_xml_entities_are_refused(tmp_path, xml):
    p = zip_with(tmp_path / "e.docx", minimal_docx_members(xml))
    with pytest.raises(InputFileError, match="DOCTYPE"):
        import_file(p)


def test_entities_hidden_in_utf16_are_refused(tmp_path):
    xml = EXTERNAL.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    members = minimal_docx_members("")
    members["word/document.xml"] = xml.encode("utf-16")
    p = zip_with(tmp_path / "u.docx", members)
    with pytest.raises(InputFileError, match="DOCTYPE"):
        import_file(p)


def test_parser_never_expands_or_fetches_entities():
    """Even past the DOCTYPE check, our parser leaves entities unexpanded and fetches nothing."""
    from pathlib import Path

    from lxml import etree

    from app.services.importing.zip_guard import _PARSER

    root = etree.fromstring(EXTERNAL.encode(), _PARSER)
    text = "".join(root.itertext()).strip()
    assert text == "一、&secret;"  # left as a reference
    hostname = Path("/etc/hostname")
    if hostname.is_file() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in text
    root = etree.fromstring(BILLION_LAUGHS.encode(), _PARSER)
    assert "".join(root.itertext()).strip() == "一、&lol4;"  # not a thousand "lol"s


def test_empty_word_document(tmp_path):
    p = tmp_path / "empty.docx"
    Document().save(p)
    with pytest.raises(InputFileError, match="没有文字"):
        import_file(p)


@pytest.mark.parametrize(("name", "what"), [("要点.docx", "Word 文档"), ("分工表.xlsx", "Excel 工作簿")])
def test_binary_junk_named_as_an_office_file_is_called_so(tmp_path, name, what):
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 200)  # neither a package nor text
    with pytest.raises(InputFileError) as err:
        read_file(path)
    assert err.value.message == (f"“{name}”不是有效的{what}：文件已损坏，或扩展名与内容不符。"
                                 "请在 WPS/Word 中打开它另存一份后再导入。")
    junk = tmp_path / "说明.txt"
    junk.write_bytes(bytes(range(256)) * 200)
    with pytest.raises(InputFileError, match="不是文本文件"):
        read_file(junk)
