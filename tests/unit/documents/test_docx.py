"""The .docx: fonts on every run and style, the 579-twip grid, odd/even footers, fixed tables, and
the same page count as the PDF when LibreOffice lays it out with the same fonts."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile

import pdfplumber
import pytest
from lxml import etree

from app.services.documents.profile import PROFILE as P
from app.services.documents.service import notice_files, table_docx
from app.services.documents.tables import division_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


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
    assert {"仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"} <= east
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
    sect = doc.find(f"{W}body/{W}sectPr")
    assert sect.find(f"{W}docGrid").get(f"{W}linePitch") == str(P.line_pitch_twips)


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


FONTS_CONF = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir><cachedir>{cache}</cachedir>
{aliases}</fontconfig>"""
ALIASES = {"仿宋_GB2312": "FandolFang", "Times New Roman": "FandolFang", "方正小标宋简体": "FandolSong",
           "黑体": "FandolHei", "楷体_GB2312": "FandolKai", "宋体": "FandolSong"}


def libreoffice_pdf(docx: bytes, tmp_path) -> pdfplumber.PDF:
    """LibreOffice gets the fonts the PDF used (the Windows names mapped to the bundled Fandol
    fonts, as a Windows PC maps them to its own) and converts the .docx to PDF."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "notice.docx"
    src.write_bytes(docx)
    aliases = "".join(
        f'<match target="pattern"><test name="family"><string>{k}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{v}</string></edit></match>'
        for k, v in ALIASES.items())
    conf = tmp_path / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=os.path.join(REPO, "resources", "fonts"), cache=tmp_path / "fc",
                                      aliases=aliases), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(tmp_path))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], env=env, check=True, capture_output=True, timeout=120)
    return pdfplumber.open(tmp_path / "notice.pdf")


NO_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None,
                                reason="LibreOffice (soffice) 未安装：无法比较 Word 文档与 PDF 的页数")


@NO_SOFFICE
def test_libreoffice_lays_out_the_docx_on_as_many_pages_as_the_pdf(files, tmp_path):
    _pdf, docx, layout = files
    with libreoffice_pdf(docx, tmp_path) as lo:
        assert len(lo.pages) == len(layout.pages)
        last = lo.pages[-1].extract_text()
        assert "印发" in last and "抄送" in last
        assert "示例县人民政府办公室文件" in lo.pages[0].extract_text().replace(" ", "")


@NO_SOFFICE
def test_libreoffice_agrees_on_the_blank_page_before_the_colophon_and_on_a_joint_notice(tmp_path):
    from app.services.documents.model import Colophon, Paragraph, Run, Signature

    from .test_pdf_variants import simple

    col = Colophon("县委各部门，县人大常委会办公室，县政协办公室。", "示例县人民政府办公室", "2026年1月5日")
    blank_case = next(d for d in (simple(paragraphs=[Paragraph([Run("依法行政规范用权" * n)])], colophon=col)
                                  for n in range(70, 130, 2))
                      if notice_files(d, pdf=False)[2].header["colophon"] == "blank")
    organs = ["示例县人民政府办公室", "示例县司法局", "示例县财政局"]
    joint = simple(organs=organs, signature=Signature(organs, "2026年1月5日"), signers=["张三", "李四"])
    for i, doc in enumerate((blank_case, joint)):
        _pdf, docx, layout = notice_files(doc, pdf=False)
        with libreoffice_pdf(docx, tmp_path / str(i)) as lo:
            assert len(lo.pages) == len(layout.pages), i
            if i == 0:
                assert not (lo.pages[-2].extract_text() or "").strip()  # the blank page: no number either

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
