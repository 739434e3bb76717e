"""The .docx: fonts on every run and style, the 579-twip grid, odd/even footers, fixed tables, the
schema's element order (its pagination in a word processor: test_docx_in_libreoffice.py)."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from app.services.documents.profile import PROFILE as P
from app.services.documents.service import notice_files, table_docx
from app.services.documents.tables import division_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def files(demo_doc):
    pdf, docx, layout = notice_files(demo_doc)
    return pdf, docx, layout


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def test_every_run_and_style_names_east_asian_and_latin_fonts(files):
    _pdf, docx, _ = files
    doc = part(docx, "word/document.xml")
    runs = doc.iter(f"{W}r")
    count = 0
    for r in runs:
        fonts = r.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None
        assert fonts.get(f"{W}eastAsia") and fonts.get(f"{W}ascii") and fonts.get(f"{W}hAnsi")
        assert fonts.get(f"{W}hint") == "eastAsia"
        count += 1
    assert count > 100
    east = {f.get(f"{W}eastAsia") for f in doc.iter(f"{W}rFonts")}
    # no Windows fonts on the test machine: the names a stock Windows 10/11 PC has
    assert east == {"仿宋", "黑体", "楷体", "方正小标宋简体"}
    styles = part(docx, "word/styles.xml")
    for st in styles.iter(f"{W}style"):
        if st.get(f"{W}styleId", "").startswith("GW"):
            assert st.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia")
    for el in list(styles.iter(f"{W}rFonts")) + list(doc.iter(f"{W}rFonts")):
        assert not any(k.endswith("Theme") or k.endswith("theme") for k in el.attrib), el.attrib
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert not any("theme" in n for n in z.namelist())


def test_body_style_is_exact_579_twips_with_2_char_indent(files):
    styles = part(files[1], "word/styles.xml")
    body = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "GWBody")
    spacing = body.find(f"{W}pPr/{W}spacing")
    assert spacing.get(f"{W}line") == "579" and spacing.get(f"{W}lineRule") == "exact"
    assert body.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "200"
    assert body.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"
    doc = part(files[1], "word/document.xml")
    used = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in doc.iter(f"{W}p")]
    assert used.count("GWBody") >= 4 and used.count("GWH2") >= 20 and "GWH1" in used and "GWH2" in used and "GWTitle" in used
    first = next(doc.iter(f"{W}sectPr"))  # the notice's section: on the 22-line grid
    assert first.find(f"{W}docGrid").get(f"{W}linePitch") == str(P.line_pitch_twips)


def test_odd_and_even_footers_with_page_field(files):
    docx = files[1]
    settings = part(docx, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    assert settings.find(f"{W}mirrorMargins") is not None
    doc = part(docx, "word/document.xml")
    refs = {r.get(f"{W}type") for r in doc.iter(f"{W}footerReference")}
    assert {"default", "even"} <= refs
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert any(" PAGE " in f and "— " in f and 'w:val="right"' in f for f in footers)
    assert any(" PAGE " in f and 'w:val="left"' in f for f in footers)


def test_red_header_and_colophon_rules(files):
    doc = part(files[1], "word/document.xml")
    colours = [c.get(f"{W}val") for c in doc.iter(f"{W}color")]
    assert "E60000" in colours
    bottoms = [b for b in doc.iter(f"{W}bottom") if b.get(f"{W}color") == "E60000"]
    assert len(bottoms) == 1  # the red separator
    sizes = sorted({b.get(f"{W}sz") for b in doc.iter(f"{W}top") if b.get(f"{W}color") == "000000"})
    assert str(P.colophon_docx_thick_eighths) in sizes and str(P.colophon_docx_thin_eighths) in sizes


def test_overlay_and_mono_leave_no_red(demo_doc):
    for mode in ("overlay", "mono"):
        _pdf, docx, _ = notice_files(demo_doc, mode, pdf=False)
        assert b"E60000" not in zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")


def test_control_characters_in_text_do_not_break_word_or_excel_files():
    # a vertical tab (Word's soft return when text is pasted) is not allowed in XML 1.0 or by openpyxl
    from app.services.documents.model import Column, NoticeDocument, Signature, Table, TableRow, body
    from app.services.documents.service import table_xlsx

    doc = NoticeDocument(title="关于测试的通知", organs=["示例县人民政府"], doc_number="示政发〔2026〕1号",
                         paragraphs=[body("正文\x0b第二行\x01。")], signature=Signature(["示例县人民政府"], "2026年1月5日"))
    _pdf, docx, _layout = notice_files(doc, pdf=False)
    assert "正文第二行。" in "".join(t.text or "" for t in part(docx, "word/document.xml").iter(f"{W}t"))
    table = Table("division", "分工表", [Column("序号", 15), Column("重点任务", 60)], [TableRow(["1", "甲\x0b乙"])])
    assert "甲乙" in "".join(t.text or "" for t in part(table_docx(table), "word/document.xml").iter(f"{W}t"))
    assert table_xlsx(table)


def test_tables_have_fixed_widths_for_wps(demo_tree):
    table = division_table(demo_tree)
    doc = part(table_docx(table), "word/document.xml")
    tbl = next(doc.iter(f"{W}tbl"))
    tblw = tbl.find(f"{W}tblPr/{W}tblW")
    assert tblw.get(f"{W}type") == "dxa"
    cols = [int(g.get(f"{W}w")) for g in tbl.iter(f"{W}gridCol")]
    assert len(cols) == 5 and sum(cols) == int(tblw.get(f"{W}w")) == pytest.approx(12756, abs=3)
    assert tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    rows = tbl.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    for tc in tbl.iter(f"{W}tc"):
        assert tc.find(f"{W}tcPr/{W}tcW").get(f"{W}type") == "dxa"
    assert doc.find(f"{W}body/{W}sectPr/{W}pgSz").get(f"{W}orient") == "landscape"


def test_seal_image_is_a_floating_labelled_picture_in_colour_only(demo_doc, tmp_path):
    import copy

    from .test_pdf_variants import _png

    doc = copy.deepcopy(demo_doc)
    doc.signature.seal_image = _png(tmp_path / "seal.png")
    _pdf, docx, _ = notice_files(doc, pdf=False)
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "<wp:anchor" in xml and "草稿示意" in xml and 'relativeFrom="paragraph"' in xml
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(docx)).namelist())
    _pdf, mono, _ = notice_files(doc, "mono", pdf=False)
    assert "<wp:anchor" not in zipfile.ZipFile(io.BytesIO(mono)).read("word/document.xml").decode()


ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
            "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
            "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
              "tblLook"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"],
}


def test_properties_follow_the_schema_order_word_insists_on(files, demo_tree):
    for data in (files[1], table_docx(division_table(demo_tree))):
        for name in ("word/document.xml", "word/styles.xml"):
            root = part(data, name)
            for kind, order in ORDER.items():
                for el in root.iter(f"{W}{kind}"):
                    tags = [c.tag.split("}")[1] for c in el]
                    idx = [order.index(t) for t in tags]  # an unknown tag fails here too
                    assert idx == sorted(idx), (name, kind, tags)
